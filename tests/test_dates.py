"""Dates at a precision, with their earliest and latest possible day."""

from __future__ import annotations

import pytest

from icadb.loaders import dates


@pytest.mark.parametrize("value, precision, expected", [
    ("2023-10-17", "day", ("2023-10-17", "2023-10-17", "2023-10-17")),
    ("2021-12", "month", ("2021-12", "2021-12-01", "2021-12-31")),
    ("2024-02", "month", ("2024-02", "2024-02-01", "2024-02-29")),
    (2021, "year", ("2021", "2021-01-01", "2021-12-31")),
])
def test_range_of_a_date(value, precision, expected):
    assert dates.parse(value, precision) == expected


@pytest.mark.parametrize("value, precision, message", [
    ("2023-02-30", "day", "not a real day"),
    ("2023-13", "month", "no month 13"),
    ("2023-10-17", "month", "finer than its date_precision 'month'"),
    ("2023", "day", "coarser than its date_precision 'day'"),
    ("17/10/2023", "day", "is not a date"),
    (True, "year", "is not a date"),
])
def test_bad_dates_say_what_was_expected(value, precision, message):
    with pytest.raises(dates.DateError, match="expected") as info:
        dates.parse(value, precision)
    assert message in str(info.value)


def test_the_first_plausible_year_is_1000():
    assert dates.parse("1000", "year") == ("1000", "1000-01-01", "1000-12-31")
    with pytest.raises(dates.DateError, match=r"^'0999' has an implausible year; expected a four-digit year$"):
        dates.parse("0999", "year")


def test_a_date_object_is_not_taken_for_its_text():
    """Only text or a bare year: a date object (what a YAML loader may make of
    2023-10-17) is refused, not read through str()."""
    import datetime as dt

    with pytest.raises(dates.DateError, match=r"^datetime\.date\(2023, 10, 17\) is not a date; expected YYYY-MM-DD"):
        dates.parse(dt.date(2023, 10, 17), "day")
    with pytest.raises(dates.DateError, match=r"^None is not a date"):
        dates.parse(None, "year")


def test_a_day():
    assert dates.parse_day("2023-10-17") == "2023-10-17"
