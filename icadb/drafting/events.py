"""Step 5 of drafting: one event, one record.

Frames of one article that tell the same event become one event with
several quotes: a sentence that continues the one before it ("The two sides
reviewed ...", "The exercise focuses on ..."), the headline, and later
sentences of the same kind and series, or the same kind with overlapping
dates and countries. Then each event is held against the records already
there (reviewed or drafted): an event that one of them records (same kind or
series, date windows that overlap, countries that overlap, and words in
common) becomes a suggestion to add evidence to it (``add_evidence_to``),
never a second record.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from icadb.drafting import dates as date_rules
from icadb.drafting.frame import Frame, Role
from icadb.drafting.knowledge import Knowledge, KnownRecord, content_words


@dataclass
class Event:
    frames: list[Frame]
    kind: str
    existing: KnownRecord | None = None
    existing_why: str = ""
    score: float = 0.0
    duplicates: list[str] = field(default_factory=list)
    occasion: Event | None = None  # the meeting an act was made at (decisions.py)
    occasion_why: str = ""
    occasion_link: bool = True  # the occasion is a link of the record (made_at, sidelines_of), not only its date
    before: tuple[str, str] | None = None  # undated, but before this day (an invitation to a meeting), and why

    @property
    def main(self) -> Frame:
        """The frame the event's fields come from: the first that is neither headline nor continuation."""
        for frame in self.frames:
            if not frame.headline and frame.hit is not None:
                return frame
        return self.frames[0]

    def dated(self) -> Frame | None:
        """The frame whose date the event takes: a range that holds the other
        frames' dates ("was conducted from 21 April to 3 May" over "concluded on
        3 May"), else the most precise date that lies inside the others ("on
        Wednesday" within "this week"), else the first."""
        dated = [f for f in self.frames if f.date is not None and f.kind in (self.kind, None) and not f.headline] or \
            [f for f in self.frames if f.date is not None and f.kind in (self.kind, None)]
        if not dated:
            return None
        first = dated[0]
        # (a visit's days from its arrival hold the talks of one of them: the talks' day is the meeting's)
        ranges = [f for f in dated if f.date.end_date and not (f.visit_span and len(dated) > 1)
                  and all(_inside(g.date.window, f.date.window) for g in dated)]
        if ranges:
            return ranges[0]
        order = {"day": 0, "month": 1, "year": 2, "unknown": 3}
        inside = [f for f in dated if all(_inside(f.date.window, g.date.window) for g in dated)]
        return min(inside, key=lambda f: order[f.date.precision]) if inside else first

    def window(self) -> tuple[str | None, str | None]:
        """The days it can fall on: its own date's, else those of the meeting it was made at."""
        frame = self.dated()
        if frame is None and self.occasion is not None and self.occasion is not self:
            return self.occasion.window()
        return frame.date.window if frame else (None, None)

    def countries(self) -> dict[str, Role]:
        """The main frame's countries and roles, with what the other frames add:
        new countries, and a host where the main frame had a participant."""
        main = self.main
        out: dict[str, Role] = dict(main.countries)
        for frame in self.frames:
            if frame is main or frame.kind not in (None, self.kind) or (frame.headline and not main.headline):
                continue  # a headline adds its sentence, not its countries (it may name several events)
            for iso3, role in frame.countries.items():
                current = out.get(iso3)
                if current is None or (current.role in ("participant", "subject") and role.role in ("host", "chair")) \
                        or (current.role == "subject" and role.role != "subject"):
                    out[iso3] = role
        return out

    def taking_part(self) -> set[str]:
        return {iso3 for iso3, role in self.countries().items() if role.role != "subject"}

    def series(self):
        return next((f.series for f in self.frames if f.series is not None), None)

    def edition(self) -> int | None:
        return next((f.edition for f in self.frames if f.edition is not None), None)

    def words(self, kb: Knowledge | None = None) -> set[str]:
        key = tuple(id(f.reading) for f in self.frames)
        if getattr(self, "_words_key", None) != key:
            self._words_key, self._words = key, content_words(" ".join(f.reading.text for f in self.frames))
        return self._words - kb.country_vocabulary if kb is not None else self._words

    def type(self) -> str | None:
        """The main frame's type, else the first other frame's (a headline may tell another act of the kind)."""
        if self.main.type is not None and self.main.kind == self.kind:
            return self.main.type
        return next((f.type for f in self.frames if f.type is not None and f.kind == self.kind), None)


# A group of countries named ("the five Central Asian presidents", "all their counterparts"), not two
_GROUPS = re.compile(r"\b(?:central asian|all|five|six|several|regional)\b|(?<!two )(?<!both )\b(?:leaders|presidents|"
                     r"states|countries|nations|ministers|counterparts|heads of state)\b", re.IGNORECASE)


def windows_overlap(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool | None:
    """Whether two windows overlap; None when either is open on both sides."""
    if (a[0] is None and a[1] is None) or (b[0] is None and b[1] is None):
        return None
    return (a[0] or "0000") <= (b[1] or "9999") and (b[0] or "0000") <= (a[1] or "9999")


def _inside(inner: tuple[str | None, str | None], outer: tuple[str | None, str | None]) -> bool:
    """Whether the window *inner* lies within *outer* (an open bound holds anything on its side)."""
    return (outer[0] is None or (inner[0] is not None and outer[0] <= inner[0])) and \
        (outer[1] is None or (inner[1] is not None and inner[1] <= outer[1]))


PAST = frozenset({"held", "signed", "agreed", "in_force", "completed", "closed", "operational", "ongoing"})


def _same_event(event: Event, frame: Frame) -> bool:
    """Whether *frame* (later in the article) tells *event* again."""
    if frame.kind != event.kind:
        return False
    if frame.split and any(f.reading is frame.reading for f in event.frames):
        return False  # one of several records the same sentence tells
    if (frame.status == "planned") != (event.main.status == "planned") and \
            PAST & {frame.status, event.main.status}:
        return False  # what is to come is not what was done ("are to set up a working group" after "signed")
    if frame.type and event.type() and frame.type != event.type():
        return False  # a strategic partnership is not a memorandum
    if frame.kind == "meeting" and frame.series is None and event.series() is None and frame.hit is not None:
        two = [e for e in (Event([frame], frame.kind), event) if _bilateral(e)]
        many = [e for e in (Event([frame], frame.kind), event) if len(e.taking_part()) >= 4]
        if two and many:
            return False  # a visit of one president is not the visit of five
    theirs = {o for f in event.frames for o, r in f.organizations.items() if r.role == "framework"}
    mine = {o for o, r in frame.organizations.items() if r.role == "framework"}
    if theirs and mine and not theirs & mine:
        return False  # a membership of the INSTC is not one of the SCO
    series = event.series()
    if frame.series is not None and series is not None:
        if frame.series.series_id != series.series_id:
            return False
        edition = event.edition()
        if frame.edition is not None and edition is not None and frame.edition != edition:
            return False
        if frame.edition is not None and frame.edition == edition:
            return True  # one edition of a series is one event, whatever the dates its sentences give
        undated_event = event.window() == (None, None)
        if not all(f.headline for f in event.frames) and (
                (edition is not None and frame.edition is None and undated_event and frame.date is not None) or
                (edition is None and frame.edition is not None and not undated_event and frame.date is None)):
            return True  # "the first-ever India-Central Asia Summit", undated, and "the Summit" in January 2022
    placed = next((f for f in event.frames if f.place_name and f.kind == event.kind), None)
    theirs = placed.place_name if placed else None
    within = placed is not None and placed.place is not None and placed.place.place_type == "country" and \
        frame.place_country == placed.place_country  # Tashkent is in the Uzbekistan a visit went to
    if frame.place_name and theirs and frame.place_name != theirs and not within and \
            (frame.place is None or frame.place.place_type != "country"):
        return False  # the summit in New Delhi is not the ministers' meeting in Almaty
    if frame.edition is not None and event.edition() is not None and frame.edition != event.edition():
        return False
    overlap = windows_overlap(event.window(), frame.date.window if frame.date else (None, None))
    if overlap is False:
        return False
    shared = event.taking_part() & frame.taking_part()
    if frame.series is None and frame.date is not None and event.window() != (None, None) and \
            event.window()[0] != event.window()[1] and _inside(frame.date.window, event.window()):
        # a day within an event's span, of its kind ("Thursday's combined assault drill" within the exercise)
        onlookers = {i for i, r in frame.countries.items() if r.role in ("observer", "subject")}
        if shared or set(frame.countries) <= onlookers:
            return True
    if event.kind == "proposal" or overlap is None:
        # Two proposals are one only when they propose the same thing, and an undated telling is the dated
        # one only when it says the same: the same words.
        return bool(shared) and len(event.words() & content_words(frame.reading.text)) >= 4
    # India is in nearly every record: it alone does not make two tellings one event.
    return len(shared) >= 2 or (bool(shared - {"IND"}) and overlap is True)


# "The exercise will end on March 22", "the drills run until Friday": the day the event told ends
_END_BEFORE = re.compile(r"\b(?:until|till|through|end|ends|ended|conclude|concludes|concluded|close|closes|closed|"
                         r"finish|finishes|finished|wrap up|wraps up|wrapped up|last|lasts)\s+(?:on\s+|in\s+|by\s+)?$",
                         re.IGNORECASE)


def _ends(event: Event, frame: Frame) -> None:
    """*frame* tells the day *event* ends: the event's date runs until it."""
    dated = event.dated()
    if dated is None or dated.date.end_date or frame.date.precision != dated.date.precision or \
            (frame.date.earliest or "") <= (dated.date.latest or ""):
        return
    dated.date = date_rules.with_end(dated.date, frame.date)
    dated.date_why += f"; its end from sentence {frame.reading.position}"


_ARRIVAL = re.compile(r"\b(?:reached|arrived|arrives|arriving|landed|lands|flew in|flew into|flies into|touched down)\b",
                      re.IGNORECASE)


def _arrives_for(frame: Frame, event: Event) -> bool:
    """Whether *frame* tells an arrival in the host country of *event* up to two days before it, of its parties."""
    start = event.window()[0]
    if start is None or frame.date.latest is None or frame.date.precision != "day":
        return False
    gap = (dt.date.fromisoformat(start) - dt.date.fromisoformat(frame.date.latest)).days
    hosts = {i for i, r in frame.countries.items() if r.role == "host"} or \
        ({frame.place_country} if frame.place_country else set())
    if not hosts:  # "Modi, who flew in late on Saturday, ...": into the place of the talks the article reports
        return 0 <= gap <= 2 and bool(frame.taking_part() & event.taking_part())
    return 0 <= gap <= 2 and bool(hosts & event.taking_part()) and len(frame.taking_part() & event.taking_part()) >= 2


def merge(frames: list[Frame]) -> list[Event]:
    events: list[Event] = []
    for frame in frames:
        if frame.hit is None:  # a continuation: joins the event it names, or the one just before it
            if events:
                # an earlier event told as what one grew out of is no event the article goes on to tell
                told = [e for e in events if not e.main.background] or events
                if frame.future:
                    # "... are expected to take part", "The drills will focus on ...": the event still to come, over
                    # an earlier edition told since
                    told = [e for e in told if e.main.status == "planned"] or told
                target = None
                if frame.refers == "attendance":  # who took part: in the meeting or exercise told last
                    target = next((e for e in reversed(told) if e.kind in ("meeting", "exercise")), None)
                elif frame.refers:
                    target = next((e for e in reversed(told) if e.kind == frame.refers), None)
                elif frame.future:  # what is to come continues the event still to come
                    target = next((e for e in reversed(told) if e.main.status == "planned"), None)
                (target or told[-1]).frames.append(frame)
            continue
        until = frame.date is not None and (_END_BEFORE.search(
            frame.reading.text[max(0, frame.date.start - 25):frame.date.start]) or
            re.match(r"(?:until|till|through)\b", frame.date.text, re.IGNORECASE))
        began = frame.date is not None and frame.date.precision == "day" and re.search(
            r"\b(?:began|opened|started|kicked off|commenced|got under way)\b", frame.reading.text, re.IGNORECASE)
        if frame.definite and frame.series is None and frame.edition is None and \
                (frame.date is None or until or began):
            # "Two officers ... are attending the exercise as observers": the exercise told last (a place of its
            # own only where that event is: "which Swaraj attended during a visit to Uzbekistan")
            target = next((e for e in reversed(events) if e.kind == frame.kind and not e.main.background), None)
            if target is not None and frame.place_name and frame.place_country not in target.countries():
                target = None
            if target is not None and (target.main.status == "planned") == (frame.status == "planned"):
                if until:
                    _ends(target, frame)
                target.frames.append(frame)
                continue
        if frame.edition_relative is not None and frame.edition is None and events:
            # "The previous edition was held at Umroi in 2023": the edition before the one just told
            same = [e for e in events if e.kind == frame.kind and e.edition() is not None
                    and (frame.series is None or e.series() is frame.series)]
            # "the next edition": after the latest the article told, whatever earlier one it told since ("began
            # in 2011 as ..."); "the previous one", "the one before that": before the one just told
            base = max(same, key=lambda e: e.edition(), default=None) if frame.edition_relative > 0 else \
                next(reversed(same), None)
            if base is not None and base.edition() + frame.edition_relative >= 1:
                frame.edition = base.edition() + frame.edition_relative
                frame.series = frame.series or base.series()
                frame.series_name = frame.series_name or next((f.series_name for f in base.frames if f.series_name),
                                                              None)
                frame.inherit_series = False
                frame.edition_why += f" (edition {base.edition()}, {frame.edition_relative:+d})"
        if frame.inherit_series and events:
            told = [e.series() for e in reversed(events) if e.series() is not None]
            # "The Dialogue was launched at a first meeting": the series whose name has the capitalised noun
            nouns = set(re.findall(r"\b(Dialogue|Summit|Forum|Roundtable|Conference|Consultations)\b", frame.reading.text))
            previous = next((s for s in told if any(n in s.name for n in nouns)), None) or next(iter(told), None)
            if previous is not None and previous.kind == frame.kind:
                frame.series, frame.inherit_series = previous, False
                frame.edition_why += f"; the series of the event before it ({previous.series_id})"
        if events and events[-1].kind == frame.kind and frame.kind in ("exercise", "meeting", "activity") and \
                not frame.taking_part() and frame.date is None and \
                frame.series is None and frame.edition is None and frame.place_name is None and not frame.vague and \
                (frame.status in PAST) == (events[-1].main.status in PAST) and not frame.organizations and \
                frame.reading.paragraph - events[-1].frames[-1].reading.paragraph <= 2:
            # "Drills on the programme include raids ...": more of the event just told, with nothing of its own
            events[-1].frames.append(frame)
            continue
        if frame.continuation and frame.lead_holds_trigger and events and events[-1].kind == frame.kind and \
                frame.series is None and \
                frame.edition is None and (frame.date is None or windows_overlap(events[-1].window(), frame.date.window)
                                           is not False) and "next" not in frame.reading.text.lower()[:20]:
            events[-1].frames.append(frame)  # "The course, which ran from July 21 ...": the event just told
            continue
        if until and frame.kind in ("exercise", "meeting", "activity") and frame.series is None and \
                frame.edition is None:
            # "Until April 30, commandos from both countries will train together": the end of the one just told
            told = next((e for e in reversed(events) if e.kind == frame.kind and not e.main.background), None)
            start = told.window()[0] if told is not None else None
            if start is not None and frame.date.earliest and start < frame.date.earliest and \
                    told.main.status != "planned" and frame.taking_part() <= told.taking_part() | {None}:
                _ends(told, frame)
                told.frames.append(frame)
                continue
        last = events[-1] if events else None
        if last is not None and last.kind == frame.kind == "meeting" and frame.date is None and \
                (frame.series_name or frame.series or frame.edition) and last.series() is None and \
                last.edition() is None and not any(f.series_name for f in last.frames) and \
                last.dated() is not None and frame.status != "planned" and last.main.status != "planned" and \
                frame.reading.position - last.frames[-1].reading.position == 1:
            # "... sat down in Mumbai last Wednesday and Thursday. The two-day session was the first meeting of
            # the India-Central Asia Joint Working Group on Chabahar": the name of the meeting just told
            last.frames.append(frame)
            continue
        same = next((e for e in events if _same_event(e, frame)), None)
        if same is None and frame.kind == "meeting" and frame.date is not None and frame.status != "planned" and \
                frame.series is None and frame.edition is None and _ARRIVAL.search(frame.reading.text):
            # "Modi, who reached the Turkmen capital on Friday evening, ...": the arrival for the talks told
            # before, a day or two ahead of them
            same = next((e for e in events if e.kind == "meeting" and e.main.status != "planned" and
                         _arrives_for(frame, e)), None)
        if same is None and frame.kind == "meeting" and frame.date is None and frame.series is None and \
                frame.edition is None and frame.status != "planned" and frame.taking_part() and not frame.split \
                and not re.search(r"\b(?:margins|sidelines|separate|separately)\b", frame.reading.text):
            # "Atambayev is on a four-day state visit": the visit of the meeting told just before, whose
            # countries it names
            last = next((e for e in reversed(events) if e.kind == "meeting"), None)
            if last is not None and last.dated() is not None and last.main.status != "planned" and \
                    frame.taking_part() <= last.taking_part() and \
                    frame.reading.paragraph - last.frames[-1].reading.paragraph <= 1:
                same = last
        if same is not None:
            if until:  # "Until April 30, commandos from both countries will train together": the day it ends
                _ends(same, frame)
            same.frames.append(frame)
            continue
        if not frame.taking_part() and events:
            # "A second course ... is planned for officers from the region": who ran the one before runs it
            previous = next((e for e in reversed(events) if e.kind == frame.kind), None)
            for iso3, role in (previous.countries().items() if previous else ()):
                if role.role in ("host", "organizer"):
                    frame.countries[iso3] = Role("organizer", "who hosted or organised the event of its kind "
                                                              "before it, which it follows")
        if frame.continuation and events and len(frame.taking_part()) < 2 and frame.kind != "proposal":
            # "The ministers also participated in ...": the parties of the event before it
            lead = frame.reading.text[:45].lower()
            meant = "meeting" if re.search(r"\b(?:meeting|talks|summit|visit|consultations|dialogue|session|leaders|"
                                           r"ministers|participants|delegations)\b", lead) else \
                "exercise" if re.search(r"\b(?:exercise|drills?|armies|troops|contingents?)\b", lead) else frame.kind
            before = next((e for e in reversed(events) if e.kind == meant), events[-1])
            if (frame.edition is not None and frame.edition_relative is None) or (
                    frame.date is not None and windows_overlap(before.window(), frame.date.window) is False and
                    frame.date.window[1] and before.window()[0] and frame.date.window[1] < before.window()[0]):
                before = None  # "The Dialogue was launched at a first meeting ... in January 2019": an earlier one
            for iso3, role in (before.countries().items() if before is not None else ()):
                if role.role not in ("subject", "observer") and iso3 not in frame.countries:
                    frame.countries[iso3] = Role("participant", "the parties of the event before it, which the "
                                                                "sentence refers back to")
        events.append(Event([frame], frame.kind))
    # "the next round of the two armies' joint exercise" and, later, "the exercises, known as Khanjar": an
    # exercise of no series named is of the one series of its kind and countries that the article names
    named = {f.series.series_id: f.series for e in events for f in e.frames if f.series is not None}
    for event in events:
        if event.kind != "exercise" or event.series() is not None or event.edition() is not None or \
                event.dated() is None or any(f.series_name for f in event.frames):
            continue
        fitting = [s for s in named.values() if s.kind == event.kind and len(s.countries) >= 2 and
                   set(s.countries) == event.taking_part()]
        if len(fitting) == 1:
            event.main.series = fitting[0]
            event.main.edition_why = (f"the article names {fitting[0].name}, the one series of its kind and "
                                      f"countries")
    # "The second edition was held at Chaubatia in March 2021": an edition of a series between named countries
    # is between them, whichever the sentence names
    for event in events:
        series = event.series()
        if series is None or len(series.countries) < 2 or event.kind not in ("exercise", "meeting"):
            continue
        have = event.countries()
        for iso3 in series.countries:
            if iso3 not in have or have[iso3].role == "subject":
                event.main.countries[iso3] = Role("participant", f"a country of the series {series.name}")
    # A headline only ever adds to an event the body reports.
    for event in list(events):
        if all(f.headline for f in event.frames):
            events.remove(event)
            other = next((e for e in events if e.kind == event.kind and event.series() and
                          event.series() == e.series()), None) or \
                next((e for e in events if e.kind == event.kind), None)  # a headline tells the lead event
            if other is not None:
                other.frames.insert(0, event.frames[0])
    return events


def infer_series(events: list[Event], kb: Knowledge, rules=None) -> None:
    """An event told as one of a series ("the second meeting of security chiefs
    from India and the five Central Asian republics", "the next round") without
    the series' name: the one series of the seeds of its kind whose records
    share its level and two or more of its countries (India and another)."""
    members: dict[str, tuple[set[str], set[str]]] = {}
    held: dict[str, list[KnownRecord]] = {}
    for record in kb.records:
        if record.series_id:
            held.setdefault(record.series_id, []).append(record)
            countries, levels = members.setdefault(record.series_id, (set(), set()))
            countries.update(i for i, roles in record.countries.items() if roles - {"subject", "observer"})
            if record.level:
                levels.add(record.level)
    for event in events:
        if event.series() is not None or any(f.series_name for f in event.frames) or \
                not any(f.edition is not None or f.edition_relative is not None for f in event.frames):
            continue
        relative = next((f for f in event.frames if f.edition_relative is not None), None)
        before = next((e for e in reversed(events[:events.index(event)]) if e.kind == event.kind), None)
        if relative is not None and before is not None and before.series() is not None:
            # "the next meeting": of the series of the one told before it
            event.main.series = before.series()
            event.main.edition_why += f"; of {before.series().name}, the series of the {event.kind} before it"
            continue
        taking = event.taking_part()
        level = _level(event, rules)
        fitting = [series for series_id, series in kb.series.items() if series.kind == event.kind and
                   series_id in members and len(taking & members[series_id][0]) >= 2 and
                   (event.kind != "meeting" or (level is not None and level in members[series_id][1])) and
                   (len(taking) >= 3) == (len(members[series_id][0]) >= 3) and
                   not _edition_taken(held[series_id], event)]
        if len(fitting) == 1:
            event.main.series = fitting[0]
            event.main.edition_why += (f"; of {fitting[0].name}, the one series of the seeds of its kind, level and "
                                       "countries")


def _edition_taken(records: list[KnownRecord], event: Event) -> bool:
    """Whether a series' records leave no room for *event*'s edition: one of
    that edition or a later one ended before it began ("the first meeting of
    the defence ministers" in 2026 is of no series that met before)."""
    edition, start = event.edition(), event.window()[0]
    if edition is None or start is None:
        return False
    return any(r.latest and r.latest < start and (r.edition is None and edition == 1 or
                                                  r.edition is not None and r.edition >= edition) for r in records)


def standalone(event: Event) -> bool:
    """Whether an event says enough to be drafted at all."""
    main = event.main
    countries = event.taking_part() | set(event.series().countries if event.series() else ())
    if not countries and not any(f.organizations for f in event.frames):
        return False
    specific = (event.dated() is not None or event.occasion is not None or event.series() is not None
                or main.edition is not None
                or main.series_name is not None or main.status in ("planned", "rumoured")
                or any("hosted" in f.reading.text.lower() for f in event.frames)
                or any(r.role == "framework" for f in event.frames for r in f.organizations.values()))
    if event.kind in ("meeting", "exercise") and not specific:
        return False  # "a frequent venue for military drills": no event in particular
    if event.kind == "meeting":
        hosted = any(r.role == "host" for r in event.countries().values())
        return len(countries) >= 2 or event.series() is not None or main.edition is not None \
            or main.series_name is not None or (hosted and event.dated() is not None)
    if event.kind == "proposal":
        roles = {r.role for r in event.countries().values()}
        return bool(roles & {"proposer", "target"})
    return True


def _near(window: tuple[str | None, str | None], bound: str, days: int = 366) -> bool:
    """Whether *window* lies within *days* of the day *bound*."""
    edge = dt.date.fromisoformat(bound)
    return any(day and abs((dt.date.fromisoformat(day) - edge).days) <= days for day in window)


def _month_after(day: str) -> str:
    """The month after the one *day* falls in, as YYYY-MM."""
    year, month = int(day[:4]), int(day[5:7])
    return f"{year + (month == 12):04d}-{month % 12 + 1:02d}"


def _same_roles(event: Event, record: KnownRecord, roles: tuple[str, ...]) -> bool:
    """Whether *event* and *record* give the same countries each of *roles* (and give them at all)."""
    mine = event.countries()
    for role in roles:
        ours = {i for i, r in mine.items() if r.role == role}
        theirs = {i for i, rs in record.countries.items() if role in rs}
        if not ours or ours != theirs:
            return False
    return True


def _bilateral(event: Event) -> bool:
    """Whether a meeting is told as one between two countries: two take part, and no group is named."""
    return len(event.taking_part()) == 2 and not any(f.vague for f in event.frames) and \
        not any(_GROUPS.search(f.reading.text) for f in event.frames if f.kind == event.kind)


def _same_host(event: Event, record: KnownRecord) -> bool:
    hosts = {i for i, r in event.countries().items() if r.role == "host"}
    return bool(hosts & {i for i, roles in record.countries.items() if "host" in roles})


STANDING = ("agreement", "facility", "activity")  # kinds whose records stand over time (a membership, a base)


def _level(event: Event, rules) -> str | None:
    if rules is None or event.kind != "meeting":
        return None
    text = " ".join(f.reading.text for f in event.frames if not f.headline)
    found = None
    for index, typed in enumerate(rules.meeting_levels):
        for match in typed.phrases.finditer(text):
            key = (-(match.end() - match.start()), index)
            if found is None or key < found[0]:
                found = (key, typed.value)
    return found[1] if found else None


def match_existing(event: Event, kb: Knowledge, document_id: str, rules=None,
                   published: str | None = None) -> None:
    """Point *event* at the record that already holds it, if one does: the
    same series and edition; or the same kind with dates that overlap, a
    country, an organisation (the framework of a membership) or the meeting's
    level in common, and words in common. A one-day event is no undated
    standing record of its kind, except for what stands over time (joining a
    membership is that membership)."""
    series = event.series()
    edition = event.edition()
    window = event.window()
    countries = event.taking_part()
    words = event.words(kb)
    kind_type = event.type()
    orgs = {o for f in event.frames for o, r in f.organizations.items() if r.role in ("framework", "member")}
    level = _level(event, rules)
    name = next((f.series_name for f in event.frames if f.series_name), None)
    # an exercise's own name ("Peace Mission 2021"): only a record that names it is that exercise
    named_words = content_words(name) - kb.country_vocabulary if name and not series and event.kind == "exercise" \
        else set()
    best: tuple[float, KnownRecord, str] | None = None
    for record in kb.records:
        if published and record.earliest and record.earliest > published and event.main.status != "planned" and \
                not (window[0] and window[0] > published):
            continue  # what an article reports as done is no event that begins after it
        if kind_type and record.type and kind_type != record.type and record.kind == event.kind and \
                {kind_type, record.type} != {"air_base", "military_base"}:
            continue  # a strategic partnership is not a membership (an air base is a military base)
        if event.kind == "agreement" and orgs and record.orgs and not orgs & set(record.orgs):
            continue  # a membership of the CSTO is not one of the SCO
        if record.kind != event.kind and not (series and record.series_id == series.series_id):
            continue
        if series and record.series_id and record.series_id != series.series_id:
            continue
        if series and (edition is not None or event.kind == "exercise") and record.series_id != series.series_id:
            continue  # one edition of a series (an exercise of one) is no record outside that series
        if not series and record.series_id and any(f.series_name for f in event.frames):
            continue  # a series the seeds lack is none of the seeds' series
        if named_words and not named_words <= record.words:
            continue  # "Peace Mission 2021" is no record that does not name Peace Mission
        if not series and record.series_id and len(words & record.words) < 6 and not (
                level and level == record.level and _same_host(event, record) and
                windows_overlap(window, (record.earliest, record.latest)) is True):
            continue  # one meeting of a series needs the words of that series, or its level, host and days
        if edition is not None and record.edition is not None and edition != record.edition:
            continue
        if (edition is None) != (record.edition is None) and series and record.series_id == series.series_id:
            if (record.precision == "unknown" and not record.earliest and not record.latest) or window == (None, None):
                continue  # the series as a whole against one edition of it
            if record.precision == "unknown" and not (record.earliest and record.latest) and \
                    not _near(window, record.earliest or record.latest):
                continue  # a meeting bounded on one side only: an edition told as within a year of that bound
        overlap = windows_overlap(window, (record.earliest, record.latest))
        if overlap is False and record.status == "planned" and series and record.series_id == series.series_id \
                and window[0] and record.earliest and window[0] > record.earliest and _same_host(event, record):
            overlap = True  # a planned meeting of the series held later than planned, where it was planned
        if overlap is False and event.kind in STANDING and record.precision == "unknown" and not record.earliest \
                and record.latest and window[0] and window[0] > record.latest and \
                event.main.status in ("operational", "in_force", "ongoing") and not (
                    event.main.hit and re.search(r"\b(?:joined|become|became|becomes|acceded|admitted|came on board)\b",
                                                 event.main.hit.word, re.IGNORECASE)):
            # a base or a membership known to stand then, told as standing later: still standing (joining later
            # is no telling of a membership that stood before)
            overlap = None
        if overlap is False:
            continue
        if record.precision == "unknown" and not record.earliest and not record.latest and window[0] and \
                window[1] and window[0] == window[1] and not series and event.kind not in STANDING:
            continue  # an undated standing record against an event of one day
        if record.precision == "unknown" and not record.earliest and not record.latest and window[0] and \
                window[1] and event.kind in ("meeting", "exercise") and (window[1][:7] <= _month_after(window[0])
                                                                         or event.main.status == "planned" or
                                                                         (series and window[0][:4] == window[1][:4])):
            continue  # the series as a whole (KazInd, held every year) is none of its dated editions (of a day, a
            # month or a year: "Khanjar 2023"), nor to come
        theirs = {iso3 for iso3, roles in record.countries.items() if roles != {"subject"}}
        if kind_type == "membership" and record.type == "membership":
            # who joins: a planned accession is its prospective members, a membership in force its members
            wanted = "prospective_member" if event.main.status == "planned" else "member"
            theirs = {iso3 for iso3, roles in record.countries.items() if wanted in roles}
        shared = countries & theirs
        common = len(words & record.words)
        if not shared and event.kind == "facility" and kind_type and record.type == kind_type and common >= 5:
            # a facility told by its name and what it does, its host unnamed: the countries the record names at all
            shared = countries & set(record.countries)
        same_series = bool(series and record.series_id == series.series_id)
        same_org = bool(orgs & set(record.orgs))
        same_level = bool(level and record.level and level == record.level and level != "unknown")
        same_type = bool(kind_type and (record.type == kind_type or {kind_type, record.type} == {"air_base",
                                                                                                "military_base"}))
        same_base = event.kind == "facility" and (same_type or not (kind_type and record.type)) and \
            _same_roles(event, record, ("host", "operator"))
        if not shared and not same_series:
            continue
        if event.kind == "meeting" and not same_series and _bilateral(event) and len(theirs) >= 4:
            continue  # a visit of one president is not the visit of five
        if not same_series and shared <= {"IND"} and (countries - {"IND"}) and (theirs - {"IND"}):
            continue  # India is in nearly every record: another partner makes another event
        if not same_series and shared <= {"IND"} and common < (4 if event.kind == "proposal" else 5) and not same_org:
            continue  # India alone in common: only the same words make it the same event
        if event.kind == "proposal":
            proposer = {i for i, r in event.countries().items() if r.role == "proposer"}
            theirs_proposer = {i for i, roles in record.countries.items() if "proposer" in roles}
            if proposer and theirs_proposer and not proposer & theirs_proposer:
                continue
            # the same kind of proposal by the same proposer on the same day: fewer words say it is the same
            one_day = window[0] is not None and window[0] == window[1] == record.earliest == record.latest and \
                same_type and bool(proposer & theirs_proposer)
            if common < (2 if one_day else 4):
                continue
        # one partnership of the same partners; one membership of the same members of one body
        one_standing = same_type and bool((kind_type == "strategic_partnership" and shared - {"IND"}) or
                                          (kind_type == "membership" and same_org and shared))
        if not same_series and not same_base and not one_standing and \
                common + 2 * same_org + 2 * same_level + same_type < 3:
            continue  # the same kind and countries, but nothing in common said: another event
        score = 3.0 * same_series + (2.0 if edition is not None and edition == record.edition else 0) \
            + 1.0 * len(shared) + (1.5 if overlap else 0) + 0.25 * common + 2.5 * same_org + 1.5 * same_level \
            + 1.0 * same_type
        need = 3.5 if not same_series else 3.0
        if overlap is None and not same_series:
            need += 2.0  # undated on one side: only a close match in words and countries
            if common >= 5 and (shared - {"IND"} or same_org):
                need = 0.0
        if one_standing:
            need = 0.0  # one partnership of the same partners, one membership of the same members of one body
        if same_base:
            need = min(need, 3.0)  # a base of the same operator in the same host country
        if score < need:
            continue
        why = (f"same {'series ' + series.series_id if same_series else 'kind'}"
               + (f", edition {edition}" if edition is not None and edition == record.edition else "")
               + (", dates that overlap" if overlap else ", no date to compare" if overlap is None else "")
               + f", countries in common ({', '.join(sorted(shared))})" * bool(shared)
               + f", the same organisation ({', '.join(sorted(orgs & set(record.orgs)))})" * same_org
               + f", the same level ({level})" * same_level
               + f", the same type ({kind_type})" * same_type
               + f", {common} words in common")
        if best is None or score > best[0]:
            best = (score, record, why)
    if best is not None:
        event.score, event.existing, event.existing_why = best[0], best[1], best[2]


_STANDING_WORDS = re.compile(r"\b(?:annual|annually|every year|each year|yearly|regular|regularly|calendar|alternately|"
                             r"by turns|in turns|in rotation|fixture|since (?:19|20)\d\d)\b", re.IGNORECASE)


def mere_mention(event: Event, rules) -> bool:
    """Whether *event*, matched to the record of a whole series (KazInd as held every year, undated), only names
    the series ("India also holds the KazInd exercise with Kazakhstan", "Dustlik is the Uzbek word for
    friendship") instead of telling it as a standing activity ("a fixed part of the two armies' calendar every
    year"): such a sentence is no evidence for that record, nor an event of its own."""
    record = event.existing
    if record is None or not record.series_id or record.edition is not None or record.earliest or record.latest:
        return False
    if event.dated() is not None:
        return False
    text = " ".join(f.reading.text for f in event.frames)
    return not (_STANDING_WORDS.search(text) or (rules is not None and rules.standing_meetings.first(text)))
