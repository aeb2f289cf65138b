"""Frames, step: "the member states" of an organisation, resolved to its members on the event's date.

"The leaders of the SCO member states adopted the Astana Declaration", "all
SCO countries", "the member states agreed ...": the members of the
organisation the sentence names (or the last one the article named), as
``organization_members`` in the rules lists them with the day each joined
and left, on the event's date (else the article's).
"""

from __future__ import annotations

import datetime as dt
import re

from icadb.drafting.frame import Frame, Role
from icadb.drafting.knowledge import Knowledge
from icadb.drafting.reading import Reading
from icadb.drafting.rules import Rules
from icadb.drafting.triggers import Hit

# "the member states", "all eight member countries", "its members", "the SCO leaders", "SCO countries", "fellow
# members", "the Shanghai Cooperation Organisation (SCO) member states": a group of members, never one ("a full
# member")
_MEMBERS = re.compile(
    r"\b(?:(?:the|all|its|their|other|fellow)\s+(?:(?:[a-z]+|\d+)\s+)?(?P<a>[A-Z]{3,5}\s+)?member(?:s|\s+states|\s+"
    r"countries|\s+nations)\b|(?P<b>[A-Z]{3,5})\s+(?:member\s+)?(?:states|countries|nations|members|leaders|heads\s+of\s+"
    r"state|partners)\b|(?:leaders|heads\s+of\s+state|heads\s+of\s+government|ministers)\s+of\s+(?:the\s+)?"
    r"(?P<c>[A-Z]{3,5})(?:\s+member(?:s|\s+states|\s+countries|\s+nations))?\b)|"
    r"\((?P<d>[A-Z]{3,5})\)\s+member(?:s|\s+states|\s+countries|\s+nations)\b")


def group_phrases(hits: list[Hit], reading: Reading) -> list[Hit]:
    """Leave out a membership trigger that is only a group named ("the leaders of the SCO member states adopted
    ...": who adopted it, not a membership), when the sentence has another event word."""
    kept = [h for h in hits if not (h.rule.id == "agreement-membership" and
                                    any(m.start() <= h.start < m.end() for m in _MEMBERS.finditer(reading.text)))]
    return kept if kept and len(kept) < len(hits) else hits


def _in_force(entry: dict, day: str) -> bool:
    return str(entry["from"]) <= day and (entry.get("to") is None or day <= str(entry["to"]))


def _of_the_event(frame: Frame, reading: Reading, match: re.Match) -> bool:
    """Whether the member phrase tells who takes part in *frame*'s event: its subject in the same clause ("the
    leaders of the member states adopted ..."), or what the event is of ("the meeting of defence ministers of the
    SCO member states"), not a bilateral meeting beside it ("talks ... on the sidelines of the meeting of the
    member states")."""
    if frame.hit is None:
        return False
    a, b = frame.span or (0, len(reading.text))
    if not a <= match.start() < b:
        return False
    if match.end() <= frame.hit.start:
        between = reading.text[match.end():frame.hit.start]
        return reading.clause_at(match.start()) == reading.clause_at(frame.hit.start) and \
            not re.search(r"\b(?:with|sidelines|margins|met|talks)\b", between, re.IGNORECASE)
    between = reading.text[frame.hit.end:match.start()]
    # "the meeting of defence ministers of the SCO member states", "began ... with troops from all member states"
    return len(between) <= 80 and reading.clause_at(match.start()) == reading.clause_at(frame.hit.start) and \
        re.search(r"\b(?:of|by|for|among|between|from|with)\s+(?:the\s+)?(?:[\w'-]+\s+){0,4}$", between + " ",
                  re.IGNORECASE) is not None and \
        not re.search(r"\b(?:sidelines|margins|talks|met|meet|separate)\b", between, re.IGNORECASE)


def members_of(frame: Frame, reading: Reading, rules: Rules, kb: Knowledge, bodies_told: list[str],
               published: dt.date) -> None:
    """Add the members of the organisation a member phrase of the sentence stands for, as parties of an
    agreement or participants of anything else."""
    if frame.kind == "proposal":
        return  # "proposed an exercise of the SCO member states": who would take part in what is proposed
    if not rules.organization_members or "member" not in reading.text.lower() and \
            not any(n.entity_type == "organization" for n in reading.named):
        return
    for match in _MEMBERS.finditer(reading.text):
        if not _of_the_event(frame, reading, match):
            continue
        abbreviation = match.group("a") or match.group("b") or match.group("c") or match.group("d")
        org = None
        if abbreviation:
            org = next((n.entity_id for n in reading.named if n.entity_type == "organization" and
                        n.surface == abbreviation.strip()), None)
            if org is None:
                continue  # "the CSTO" unknown, or capitals that name no organisation
        else:
            here = [n.entity_id for n in reading.named if n.entity_type == "organization"]
            org = next((o for o in reversed(here + bodies_told) if o in rules.organization_members), None)
        members = rules.organization_members.get(org)
        if not members:
            continue
        day = (frame.date.earliest if frame.date is not None and frame.date.earliest else published.isoformat())
        role = "party" if frame.kind == "agreement" else "participant"
        why = f'"{match.group(0)}": the members of {kb.organizations.get(org, org)} on {day} (organization_members)'
        added = False
        for entry in members:
            if _in_force(entry, day) and entry["iso3"] not in frame.countries:
                frame.countries[entry["iso3"]] = Role(role, why)
                added = True
        if added:
            frame.context.append(why)
        return
