"""Frames, step: the series an event belongs to, and its edition.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from icadb.drafting.dates import DateReading
from icadb.drafting.frame import Frame
from icadb.drafting.knowledge import Knowledge, fold
from icadb.drafting.reading import Reading
from icadb.drafting.rules import Rules

_ORDINAL_NUMBER = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11,
          "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20}


@lru_cache(maxsize=256)
def _edition_after(nouns: tuple[str, ...]) -> re.Pattern:
    """Up to six words, then one of *nouns* (an edition noun or the series' name)."""
    return re.compile(r"(?:\s+(?!(?:and|or|but|which|that|was|is|will)\b)[\w'\u2019-]+){0,6}?\s+(" +
                      "|".join(re.escape(w) for w in nouns) + r")(?![\w-])", re.IGNORECASE)


# "KazInd-21", "Dustlik-2019", "Khanjar 2023": the year of an edition, after the series' name
_YEAR_SUFFIX = re.compile(r"(?:-(\d{2})|[- ]((?:19|20)\d\d))(?![\w/-])")


# "exercise Prabal Dostyk", "Exercise Indra 2021", "the Khaan Quest exercise", "the SCO Peace Mission 2021
# counter-terrorism exercise": an exercise's own name, with its edition (a Roman numeral) or year after it
_NAME = r"(?-i:[A-Z][\w'\u2019-]*)(?:[ -](?-i:[A-Z][\w'\u2019-]*)){0,3}"
_SUFFIX = r"(?:[ -](?P<roman>(?-i:[IVX]{1,5}))\b|[ -](?P<year>(?:19|20)\d\d)\b|-(?P<yy>\d\d)\b)?"
_NAME_AFTER = re.compile(rf"\b(?:[Ee]xercise|[Dd]rills?)\s+(?P<name>{_NAME}){_SUFFIX}")
_NAME_BEFORE = re.compile(rf"(?P<name>{_NAME}){_SUFFIX}\s+(?:(?:joint|military|counter-terrorism|counter-terror|"
                          r"special forces|naval|air|multinational|peacekeeping|command-post|tactical|field|mountain|"
                          r"army|anti-terror|staff|training)\s+){0,3}(?:exercise|exercises|drills)\b")


def _exercise_name(frame: Frame, reading: Reading, kb: Knowledge) -> None:
    """An exercise's own name that seeds/series.yaml lacks: its series name (suggested), with its edition from a
    Roman numeral or its year after the name; the countries' names and adjectives before it are not the name."""
    for pattern in (_NAME_AFTER, _NAME_BEFORE):
        for match in pattern.finditer(reading.text):
            words = re.split(r"[ -]", match.group("name"))
            while words and (words[0] in kb.country_words or words[0] in ("The", "A", "An", "Joint", "Exercise")):
                words.pop(0)  # "India-Kazakhstan", "Indian", "The": who takes part, not the name
            if not words or any(w in kb.country_words or w.endswith(("'s", "\u2019s")) for w in words) or \
                    " ".join(words).lower() in ("military", "joint", "army", "special forces"):
                continue
            name = " ".join(words)
            if fold(name) in kb.places or len(name) < 3:
                continue
            frame.series_name = name
            frame.edition_why = f'"{match.group(0).strip()}": the exercise\'s own name'
            if match.group("roman") and match.group("roman") in _ROMAN and frame.edition is None:
                frame.edition = _ROMAN[match.group("roman")]
                frame.edition_why += f", edition {frame.edition}"
            digits = match.group("year") or match.group("yy")
            if digits:
                frame.series_year = int(digits) if len(digits) == 4 else 2000 + int(digits)
            return


# "the summit of the Shanghai Cooperation Organisation's Council of Heads of State", "the SCO's summit": a summit
# of an organisation that has a series of summits
_SUMMIT = re.compile(r"\b(?:summit|council of heads of state|heads of state council|heads of state summit)\b",
                     re.IGNORECASE)


def _summit_of_an_organisation(frame: Frame, reading: Reading, kb: Knowledge) -> None:
    """A summit told with the organisation's name, not the series' ("the summit of the Shanghai Cooperation
    Organisation's Council of Heads of State"): the series "<ORG> summit" when seeds/series.yaml has it."""
    summit = _SUMMIT.search(reading.text)
    if summit is None:
        return
    for n in reading.named:
        if n.entity_type != "organization" or not n.entity_id or abs(n.start - summit.start()) > 60:
            continue
        series_id = kb.series_names.get(fold(f"{n.entity_id.upper()} summit"))
        series = kb.series.get(series_id) if series_id else None
        if series is not None and series.kind == "meeting":
            frame.series = series
            frame.edition_why = f'"{summit.group(0)}" of the {n.surface}: {series.name}'
            return


def _subject_of(name: str, before: str) -> bool:
    """Whether *name* is the subject of the verb *before* ends at: a few words before it, with no comma or
    relative clause between ("KAZIND was instituted", not "the SCO summit, held by the bloc that was ...")."""
    at = before.rfind(name)
    gap = before[at + len(name):] if at >= 0 else ""
    return at >= 0 and len(gap.split()) <= 3 and not re.search(r"[,;]|\b(?:that|which|who)\b", gap)


def year_of_the_series(frame: Frame) -> None:
    """The year a series name carries ("KazInd-21") dates an edition whose
    sentence gives no year of its own: a day or month without a year moves
    into it ("on 30 August"), a weekday or a relative date gives way to the
    year alone (no more precise than the words)."""
    year = frame.series_year
    if year is None:
        return
    why = f"the year of the series name ({year})"
    whole = DateReading(0, 0, str(year), "series-year", str(year), "year", f"{year}-01-01", f"{year}-12-31",
                        "stated", f"{why}; the text gives no more precise date of that year")
    date = frame.date
    if date is None or not date.earliest or date.precision == "unknown":
        frame.date, frame.date_why = whole, f"rule series-year: {why}"
        return
    if int(date.earliest[:4]) == year or re.search(r"(?:19|20)\d\d", date.text):
        return
    if date.rule in ("day-month", "month-day", "in-month", "day-range-month-first", "day-range-day-first"):
        shift = year - int(date.earliest[:4])

        def move(value: str | None) -> str | None:
            return None if value is None else f"{int(value[:4]) + shift:04d}{value[4:]}"
        frame.date = replace(date, date=move(date.date), earliest=move(date.earliest), latest=move(date.latest),
                             end_date=move(date.end_date), note=f"{date.note}; in {why}")
        frame.date_why = f"{frame.date_why}; the year moved to {why}"
    else:
        frame.date, frame.date_why = whole, f"rule series-year: {why}, over \"{date.text}\", which counts from the article"


def find_series(frame: Frame, reading: Reading, rules: Rules, kb: Knowledge) -> None:
    """The series the event belongs to (a series of seeds/series.yaml the
    sentence names, or a named series the seeds lack) and its edition: a Roman
    numeral after the name ("Dustlik-V"), an ordinal before an edition noun or
    the series' name with at most six words between ("the sixth India-Uzbekistan
    joint military exercise Dustlik", "the 11th Khanjar exercise"), or one
    relative to the event in focus ("the previous edition": that one's minus one,
    resolved in events.merge)."""
    text = reading.text
    a, b = frame.span or (0, len(text))
    anchor = frame.hit.start if frame.hit else 0
    named = [n for n in reading.named if n.entity_type == "series" or
             (n.entity_type == "organization" and fold(n.surface) in kb.series_names)]
    named.sort(key=lambda n: (not a <= n.start < b, abs(n.start - anchor)))
    for n in named:
        series = kb.series.get(n.entity_id if n.entity_type == "series" else kb.series_names[fold(n.surface)])
        if series and (frame.kind in (None, "inherit") or series.kind == frame.kind):
            frame.series = series
            roman = re.match(r"[- ]([IVX]{1,5})\b", text[n.end:n.end + 7])
            if roman and roman.group(1) in _ROMAN:
                frame.edition, frame.edition_why = _ROMAN[roman.group(1)], f'"{n.surface}{roman.group(0)}"'
            year = _YEAR_SUFFIX.match(text, n.end)
            if year:
                digits = year.group(1) or year.group(2)
                frame.series_year = int(digits) if len(digits) == 4 else 2000 + int(digits)
            break
    if frame.series is None and not named:
        _series_without_its_countries(frame, reading, kb)
    if frame.series is None and frame.kind == "meeting":
        _summit_of_an_organisation(frame, reading, kb)
    if frame.series is None and frame.kind == "exercise" and frame.series_name is None:
        _exercise_name(frame, reading, kb)
    if frame.edition is not None:
        return
    after_pattern = _edition_after(tuple(sorted({*rules.edition_nouns.phrases, *(n.surface.lower() for n in named)},
                                                key=len, reverse=True)))
    candidates = [(rules.ordinals[m.group(0).lower()], m) for m in rules.ordinal_words.finditer(text)]
    candidates += [(int(m.group(1)), m) for m in _ORDINAL_NUMBER.finditer(text)]
    candidates += [(rules.relative_editions[m.group(0).lower()], m) for m in rules.relative_words.finditer(text)
                   if not re.match(r"\s+(?:year|month|week|time|few|two|three)\b", text[m.end():])]
    candidates.sort(key=lambda c: (not a <= c[1].start() < b, abs(c[1].start() - anchor)))
    for value, match in candidates:
        relative = match.group(0).lower() in rules.relative_editions
        follows = after_pattern.match(text, match.end())
        counted = re.match(r"\s+([\w-]+)", text[match.end():])
        if follows and counted and counted.group(1).lower() in _COUNTED_NOUNS and \
                counted.start(1) + match.end() < follows.start(1):
            follows = None  # "the tenth member of the organisation at the summit": the ordinal counts members
        if relative and follows and len(text[match.end():follows.start(1)].split()) > 1:
            follows = None  # "the previous edition", "the next joint exercise": the noun right after it
        first_held = match.group(0).lower() == "first" and "held" in text[match.end():match.end() + 6].lower()
        # "The second took place at Chaubatia ...", "the third was conducted at Yangiarik": an ordinal standing for
        # an edition, its noun left out
        elided = not relative and _ELIDED_EDITION.match(text, match.end()) and \
            re.search(r"\b(?:the|a)\s+$", text[max(0, match.start() - 5):match.start()], re.IGNORECASE)
        if follows is None and not first_held and not elided:
            continue
        why = f'"{text[match.start():follows.end() if follows else match.end()]}"'
        if relative:
            frame.edition_relative, frame.edition_why = value, f"{why}: relative to the event before it"
        else:
            frame.edition, frame.edition_why = value, why
        if frame.series is None:
            tail = re.match(r"[\w\s-]*?\bof\s+(?:the\s+|their\s+)?((?:[A-Z][\w-]*\s?)(?:(?:[A-Z][\w-]*|on|of|and|for)\s?)*)",
                            text[match.end():])
            title = re.match(r"(?:\s+[A-Z][\w\u2013-]*)+(?:\s+[A-Z][\w-]*)*", text[match.end():])
            if tail and re.sub(r"(?:\s+(?:on|of|and|for))+$", "", tail.group(1).strip()).count(" ") >= 1:
                frame.series_name = re.sub(r"(?:\s+(?:on|of|and|for))+$", "", tail.group(1).strip())
            elif title and len(title.group(0).split()) >= 2 and follows and \
                    follows.group(1).lower() in rules.edition_nouns.phrases:
                name = title.group(0).strip()  # "the first India-Central Asia Defence Industry Roundtable"
                frame.series_name = name if name.lower().endswith(follows.group(1).lower()) else \
                    f"{name} {follows.group(1)}"
            elif not named:
                frame.inherit_series = True
        return
    # "began in 2011", "was instituted in 2016", "was first conducted in 2019": the first edition (verbs of beginning)
    began = re.search(r"\b(?:began|started|was\s+(?:first\s+)?(?:launched|held|conducted|instituted|established|"
                      r"inaugurated|started|organised|organized))\s+in\s+(?:19|20)\d\d\b", text)
    before = text[max(0, began.start() - 45):began.start()] if began else ""
    # the series itself began ("Exercise KAZIND was instituted in 2016", "It began in 2011"), not the organisation
    # whose summits it holds ("the SCO was established in 2001")
    itself = began is not None and (any(_subject_of(n.surface, before) for n in named if n.entity_type == "series") or
                                     re.search(r"\b(?:it|the\s+(?:exercise|exercises|drill|drills|series|dialogue))\s+"
                                               r"(?:[\w-]+\s+){0,2}$", before, re.IGNORECASE) is not None)
    if began and frame.series is not None and itself:
        frame.edition, frame.edition_why = 1, f'"{began.group(0)}": the first edition'


# what an ordinal counts that is no edition ("the tenth member", "the second-largest", "the first country")
_COUNTED_NOUNS = frozenset("""member members country countries state states nation nations largest biggest
anniversary day days year years phase stage tranche batch place leader president minister visit visits""".split())
_ELIDED_EDITION = re.compile(r"\s*,?\s+(?:edition\s+)?(?:was|were|is|will be)\s+(?:held|conducted|hosted|staged|organised|"
                             r"organized)\b|\s+(?:took place|takes place|followed|came)\b", re.IGNORECASE)


_COUNTRY_PREFIX = re.compile(r"^(?:[A-Z][\w]*(?:[- \u2013][A-Z][\w]*)*)[- \u2013]")


_SHORT_SERIES: dict[int, list[tuple[re.Pattern, str, str]]] = {}


def _series_without_its_countries(frame: Frame, reading: Reading, kb: Knowledge) -> None:
    """"India and Russia held their first 2+2 dialogue of foreign and defence
    ministers": a series of two or more countries named without its countries'
    prefix, where the sentence names those countries as taking part."""
    short = _SHORT_SERIES.get(id(kb))
    if short is None:
        short = _SHORT_SERIES[id(kb)] = []
        for name, series_id in kb.series_names.items():
            series = kb.series.get(series_id)
            prefix = _COUNTRY_PREFIX.match(name)
            if series is None or len(series.countries) < 2 or prefix is None:
                continue
            rest = name[prefix.end():].strip()
            if len(rest.split()) >= 2 or re.search(r"[^A-Za-z ]", rest):
                short.append((re.compile(rf"(?<![\w-]){re.escape(rest)}(?![\w-])", re.IGNORECASE), rest, series_id))
    taking = frame.taking_part()
    for pattern, rest, series_id in short:
        series = kb.series[series_id]
        if series.kind == frame.kind and set(series.countries) <= taking and pattern.search(reading.text):
            frame.series = series
            frame.edition_why = f'"{rest}" with its countries named: {series.name}'
            return
