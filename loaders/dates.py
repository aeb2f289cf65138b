"""Dates at a stated precision: ``2023-10-17`` (day), ``2022-01`` (month), ``2021`` (year).

Every dated thing also gets the earliest and latest day it can fall on, as
UCDP's ``date_start``/``date_end`` do: "December 2021" is 2021-12-01 …
2021-12-31, and is never mistaken for the 1st.
"""

from __future__ import annotations

import calendar
import re

PRECISIONS = ("day", "month", "year")
_PATTERNS = {
    "day": re.compile(r"(\d{4})-(\d{2})-(\d{2})\Z"),
    "month": re.compile(r"(\d{4})-(\d{2})\Z"),
    "year": re.compile(r"(\d{4})\Z"),
}
_EXAMPLES = {"day": "YYYY-MM-DD, e.g. 2023-10-17", "month": "YYYY-MM, e.g. 2022-01", "year": "YYYY, e.g. 2021"}


class DateError(ValueError):
    """A date that is malformed, impossible, or written at another precision."""


def precision_of(text: str) -> str | None:
    for precision, pattern in _PATTERNS.items():
        if pattern.match(text):
            return precision
    return None


def parse(value: object, precision: str) -> tuple[str, str, str]:
    """Check *value* against *precision*; return ``(date, earliest_day, latest_day)``.

    Raises :class:`DateError` with a message that says what was expected.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise DateError(f"{value!r} is not a date; expected {_EXAMPLES[precision]}")
    text = str(value)
    written = precision_of(text)
    if written is None:
        raise DateError(f"{text!r} is not a date; expected {_EXAMPLES[precision]}")
    if PRECISIONS.index(written) < PRECISIONS.index(precision):
        raise DateError(
            f"{text!r} is finer than its date_precision {precision!r}; "
            f"expected {_EXAMPLES[precision]} (or set date_precision: {written})"
        )
    if written != precision:
        raise DateError(
            f"{text!r} is coarser than its date_precision {precision!r}; "
            f"expected {_EXAMPLES[precision]} (or set date_precision: {written})"
        )
    parts = [int(p) for p in _PATTERNS[precision].match(text).groups()]
    year = parts[0]
    if year < 1000:
        raise DateError(f"{text!r} has an implausible year; expected a four-digit year")
    if precision == "year":
        return text, f"{year:04d}-01-01", f"{year:04d}-12-31"
    month = parts[1]
    if not 1 <= month <= 12:
        raise DateError(f"{text!r} has no month {month}; expected a month 01-12")
    last = calendar.monthrange(year, month)[1]
    if precision == "month":
        return text, f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
    day = parts[2]
    if not 1 <= day <= last:
        raise DateError(f"{text!r} is not a real day; expected a day of {calendar.month_name[month]} {year}, "
                        f"which has {last} days")
    return text, text, text


def finest_unit(earliest: str, latest: str) -> tuple[str, str] | None:
    """The finest of day, month and year that holds both days (YYYY-MM-DD), as
    ``(precision, date)``; None when they lie in different years."""
    if earliest == latest:
        return "day", earliest
    if earliest[:7] == latest[:7]:
        return "month", earliest[:7]
    if earliest[:4] == latest[:4]:
        return "year", earliest[:4]
    return None


def parse_day(value: object) -> str:
    """A single calendar day, YYYY-MM-DD."""
    return parse(value, "day")[0]
