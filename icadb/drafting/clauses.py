"""Frames, step: the clauses of a sentence, one event each.

A decision with several things decided ("agreed to ... and to ..."), the
predicates that continue an event, and an edition told with its verb left
out ("and the one before that at Bakloh").
"""

from __future__ import annotations

import datetime as dt
import re

from icadb.drafting.event_dates import choose_date
from icadb.drafting.figures import find_figures
from icadb.drafting.frame import Frame, Role
from icadb.drafting.knowledge import Knowledge
from icadb.drafting.places import place_frame
from icadb.drafting.reading import Reading
from icadb.drafting.rules import Rules, Trigger
from icadb.drafting.triggers import Hit

_DECISION_BREAK = re.compile(r",?\s+and\s+(?=(?:to|that)\s)|;\s+(?=(?:to|that)\s)")


_HELD_LATER = re.compile(r"\b(?:meeting|summit|round|session|edition|dialogue|talks)\b[^,;]{0,80}?\b(?:would|will|should)\s+"
                         r"be\s+held\b|\b(?:would|will)\s+host\s+the\s+next\b", re.IGNORECASE)


def hits_with_spans(hits: list[Hit], reading: Reading, rules: Rules, all_hits: list[Hit],
               kb: Knowledge) -> list[tuple[Hit, tuple]]:
    """Each hit with its span; a decision ("agreed to hold the summit every two
    years and to set up a joint working group", "agreed that the next meeting
    would be held in India and that Afghanistan would be invited") gives one
    hit per thing decided, and a meeting decided on is a meeting to come."""
    out = []
    for hit in hits:
        span = _span(reading, hit, all_hits)
        if hit.rule.id != "agreement-agreed":
            out.append((hit, span))
            continue
        cuts = [hit.end] + [m.start() for m in _DECISION_BREAK.finditer(reading.text, hit.end, span[1])] + [span[1]]
        for n, (a, b) in enumerate(zip(cuts, cuts[1:])):
            piece = reading.text[a:b]
            if _HELD_LATER.search(piece) or (n == 0 and _agreed_to_meet_piece(reading, rules, a, b)):
                # "agreed that the next round of KazInd will be held in Kazakhstan": of the kind of the series named
                named = next((s for s in (kb.series.get(m.entity_id) for m in reading.named
                                          if m.entity_type == "series" and a <= m.start < b) if s), None)
                kind = named.kind if named is not None else "meeting"
                planned = Trigger(f"{kind}-agreed-to-hold", kind, "planned", 4,
                                  next(t for t in rules.triggers if t.kind == kind).phrases)
                out.append((Hit(planned, a if n else hit.start, b if n else hit.end, hit.word),
                            (span[0] if n == 0 else a, b)))
            elif n == 0:
                out.append((hit, (span[0], b)))
            else:
                decided = Hit(hit.rule, a, a + len(piece) - len(piece.lstrip(" ,;and")), "and")
                if _CREATES.match(piece):
                    # "... and to set up a joint working group": a new body or event decided, a record of its own
                    # ("and to coordinate their positions" goes on with the same decision)
                    reading._found.setdefault("own_decisions", set()).add(decided.start)
                out.append((decided, (a, b)))
    return out


# what a decision creates or convenes: a body, a mechanism, an event (a class of verbs, not the things decided)
_CREATES = re.compile(r"[\s,;]*(?:and\s+)?(?:to|that\s+[^,;]{0,60}?\s(?:would|will|should)\s+be)\s+(?:jointly\s+|also\s+)?"
                      r"(?:set\s+up|setting\s+up|establish|established|create|created|launch|launched|form|formed|"
                      r"institute|instituted|open|opened|convene|convened|hold|held|build|built)\b", re.IGNORECASE)


def _agreed_to_meet_piece(reading: Reading, rules: Rules, a: int, b: int) -> bool:
    found = reading.find(rules.agreed_to_meet, a, min(b, a + 45))
    return found is not None and reading.find(rules.standing_meetings, found.end(), min(b, found.end() + 30)) is None


def _span(reading: Reading, hit: Hit, hits: list[Hit]) -> tuple[int, int]:
    """The predicate that holds *hit*, with the predicates after it that report
    no event of their own ("began near Bishkek on 15 April and will run until
    April 28")."""
    a, b = reading.predicate_at(hit.start)
    for start, end in reading.predicates:
        if start == b and not any(start <= h.start < end for h in hits):
            if _STATEMENT.match(reading.text, start) or _ELLIPSIS.match(reading.text, start) or \
                    _TIME_CLAUSE.match(reading.text, start):
                break  # "..., and noted that the United States had ...": what the speaker said, not this event
            b = end
    return a, b


# "..., and the one before that at Bakloh from January 22 to February 3": another edition of the event just
# told, its verb left out
_ELLIPSIS = re.compile(r"[\s,]*and\s+(the\s+one\s+(before|after)\s+(?:that|it))\b", re.IGNORECASE)


def elided_editions(reading: Reading, rules: Rules, kb: Knowledge, published: dt.date, hits: list[Hit],
                     told_here: list[Frame]) -> list[Frame]:
    """A frame for each predicate that tells another edition of the event its
    sentence told, its verb left out ("The last edition took place at Tokmok in
    March last year, and the one before that at Bakloh ..."): the same kind,
    series and status, its own place and date, one edition before (or after)."""
    out = []
    for a, b in reading.predicates:
        gap = _ELLIPSIS.match(reading.text, a)
        if gap is None or any(a <= h.start < b for h in hits):
            continue
        told = next((f for f in reversed(told_here) if f.hit is not None and f.span and f.span[1] <= a), None)
        if told is None:
            continue
        step = -1 if gap.group(2).lower() == "before" else 1
        frame = Frame(reading, Hit(told.hit.rule, gap.start(1), gap.end(1), gap.group(1)), told.kind, told.status,
                      f'"{gap.group(1)}": the status of the event it follows in its sentence', type=told.type,
                      series=told.series, series_name=told.series_name, span=(a, b), edition_relative=step,
                      edition_why=f'"{gap.group(1)}": relative to the event before it')
        for iso3, role in told.countries.items():
            frame.countries[iso3] = Role("participant" if role.role == "host" else role.role,
                                         f'"{gap.group(1)}": a country of the event it follows in its sentence')
        place_frame(frame, reading, rules, kb)
        find_figures(frame, reading, rules)
        choose_date(frame, reading, rules, published, hits)
        frame.category, frame.category_why = told.category, told.category_why
        out.append(frame)
    return out


# ", three months after the Taliban took Kabul": a clause of time or cause with a subject of its own tells
# another event, and its countries are that one's
# ("since China, Russia ... founded it": a clause; "since December 2018": a date)
_NOT_A_MONTH = (r"(?!\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)")
_TIME_CLAUSE = re.compile(r"[\s,]*(?:[\w-]+\s+){0,2}(?:after|before|when|because|although|though|as|since" + _NOT_A_MONTH +
                          r")\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)


_STATEMENT = re.compile(r"[\s,;]*(?:and\s+|but\s+)?(?:also\s+)?(?:noted|argued|said|added|stressed|recalled|remarked|"
                        r"insisted|pointed out|observed|warned)\b", re.IGNORECASE)
