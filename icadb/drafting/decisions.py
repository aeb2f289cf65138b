"""Acts of a meeting: the proposals, offers and decisions made at a meeting
the article reports, linked to it (``made_at``) and given its parties.

An act is made at a meeting when its sentence says so ("at the summit",
"during the talks": the last meeting told of that kind, by its noun), when a
meeting is told in the same paragraph, or when the article reports one
meeting (its first) within a week of publication. Then:

- a proposal or offer that names no addressee is addressed to the meeting's
  other participants ("Doval offered capacity-building programmes" at the
  India–Central Asia meeting: to the Central Asian states there);
- a decision ("the leaders agreed to ...", "it was decided") that names no
  party of its own is a decision of all the meeting's participants, as
  ``agreed`` (a decision, not an instrument in force).

What the step added, and why, goes into the draft's notes.
"""

from __future__ import annotations

import datetime as dt
import re

from icadb.drafting.events import Event, windows_overlap
from icadb.drafting.frame import Role

OCCASION = re.compile(r"\b(?:on the sidelines of|during|at|in the course of|used|after) the (exercise|drills|summit|talks|visit|"
                      r"meeting|consultations|dialogue|session|roundtable|forum|conference)\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b(?:is|are|has been|have been|been|had|has|have)\s+(?:(?:also|already|earlier|previously|once|"
                     r"long|repeatedly|since|in the past)\s+)*$")


# the sentence puts the act before an occasion: "before the visit", "ahead of the talks", "on the eve of the summit"
_BEFORE_OCCASION = re.compile(r"\b(?:before|ahead of|prior to|in the run-up to|on the eve of)\s+(?:the|his|her|their|"
                              r"this|that|its)\s+(?:[\w-]+\s+){0,2}(?:visit|talks|summit|meeting|trip|tour|dialogue)\b",
                              re.IGNORECASE)


def _made_there(event: Event) -> bool:
    """Whether the act can have been made at a meeting of the article: not one
    already standing ("had offered", "has been pushing"), and not a rumour or a
    plan unless its sentence names the occasion."""
    main = event.main
    if main.hit is None:
        return False
    text = " ".join(f.reading.text for f in event.frames)
    named = OCCASION.search(text) is not None
    before = main.reading.text[max(0, main.hit.start - 30):main.hit.start]
    standing = bool(_BEFORE.search(before)) or main.hit.word.lower().startswith(("had ", "has ", "have "))
    # ("recalled that India has offered Uzbekistan a line of credit": an offer standing from before)
    future = bool(re.search(r"\b(?:will|would)\s+(?:also\s+)?$", before))
    if (standing and not named) or (future and not named) or (main.status == "rumoured" and not named):
        return False
    if _BEFORE_OCCASION.search(main.reading.text):
        return False  # "Reports before the visit said New Delhi was likely to offer ...": not made at the visit

    return event.kind == "proposal" or (event.kind == "agreement" and main.status in ("agreed", "signed")
                                        and event.type() != "membership")


def occasion_of(event: Event, events: list[Event], published: dt.date) -> tuple[Event, str] | None:
    """The meeting (or exercise) *event* was made at, and why."""
    here = events.index(event)
    named = OCCASION.search(event.main.reading.text)
    if named:
        noun = named.group(1).lower()
        kind = "exercise" if noun in ("exercise", "drills") else "meeting"
        before = [e for e in events[:here] if e.kind == kind and not e.main.background]
        fitting = [e for e in before if any(noun[:5] in (f.hit.word.lower() if f.hit else "") or
                                            (f.series and noun[:5] in f.series.name.lower()) for f in e.frames)]
        ahead = event.main.status in ("planned", "rumoured", "proposed", "offered") and \
            bool(re.search(r"\b(?:will|would|is to|are to|plans? to)\b", event.main.reading.text))
        if ahead:  # "will propose ... at the summit": the summit still to come
            fitting = [e for e in fitting if e.main.status == "planned"] or fitting
        chosen = (fitting or before)[-1:]
        if chosen:
            return chosen[0], f'"{named.group(0)}": the {kind} told before it'
    paragraph = event.main.reading.paragraph
    done = event.main.status not in ("planned", "rumoured")
    # a decision made at a meeting is not made at the meeting it decides to hold
    meetings = [e for e in events[:here] if e.kind == "meeting" and not (done and e.main.status == "planned")]
    for meeting in reversed(meetings):
        if any(f.reading.paragraph == paragraph for f in meeting.frames):
            return meeting, "a meeting told in the same paragraph"
    meetings = [e for e in events if e.kind == "meeting" and e is not event
                and not (done and e.main.status == "planned")]
    if meetings:
        window = meetings[0].window()
        if window[1] and 0 <= (published - dt.date.fromisoformat(window[1])).days <= 7:
            return meetings[0], "the meeting the article reports (its first, within a week of publication)"
    return None


SIDELINES = re.compile(r"\b(?:on|at|along) the (?:margins|sidelines)\b(?!\s+of\s+(?!the\s+(?:meeting|dialogue|talks|"
                       r"summit|session|conference|forum)\b))", re.IGNORECASE)


def _last_held_meeting(event: Event, events: list[Event]) -> Event | None:
    """The last dated meeting, not a planned one, told before *event*."""
    here = events.index(event)
    return next((e for e in reversed(events[:here]) if e.kind == "meeting" and e.dated() is not None
                 and e.main.status != "planned"), None)


def beside(event: Event, events: list[Event]) -> tuple[Event, str] | None:
    """The meeting a meeting told as held "on the margins" (of the meeting the
    article reports) was held beside: the last dated meeting told before it."""
    if event.kind != "meeting" or event.dated() is not None or event.main.hit is None:
        return None
    found = SIDELINES.search(event.main.reading.text)
    if found is None:
        return None
    meeting = _last_held_meeting(event, events)
    if meeting is None:
        return None
    return meeting, f'"{found.group(0)}": beside the meeting of sentence {meeting.main.reading.position}'


_PASSIVE_INVITED = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:also\s+)?invited\b(?!\s+by\b)", re.IGNORECASE)


def inviter(event: Event, events: list[Event]) -> None:
    """An invitation told in the passive without who invited ("Pakistan and
    China had also been invited but stayed away"), beside a meeting the article
    reports: the host of that meeting invited them."""
    if event.kind != "proposal" or event.type() != "invitation" or \
            any(r.role == "proposer" for r in event.countries().values()):
        return
    if not _PASSIVE_INVITED.search(event.main.reading.text):
        return
    here = events.index(event)
    meeting = next((e for e in reversed(events[:here]) if e.kind == "meeting" and e.main.status != "planned"
                    and any(r.role == "host" for r in e.countries().values())), None)
    if meeting is None:
        return
    host = next(i for i, r in meeting.countries().items() if r.role == "host")
    start = meeting.window()[0]
    if start and event.dated() is None:
        event.before = (start, f"invited to the meeting of sentence {meeting.main.reading.position}, "
                               f"so before it ({start})")
    if host not in event.countries():
        event.main.countries[host] = Role("proposer", f"the host of the meeting of sentence "
                                                      f"{meeting.main.reading.position}, who invites to it "
                                                      "(invited, in the passive, by no one named)")


_AFTER_MEETING = re.compile(r"\b(?:after|following|at the end of|at the close of) the (?:dialogue|meeting|talks|summit|"
                            r"session|conference|consultations)\b", re.IGNORECASE)


def after_meeting(event: Event, events: list[Event]) -> tuple[Event, str] | None:
    """The meeting an undated meeting followed on its day ("Modi received the
    visiting security chiefs together after the dialogue"): the last meeting
    of one day told before it."""
    if event.kind != "meeting" or event.dated() is not None or event.main.hit is None:
        return None
    found = _AFTER_MEETING.search(event.main.reading.text)
    if found is None:
        return None
    meeting = _last_held_meeting(event, events)
    if meeting is None or meeting.window()[0] != meeting.window()[1]:
        return None  # a meeting of several days: which one is not said
    return meeting, f'"{found.group(0)}": the day of the meeting of sentence {meeting.main.reading.position}'


def link(events: list[Event], published: dt.date) -> None:
    """Link every act to the meeting it was made at, and give it that meeting's
    parties; and a meeting held on the margins of another to that one."""
    for event in events:
        inviter(event, events)
        found = beside(event, events)
        if found is not None:
            event.occasion, event.occasion_why = found
            continue
        found = after_meeting(event, events)
        if found is not None:
            event.occasion, event.occasion_why = found
            event.occasion_link = False
            continue
        if event.kind not in ("proposal", "agreement") or not _made_there(event):
            continue
        found = occasion_of(event, events, published)
        if found is None:
            continue
        meeting, why = found
        if event.dated() is not None and windows_overlap(event.window(), meeting.window()) is False:
            continue  # "an agreement that India, Iran and Afghanistan signed in May 2016": not made at talks of 2023
        parties = [i for i, r in meeting.countries().items() if r.role not in ("subject", "observer")
                   and not r.why.startswith("invited")]  # a guest invited to one session is no party to its acts
        actors = {i for i, r in event.countries().items() if r.role in ("proposer", "party", "member")}
        if actors and parties and not actors & set(parties):
            continue  # China's proposal is not made at a meeting China is not at
        event.occasion, event.occasion_why = meeting, why
        addressed = [v for f in event.frames for v in f.vague if v.lower() not in ("the region", "central asia")]
        if len(parties) < 2 or addressed:
            continue  # no addressees where a group is named instead ("other Central Asian partners")
        label = f"the {meeting.kind} of sentence {meeting.main.reading.position}"
        roles = event.countries()
        if event.kind == "proposal":
            proposers = {i for i, r in roles.items() if r.role == "proposer"}
            if proposers and not any(r.role == "target" for r in roles.values()):
                for iso3 in parties:
                    if iso3 not in proposers and roles.get(iso3, Role("subject", "")).role in ("subject", "participant"):
                        event.main.countries[iso3] = Role("target", f"a participant of {label}, where it was made, "
                                                                    "and no addressee is named")
        else:
            taking = {i for i, r in roles.items() if r.role != "subject"}
            if len(taking) < 2:
                for iso3 in parties:
                    if roles.get(iso3, Role("subject", "")).role == "subject":
                        event.main.countries[iso3] = Role("party", f"a participant of {label}, whose decision it is")
