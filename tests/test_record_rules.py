"""Checks across a record's fields and across records (loaders/record_rules.py):
what happened was reported after it, bounds agree with the date, editions rise."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from icadb.loaders.errors import Problems
from icadb.loaders.record_rules import RecordRules, check_bounds
from icadb.schema import vocab
from icadb.loaders.yamlread import YMap
from tests.helpers import run_icadb
from tests.defects import make_seeds, replace
from tests.helpers import run_check

DIPLOMAT = "2022-12-diplomat-india-central-asia-relations"

FUTURE_MEETING = f"""
- id: ica-nsa-2030-new-delhi
  title: A meeting of security advisers in New Delhi
  summary: A held meeting dated years after its only source.
  status: held
  category: regional_security
  date: 2030-12-06
  date_precision: day
  date_basis: stated
  place: new-delhi
  review_status: reviewed
  meeting_level: security_advisers
  format: multilateral
  mode: in_person
  countries:
    - {{iso3: IND, role: host}}
  evidence:
    - document: {DIPLOMAT}
      quote: On December 6, senior security officials from Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan arrived in New Delhi
"""


def add_meeting(seeds: Path, text: str) -> int:
    """Append *text* to the seeds' meetings; return the line of its ``date:``."""
    path = seeds / "records" / "meetings.yaml"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return len(before.splitlines()) + next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith("  date:"))


def test_the_issues_future_held_meeting_is_refused_by_check_and_build(seeds_copy, tmp_path):
    line = add_meeting(seeds_copy, FUTURE_MEETING)
    expected = (f"records/meetings.yaml:{line}: date: 2030-12-06 is after the latest publication date of its sources, "
                f"2022-12-31 ({DIPLOMAT}), yet its status 'held' says it took place; expected a date on or before "
                "2022-12-31, or a status that says it has not taken place (planned, proposed)")
    code, lines = run_check(seeds_copy)
    assert code == 1 and expected in lines, lines
    db = tmp_path / "icadb.sqlite"
    result = run_icadb("build", "--seeds", str(seeds_copy), "--quiet", db=db)
    assert result.returncode == 1 and expected in result.stderr.replace(f"{seeds_copy}/", "")
    assert not db.exists()


def test_the_same_meeting_planned_may_lie_in_the_future(seeds_copy):
    add_meeting(seeds_copy, FUTURE_MEETING.replace("  status: held", "  status: planned"))
    code, lines = run_check(seeds_copy)
    assert code == 0, lines


def test_the_latest_of_a_records_sources_is_what_counts(seeds_copy):
    """Dated 2023-10-17, the meeting is after its December 2022 source, but not after its October 2023 one."""
    text = FUTURE_MEETING.replace("  date: 2030-12-06", "  date: 2023-10-17")
    later = ("    - document: 2023-10-17-doval-offers-central-asia-assistance\n"
             "      quote: The participants agreed to meet again in Kyrgyzstan in 2024.\n")
    add_meeting(seeds_copy, text + later)
    code, lines = run_check(seeds_copy)
    assert code == 0, lines


def test_one_early_source_alone_is_not_enough(seeds_copy):
    line = add_meeting(seeds_copy, FUTURE_MEETING.replace("  date: 2030-12-06", "  date: 2023-10-17"))
    code, lines = run_check(seeds_copy)
    assert code == 1 and any(l.startswith(f"records/meetings.yaml:{line}: date: 2023-10-17 is after") for l in lines)


@pytest.mark.parametrize("status", [s for s, o in vocab.STATUS_OCCURRENCE.items()
                                    if o == "occurred" and s in vocab.KIND_STATUSES["agreement"]])
def test_every_status_that_says_it_happened_is_checked(status, tmp_path):
    seeds = make_seeds(tmp_path / "seeds")
    replace("records/agreements.yaml", "  status: agreed", f"  status: {status}")(seeds)
    replace("records/agreements.yaml", "  date: 2021-09-08", "  date: 2021-09-10")(seeds)
    code, lines = run_check(seeds)
    assert code == 1 and any("records/agreements.yaml:6: date: 2021-09-10 is after the latest publication date" in line
                             for line in lines), lines


@pytest.mark.parametrize("status", ["proposed", "planned", "rumoured"])
def test_statuses_that_do_not_say_it_happened_are_not(status, tmp_path):
    seeds = make_seeds(tmp_path / "seeds")
    replace("records/agreements.yaml", "  status: agreed", f"  status: {status}")(seeds)
    replace("records/agreements.yaml", "  date: 2021-09-08", "  date: 2030-09-10")(seeds)
    code, lines = run_check(seeds)
    assert code == 0, lines


# -- bounds ------------------------------------------------------------------------


def bounds(precision, date, earliest=None, latest=None, end_date=None, end_precision=None) -> list[str]:
    problems = Problems()
    record = YMap(1)
    check_bounds(problems, Path("records/x.yaml"), record, precision, date, earliest, latest,
                 end_date=end_date, end_precision=end_precision)
    return [p.message for p in problems.items]


def test_bounds_may_narrow_the_unit():
    assert bounds("month", "2021-12", "2021-12-06") == []
    assert bounds("year", "2021", "2021-03-01", "2021-12-31") == []


def test_bounds_may_not_widen_it():
    assert bounds("month", "2021-12", "2021-12-06", "2022-01-25")[0].startswith(
        "2022-01-25 is outside the month 2021-12 that date gives")
    assert bounds("year", "2021", "2020-12-01")[0].startswith("2020-12-01 is outside the year 2021 that date gives")
    assert bounds("day", "2022-12-06", None, "2022-12-07")[0].startswith("2022-12-07 is outside the day 2022-12-06")


def test_with_an_end_date_the_latest_bound_lies_in_the_end_dates_unit():
    assert bounds("year", "2002", None, "2010-06-30", "2010", "year") == []
    assert bounds("year", "2002", "2002-05-01", None, "2010", "year") == []
    assert bounds("year", "2002", None, "2009-12-31", "2010", "year")[0].startswith(
        "2009-12-31 is outside the year 2010 that end_date gives")
    assert bounds("year", "2002", "2003-01-01", None, "2010", "year")[0].startswith(
        "2003-01-01 is outside the year 2002 that date gives")


def test_a_precision_coarser_than_its_bounds_is_refused():
    assert bounds("year", "2021", "2021-12-06")[0].startswith(
        "'year' is coarser than its bounds, 2021-12-06 to 2021-12-31, which lie within the month 2021-12")
    assert bounds("month", "2021-12", "2021-12-06", "2021-12-06")[0].startswith(
        "'month' is coarser than its bounds, 2021-12-06 to 2021-12-06, which lie within the day 2021-12-06")


def test_unknown_precision_is_for_bounds_no_unit_holds():
    assert bounds("unknown", None, "2021-12-06", "2022-01-25") == []
    assert bounds("unknown", None, None, "2022-12-31") == []
    assert bounds("unknown", None, "1995-01-01") == []
    assert bounds("unknown", None, "2022-03-01", "2022-11-30")[0].endswith(
        "expected date_precision: year and date: 2022 (the bounds may stay, to narrow it)")


def test_the_seeds_that_widened_their_bounds_now_say_unknown(db):
    rows = {r["record_id"]: r for r in db.execute(
        "SELECT record_id, date, date_precision, date_earliest, date_latest FROM records WHERE record_id IN "
        "('india-russia-joint-defence-production-non-paper', 'india-russia-trilateral-exercise-non-paper')")}
    assert {tuple(r)[1:] for r in rows.values()} == {(None, "unknown", "2021-12-06", "2022-01-25")}
    doc = db.execute("SELECT published_on, date_precision, published_earliest, published_latest FROM documents "
                     "WHERE document_id = '2021-12-india-russia-central-asia-defence-non-paper'").fetchone()
    assert tuple(doc) == (None, "unknown", "2021-12-06", "2022-01-25")


# -- editions -----------------------------------------------------------------------


def editions(*entries: tuple[int, str, str, str]) -> list[str]:
    """Run the edition rule on (edition, date, earliest, latest) records of one series."""
    problems = Problems()
    rules = RecordRules(SimpleNamespace(problems=problems, registry=lambda name: {}))
    for line, (edition, date, earliest, latest) in enumerate(entries, start=1):
        record = YMap(line)
        record.key_lines["edition"] = line
        values = {"date_precision": "unknown", "date": None, "date_earliest": None, "date_latest": None,
                  "end_date": None, "end_date_precision": None, "status": "planned", "evidence": [],
                  "series": "s", "edition": edition}
        rules.check(Path("records/meetings.yaml"), record, values,
                    {"date": date, "earliest": earliest, "latest": latest}, "meeting")
    rules.finish()
    return [f"{p.line}: {p.message}" for p in problems.items]


def test_editions_in_order_pass_whatever_the_file_order():
    assert editions((2, "2023-10-17", "2023-10-17", "2023-10-17"), (1, "2022-12-06", "2022-12-06", "2022-12-06"),
                    (3, "2024", "2024-01-01", "2024-12-31")) == []


def test_overlapping_dates_cannot_be_out_of_order():
    assert editions((1, "2022", "2022-01-01", "2022-12-31"), (2, "2022-03-01", "2022-03-01", "2022-03-01")) == []


def test_undated_editions_are_not_ordered():
    assert editions((1, None, None, None), (2, "2021-09-08", "2021-09-08", "2021-09-08")) == []


def test_a_later_edition_dated_before_an_earlier_one_is_refused_even_past_a_vaguer_one():
    found = editions((1, "2020-06-01", "2020-06-01", "2020-06-01"), (2, "2020", "2020-01-01", "2020-12-31"),
                     (3, "2020-03-01", "2020-03-01", "2020-03-01"))
    assert found == ["3: 3 of series 's' is dated 2020-03-01, before edition 1 (records/meetings.yaml:1), dated "
                     "2020-06-01; expected editions that rise with the date"]


def test_an_edition_given_twice_is_refused_at_the_second():
    found = editions((1, "2020", "2020-01-01", "2020-12-31"), (1, "2021", "2021-01-01", "2021-12-31"))
    assert found == ["2: 1 is given twice in series 's' (first at records/meetings.yaml:1); expected each edition of "
                     "a series once"]


# -- drafts ------------------------------------------------------------------------


def test_a_draft_is_held_to_the_same_rules(seeds_copy):
    """Drafts (seeds/drafts/) load through the same load_record: a held draft
    dated after its source, and a draft that repeats a reviewed edition, are refused."""
    draft = (FUTURE_MEETING.replace("  review_status: reviewed", "  review_status: machine_suggested\n  kind: meeting")
             .replace("  mode: in_person", "  mode: in_person\n  series: ica-nsa-meetings\n  edition: 1")
             + "  draft_notes:\n    confidence: 0.5\n    drafter: tests\n")
    folder = seeds_copy / "drafts"
    folder.mkdir(exist_ok=True)
    (folder / f"{DIPLOMAT}.yaml").write_text(draft.lstrip("\n"), encoding="utf-8")
    code, lines = run_check(seeds_copy)
    assert code == 1
    assert any(line.startswith(f"drafts/{DIPLOMAT}.yaml:6: date: 2030-12-06 is after the latest publication date")
               for line in lines), lines
    assert any(line.startswith(f"drafts/{DIPLOMAT}.yaml:") and "edition: 1 is given twice in series 'ica-nsa-meetings'"
               in line for line in lines), lines
