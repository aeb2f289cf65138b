"""Step 4 of drafting: a frame per event a sentence reports.

A frame (``frame.py``) is one sentence's account of one event. This module
runs the frame steps over the article, each a module of its own:

    clauses      one event per predicate; decisions split per thing decided
    roles        the countries named, and the role of each
    references   countries referred to: "the two sides", "he", "the Minister"
    names        people the gazetteer lacks, by the country the article gives
    members      "the member states": an organisation's members on the event's date
    places       the event's place and its country
    editions     the series and the edition
    figures      figures and the field of cooperation
    event_dates  the event's date among the sentence's dates
    splits       one frame becoming several records (per partner, edition, ...)
"""

from __future__ import annotations

import datetime as dt
import re

from icadb.drafting import context as context_steps
from icadb.drafting.clauses import elided_editions, hits_with_spans
from icadb.drafting.dates import DateReading
from icadb.drafting.editions import find_series, year_of_the_series
from icadb.drafting.event_dates import choose_date, same_day, sentence_dates, year_of_the_told
from icadb.drafting.figures import find_category, find_figures
from icadb.drafting.frame import Frame
from icadb.drafting.knowledge import Knowledge
from icadb.drafting.members import group_phrases, members_of
from icadb.drafting.names import name_people, nationalities, office_then_name, proposer_by_name
from icadb.drafting.places import place_frame
from icadb.drafting.reading import Reading
from icadb.drafting.references import apply_context, office_back, pronoun
from icadb.drafting.roles import (assign_countries, body_told_before, invited_to_attend, one_promises, own_countries,
                                  relative_proposer)
from icadb.drafting.rules import Phrases, Rules, Trigger
from icadb.drafting.splits import per_edition, per_item, per_organization, per_partner, per_series
from icadb.drafting.triggers import Hit, find_triggers, governing, status_of

# "asked the chiefs of its cyber agencies to visit India", "urged the Central Asian states to make use of Chabahar
# port": an invitation (to come, to use what is offered)
_ASKED_TO_VISIT = re.compile(r"[^,;.]{0,80}?\bto\s+(?:visit|come to|travel to|make use of|use|ship\b[^,;.]{0,40}?"
                             r"\bthrough)\b", re.IGNORECASE)


_BACKGROUND = re.compile(r"\b(?:grew out of|grows out of|followed|follows|came after|comes after|built on|builds on|"
                         r"months after|weeks after|years after|in the wake of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                         re.IGNORECASE)


def _definite(reading: Reading, hit: Hit, rules: Rules) -> bool:
    """Whether the trigger is a noun of an event the article has told already: "the exercise", "this meeting"."""
    nouns = {re.sub(r"^(?:the|this|that)\s+", "", p) for p in rules.references.get(hit.kind, Phrases(())).phrases}
    return hit.word.lower() in nouns and bool(re.search(r"\b(?:the|this|that|these)\s+(?:[\w-]+\s+){0,2}$",
                                                          reading.text[:hit.start], re.IGNORECASE)) and \
        not any(n.entity_type == "series" and 0 <= hit.start - n.end <= 3 for n in reading.named)


def frames_of(readings: list[Reading], rules: Rules, kb: Knowledge, published: dt.date,
              text: str = "") -> list[Frame]:
    """Every frame of the article, in order of the sentences."""
    out: list[Frame] = []
    names = nationalities(text, kb) if text else {}
    people = {name: iso3 for name, iso3 in names.items()
              if any(office_then_name(name).search(text, max(0, m.start() - 90), m.end())
                     for m in re.finditer(rf"\b{re.escape(name)}\b", text))}
    if people:
        for reading in readings:
            name_people(reading, people)
    context = context_steps.build(readings, rules)
    previous: Reading | None = None
    bodies_told: list[str] = []  # the organisations the article has named, in order
    for reading in readings:
        bodies_told.extend(n.entity_id for n in reading.named if n.entity_type == "organization" and n.entity_id)
        if previous is not None and previous.furniture:
            previous = None
        here, previous = previous, reading
        previous_reading = here
        if reading.furniture:
            continue
        if re.search(r"\?(?:\s|$)", reading.text):
            continue  # a question ("Exercise Dustlik is held between India and which country?") reports nothing
        all_hits = group_phrases(find_triggers(reading, rules), reading)
        series_named = [n for n in reading.named if n.entity_type == "series" and n.entity_id in kb.series]
        if not all_hits and not series_named and not reading.named and not out:
            continue  # no event word, no name and no event before it: nothing to draft or continue
        advice = reading.matches(rules.cues["advice"])
        if advice:
            # advice or a hypothesis ("New Delhi should hold talks ...") holds no event; a clause of its own
            # beside a report ("said Afghanistan should never again serve ..., as Jaishankar hosted ...") leaves it
            def advised(hit: Hit) -> bool:
                a, b = reading.clause_at(hit.start)
                # "agreed that their security secretaries should meet regularly": what was agreed, not advice
                decided = hit.rule.id in ("agreement-agreed", "agreement-pledged")
                return any(m.start() < b and (a <= m.start() or reading.clause_at(m.start()) == (a, b))
                           and not (decided and m.start() > hit.end) for m in advice) or \
                    (not re.search(r"[,;]", reading.text) and not (decided and all(m.start() > hit.end
                                                                                   for m in advice)))
            all_hits = [h for h in all_hits if not advised(h)]
            if not all_hits:
                continue
        if any(h.word.lower() in rules.weak_triggers for h in all_hits):
            dated = bool(sentence_dates(reading, rules, published))
            lead = reading.find(rules.continuations, 0, min(len(reading.text), 45))
            refers_back = (lead is not None and lead.start() <= 12) or \
                any(reading.find(p) for p in rules.references.values())
            if not dated or refers_back:
                # "received the visiting security chiefs": a reception of the guests, whatever else it names
                all_hits = [h for h in all_hits if h.word.lower() not in rules.weak_triggers or
                            reading.find(rules.context["visitors"], h.end, h.end + 45)]
        hits = governing(all_hits, reading, rules)
        if not hits and series_named:  # a series named is an event of its kind ("Dustlik was first held in 2019")
            series = kb.series[series_named[0].entity_id]
            base = next(t for t in rules.triggers if t.kind == series.kind)
            hits = [Hit(Trigger(f"series-{series.kind}", series.kind, "held", 2, base.phrases), series_named[0].start,
                        series_named[0].end, series_named[0].surface)]
        for named in series_named:
            # "It grew out of the first India-Central Asia Summit, held virtually in January 2022, at which the
            # leaders agreed ...": an edition of a series, told with its ordinal or as held, is an event of its own
            series = kb.series[named.entity_id]
            if any(h.kind == series.kind for h in hits):
                continue
            ordinal = re.search(r"\b(?:[a-z]+(?:st|nd|rd|th)|first|second|third|\d+(?:st|nd|rd|th))\s+$",
                                reading.text[max(0, named.start - 16):named.start], re.IGNORECASE)
            held = re.match(r",?\s+(?:which\s+was\s+|that\s+was\s+)?(?:held|hosted)\b", reading.text[named.end:])
            if ordinal or held:
                base = next(t for t in rules.triggers if t.kind == series.kind)
                hits = sorted(hits + [Hit(Trigger(f"series-{series.kind}", series.kind, "held", 2, base.phrases),
                                          named.start, named.end, named.surface)], key=lambda h: h.start)
        lead = reading.find(rules.continuations, 0, min(len(reading.text), 45))
        continuation = bool(lead and lead.start() <= 12) or bool(re.search(r"\b(?:that|the same) (?:meeting|exercise|visit)\b",
                                                                         reading.text, re.IGNORECASE))
        if not hits:
            refers = next((kind for kind, phrases in rules.references.items() if reading.find(phrases)), None)
            if refers is None and reading.find(rules.participation):
                refers = "attendance"  # "The foreign ministers of Kyrgyzstan and Tajikistan took part"
            if (continuation or refers) and out:
                frame = Frame(reading, None, None, continuation=True, refers=refers,
                              future=bool(reading.find(rules.cues["future"]) or reading.find(rules.cues["future_time"])))
                assign_countries(frame, reading, rules, kb)
                apply_context(frame, reading, context, rules)
                context.note_event({i: r.role for i, r in frame.countries.items()}, reading.paragraph,
                                   "the event before it", extend=True)
                find_figures(frame, reading, rules)
                out.append(frame)
            continue
        kinds_here: set[str] = set()
        for hit, span in hits_with_spans(sorted(hits, key=lambda h: h.kind == "inherit"), reading, rules, all_hits, kb):
            kind = hit.kind
            if kind == "inherit":
                kind = kb.series[series_named[0].entity_id].kind if series_named else (out[-1].kind if out else None)
                if kind is None or kind in kinds_here:
                    continue  # "the meeting ... was held": one meeting
            kinds_here.add(kind)
            frame = Frame(reading, hit, kind, type=hit.rule.type, continuation=continuation,
                          lead_holds_trigger=bool(lead and lead.start() <= hit.start and hit.end <= lead.end()),
                          span=span, definite=_definite(reading, hit, rules))
            frame.status, frame.status_why = status_of(kind, hit, reading, rules, frame.span)
            if hit.start in reading._found.get("own_decisions", ()):
                frame.split = True  # a thing decided of its own ("and to set up a working group")
            if hit.rule.type == "request" and _ASKED_TO_VISIT.match(reading.text, hit.end) and \
                    (frame.span is None or _ASKED_TO_VISIT.match(reading.text, hit.end).end() <= frame.span[1]):
                # "asked the chiefs of its cyber agencies to visit India": an invitation
                frame.type, frame.status = "invitation", "offered"
                frame.status_why = f'"{hit.word} ... {_ASKED_TO_VISIT.match(reading.text, hit.end).group(0).split()[-1]}"' \
                    ": an invitation, offered"
            if kind == "facility" and frame.type is None:  # "air base", "port terminal": the type, for matching
                found = min(((m.start(), -len(m.group(0)), t.value) for t in rules.facility_types
                             for m in reading.matches(t.phrases)), default=None)
                frame.type = found[2] if found else None
            if kind == "agreement" and frame.type is None:
                for typed in rules.agreement_types:
                    found = reading.find(typed.phrases)
                    if found:
                        frame.type = typed.value
                        break
            assign_countries(frame, reading, rules, kb)
            body_told_before(frame, reading, kb, bodies_told)
            one_promises(frame, reading, rules)
            relative_proposer(frame, reading)
            own_countries(frame, reading, all_hits)
            apply_context(frame, reading, context, rules)
            proposer_by_name(frame, reading, names)
            pronoun(frame, reading, previous_reading, rules)
            office_back(frame, reading, readings)
            place_frame(frame, reading, rules, kb)
            find_series(frame, reading, rules, kb)
            find_figures(frame, reading, rules)
            choose_date(frame, reading, rules, published, all_hits)
            if frame.date is None:
                same_day(frame, reading, out)
            else:
                year_of_the_told(frame, reading, out)
            year_of_the_series(frame)
            members_of(frame, reading, rules, kb, bodies_told, published)
            under_way = None if frame.date is not None or reading.find(rules.cues["ongoing"]) is not None else \
                re.search(r"\b(?:is|are) in [A-Z]\w+ to (?:participate|attend|take part)|\bis being held\b",
                          reading.text)
            if under_way is not None:
                frame.date = DateReading(0, 0, "", "current", published.isoformat(), "day", published.isoformat(),
                                         published.isoformat(), "inferred",
                                         f'"{under_way.group(0)}": the article of {published.isoformat()} reports it '
                                         "as under way that day")
                frame.date_why = "rule current (under way on the publication date)"
            frame.category, frame.category_why = find_category(frame, reading.text, rules)
            invited_to_attend(frame, reading, rules)
            if frame.decided:
                continue
            named_series = next((n for n in reading.named if frame.series is not None and n.entity_type == "series"
                                 and n.entity_id == frame.series.series_id), None)
            if named_series is not None and _BACKGROUND.search(reading.text[max(0, named_series.start - 45):
                                                                            named_series.start]):
                frame.background = True  # "The meeting grew out of the first India-Central Asia Summit
            out.extend(i for one in per_series(frame, reading, kb) for f in per_partner(one, reading, kb)
                       for e in per_edition(f, reading, rules) for g in per_organization(e) for i in per_item(g, reading))
        out.extend(elided_editions(reading, rules, kb, published, hits, [f for f in out if f.reading is reading]))
        here_frames = [f for f in out if f.reading is reading]
        for f in here_frames:
            if f.kind in ("meeting", "exercise", "agreement", "activity"):
                context.note_event({i: r.role for i, r in f.countries.items()}, reading.paragraph,
                                   f"the {f.kind} of sentence {reading.position}", extend=f.definite or f.hit is None,
                                   done=f.status not in ("planned", "proposed", "rumoured", "offered"))
        if any(f.kind == "exercise" for f in here_frames):
            # "troops train for counter-terror operations": the exercise, not a training programme
            for f in here_frames:
                if f.kind == "activity" and f.type == "training_programme":
                    out.remove(f)
        if any(f.kind == "meeting" for f in here_frames):
            # "the seventh meeting of the Joint Working Group": a meeting, not the group as an agreement; "The
            # Dialogue was launched at a first meeting": that meeting, not an agreement
            for f in here_frames:
                if f.kind == "agreement" and (f.type == "working_group" or (f.hit and f.hit.word.lower() == "launched")):
                    out.remove(f)
    return out
