"""Frames, step: countries a sentence refers to without naming them.

"The two sides" and "both armies" (the discourse context, ``context.py``),
"He also offered ..." (the person of the sentence before) and "The Prime
Minister proposed ..." (the office named earlier with its holder).
"""

from __future__ import annotations

import re

from icadb.drafting import context as context_steps
from icadb.drafting.frame import Frame, Role
from icadb.drafting.reading import Reading
from icadb.drafting.rules import Rules

def _context_role(frame: Frame, at: int) -> str:
    """The role of countries a party phrase at *at* stands for, by the kind of the event."""
    kind, hit = frame.kind, frame.hit
    if kind == "proposal" and hit is not None:
        return "proposer" if at < hit.start else "target"
    if kind == "agreement":
        return "member" if frame.type == "membership" and hit is not None and at < hit.start else "party"
    if kind == "facility":
        return "operator" if hit is not None and at < hit.start else "host"
    return "participant"


def apply_context(frame: Frame, reading: Reading, context: context_steps.Context, rules: Rules) -> None:
    """Countries that a party phrase of the sentence stands for ("the two
    sides", "both armies", "the six nations"), from the discourse context."""
    found = reading._found.get("context")
    if found is None:
        found = reading._found["context"] = context.resolve(reading, rules)
    for resolution in found:
        after = reading.text[resolution.end:resolution.end + 6].lower()
        if after.startswith((" of ", " from ")):
            continue  # "the foreign ministers of India and ...": the sentence names them
        role = _context_role(frame, resolution.start)
        changed = False
        for iso3 in resolution.countries:
            current = frame.countries.get(iso3)
            if current is None or current.role == "subject" or \
                    (role == "proposer" and current.role in ("target", "participant")):
                frame.countries[iso3] = Role(role, resolution.why)
                changed = True
        if changed:
            frame.context.append(resolution.why)


_PRONOUN = re.compile(r"^\s*(?:[A-Z][^,.;]{0,40},\s+)?(?P<p>[Hh]e|[Ss]he)\b")


def pronoun(frame: Frame, reading: Reading, previous: Reading | None, rules: Rules) -> None:
    """"He also sought their support ...", "On cyber security, he pledged ...": the
    person the sentence before named, and the country they held office for (over
    a country the sentence names after the verb, which is then what is offered:
    "He offered India's UPI payment technology")."""
    pronoun = _PRONOUN.match(reading.text)
    if previous is None or frame.hit is None or pronoun is None or pronoun.start("p") > frame.hit.start:
        return
    if any(n.start < frame.hit.start for n in reading.named if n.entity_type in ("country", "person", "holder")):
        return
    person = next((n for n in reversed(previous.named) if n.entity_type in ("person", "holder") and n.country),
                  None)
    if person is None:
        return
    role = "proposer" if frame.kind == "proposal" else "participant"
    if person.entity_type == "person":
        frame.people.setdefault(person.entity_id, Role(role, f'"{pronoun.group("p")}": {person.surface}, named '
                                                             "in the sentence before"))
    current = frame.countries.get(person.country)
    if current is None or (role == "proposer" and current.role in ("target", "subject", "participant")):
        frame.countries[person.country] = Role(role, f'"{pronoun.group("p")}" is {person.surface} of the sentence '
                                                     f"before, of {person.country}")


_THE_OFFICE = re.compile(r"^\s*(?:[A-Z][^,.;]{0,40},\s+)?[Tt]he\s+(?P<o>(?:(?:[Ff]oreign|[Dd]efence|[Dd]efense|[Ee]xternal "
                         r"[Aa]ffairs|[Pp]rime|[Dd]eputy|[Nn]ational [Ss]ecurity)\s+)?(?:[Mm]inister|[Pp]resident|"
                         r"[Ss]ecretary|[Aa]dviser|[Aa]dvisor|[Pp]remier|[Cc]hief))\b(?!\s+of\b|'s\b)")


def office_back(frame: Frame, reading: Reading, readings: list[Reading]) -> None:
    """"The Prime Minister also proposed ...": the office of a person the article
    named before with it ("Prime Minister Narendra Modi", "Indian Defence
    Secretary ..."), who stands for their country."""
    office = _THE_OFFICE.match(reading.text)
    if office is None or frame.hit is None or office.end() > frame.hit.start or \
            any(n.country for n in reading.named if n.start < frame.hit.start):
        return
    title = re.compile(rf"\b{re.escape(office.group('o'))}\b", re.IGNORECASE)
    for earlier in reversed(readings[:readings.index(reading)]):
        for found in title.finditer(earlier.text):
            # the person after the title, or the country just before it ("Indian Prime Minister")
            person = next((n for n in earlier.named if n.country and n.entity_type in ("person", "holder") and
                           0 <= n.start - found.end() <= 40), None) or \
                next((n for n in earlier.named if n.country and n.entity_type == "country" and
                      0 <= found.start() - n.end <= 3), None)
            if person is None:
                continue
            role = "proposer" if frame.kind == "proposal" else _context_role(frame, office.start("o"))
            current = frame.countries.get(person.country)
            if current is None or current.role in ("subject", "target", "participant"):
                frame.countries[person.country] = Role(role, f'"the {office.group("o")}": {person.surface}, named '
                                                             f"with that office in sentence {earlier.position}, of "
                                                             f"{person.country}")
            return
