"""The frame: one sentence's account of one event.

A frame holds its kind and status (from the trigger, ``triggers.py``), its
date (``event_dates.py``), its place (``places.py``), the countries with
their roles (``roles.py``, ``references.py``, ``names.py``), the series and
edition (``editions.py``), the figures and the field (``figures.py``).
Every value carries why it was chosen, which becomes the draft's
``draft_notes``. The small helpers here are shared by those steps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from icadb.drafting.dates import DateReading
from icadb.drafting.knowledge import Place, Series
from icadb.drafting.reading import Reading
from icadb.drafting.rules import Rules
from icadb.drafting.triggers import Hit

ROLE_ORDER = ("host", "chair", "proposer", "target", "organizer", "operator", "funder", "observer", "member", "party",
              "participant", "framework", "subject")


_WORD_BEFORE = re.compile(r"([\w'-]+)\W*$")


@dataclass
class Role:
    role: str
    why: str
    note: str | None = None


@dataclass
class Frame:
    reading: Reading
    hit: Hit | None  # None: a sentence that only continues the event before it
    kind: str | None
    status: str | None = None
    status_why: str = ""
    type: str | None = None  # proposal_type / agreement_type / activity_type from the trigger
    date: DateReading | None = None
    date_why: str = ""
    countries: dict[str, Role] = field(default_factory=dict)
    people: dict[str, Role] = field(default_factory=dict)
    organizations: dict[str, Role] = field(default_factory=dict)
    place: Place | None = None
    place_name: str | None = None
    place_why: str = ""
    place_unknown: bool = False
    place_country: str | None = None
    series: Series | None = None
    series_name: str | None = None  # a series the text names that seeds/series.yaml lacks
    edition: int | None = None
    edition_why: str = ""
    inherit_series: bool = False
    item: str | None = None  # one instrument of a list a sentence tells ("memorandum on disaster management")
    series_year: int | None = None  # "KazInd-21", "Dustlik-2019": the year a series name carries
    edition_relative: int | None = None  # "the previous edition": -1 from the event before it
    figures: list[dict] = field(default_factory=list)
    category: str | None = None
    category_why: str = ""
    continuation: bool = False
    lead_holds_trigger: bool = False  # "The course, which ran ...": the trigger is the lead's own noun
    refers: str | None = None  # a sentence without an event of its own that names one ("the proposal"): its kind
    definite: bool = False  # "the exercise", "this meeting": an event already told
    future: bool = False  # a sentence that speaks of what is to come
    split: bool = False  # one of several records one sentence tells (one per series, per partner)
    vague: list[str] = field(default_factory=list)  # vague group phrases ("several Central Asian states")
    span: tuple[int, int] | None = None  # the predicate of the sentence the event is told in
    context: list[str] = field(default_factory=list)  # party phrases resolved, and why
    decided: bool = False  # what a decision decides, no event of its own ("would be invited to take part")
    background: bool = False  # an earlier event told as what this one grew out of ("grew out of the first Summit")
    visit_span: bool = False  # its date is a visit's days from an arrival ("arrived on Friday for a three-day visit")
    named_roles: dict[int, Role] = field(default_factory=dict)  # the role each country name gave, by its offset

    @property
    def headline(self) -> bool:
        return self.reading.headline

    def taking_part(self) -> set[str]:
        return {iso3 for iso3, role in self.countries.items() if role.role != "subject"}


def words_before(text: str, position: int, count: int = 3) -> list[str]:
    """The last *count* words before *position*, leaving out articles ("the security of the Turkmenistan-...")."""
    words = re.findall(r"[\w'-]+", text[:position].lower())[-count - 3:]
    return [w for w in words if w not in ("the", "a", "an")][-count:]


def attribution(reading: Reading, rules: Rules, at: int) -> bool:
    """Whether the clause at *at* says who said it ("a diplomat in New Delhi said")."""
    a, b = reading.clause_at(at)
    said = reading.find(rules.attribution, a, b)
    if said is None:
        return False
    # "said the next round would be held in Kyrgyzstan": what was said, not where it was said
    return not (said.end() <= at and re.match(r"\s+(?:that\s+)?(?:the|a|an|it|they|he|she|India|\w+'s)\b",
                                               reading.text[said.end():]))


def set_role(roles: dict[str, Role], key: str, role: Role) -> None:
    """Keep the stronger of two roles for one country (host over participant, anything over subject)."""
    current = roles.get(key)
    if current is None or ROLE_ORDER.index(role.role) < ROLE_ORDER.index(current.role):
        roles[key] = role


def last_before(reading: Reading, phrases, at: int, reach: int):
    """The last match of *phrases* that ends at most *reach* characters before *at* (each sentence scanned once)."""
    found = None
    for match in reading.matches(phrases):
        if match.end() > at:
            break
        if at - match.end() <= reach:
            found = match
    return found
