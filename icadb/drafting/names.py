"""Frames, step: people the gazetteer lacks, by the country the article gives them.

"Uzbek Deputy Defence Minister Ilkhom Khaydarov" ... "held talks with
Khaydarov": the surname stands for Uzbekistan wherever the article names it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from icadb.drafting.frame import Frame, Role
from icadb.drafting.knowledge import Knowledge, fold
from icadb.drafting.reading import Named, Reading

_NAME_AFTER_DEMONYM = re.compile(r"\b([A-Z][a-z]+)((?:\s+(?:[A-Z][\w.()-]*|of|for|the))*\s+([A-Z][a-z]+))(?=[\s,.;:]|$)")


_NAME_BEFORE_DEMONYM = re.compile(r"\b([A-Z][a-z]+),\s+(?:the|a|an)\s+([A-Z][a-z]+)\b")


# "Iran's deputy foreign minister, Mehdi Safari": a country's office, then the name
_NAME_AFTER_OFFICE = re.compile(r"\b([A-Z][a-z]+)'s\s+(?:[a-zA-Z-]+\s+){0,4}?" + r"(?:minister|president|adviser|advisor|"
                                r"secretary|chief|ambassador|envoy|commander|spokesperson|spokesman|general|head)s?,\s+"
                                r"(?:[A-Z][\w.-]*\s+){1,3}?([A-Z][a-z]+)\b", re.IGNORECASE)


def nationalities(text: str, kb: Knowledge) -> dict[str, str]:
    """Surnames of people the gazetteer lacks, with the country the article
    gives them: "Uzbek Defence Minister ... Bakhodir Kurbanov", "Arvind Nair,
    the Indian Army's Deputy Chief"."""
    out: dict[str, str] = {}
    folded = fold(text)
    for match in _NAME_AFTER_DEMONYM.finditer(folded):
        iso3 = kb.country_words.get(match.group(1))
        if iso3 and match.group(3) not in kb.country_words:
            out.setdefault(match.group(3), iso3)
    for match in _NAME_AFTER_OFFICE.finditer(folded):
        iso3 = kb.country_words.get(match.group(1))
        if iso3 and match.group(2) not in kb.country_words and match.group(2)[0].isupper():
            out.setdefault(match.group(2), iso3)
    for match in _NAME_BEFORE_DEMONYM.finditer(folded):
        iso3 = kb.country_words.get(match.group(2))
        if iso3 and match.group(1) not in kb.country_words:
            out.setdefault(match.group(1), iso3)
    return out


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")


_OFFICES = (r"(?:[Mm]inister|[Pp]resident|[Aa]dviser|[Aa]dvisor|[Ss]ecretary|[Cc]hief|[Gg]eneral|[Aa]mbassador|"
            r"[Cc]ommander|[Ee]nvoy|[Dd]irector|[Hh]ead|[Ss]pokes(?:person|man|woman)|[Cc]olonel|[Mm]ajor|"
            r"[Ll]ieutenant|[Bb]rigadier|[Aa]dmiral|[Pp]remier|[Cc]hairman|[Gg]overnor|[Dd]eputy|[Oo]fficer)")


@lru_cache(maxsize=64)
def office_then_name(surname: str) -> re.Pattern:
    """An office, then a given name and *surname* ("Deputy Defence Minister Ilkhom Khaydarov"): a person."""
    return re.compile(rf"\b{_OFFICES},?\s+(?:[A-Z][\w.-]*\s+){{1,3}}{re.escape(surname)}\b")


def name_people(reading: Reading, names: dict[str, str]) -> None:
    """People the gazetteer lacks, by the surname the article gives a country
    ("Uzbek Deputy Defence Minister Ilkhom Khaydarov" ... "held talks with
    Khaydarov"): each stands for that country wherever the article names them."""
    added = []
    for match in _CAPITALISED.finditer(reading.folded or reading.text):
        iso3 = names.get(match.group(0))
        if iso3 is None or any(n.start < match.end() and match.start() < n.end for n in reading.named):
            continue
        added.append(Named(match.start(), match.end(), match.group(0), "holder", match.group(0), iso3,
                           note=f'"{match.group(0)}", of {iso3} as the article names them'))
    if added:
        reading.named = sorted(reading.named + added, key=lambda n: n.start)


def proposer_by_name(frame: Frame, reading: Reading, names: dict[str, str]) -> None:
    """A proposal whose proposer the gazetteer does not know: the person who
    opens the sentence ("Kurbanov proposed ..."), by the country the article
    gives them."""
    if frame.kind != "proposal" or frame.hit is None or any(r.role == "proposer" for r in frame.countries.values()):
        return
    subject = re.match(r"\s*(?:[A-Z][a-z]+\s+)*([A-Z][a-z]+)\s+(?:also\s+|had\s+|has\s+)?$",
                       reading.text[:frame.hit.start])
    if subject and subject.group(1) in names:
        iso3 = names[subject.group(1)]
        frame.countries[iso3] = Role("proposer", f'"{subject.group(1)}", of {iso3} as the article names them, '
                                                 f'before "{frame.hit.word}"')
