"""Date expressions in a sentence, read at the precision the text allows.

Each expression becomes a :class:`DateReading`: the date written at its
precision (``2024-04-15``, ``2023-09``, ``2025``), or no date (precision
``unknown``) with the bounds the text gives; the earliest and latest day it
can fall on; whether it is stated or inferred; and a note that says how it
was read. Expressions without a year ("on 15 April", "on Thursday", "in
October", "last month", "next spring") are resolved against the publication
date, forwards when the sentence speaks of the future and backwards when it
does not, and the note gives that reasoning.

A date is never more precise than the text: a month stays a month, a season
or "last week" is a span of days with no single unit (``unknown``, with
bounds), "this year" is the year.

Hand-written rather than ``dateparser``: dateparser invents a day for a
bare month ("in October" became the 14th), finds nothing for "last month" or
"next spring", and takes one direction (past or future) for a whole text;
these rules are few, fast and each has a test (tests/test_drafting_dates.py).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10, "a": 1}

_MONTH = r"(?P<{name}>" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)"


def _p(template: str) -> re.Pattern:
    """A pattern with named month/day/year groups (``{m1}``, ``{d1}``, ``{y1}`` ...)."""
    def fill(match: re.Match) -> str:
        key = match.group(1)
        part = {"m": _MONTH, "d": _DAY, "y": _YEAR}[key[0]]
        return part.format(name=key)
    return re.compile(re.sub(r"\{([mdy]\d)\}", fill, template), re.IGNORECASE)


# (rule id, pattern), most specific first; the first rule to claim a span keeps it.
PATTERNS: list[tuple[str, re.Pattern]] = [
    # A span of days in any of its forms: "from April 15 to 28", "April 15-28", "between April 15 and 28",
    # "March 30-April 2", "15-28 April", "15 and 16 April", "from 15 April to 2 May"
    ("day-range-month-first", _p(r"\b(?:from |(?P<btw>between ))?{m1} {d1}(?:,? {y1})?"
                                 r"(?(btw) and |\s*(?:-|\u2013|\bto\b|\buntil\b|\btill\b|\bthrough\b|\band\b(?= \d{1,2}(?:st|nd|rd|th)?(?:[,.;]|\s+(?:in|at|on|and|with|when|as|\d{4})\b|$)))\s*)"
                                 r"(?:{m2} )?{d2}(?!\d)(?:st|nd|rd|th)?(?:,? {y2})?(?![\d:])")),
    ("day-range-day-first", _p(r"\b(?:from |between )?{d1}(?: {m1})?\s*(?:-|\u2013|\bto\b|\buntil\b|\btill\b|\band\b)"
                               r"\s*{d2} {m2}(?:,? {y2})?\b")),
    ("year-range", _p(r"\b(?:between|from) {y1} (?:and|to|until) {y2}\b")),
    ("iso-day", _p(r"\b{y1}-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)\b")),
    ("day-month-year", _p(r"\b(?:the )?{d1} (?:of )?{m1},? {y1}\b")),
    ("month-day-year", _p(r"\b{m1} {d1},? {y1}\b")),
    ("dotted-day", _p(r"\b(?P<dd>[0-3]\d)\.(?P<mm>[01]\d)\.{y1}\b")),
    ("month-year", _p(r"\b(?:(?:early|mid|late)[- ])?{m1},? (?:of )?{y1}\b")),
    ("month-relative-year", _p(r"\b(?:in |early |late |mid-)?{m1},? (?:of )?(?P<rel>last|this|next) year\b")),
    ("day-month", _p(r"\b(?:the )?{d1} (?:of )?{m1}\b")),
    ("month-day", _p(r"\b{m1} {d1}\b(?!,? (?:19|20)\d\d)")),
    ("weekday", re.compile(r"\b(?:on |last |this |next )?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s)?\b",
                           re.IGNORECASE)),
    # Any part of any unit counted from the article: "later this year", "early next month", "by the end of the
    # year", "this past week", "last weekend", "the previous month", "tomorrow"
    ("relative-span", re.compile(r"\b(?:(?P<part>earlier|later|early|late|mid|(?:at|by|towards|before|until) the "
                                 r"(?:end|close) of|the end of|end of|(?:at )?the (?:start|beginning) of)[- ]?\s*(?:in\s+)?)?"
                                 r"(?P<which>this past|this coming|the coming|the current|this|"
                                 r"last|next|the)\s+(?P<unit>year|month|week|weekend)\b"
                                 r"|\b(?P<day>yesterday|today|tomorrow)\b", re.IGNORECASE)),
    ("units-ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|a few|few|several)\s+"
                             r"(?P<unit>days|day|weeks|week|months|month|fortnights|fortnight)\s+ago\b", re.IGNORECASE)),
    # "over the weekend", "in the past two weeks", "in recent days", "recently": the days just before the article
    ("recent", re.compile(r"\b(?:(?P<weekend>(?:over|at|during) the weekend)|(?:in|over|during) the (?:past|last)\s+"
                          r"(?:(?P<n>\d+|two|three|four|five|six|few|several)\s+)?(?P<unit>days|day|weeks|week|months|"
                          r"month)|in recent (?P<vague>days|weeks|months)|(?P<recently>recently))\b", re.IGNORECASE)),
    ("season", re.compile(r"\b(?:(?P<which>next|this|last|coming) |in (?:the )?)(?P<season>spring|summer|autumn|fall|winter)\b",
                          re.IGNORECASE)),
    ("coming", re.compile(r"\b(?:in|over|within) the (?:coming |next (?:few )?)(?P<unit>days|weeks|months)\b",
                          re.IGNORECASE)),
    ("years-ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a) years? ago\b",
                             re.IGNORECASE)),
    # "last September", "next March", "this coming June": a month counted from the article
    ("month-counted", _p(r"\b(?P<which>last|next|this past|this coming|this) {m1}\b(?!,? (?:19|20)\d\d| \d)")),
    ("in-month", _p(r"\b(?:in|since|during|until|by|from|of|early|late|mid-) ?{m1}\b")),
    ("in-year", _p(r"\b(?:in|since|during|until|by|from|of|for|the|early|late|mid-) ?{y1}\b(?![-–/]\d)")),
]


_CANDIDATE = re.compile(r"\d|\b(?:" + "|".join(sorted(set(MONTHS) | set(WEEKDAYS) | set(SEASONS), key=len, reverse=True))
                        + r"|year|month|week|today|yesterday|tomorrow|ago|recent|fortnight)", re.IGNORECASE)


# What a rule's pattern cannot match without (a digit, or one of some words): tested before the pattern.
_NEEDS: dict[str, object] = {
    **{rule: "digit" for rule in ("day-range-month-first", "day-range-day-first", "year-range", "iso-day",
                                  "day-month-year", "month-day-year", "dotted-day", "month-year", "day-month",
                                  "month-day", "in-year")},
    "years-ago": ("ago",), "month-relative-year": ("year",), "coming": ("coming", "next"), "weekday": tuple(WEEKDAYS), "season": tuple(SEASONS), "in-month": tuple(MONTHS),
    "relative-span": ("year", "month", "week", "today", "yesterday", "tomorrow"), "units-ago": ("ago",),
    "month-counted": ("last", "next", "this"), "recent": ("weekend", "past", "last", "recent"),
}


@dataclass(frozen=True)
class DateReading:
    """One date expression of a sentence, read."""

    start: int  # offsets of the expression in the sentence
    end: int
    text: str
    rule: str
    date: str | None  # at its precision; None when unknown
    precision: str  # day, month, year or unknown
    earliest: str | None
    latest: str | None
    basis: str  # stated or inferred
    note: str
    end_date: str | None = None
    end_precision: str | None = None

    @property
    def window(self) -> tuple[str | None, str | None]:
        return self.earliest, self.latest


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _month_bounds(year: int, month: int) -> tuple[str, str]:
    last = calendar.monthrange(year, month)[1]
    return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _year_for(month: int, day: int | None, published: dt.date, future: bool) -> tuple[int, str]:
    """The year of a month (and day) written without one, and why: the latest
    such date on or before the publication date, or, when the sentence speaks
    of the future, the first on or after it."""
    def fits(year: int) -> bool:
        if day is None:
            return (year, month) >= (published.year, published.month) if future else \
                (year, month) <= (published.year, published.month)
        when = dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
        return when >= published if future else when <= published
    candidates = [y for y in (published.year - 1, published.year, published.year + 1) if fits(y)]
    year = min(candidates) if future else max(candidates)
    what = f"{calendar.month_name[month]} {day}" if day else calendar.month_name[month]
    if future:
        why = f"the sentence speaks of the future, so the first {what} on or after"
    else:
        why = f"the sentence reports it as past or current, so the latest {what} on or before"
    return year, f"no year is written; {why} the publication date {published.isoformat()}: {year}"


def _day_reading(year: int, month: int, day: int) -> tuple[str, str, str, str] | None:
    if not _valid_day(year, month, day):
        return None
    text = f"{year:04d}-{month:02d}-{day:02d}"
    return text, "day", text, text


def read(match: re.Match, rule: str, published: dt.date, future: bool) -> DateReading | None:
    """The reading of one matched expression, or None when it is no date after all (a 31 February)."""
    g = match.groupdict()
    text = match.group(0)
    make = lambda date, precision, earliest, latest, basis, note, **more: DateReading(  # noqa: E731
        match.start(), match.end(), text, rule, date, precision, earliest, latest, basis, note, **more)

    def month_of(key: str) -> int | None:
        value = g.get(key)
        return MONTHS[value.lower().rstrip(".")] if value else None

    if rule in ("iso-day", "dotted-day", "day-month-year", "month-day-year"):
        year = int(g["y1"])
        month = int(g["mm"]) if g.get("mm") else month_of("m1")
        day = int(g["dd"]) if g.get("dd") else int(g["d1"])
        found = _day_reading(year, month, day)
        return make(*found, "stated", f'"{text}" is written in full') if found else None
    if rule == "month-year":
        year, month = int(g["y1"]), month_of("m1")
        earliest, latest = _month_bounds(year, month)
        return make(f"{year:04d}-{month:02d}", "month", earliest, latest, "stated", f'"{text}" gives the month')
    if rule == "month-relative-year":  # "in July last year": July of the year before the article's
        month = month_of("m1")
        year = published.year + {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
        earliest, latest = _month_bounds(year, month)
        return make(f"{year:04d}-{month:02d}", "month", earliest, latest, "inferred",
                    f'"{text}" in an article of {published.isoformat()}: {year}')
    if rule in ("day-month", "month-day"):
        month, day = month_of("m1"), int(g["d1"])
        if not 1 <= day <= 31:
            return None
        year, why = _year_for(month, day, published, future)
        found = _day_reading(year, month, day)
        return make(*found, "inferred", f'"{text}": {why}') if found else None
    if rule in ("day-range-month-first", "day-range-day-first"):
        m1 = month_of("m1") or month_of("m2")
        m2 = month_of("m2") or m1
        d1, d2 = int(g["d1"]), int(g["d2"])
        y2 = int(g["y2"]) if g.get("y2") else None
        y1 = int(g["y1"]) if g.get("y1") else y2
        basis, why = "stated", f'"{text}" is written in full'
        if y1 is None:
            y1, reason = _year_for(m1, d1, published, future)
            y2 = y1 + (1 if m2 < m1 else 0)
            basis, why = "inferred", f'"{text}": {reason}'
        y2 = y2 or y1
        if not (_valid_day(y1, m1, d1) and _valid_day(y2, m2, d2)):
            return None
        start, end = dt.date(y1, m1, d1), dt.date(y2, m2, d2)
        if end < start:
            return None
        return make(_iso(start), "day", _iso(start), _iso(end), basis, why, end_date=_iso(end), end_precision="day")
    if rule == "year-range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if y2 < y1:
            return None
        return make(str(y1), "year", f"{y1}-01-01", f"{y2}-12-31", "stated", f'"{text}" gives the years',
                    end_date=str(y2), end_precision="year")
    if rule == "month-counted":
        month, which = month_of("m1"), g["which"].lower()
        if which == "this":
            year = published.year
        elif which in ("last", "this past"):  # the latest such month before the article's
            year = published.year if month < published.month else published.year - 1
        else:  # the first such month after the article's
            year = published.year if month > published.month else published.year + 1
        earliest, latest = _month_bounds(year, month)
        return make(f"{year:04d}-{month:02d}", "month", earliest, latest, "inferred",
                    f'"{text}" in an article of {published.isoformat()} is {calendar.month_name[month]} {year}')
    if rule == "in-month":
        month = month_of("m1")
        year, why = _year_for(month, None, published, future)
        earliest, latest = _month_bounds(year, month)
        return make(f"{year:04d}-{month:02d}", "month", earliest, latest, "inferred", f'"{text}": {why}')
    if rule == "in-year":
        year = int(g["y1"])
        return make(str(year), "year", f"{year}-01-01", f"{year}-12-31", "stated", f'"{text}" gives the year')
    if rule == "weekday":
        return _weekday(make, g["wd"].lower(), text, published, future)
    if rule == "relative-span":
        if g.get("day"):
            return _relative(make, g["day"].lower(), text, published)
        return _relative_unit(make, (g.get("part") or "").lower(), g["which"].lower(), g["unit"].lower(), text,
                              published)
    if rule == "units-ago":
        unit, n = g["unit"].lower().rstrip("s"), g["n"].lower()
        if unit == "fortnight":  # "a fortnight ago": two weeks
            count = int(n) if n.isdigit() else NUMBERS.get(n)
            unit, n = "week", (str(2 * count) if count else n)
        return _units_ago(make, n, unit, text, published)
    if rule == "recent":
        return _recent(make, g, text, published)
    if rule == "season":
        return _season(make, (g.get("which") or "").lower(), g["season"].lower(), text, published, future)
    if rule == "coming":  # "in the coming weeks": after the article, no nearer bound than that
        return make(None, "unknown", published.isoformat(), None, "inferred",
                    f'"{text}": after the article of {published.isoformat()}; the text gives no later bound')
    if rule == "years-ago":
        n = g["n"].lower()
        years = int(n) if n.isdigit() else NUMBERS[n]
        centre = published.replace(year=published.year - years) if not (published.month == 2 and published.day == 29) \
            else dt.date(published.year - years, 2, 28)
        earliest = centre - dt.timedelta(days=182)
        latest = min(centre + dt.timedelta(days=182), published)
        return make(None, "unknown", _iso(earliest), _iso(latest), "inferred",
                    f'"{text}" before the publication date {published.isoformat()}: about {centre.year}, '
                    f"give or take half a year, so no precision is given, only bounds")
    raise AssertionError(rule)  # pragma: no cover


def _weekday(make, name: str, text: str, published: dt.date, future: bool) -> DateReading:
    wanted = WEEKDAYS[name]
    if future or text.lower().startswith("next"):
        delta = (wanted - published.weekday()) % 7
        day = published + dt.timedelta(days=delta)
        how = f"the first {name.title()} on or after"
    else:
        delta = (published.weekday() - wanted) % 7
        if delta == 0 and text.lower().startswith("last"):
            delta = 7  # "last Friday" in a Friday's article: a week before
        day = published - dt.timedelta(days=delta)
        how = f"the latest {name.title()} on or before" if delta else f"the {name.title()} a week before"
    note = (f'"{text}": {how} the publication date {published.isoformat()} '
            f"(a {published.strftime('%A')}) is {day.isoformat()}")
    return make(_iso(day), "day", _iso(day), _iso(day), "inferred", note)


# ("the previous year", "the past year": counted from the event told, or the last twelve months: not the article's)
_STEP = {"this": 0, "the current": 0, "the": 0, "last": -1, "this past": -1, "next": 1, "the coming": 1, "this coming": 1}


def _span_reading(make, start: dt.date, end: dt.date, text: str, why: str) -> DateReading:
    """A span of days at the finest precision it allows: a day, a month, a year, else only bounds."""
    if start == end:
        return make(_iso(start), "day", _iso(start), _iso(end), "inferred", f"{why}: {start}")
    if (start.year, start.month) == (end.year, end.month):
        return make(f"{start.year:04d}-{start.month:02d}", "month", _iso(start), _iso(end), "inferred",
                    f"{why}: {start} to {end}, within one month")
    if start.year == end.year:
        return make(str(start.year), "year", _iso(start), _iso(end), "inferred", f"{why}: {start} to {end}, within one "
                                                                                "year")
    return make(None, "unknown", _iso(start), _iso(end), "inferred", f"{why}: {start} to {end}; only bounds")


def _relative_unit(make, part: str, which: str, unit: str, text: str, published: dt.date) -> DateReading | None:
    """A unit (year, month, week, weekend) counted from the article ("last month", "the previous year"), or a part
    of it ("earlier this year", "early next month", "by the end of the year")."""
    if which == "the" and not part:
        return None  # "the year", "the week": no unit of the article's
    step = _STEP[which]
    pub = published.isoformat()
    if unit == "year":
        start, end = dt.date(published.year + step, 1, 1), dt.date(published.year + step, 12, 31)
    elif unit == "month":
        y, m = published.year, published.month + step
        y, m = (y - 1, 12) if m == 0 else (y + 1, 1) if m == 13 else (y, m)
        first, last = _month_bounds(y, m)
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    else:
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(days=7 * step)
        start, end = (monday, monday + dt.timedelta(days=6)) if unit == "week" else \
            (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6))
    whole = (start, end) if unit in ("year", "month") else None
    days = (end - start).days
    if part in ("earlier", "early"):
        end = min(end, published) if part == "earlier" and step == 0 else start + dt.timedelta(days=days // 3)
    elif part in ("later", "late"):
        start = max(start, published) if part == "later" and step == 0 else end - dt.timedelta(days=days // 3)
    elif part == "mid":
        start, end = start + dt.timedelta(days=days // 3), end - dt.timedelta(days=days // 3)
    elif part:  # the end or the start of it
        if "end" in part or "close" in part:
            start = max(start, end - dt.timedelta(days=days // 4))
            if part.startswith(("by", "before", "until")):
                start = max(whole[0] if whole else start, published)  # by then: any day up to it
        else:
            end = start + dt.timedelta(days=days // 4)
    if end < start:
        return None
    reading = _span_reading(make, start, end, text, f'"{text}" in an article of {pub}')
    if unit == "year" and reading.precision in ("month", "day") and part not in ("earlier", "later"):
        # a part of a year the text does not name in months: the year, with the part as its bounds
        return make(str(start.year), "year", reading.earliest, reading.latest, "inferred", reading.note)
    if unit == "month" and reading.precision == "day":
        return make(f"{start.year:04d}-{start.month:02d}", "month", reading.earliest, reading.latest, "inferred",
                    reading.note)
    return reading


def _units_ago(make, n: str, unit: str, text: str, published: dt.date) -> DateReading:
    """"three weeks ago", "a few days ago": counted back from the article, as precise as the unit."""
    count = int(n) if n.isdigit() else NUMBERS.get(n)
    pub = published.isoformat()
    if count is None:  # "a few days ago", "several weeks ago": within that many units, not a day
        reach = {"day": 9, "week": 60, "month": 270}[unit]
        return make(None, "unknown", _iso(published - dt.timedelta(days=reach)), pub, "inferred",
                    f'"{text}" before the article of {pub}: only bounds')
    if unit == "day":
        day = published - dt.timedelta(days=count)
        return make(_iso(day), "day", _iso(day), _iso(day), "inferred", f'"{text}" in an article of {pub} is {day}')
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday() + 7 * count)
        return _span_reading(make, monday, monday + dt.timedelta(days=6), text,
                             f'"{text}" in an article of {pub} is the week')
    y, m = published.year, published.month - count
    while m < 1:
        y, m = y - 1, m + 12
    first, last = _month_bounds(y, m)
    return make(f"{y:04d}-{m:02d}", "month", first, last, "inferred", f'"{text}" in an article of {pub} is '
                                                                       f"{calendar.month_name[m]} {y}")


def _recent(make, g: dict, text: str, published: dt.date) -> DateReading:
    """The days just before the article: the last weekend, the past few units, or only "recently"."""
    pub = published.isoformat()
    if g.get("weekend"):
        saturday = published - dt.timedelta(days=(published.weekday() - 5) % 7)
        return _span_reading(make, saturday, min(saturday + dt.timedelta(days=1), published), text,
                             f'"{text}" in an article of {pub}: the weekend before it')
    if g.get("unit"):
        n = (g.get("n") or "one").lower()
        count = int(n) if n.isdigit() else NUMBERS.get(n)
        unit = g["unit"].lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 31}[unit] * (count or 3)
        if count is None:  # "the past few weeks": within about that many, no precision
            return make(None, "unknown", _iso(published - dt.timedelta(days=days)), pub, "inferred",
                        f'"{text}" before the article of {pub}: only bounds')
        return _span_reading(make, published - dt.timedelta(days=days), published, text,
                             f'"{text}" in an article of {pub}')
    # "recently", "in recent weeks": before the article, and the words give no nearer bound
    return make(None, "unknown", None, pub, "inferred", f'"{text}": before the article of {pub}, no earlier bound')


def _relative(make, rel: str, text: str, published: dt.date) -> DateReading:
    y, m = published.year, published.month
    pub = published.isoformat()
    if rel in ("today", "yesterday", "tomorrow"):
        day = published + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[rel])
        return make(_iso(day), "day", _iso(day), _iso(day), "inferred", f'"{text}" in an article of {pub} is {day}')
    if rel in ("last week", "this week", "next week"):
        monday = published - dt.timedelta(days=published.weekday())
        monday += dt.timedelta(days={"last week": -7, "this week": 0, "next week": 7}[rel])
        sunday = monday + dt.timedelta(days=6)
        if monday.month == sunday.month:
            return make(f"{monday.year:04d}-{monday.month:02d}", "month", _iso(monday), _iso(sunday), "inferred",
                        f'"{text}" in an article of {pub} is the week of {monday} to {sunday}, within one month: '
                        "month precision, with the week as its bounds")
        return make(None, "unknown", _iso(monday), _iso(sunday), "inferred",
                    f'"{text}" in an article of {pub} is the week of {monday} to {sunday}, across two months: '
                    "no single precision, only bounds")
    if rel.endswith("month"):
        if rel == "last month":
            y2, m2 = (y - 1, 12) if m == 1 else (y, m - 1)
        elif rel == "next month":
            y2, m2 = (y + 1, 1) if m == 12 else (y, m + 1)
        else:
            y2, m2 = y, m
        earliest, latest = _month_bounds(y2, m2)
        if rel == "earlier this month":
            latest = pub
        elif rel == "later this month":
            earliest = pub
        return make(f"{y2:04d}-{m2:02d}", "month", earliest, latest, "inferred",
                    f'"{text}" in an article of {pub} is {calendar.month_name[m2]} {y2}')
    year = {"last year": y - 1, "next year": y + 1}.get(rel, y)
    earliest, latest = f"{year}-01-01", f"{year}-12-31"
    if rel == "later this year":
        earliest = pub
    elif rel == "earlier this year":
        latest = pub
    return make(str(year), "year", earliest, latest, "inferred", f'"{text}" in an article of {pub} is {year}'
                + (", from the publication date on" if rel == "later this year" else "")
                + (", up to the publication date" if rel == "earlier this year" else ""))


def _season(make, which: str, season: str, text: str, published: dt.date, future: bool) -> DateReading | None:
    first, last = SEASONS[season]

    def span(year: int) -> tuple[dt.date, dt.date]:
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), dt.date(end_year, last, calendar.monthrange(end_year, last)[1])
    if which in ("next", "coming") or (not which and future):
        year = published.year if dt.date(published.year, first, 1) > published else published.year + 1
        how = f"the first {season} that begins after"
    elif which == "last" or (not which and not future):
        year = published.year - 1 if span(published.year)[0] > published else published.year
        if which == "last" and span(year)[1] >= published:
            year -= 1
        how = f"the latest {season} that began before"
    else:  # "this spring"
        year = published.year if not (last < first and published.month <= last) else published.year - 1
        how = f"the {season} of the year of"
    start, end = span(year)
    if which == "" and not future and start > published:
        return None
    return make(None, "unknown", _iso(start), _iso(end), "inferred",
                f'"{text}": {how} the publication date {published.isoformat()}, taken as {start} to {end} '
                f"(the northern {season}); no month is given, so only bounds")


def find_dates(sentence: str, published: dt.date, future: bool | Callable[[int, int], bool] = False) -> list[DateReading]:
    """Every date expression of *sentence*, in order, each read once (a longer,
    more specific expression wins over the shorter ones inside it). *future*
    says whether the expression at (start, end) is spoken of as future: a
    bool for the whole sentence, or a function of the span (a clause of its
    own may be future while the rest is past: "began on 15 April, will
    conclude on Sunday")."""
    if not _CANDIDATE.search(sentence):  # most sentences hold no date: one scan says so
        return []
    taken: list[tuple[int, int]] = []
    out: list[DateReading] = []
    lower = sentence.lower()
    digits = any(c.isdigit() for c in sentence)
    for rule, pattern in PATTERNS:
        needs = _NEEDS.get(rule)
        if (needs == "digit" and not digits) or (isinstance(needs, tuple) and not any(w in lower for w in needs)):
            continue  # a quick test first: the rule's pattern cannot match without it
        for match in pattern.finditer(sentence):
            if any(match.start() < e and match.end() > s for s, e in taken):
                continue
            ahead = future(match.start(), match.end()) if callable(future) else future
            reading = read(match, rule, published, ahead)
            if reading is None:
                continue
            bound = _BOUND.search(sentence[max(0, match.start() - 14):match.start()]) or \
                _LEADING_BOUND.match(match.group(0))  # "since" inside the match: "Since 2022"
            if bound:
                reading = bounded(reading, bound.group(1).lower())
            taken.append((match.start(), match.end()))
            out.append(reading)
    return sorted((finest(r) for r in out), key=lambda r: r.start)


def finest(reading: DateReading) -> DateReading:
    """The finest precision a reading's bounds allow: a span without a unit of
    its own ("next spring", a week across two months) that lies in one year is
    that year, with the span as its bounds (the project's rule, in
    loaders/record_rules.py: the precision is the finest the bounds allow)."""
    if reading.precision != "unknown" or not reading.earliest or not reading.latest:
        return reading
    if reading.earliest[:7] == reading.latest[:7]:
        return replace(reading, date=reading.earliest[:7], precision="month")
    if reading.earliest[:4] == reading.latest[:4]:
        return replace(reading, date=reading.earliest[:4], precision="year",
                       note=reading.note.replace("no month is given, so only bounds",
                                                 "no month is given: the year, with the season as its bounds"))
    return reading


_BOUND = re.compile(r"\b(before|after|prior to|ahead of|since)\s+(?:the\s+)?$", re.IGNORECASE)
_LEADING_BOUND = re.compile(r"(since|before|after)\s", re.IGNORECASE)


def bounded(reading: DateReading, word: str) -> DateReading:
    """"before the August 15 development": not that day, but a bound: no
    precision, the latest day before it (or, after "after", the first day after it)."""
    if word == "by":  # the day something was said or reported: it happened by then
        return replace(reading, date=None, precision="unknown", earliest=None, end_date=None, end_precision=None,
                       basis="inferred", note=f'by {reading.latest} ("{reading.text}" dates its report); {reading.note}')
    if word == "since":  # "since 2022": from then on
        return replace(reading, date=None, precision="unknown", latest=None, end_date=None, end_precision=None,
                       basis="inferred", note=f'since {reading.text}: from {reading.earliest}; {reading.note}')
    if word in ("after",):
        earliest = dt.date.fromisoformat(reading.latest) + dt.timedelta(days=1)
        return replace(reading, date=None, precision="unknown", earliest=earliest.isoformat(), latest=None,
                       end_date=None, end_precision=None, basis="inferred",
                       note=f'{word} {reading.text}: after {reading.latest}; {reading.note}')
    latest = dt.date.fromisoformat(reading.earliest) - dt.timedelta(days=1)
    return replace(reading, date=None, precision="unknown", earliest=None, latest=latest.isoformat(), end_date=None,
                   end_precision=None, basis="inferred",
                   note=f'{word} {reading.text}: before {reading.earliest}; {reading.note}')


def with_end(start: DateReading, end: DateReading) -> DateReading:
    """*start* running until *end* ("began on 15 April, will conclude on Sunday",
    "began in 2011 and was shut down in 2021")."""
    if end.precision == "unknown" or start.precision == "unknown" or (end.latest or "") < (start.earliest or ""):
        return start
    return replace(start, latest=end.latest, end_date=end.date, end_precision=end.precision,
                   note=f"{start.note}; until {end.text}: {end.note}")
