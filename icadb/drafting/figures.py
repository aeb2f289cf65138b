"""Frames, step: figures (troops, amounts) and the field of cooperation.
"""

from __future__ import annotations

import re

from icadb.drafting.frame import Frame
from icadb.drafting.reading import Reading
from icadb.drafting.rules import Rules

_FIGURE = re.compile(
    r"(?P<approx>\b(?:about|around|some|nearly|almost|approximately|roughly|an estimated|estimated|over|more than|"
    r"up to|at least)\s+)?(?P<cur>US\$|\$|Rs\.?\s?|INR\s)?(?P<num>\b\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a dozen)\b)"
    r"(?:\s(?P<mult>million|billion|crore|lakh|thousand)\b)?(?P<between>(?-i:(?:\s[A-Z][a-z]+)?(?:\s[a-z-]+)?))?",
    re.IGNORECASE)


MULTIPLIERS = {"thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9}


_FIGURE_CANDIDATE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                               r"thirty|forty|fifty|dozen)\b", re.IGNORECASE)


def find_figures(frame: Frame, reading: Reading, rules: Rules) -> None:
    if not _FIGURE_CANDIDATE.search(reading.text):
        return
    labels: set[str] = set()
    for match in _FIGURE.finditer(reading.text):
        number = match.group("num")
        between = (match.group("between") or "").split()
        unit = between[-1].lower() if between else ""
        currency = match.group("cur")
        if not currency and unit not in rules.figure_units:
            continue
        if not currency and re.match(r"\d{4}$", number) and 1900 <= int(number) <= 2100:
            continue  # a year, not a count
        words = rules.number_words
        value = float(number.replace(",", "")) if number[0].isdigit() else float(words.get(number.lower().split()[-1], 0))
        if not value:
            continue
        multiplier = match.group("mult")
        if multiplier:
            value *= MULTIPLIERS[multiplier.lower()]
        end = match.end("mult") if multiplier else match.end("num")
        if not currency:
            end = match.end()
        start = match.start("approx") if match.group("approx") else match.start("cur") if currency else match.start("num")
        quoted = reading.text[start:end]
        label = unit if not currency else "amount"
        if label in labels:
            continue
        labels.add(label)
        frame.figures.append({
            "label": label, "value": int(value) if value.is_integer() else value,
            "unit": {"us$": "USD", "$": "USD"}.get((currency or "").strip().lower(), "INR" if currency else unit),
            "approximate": bool(match.group("approx")), "text": quoted,
        })


def find_category(frame: Frame, text: str, rules: Rules) -> tuple[str, str]:
    reading = frame.reading
    found = reading._found.get("category") if reading.text is text else None
    if found is None:
        found = next(((group.value, f'"{hit.group(0)}" (categories.{group.value})')
                      for group in rules.categories if (hit := group.phrases.first(text))), ())
        if reading.text is text:
            reading._found["category"] = found
    if found:
        return found
    default = rules.kind_categories.get(frame.kind or "meeting", "diplomacy")
    return default, f"no category word; the default for a {frame.kind} (kind_categories)"
