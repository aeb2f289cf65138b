"""Every date rule of the drafter (icadb/drafting/dates.py): given a publication
date, the expression gives the expected date, precision and bounds, and a
date is never more precise than the text."""

from __future__ import annotations

import datetime as dt

import pytest

from icadb.drafting.dates import PATTERNS, find_dates

FRIDAY = dt.date(2024, 4, 26)  # a Friday


def one(sentence: str, published: dt.date = FRIDAY, future: bool = False):
    found = find_dates(sentence, published, future)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("sentence, future, date, precision, earliest, latest", [
    # explicit dates
    ("They met on 12 March 2024.", False, "2024-03-12", "day", "2024-03-12", "2024-03-12"),
    ("They met on June 6, 2025.", False, "2025-06-06", "day", "2025-06-06", "2025-06-06"),
    ("They met on 2023-10-17.", False, "2023-10-17", "day", "2023-10-17", "2023-10-17"),
    ("Posted 21.01.2025 at noon.", False, "2025-01-21", "day", "2025-01-21", "2025-01-21"),
    ("It was held in January 2022.", False, "2022-01", "month", "2022-01-01", "2022-01-31"),
    ("It was first held in 2019.", False, "2019", "year", "2019-01-01", "2019-12-31"),
    # a month of a year told relative to the article's
    ("They signed it in July last year.", False, "2023-07", "month", "2023-07-01", "2023-07-31"),
    ("It will be held in March next year.", True, "2025-03", "month", "2025-03-01", "2025-03-31"),
    # dates with no year, resolved against the publication date, backwards for the past ...
    ("It began on 15 April.", False, "2024-04-15", "day", "2024-04-15", "2024-04-15"),
    ("It was held on December 6.", False, "2023-12-06", "day", "2023-12-06", "2023-12-06"),
    # ... and forwards for the future
    ("It will end on April 30.", True, "2024-04-30", "day", "2024-04-30", "2024-04-30"),
    ("It will be held on March 3.", True, "2025-03-03", "day", "2025-03-03", "2025-03-03"),
    # a month with no year: the month, never a day
    ("In October, officials met.", False, "2023-10", "month", "2023-10-01", "2023-10-31"),
    ("They will meet in June.", True, "2024-06", "month", "2024-06-01", "2024-06-30"),
    # weekdays
    ("Talks were held on Thursday.", False, "2024-04-25", "day", "2024-04-25", "2024-04-25"),
    ("It will conclude on Sunday.", True, "2024-04-28", "day", "2024-04-28", "2024-04-28"),
    ("They met on Friday.", False, "2024-04-26", "day", "2024-04-26", "2024-04-26"),
    # relative spans
    ("The drills were held last month.", False, "2024-03", "month", "2024-03-01", "2024-03-31"),
    ("They will meet next month.", True, "2024-05", "month", "2024-05-01", "2024-05-31"),
    ("It was agreed this year.", False, "2024", "year", "2024-01-01", "2024-12-31"),
    ("It will be held later this year.", True, "2024", "year", "2024-04-26", "2024-12-31"),
    ("It was signed earlier this year.", False, "2024", "year", "2024-01-01", "2024-04-26"),
    ("It will be held next year.", True, "2025", "year", "2025-01-01", "2025-12-31"),
    ("They met last year.", False, "2023", "year", "2023-01-01", "2023-12-31"),
    ("He visited last week.", False, "2024-04", "month", "2024-04-15", "2024-04-21"),
    # any part of any unit counted from the article
    ("He will arrive tomorrow.", True, "2024-04-27", "day", "2024-04-27", "2024-04-27"),
    ("They met earlier this week.", False, "2024-04", "month", "2024-04-22", "2024-04-26"),
    ("It is due early next year.", True, "2025", "year", "2025-01-01", "2025-05-02"),
    ("It was signed late last year.", False, "2023", "year", "2023-09-01", "2023-12-31"),
    ("It will be set up by the end of the year.", True, "2024", "year", "2024-04-26", "2024-12-31"),
    ("They will meet at the end of next month.", True, "2024-05", "month", "2024-05-24", "2024-05-31"),
    ("It happened this past week.", False, "2024-04", "month", "2024-04-15", "2024-04-21"),
    ("They met last weekend.", False, "2024-04", "month", "2024-04-20", "2024-04-21"),
    ("They met two months ago.", False, "2024-02", "month", "2024-02-01", "2024-02-29"),
    ("They met three days ago.", False, "2024-04-23", "day", "2024-04-23", "2024-04-23"),
    ("At the summit last September, they met.", False, "2023-09", "month", "2023-09-01", "2023-09-30"),
    ("They will meet next March.", True, "2025-03", "month", "2025-03-01", "2025-03-31"),
    ("They met this April.", False, "2024-04", "month", "2024-04-01", "2024-04-30"),
    # seasons: no unit of their own, so the year they lie in, with the season as bounds (the precision is
    # the finest the bounds allow: loaders/record_rules.py)
    ("A course is planned for next spring.", True, "2025", "year", "2025-03-01", "2025-05-31"),
    ("They will meet next autumn.", True, "2024", "year", "2024-09-01", "2024-11-30"),
    ("They met last winter.", False, None, "unknown", "2023-12-01", "2024-02-29"),  # across two years
    # "N years ago": about then, give or take half a year
    ("Two years ago, they met.", False, None, "unknown", "2021-10-26", "2022-10-25"),  # 2022-04-26 ± 182 days
    # before, after and since a date: a bound, not the day
    ("Even before the August 15 development, it was activated.", False, None, "unknown", None, "2023-08-14"),
    ("Since 2022, 12 officers have attended courses.", False, None, "unknown", "2022-01-01", None),
    # "in the coming weeks": after the article, and no later bound
    ("They will meet in the coming weeks.", True, None, "unknown", "2024-04-26", None),
    # the days just before the article
    ("They met a fortnight ago.", False, "2024-04", "month", "2024-04-08", "2024-04-14"),
    ("They met over the weekend.", False, "2024-04", "month", "2024-04-20", "2024-04-21"),
    ("They met in the past two weeks.", False, "2024-04", "month", "2024-04-12", "2024-04-26"),
    ("They met in recent days.", False, None, "unknown", None, "2024-04-26"),  # vague: only the article bounds it
    ("They met recently.", False, None, "unknown", None, "2024-04-26"),
])
def test_date_rule(sentence, future, date, precision, earliest, latest):
    reading = one(sentence, future=future)
    assert (reading.date, reading.precision, reading.earliest, reading.latest) == (date, precision, earliest, latest)
    assert reading.note, "every date says how it was read"


def test_the_previous_year_is_no_date_of_the_articles():
    assert find_dates("The first edition was held in 2019; the second followed the previous year.", FRIDAY)[-1].text \
        == "in 2019", "the previous year is counted from the event told, not from the article"
    assert find_dates("The past year was busy.", FRIDAY) == []


def test_a_year_less_date_says_how_its_year_was_found():
    reading = one("It began on 15 April.")
    assert reading.basis == "inferred"
    assert "no year is written" in reading.note and "2024-04-26" in reading.note


def test_a_range_of_days_gives_its_end():
    reading = one("The course ran from July 21 to August 1.", published=dt.date(2025, 8, 8))
    assert (reading.date, reading.end_date, reading.earliest, reading.latest) == \
        ("2025-07-21", "2025-08-01", "2025-07-21", "2025-08-01")


def test_a_range_of_years():
    reading = one("India spent US$70 million between 2002 and 2010.")
    assert (reading.date, reading.precision, reading.end_date, reading.latest) == ("2002", "year", "2010", "2010-12-31")


def test_a_week_is_the_finest_unit_that_holds_it():
    reading = one("They met last week.", published=dt.date(2024, 5, 2))  # 22-28 April
    assert (reading.precision, reading.earliest, reading.latest) == ("month", "2024-04-22", "2024-04-28")
    reading = one("They met last week.", published=dt.date(2024, 5, 8))  # 29 April - 5 May: the year
    assert (reading.precision, reading.date, reading.earliest, reading.latest) == \
        ("year", "2024", "2024-04-29", "2024-05-05")
    reading = one("They met last week.", published=dt.date(2025, 1, 3))  # 23-29 December 2024
    assert (reading.precision, reading.earliest, reading.latest) == ("month", "2024-12-23", "2024-12-29")
    reading = one("They met last week.", published=dt.date(2026, 1, 7))  # 29 December 2025 - 4 January 2026
    assert (reading.precision, reading.earliest, reading.latest) == ("unknown", "2025-12-29", "2026-01-04")


def test_no_invented_dates():
    assert find_dates("The Strategy 2030 and the 2+2 format were discussed by 12 officers.", FRIDAY) == []
    assert find_dates("31 February was not a day.", FRIDAY) == []


def test_one_expression_one_reading():
    """"15 April 2024" is one day, not a day and a year."""
    found = find_dates("It began on 15 April 2024 in Termez.", FRIDAY)
    assert [(r.text, r.precision) for r in found] == [("15 April 2024", "day")]


def test_each_clause_has_its_own_tense():
    """"began ... on 15 April, will conclude on Sunday": the first is past, the second future."""
    sentence = "It began on 15 April, and will conclude on Sunday."
    found = find_dates(sentence, FRIDAY, future=lambda start, end: "will" in sentence[max(0, start - 20):start])
    assert [r.date for r in found] == ["2024-04-15", "2024-04-28"]


def test_every_rule_is_tested():
    rules = {rule for rule, _pattern in PATTERNS}
    tested = {"day-range-month-first", "day-range-day-first", "year-range", "iso-day", "day-month-year",
              "month-day-year", "dotted-day", "month-year", "month-relative-year", "day-month", "month-day", "weekday", "relative-span",
              "season", "coming", "years-ago", "units-ago", "month-counted", "in-month", "in-year", "recent"}
    assert rules == tested, "a new date rule needs its cases in test_date_rule"
    found = find_dates("from 15 to 28 April", FRIDAY)
    assert [(r.rule, r.date, r.end_date) for r in found] == [("day-range-day-first", "2024-04-15", "2024-04-28")]


@pytest.mark.parametrize("sentence, start, end", [
    ("The drills were held April 15-28.", "2024-04-15", "2024-04-28"),
    ("The drills were held between April 15 and 28.", "2024-04-15", "2024-04-28"),
    ("The drills were held 15-28 April.", "2024-04-15", "2024-04-28"),
    ("The talks were held on 15 and 16 April.", "2024-04-15", "2024-04-16"),
    ("The drills ran from March 30-April 2.", "2024-03-30", "2024-04-02"),
    ("The drills ran April 15 to April 28.", "2024-04-15", "2024-04-28"),
])
def test_a_span_of_days_in_any_of_its_forms(sentence, start, end):
    reading = one(sentence)
    assert (reading.date, reading.end_date, reading.precision) == (start, end, "day")


def test_a_day_and_a_number_after_and_are_no_span():
    assert one("It began on April 15 and 20 officers came.").end_date is None



@pytest.mark.parametrize("sentence, date, end_date", [
    ("They met on the 3rd of March.", "2024-03-03", None),
    ("They met on April 3 and 4 in Astana.", "2024-04-03", "2024-04-04"),
    ("They met last Friday.", "2024-04-19", None),  # in a Friday's article: the Friday a week before
])
def test_more_ways_of_writing_a_day(sentence, date, end_date):
    found = one(sentence)
    assert (found.date, found.end_date) == (date, end_date)
