"""Where an event takes place: a place of the gazetteer
(``seeds/reference/places.yaml``), a capital standing for its country, or a
place the gazetteer lacks, which still gets its country from the text
("Forish in southern Uzbekistan", "the Kazakh town of Otar", "Khujand,
Tajikistan") and goes on the suggestions list.

A place counts when a preposition of the rules (``roles.host_prepositions``:
"in", "at", "near", "arrived in", ...) comes just before it, within the
predicate that tells the event when the sentence has several (the talks "in
Astana", not the next round "in New Delhi"), never as a possessive ("India's
Department of Defence") and never in the speaker's clause ("a diplomat in New
Delhi said"). Its country hosts a meeting, exercise, activity or facility.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from icadb.drafting.frame import Frame, Role
from icadb.drafting.knowledge import Knowledge, Place, fold
from icadb.drafting.reading import Reading
from icadb.drafting.rules import Rules
from icadb.loaders.text import trie_pattern

_UNKNOWN_PLACE = re.compile(r"\b(?:in|at|near|outside|to)\s+(?:the\s+)?((?:[A-Z][a-z]+)(?:[- ](?:[A-Z][a-z]+))*)")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?(?:\s*\([^)]*\))?(?:\s*[:\u2013\u2014-]\s+)")
_NOT_PLACES = frozenset({"the", "central", "southern", "northern", "eastern", "western", "north", "south", "east", "west"})
_REGION = r"(?:(?:southern|northern|eastern|western|central|south-western|south-eastern|north-western|north-eastern)\s+)?"
_SETTLEMENT = r"(?:town|city|village|district|region|province|port|garrison town|cantonment|capital)"


_THE_CAPITAL = re.compile(r"\b(in|at|to|near|reached|arrived in|visited)\s+the\s+([A-Z][\w-]+)\s+capital\b(?!\s+of\b)")


@dataclass
class Found:
    place: Place | None
    name: str
    why: str
    country: str | None  # the place's country (from the gazetteer, or from the text)


_RELATIVE = re.compile(r"\b(?:where|which|that|who|whose|whom|when|while)\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([\w'-]+)\s*$")
# Training areas, ranges, stations and bases named after the place they are at: a class, not a list of names
_PLACE_CLASS = re.compile(r" (?:Training (?:Area|Ground|Range|Node|Centre|Center)|Field Firing Ranges?|Firing Ranges?|"
                          r"Ranges?|Military Station|Cantonment|Garrison|Polygon|Air ?[Bb]ase|Airbase|Base|Port|"
                          r"District|Region|Province|Oblast|Valley|Military District)\b")
_GAP_BREAK = re.compile(r"[,;:.()\u2014\u2013]| - ")


# "in Aundh, Pune": a smaller place, then the one it is in
_SMALLER_PLACE = re.compile(r"\s+(?:the\s+)?(?-i:[A-Z][\w-]+)(?:\s+(?-i:[A-Z][\w-]+))?,\s+")


def governs(gap: str) -> bool:
    """Whether a preposition still governs a name after *gap*, the text between them."""
    if _RELATIVE.search(gap):
        return False  # "in a region where Russia and China dominate": a clause of its own
    return not _GAP_BREAK.search(gap) or _SMALLER_PLACE.fullmatch(gap) is not None


def preposition_before(text: str, at: int, phrases, reach: int = 25):
    """The host preposition that governs the name at *at*: the last one in the
    *reach* characters before it, with no punctuation between ("near Termez",
    "in the Uzbek city of Termez"; not "At the talks, India and ...")."""
    window = text[max(0, at - reach):at]
    prep = None
    for prep in phrases.finditer(window):
        pass
    if prep is None or not governs(window[prep.end():]):
        return None
    return prep


def _possessive(text: str, end: int) -> bool:
    return text[end:end + 2] in ("'s", "\u2019s")


@lru_cache(maxsize=2048)
def _place_patterns(name: str) -> tuple[re.Pattern, ...]:
    """The ways a text gives the country of the place *name*; a country's name is one to three capitalised words,
    looked up after the match (an alternation of every country's names compiled for each place cost most of the
    drafting time)."""
    escaped = re.escape(name)
    countries = r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}"
    return tuple(re.compile(p) for p in (
        rf"\b{escaped},?\s+in\s+(?:the\s+)?{_REGION}({countries})\b",
        rf"\b{escaped},\s+({countries})\b",
        rf"\b({countries})\s+{_SETTLEMENT}\s+of\s+{escaped}\b",
        rf"\b({countries})'s\s+(?:\w+\s+)?{escaped}\b",
        rf"\b{escaped}\s+(?:in|near)\s+(?:the\s+)?{_REGION}({countries})\b",
        rf"\b{escaped}\s*\(({countries})\)",  # "Khujand (Tajikistan)"
        rf"\b{escaped}\s+(?:{_SETTLEMENT}|area|range|ranges)\s+(?:of|in)\s+(?:the\s+)?{_REGION}({countries})\b"))


# "Chabahar port", "Farkhor district", "Ayni Air Base": the name reporting also gives without its noun
_GENERIC_TAIL = re.compile(r"\s+(?:port|district|region|air\s+base|airbase|base|cantonment|military\s+station|"
                           r"training\s+area|range|ranges|field\s+firing\s+ranges?)$", re.IGNORECASE)


def gazetteer_names(kb: Knowledge, rules: Rules) -> tuple[dict[str, Place], re.Pattern]:
    """Every name of every place of the gazetteer: its own, its own without a generic noun ("Chabahar" for
    "Chabahar port") and the other names of ``place_names`` in the rules ("Nur-Sultan" for Astana); with one
    pattern for them all (whole words, the longest first). Made once per gazetteer and rules."""
    cached = kb.__dict__.get("_place_names")
    if cached is not None and cached[0] is rules:
        return cached[1], cached[2]
    names = dict(kb.places)
    by_id = {place.place_id: place for place in kb.places.values()}
    for place in kb.places.values():
        short = _GENERIC_TAIL.sub("", place.name)
        if short != place.name and len(short) > 3:
            names.setdefault(fold(short), place)
    for place_id, others in rules.place_names.items():
        if place_id in by_id:
            for other in others:
                names.setdefault(fold(other), by_id[place_id])
    ordered = sorted(names, key=len, reverse=True)
    pattern = re.compile(rf"(?<![\w-])(?:{trie_pattern(ordered) if ordered else '(?!)'})(?![\w-])")
    kb.__dict__["_place_names"] = (rules, names, pattern)
    return names, pattern


def country_in_text(name: str, folded: str, kb: Knowledge) -> tuple[str, str] | None:
    """The country the text gives a place the gazetteer lacks, and how."""
    if name not in folded:
        return None
    for pattern in _place_patterns(name):
        for match in pattern.finditer(folded):
            words = match.group(1).split()
            country = next((" ".join(words[:n]) for n in range(len(words), 0, -1)
                            if " ".join(words[:n]) in kb.country_words), None) or \
                next((" ".join(words[n:]) for n in range(len(words)) if " ".join(words[n:]) in kb.country_words), None)
            if country is None:
                continue
            iso3 = kb.country_words[country]
            shown = match.group(0)
            return iso3, f'"{shown}": {name} is in {iso3}'
    return None


def find_place(reading: Reading, span: tuple[int, int] | None, kind: str | None, rules: Rules,
               kb: Knowledge) -> Found | None:
    text = reading.text
    dateline = _DATELINE.match(text)
    skip = dateline.end() if dateline else 0
    folded = reading.folded or fold(text)
    if span is None or len(reading.predicates) < 2:
        span = (0, len(text))
    best: tuple[int, Found] | None = None

    def attribution(at: int) -> bool:
        a, b = reading.clause_at(at)
        return reading.find(rules.attribution, a, b) is not None

    def consider(rank: int, found: Found, at: int) -> None:
        nonlocal best
        if attribution(at):
            return  # the speaker's place, not the event's
        if not span[0] <= at < span[1]:
            return  # another predicate's place ("... and agreed to hold the next round in New Delhi")
        if best is None or rank < best[0]:
            best = (rank, found)

    places, place_pattern = gazetteer_names(kb, rules)
    for match in place_pattern.finditer(folded):
        name, place = match.group(0), places[match.group(0)]
        if match.start() < skip or _possessive(text, match.end()):
            continue
        if any(n.start <= match.start() and match.end() <= n.end and n.entity_type in ("organization", "series")
               for n in reading.named):
            continue  # "Shanghai Cooperation Organisation", "Ashgabat Agreement": a name's part, not a place
        if re.match(r" (?-i:[A-Z])[a-z]+\b", text[match.end():]) and not _PLACE_CLASS.match(text, match.end()) and \
                fold(re.match(r" ([\w-]+)", text[match.end():]).group(1)) not in places:
            continue  # "Hyderabad House", "Tashkent State University": a longer name, not the city (but "Chirchiq
            # Training Area", "Mahajan Field Firing Range": the place's training area, range, station or base)
        prep = preposition_before(text, match.start(), rules.host_prepositions)
        if prep is None:
            continue
        if kind == "proposal" and prep.group(0).lower().startswith("visit"):
            continue  # "invited Doval to visit Dushanbe": where the visit would be, not where the invitation was
        owner = _WORD_BEFORE.search(text, 0, max(0, match.start() - 25) + prep.start())
        if owner and owner.group(1).lower() in rules.topic_nouns and kind != "facility":
            continue  # "India's stake in Chabahar", "the situation in Kabul": what it is about, not where (a
            # facility's own noun is its place: "bases in Tajikistan", "a presence in Farkhor")
        rank = 3 if place.place_type == "country" else 0
        consider(rank, Found(place, text[match.start():match.end()], f'"{prep.group(0)} {name}" names a place in '
                                                f"seeds/reference/places.yaml", place.country), match.start())
    for match in _THE_CAPITAL.finditer(text):
        # "in the Kazakh capital", "to the Indian capital": that country's capital
        iso3 = kb.country_words.get(fold(match.group(2)))
        capital = next((name for name, country in kb.capitals.items() if country == iso3), None)
        if capital is None or match.start() < skip:
            continue
        place = places.get(capital)
        consider(0, Found(place, place.name if place else capital, f'"{match.group(0)}": {capital}, the capital of '
                                                                    f"{iso3}", iso3), match.start(2))
    for named in reading.named:
        if named.is_capital and named.start >= skip and not _possessive(text, named.end):
            window = text[max(0, named.start - 25):named.start]
            prep = preposition_before(text, named.start, rules.host_prepositions)
            if prep and kind == "proposal" and prep.group(0).lower().startswith("visit"):
                continue  # where a proposed visit would go
            if prep and len(window) - prep.end() <= 12:
                consider(1, Found(None, named.surface, f'"{prep.group(0)} {named.surface}": the capital of '
                                                       f"{named.country}", named.country), named.start)
    if kind in ("meeting", "exercise", "activity", "facility"):
        known = [folded[n.start:n.end] for n in reading.named]
        for match in _UNKNOWN_PLACE.finditer(folded):
            name = match.group(1)
            if match.start() < skip or name in known or name in places or _possessive(text, match.end(1)) or \
                    name.lower() in _MONTHS_OR_DAYS or name in kb.country_words or \
                    any(name in k or k in name for k in known) or name.split()[0].lower() in _NOT_PLACES:
                continue
            if any(w.lower() in rules.topic_nouns for w in name.split()):
                continue
            given = country_in_text(name, folded, kb)
            why = f'"{match.group(0)}": a place the gazetteer lacks (suggested for seeds/reference/places.yaml)'
            if given:
                why += f"; {given[1]}"
            consider(2, Found(None, name, why, given[0] if given else None), match.start())
    return best[1] if best else None


_MONTHS_OR_DAYS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())


_SIDELINES = re.compile(r"\b(?:on|at)\s+the\s+(?:sidelines|sideline|margins|margin)\s+of\b", re.IGNORECASE)


def place_frame(frame: Frame, reading: Reading, rules: Rules, kb: Knowledge) -> None:
    """The event's place; its country hosts a meeting, exercise, activity or facility, unless the meeting is
    held on the sidelines of another event there ("met on the sidelines of the BRICS summit in Johannesburg":
    South Africa hosts the summit, not the talks). A membership has no place."""
    if frame.kind == "agreement" and frame.type == "membership":
        return
    found = find_place(reading, frame.span, frame.kind, rules, kb)
    if found is None:
        return
    frame.place, frame.place_name, frame.place_why = found.place, found.name, found.why
    frame.place_unknown = found.place is None
    frame.place_country = found.country
    if found.country and frame.kind == "meeting" and _SIDELINES.search(reading.text) and \
            not any(n.country == found.country and n.entity_type == "country" and not n.is_capital
                    for n in reading.named):
        frame.place_why += f"; on the sidelines of another event there, so {found.country} is not a party"
        return
    if found.country and frame.kind in ("meeting", "exercise", "activity", "facility"):
        if found.country not in frame.countries or frame.countries[found.country].role in ("participant",):
            frame.countries[found.country] = Role("host", f"the place ({found.name}) is in {found.country}")
