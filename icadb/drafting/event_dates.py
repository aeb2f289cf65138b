"""Frames, step: the event's date among the dates a sentence holds (``dates.py`` reads them).

The date of the event's own clause, a span from its end cue, a day counted
from the event told before ("the next day"), a year put on the side of the
told event the words say ("months earlier"), never more precise than the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from icadb.drafting import dates as date_rules
from icadb.drafting.dates import DateReading
from icadb.drafting.frame import Frame
from icadb.drafting.reading import Reading, future_at
from icadb.drafting.rules import Rules
from icadb.drafting.triggers import Hit

_END_CUE = re.compile(r"\b(?:conclude|concludes|concluded|end|ends|ended|until|till|run until|runs until|through|"
                      r"shut down|closed|was dissolved|to)\b", re.IGNORECASE)


_OF_A_PERSON = re.compile(r"\bwho\s+(?:(?:only|just|had|has)\s+)?(?:took office|took over|became|was appointed|"
                          r"was elected|succeeded|was born|retired|was sworn in)\b", re.IGNORECASE)


_TERM = re.compile(r"\b(?:until|till|up to|through|to|valid for|runs? to|running to|expires? in)\s+$", re.IGNORECASE)


def sentence_dates(reading: Reading, rules: Rules, published: dt.date) -> list[DateReading]:
    """The sentence's dates, read once per sentence, whichever step asks first."""
    readings = reading._found.get("dates")
    if readings is None:
        readings = reading._found["dates"] = date_rules.find_dates(
            reading.text, published, future=lambda start, end: future_at(reading, rules, start))
    return readings


def choose_date(frame: Frame, reading: Reading, rules: Rules, published: dt.date, hits: list[Hit] = ()) -> None:
    readings = sentence_dates(reading, rules, published)
    if not readings:
        return
    anchor_at = frame.hit.start if frame.hit else 0
    # ", who took office last month": a date of the person, not of the event
    readings = [r for r in readings if not _OF_A_PERSON.search(re.split(r"[,;]", reading.text[:r.start])[-1])
                or _OF_A_PERSON.search(re.split(r"[,;]", reading.text[:anchor_at])[-1])]
    if not readings:
        return
    if frame.kind == "agreement":
        # "approved the development strategy until 2035", "a ten-year contract to 2034": the instrument's term, not
        # the day it was made
        readings = [r for r in readings if not (_TERM.search(reading.text[max(0, r.start - 12):r.start]) or
                                                re.match(r"(?:until|till|through)\b", r.text, re.IGNORECASE))]
        if not readings:
            return
    if frame.span is not None and (len(reading.predicates) > 1 or frame.span != (0, len(reading.text))):
        # One predicate, one event: its own dates; without any, the sentence's opening ones ("On Monday, they
        # signed ... and agreed to ..."), unless it speaks of what is to come.
        a, b = frame.span
        own = [r for r in readings if a <= r.start < b]
        first_hit = min((h.start for h in hits), default=reading.predicates[0][1])
        opening = [r for r in readings if r.start < min(first_hit, reading.predicates[0][1])]
        readings = own or ([] if frame.status == "planned" or a == 0 else opening)
        if not readings:
            return
    ranged = [r for r in readings if r.end_date]
    if ranged:
        frame.date, frame.date_why = ranged[0], f'rule {ranged[0].rule}'
        return
    anchor = frame.hit.start if frame.hit else 0
    if frame.kind == "proposal":
        # "invited India to send observers to next year's exercises": a time to come after the verb dates
        # what is proposed, not the proposal.
        readings = [r for r in readings if not (r.start > anchor and ((r.date or "9999") > published.isoformat()
                                                                   or r.precision in ("unknown", "year")
                                                                   or r.rule in ("relative-span", "season")))]
        if not readings:
            return
    clause = reading.clause_at(anchor)
    in_clause = [r for r in readings if clause[0] <= r.start < clause[1]]
    # A later date belongs to this event only while no other event's trigger comes between
    # ("... meeting where Russia was also present, while India prepares to host ... 2022 Republic Day").
    others = [h.start for h in hits if h.start > anchor and (frame.hit is None or h.start != frame.hit.start)]
    after = [r for r in readings if r.start >= anchor and not any(anchor < o < r.start for o in others)]
    chosen = (in_clause or after or readings[-1:])[0]
    if frame.kind in ("exercise", "activity", "meeting", "facility") and chosen.precision in ("day", "year"):
        for later in readings:
            if later.start > chosen.start and later.precision == chosen.precision and \
                    (_END_CUE.search(reading.text[max(chosen.end, later.start - 25):later.start]) or
                     _next_day(chosen, later, reading.text[chosen.end:later.start])):
                chosen = date_rules.with_end(chosen, later)
                break
    said = re.search(r"\b(?:said|says|told \w+|announced|stated|reported)\s+(?:on\s+)?$",
                     reading.text[max(0, chosen.start - 18):chosen.start])
    if said and chosen.precision != "unknown":
        # "said on April 15 that his country had asked ...": the day of the saying; the act came before it
        chosen = date_rules.bounded(chosen, "by")
    if frame.status == "rumoured" and chosen.precision != "unknown":
        # a rumour's date is the report's, not the event's: only a bound
        chosen = date_rules.bounded(chosen, "by")
    if frame.status == "closed" and frame.hit is not None and frame.hit.rule.status == "closed" and \
            chosen.precision != "unknown":
        # "suspended its membership in 2012": the year it ended; it began before, on a day not given
        chosen = date_rules.bounded(chosen, "by")
    days = _DAYS_LONG.search(reading.text)
    if frame.kind in ("meeting", "exercise") and days and chosen.precision == "day" and not chosen.end_date and \
            chosen.date:
        length = rules.number_words.get(days.group(1).lower()) or int(days.group(1))
        if re.search(r"\b(?:arrived|arrives|arriving|began|begins|started|landed|reached|opened|opens)\b",
                     reading.text, re.IGNORECASE):
            # "arrived in the Turkmen capital on Friday for a three-day state visit": the visit's days
            end = (dt.date.fromisoformat(chosen.date) + dt.timedelta(days=length - 1)).isoformat()
            chosen = replace(chosen, end_date=end, end_precision="day", latest=end,
                             note=f"{chosen.note}; \"{days.group(0)}\" from that day: to {end}")
            frame.visit_span = True
        elif re.search(r"\b(?:wound up|winds up|ended|ends|concluded|concludes|closed|closes|wrapped up)\b",
                       reading.text, re.IGNORECASE):
            # "as the leaders wound up a two-day summit" on Friday: it began the day before
            start = (dt.date.fromisoformat(chosen.date) - dt.timedelta(days=length - 1)).isoformat()
            chosen = replace(chosen, date=start, earliest=start, end_date=chosen.date, end_precision="day",
                             note=f"{chosen.note}; \"{days.group(0)}\" ending that day: from {start}")
    began = re.match(r"since\s+", chosen.text, re.IGNORECASE)
    if began and frame.kind == "activity" and frame.status == "ongoing" and chosen.earliest and not chosen.latest:
        # "have served alongside ... since 2018": an activity that goes on is dated by when it began
        start = next(iter(date_rules.find_dates("in " + chosen.text[began.end():], published)), None)
        if start is not None and start.precision != "unknown":
            chosen = replace(start, start=chosen.start, end=chosen.end, text=chosen.text,
                             note=f'"{chosen.text}": when it began; it goes on')
    frame.date, frame.date_why = chosen, f"rule {chosen.rule}"


# "On the same day", "the next day", "two days later": a day counted from the event told before
_DAY_AFTER = re.compile(r"\b(?:(?:on\s+)?(?:the\s+)?(?P<same>same\s+day|same\s+evening|same\s+morning|that\s+day|"
                        r"that\s+evening|that\s+morning)|(?:on\s+)?the\s+(?P<next>next|following|previous)\s+day|"
                        r"the\s+day\s+(?P<rel>after|before)|(?P<n>a|one|two|three|four|five|six|\d)\s+days?\s+"
                        r"(?P<dir>later|earlier|after|before)(?!\s+(?:the|its|his|her|their|a|an)\b))\b", re.IGNORECASE)


def same_day(frame: Frame, reading: Reading, told: list[Frame]) -> None:
    """An undated frame whose sentence counts its day from the event told
    before it ("On the same day, ... held talks", "The next day, ..."): that
    event's day, moved by the days it says."""
    found = _DAY_AFTER.search(reading.text)
    if found is None:
        return
    before = next((f for f in reversed(told) if f.reading is not reading and f.date is not None and
                   f.date.precision == "day" and f.date.date), None)
    if before is None:
        return
    if found.group("same"):
        shift = 0
    elif found.group("next"):
        shift = -1 if found.group("next").lower() == "previous" else 1
    elif found.group("rel"):
        shift = 1 if found.group("rel").lower() == "after" else -1
    else:
        count = date_rules.NUMBERS.get(found.group("n").lower()) or int(found.group("n"))
        shift = count if found.group("dir").lower() in ("later", "after") else -count
    day = (dt.date.fromisoformat(before.date.date) + dt.timedelta(days=shift)).isoformat()
    frame.date = DateReading(found.start(), found.end(), found.group(0), "day-counted", day, "day", day, day,
                             "inferred", f'"{found.group(0)}": counted from {before.date.date}, the day of the '
                                         f"{before.kind} of sentence {before.reading.position}")
    frame.date_why = f'rule day-counted: "{found.group(0)}", from the {before.kind} told before it'


def _next_day(first: DateReading, then: DateReading, between: str) -> bool:
    """"last Wednesday and Thursday", "on 12 and 13 April": two days in a row, one event's span."""
    if first.precision != "day" or not re.fullmatch(r"\s*(?:and|-|\u2013|to)\s*(?:on\s+)?", between) or \
            not (first.date and then.date):
        return False
    gap = (dt.date.fromisoformat(then.date) - dt.date.fromisoformat(first.date)).days
    return 1 <= gap <= 2


# "Months earlier, on September 8, ...", "later that year", "the following month": a time counted from the event
# told before, not from the article
_FROM_THE_TOLD = re.compile(r"\b(?:(?:months?|weeks?|days?|a year|years?)\s+(?P<a>earlier|later|before|after)\b|"
                            r"(?P<b>earlier|later)\s+that\s+(?:year|month)\b|that\s+(?:same\s+)?(?:year|month)\b|"
                            r"the\s+(?:same|(?P<c>following|previous|next))\s+(?:year|month)\b)", re.IGNORECASE)


def year_of_the_told(frame: Frame, reading: Reading, told: list[Frame]) -> None:
    """A date without a year in a sentence that counts from the event told
    before it ("Months earlier, on September 8"): the year that puts it on the
    side of that event the words say, not the article's."""
    if frame.date.rule not in ("month-day", "day-month", "in-month", "day-range-month-first", "day-range-day-first") \
            or re.search(r"(?:19|20)\d\d", frame.date.text):
        return
    cue = _FROM_THE_TOLD.search(reading.text)
    before = next((f for f in reversed(told) if f.reading is not reading and f.date is not None and f.date.earliest
                   and f.date.precision in ("day", "month")), None)
    if cue is None or before is None:
        return
    word = (cue.group("a") or cue.group("b") or cue.group("c") or "").lower()
    ahead = 1 if word in ("later", "after", "following", "next") else -1 if word in ("earlier", "before", "previous") \
        else 0
    anchor = dt.date.fromisoformat(before.date.earliest)
    shift = 0
    for year in sorted(range(anchor.year - 1, anchor.year + 2), key=lambda y: abs(y - anchor.year)):
        day = dt.date.fromisoformat(frame.date.earliest)
        try:
            moved = day.replace(year=year)
        except ValueError:
            continue
        if (ahead == 0 and year == anchor.year) or (ahead > 0 and moved >= anchor) or (ahead < 0 and moved <= anchor):
            shift = year - day.year
            break
    if shift == 0:
        return

    def move(value: str | None) -> str | None:
        return None if value is None else f"{int(value[:4]) + shift:04d}{value[4:]}"
    frame.date = replace(frame.date, date=move(frame.date.date), earliest=move(frame.date.earliest),
                         latest=move(frame.date.latest), end_date=move(frame.date.end_date),
                         note=f'{frame.date.note}; "{cue.group(0)}" counts from the {before.kind} of sentence '
                              f"{before.reading.position} ({before.date.earliest}): {move(frame.date.earliest)[:4]}")


_DAYS_LONG = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d)-day\b(?=[^.;]{0,30}\b(?:visit|trip|tour|stay|"
                        r"summit|meeting|conference|session|talks|exercise|drills?|forum)\b)", re.IGNORECASE)
