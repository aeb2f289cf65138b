"""People to countries: office holders named in a sentence, resolved to their
country only while they held office.

The office holders are reference data (``seeds/reference/office_holders.yaml``):
each with their country, other spellings and surname, and their offices with
dates. A name in a sentence ("Tokayev", "Kazakh President Kassym-Jomart
Tokayev", "Lavrov") resolves to the holder's country when the holder was in
office on the article's date, or in a year the sentence names ("In 2021,
Patrushev met Doval" in an article of 2025); otherwise it resolves to nothing,
and the reading says why.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from icadb.loaders.yamlread import load as read
from icadb.paths import SEEDS_DIR
from icadb.loaders.text import trie_pattern

HOLDERS_FILE = Path("reference") / "office_holders.yaml"
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def first_day(text: str) -> str:
    """The first day of a date written as YYYY, YYYY-MM or YYYY-MM-DD."""
    return {4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text)


def last_day(text: str) -> str:
    """The last day of a date written as YYYY, YYYY-MM or YYYY-MM-DD."""
    if len(text) == 4:
        return f"{text}-12-31"
    if len(text) == 7:
        year, month = int(text[:4]), int(text[5:])
        return f"{text}-{calendar.monthrange(year, month)[1]:02d}"
    return text


@dataclass(frozen=True)
class Office:
    office: str
    title: str
    start: str  # first day
    end: str | None  # last day; None: still in office

    def covers(self, first: str, last: str) -> bool:
        """Whether the term overlaps the days from *first* to *last*."""
        return self.start <= last and (self.end is None or first <= self.end)

    def span(self) -> str:
        return f"{self.start} to {self.end or 'now'}"


@dataclass(frozen=True)
class Holder:
    name: str
    country: str
    aliases: tuple[str, ...]
    offices: tuple[Office, ...]

    def office_between(self, first: str, last: str) -> Office | None:
        return next((o for o in self.offices if o.covers(first, last)), None)


@dataclass(frozen=True)
class Resolved:
    holder: Holder
    office: Office
    why: str


class OfficeHolders:
    def __init__(self, holders: list[Holder]):
        self.holders = holders
        self.by_name: dict[str, list[Holder]] = {}
        for holder in holders:
            for name in {holder.name, *holder.aliases}:
                self.by_name.setdefault(name, []).append(holder)

    @cached_property
    def pattern(self) -> re.Pattern:
        names = sorted(self.by_name, key=len, reverse=True)
        body = trie_pattern(names) if names else "(?!)"
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")

    def find(self, text: str):
        """(start, end, surface) of every holder's name in *text* (case-sensitive, whole words, longest first)."""
        for match in self.pattern.finditer(text):
            yield match.start(), match.end(), match.group(0)

    def resolve(self, surface: str, published: dt.date | None, sentence: str = "") -> Resolved | None:
        """The holder *surface* names, in office on *published* or in a year
        *sentence* names; None when no holder of that name was in office then."""
        holders = self.by_name.get(surface, [])
        if not holders:
            return None
        day = (published or dt.date.today()).isoformat()
        for holder in holders:
            office = holder.office_between(day, day)
            if office is not None:
                return Resolved(holder, office, f'"{surface}" is {holder.name}, {office.title} of {holder.country} '
                                                f"from {office.span()} (office_holders.yaml), in office on {day}")
        for year in sorted({int(y) for y in _YEAR.findall(sentence)}, reverse=True):
            for holder in holders:
                office = holder.office_between(f"{year}-01-01", f"{year}-12-31")
                if office is not None:
                    return Resolved(holder, office, f'"{surface}" is {holder.name}, {office.title} of {holder.country} '
                                                    f"from {office.span()} (office_holders.yaml), in office in {year}, "
                                                    "which the sentence names")
        return None

    def not_in_office(self, surface: str, published: dt.date | None) -> str:
        holders = self.by_name.get(surface, [])
        terms = "; ".join(f"{h.name}: {', '.join(o.title + ' ' + o.span() for o in h.offices)}" for h in holders)
        return f'"{surface}" held none of the offices of office_holders.yaml on {published} ({terms}): no country'


def _holder(item: dict) -> Holder:
    offices = tuple(Office(o["office"], o["title"], first_day(str(o["from"])),
                           last_day(str(o["to"])) if o.get("to") is not None else None)
                    for o in item["offices"])
    return Holder(item["name"], item["country"], tuple(item.get("aliases") or ()), offices)


def load(seeds: Path = SEEDS_DIR) -> OfficeHolders:
    path = seeds / HOLDERS_FILE
    if not path.exists():  # a seeds folder without its own uses the project's
        path = SEEDS_DIR / HOLDERS_FILE
    return OfficeHolders([_holder(item) for item in read(path) or []])
