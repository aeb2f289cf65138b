"""The curated records: invariants that hold for every record, whatever the seeds say."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict

import yaml

from icadb.loaders.errors import Problems
from icadb.loaders.records import KINDS
from icadb.paths import SEEDS_DIR
from icadb.schema import vocab
from icadb.loaders.yamlread import iter_records


def seed_ids() -> dict[str, str]:
    ids = {}
    for kind in KINDS:
        for _line, record in iter_records(SEEDS_DIR / "records" / kind.file, Problems()):
            ids[record["id"]] = kind.kind
    return ids


def test_every_seed_record_is_in_the_database_and_nothing_else(db):
    in_db = {r["record_id"]: r["kind"] for r in db.execute("SELECT record_id, kind FROM records")}
    assert in_db == seed_ids()


def test_every_record_has_evidence(db):
    bare = db.execute("SELECT record_id FROM records WHERE record_id NOT IN (SELECT record_id FROM evidence)").fetchall()
    assert bare == []


def test_every_quote_is_the_documents_own_text_at_its_offsets(db):
    rows = db.execute(
        "SELECT e.evidence_id, e.quote, substr(d.text, e.char_start + 1, e.char_end - e.char_start) AS at_offsets "
        "FROM evidence e JOIN documents d USING (document_id)").fetchall()
    assert rows and all(r["quote"] == r["at_offsets"] for r in rows)
    rows = db.execute(
        "SELECT q.quote, substr(d.text, q.char_start + 1, q.char_end - q.char_start) AS at_offsets "
        "FROM conflict_quotes q JOIN documents d USING (document_id)").fetchall()
    assert rows and all(r["quote"] == r["at_offsets"] for r in rows)


def test_every_record_has_exactly_one_detail_row_of_its_kind(db):
    for kind in KINDS:
        missing = db.execute(
            f"SELECT record_id FROM records WHERE kind = ? AND record_id NOT IN (SELECT record_id FROM {kind.table})",
            (kind.kind,)).fetchall()
        assert missing == [], f"{kind.kind} records without a {kind.table} row"
    assert db.execute("SELECT count(*) FROM records").fetchone()[0] == sum(
        db.execute(f"SELECT count(*) FROM {k.table}").fetchone()[0] for k in KINDS)


def test_vocabulary_columns_hold_only_vocabulary_values(db):
    checks = [("records", "status", vocab.STATUS), ("records", "category", vocab.CATEGORY),
              ("records", "kind", vocab.RECORD_KIND), ("records", "review_status", vocab.REVIEW_STATUS),
              ("records", "date_precision", vocab.DATE_PRECISION), ("record_countries", "role", vocab.ROLE),
              ("record_organizations", "role", vocab.ROLE), ("record_people", "role", vocab.ROLE),
              ("conflicts", "conflict_type", vocab.CONFLICT_TYPE), ("coverage_skips", "reason", vocab.SKIP_REASON)]
    for table, column, values in checks:
        found = {r[0] for r in db.execute(f"SELECT DISTINCT {column} FROM {table}")}
        assert found <= set(values), f"{table}.{column}: {found - set(values)}"


def test_status_fits_the_kind(db):
    for kind, status in db.execute("SELECT DISTINCT kind, status FROM records"):
        assert status in vocab.KIND_STATUSES[kind], f"a {kind} cannot be {status}"


def _period(text: str, precision: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a date written at *precision*, worked out
    here by calendar arithmetic (the day before the next period begins), not
    with icadb.loaders.dates."""
    if precision == "day":
        day = dt.date.fromisoformat(text)
        return day, day
    if precision == "month":
        year, month = map(int, text.split("-"))
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return dt.date(year, month, 1), following - dt.timedelta(days=1)
    assert precision == "year", precision
    return dt.date(int(text), 1, 1), dt.date(int(text) + 1, 1, 1) - dt.timedelta(days=1)


def _seed_records() -> dict[str, dict]:
    """Every record as written in seeds/records (plain YAML, dates as text)."""
    found = {}
    for path in sorted((SEEDS_DIR / "records").glob("*.yaml")):
        for record in yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or []:
            found[record["id"]] = record
    return found


def test_dates_are_consistent_with_their_precision(db):
    """date_earliest and date_latest are the first and last real day of the
    period the date names (through end_date, when there is one), unless the
    seed narrows them with its own bounds, which must lie inside that period."""
    seeds = _seed_records()
    rows = db.execute("SELECT * FROM records").fetchall()
    assert len(rows) == len(seeds) > 0
    for r in rows:
        seed = seeds[r["record_id"]]
        given = (seed.get("date_earliest"), seed.get("date_latest"))
        if r["date_precision"] == "unknown":
            assert r["date"] is None and r["year"] is None, r["record_id"]
            assert (r["date_earliest"], r["date_latest"]) == given, r["record_id"]
            continue
        start, end = _period(seed["date"], seed["date_precision"])
        if seed.get("end_date"):
            end = _period(seed["end_date"], seed.get("end_date_precision", seed["date_precision"]))[1]
        earliest = dt.date.fromisoformat(given[0]) if given[0] else start
        latest = dt.date.fromisoformat(given[1]) if given[1] else end
        assert start <= earliest <= latest <= end, r["record_id"]
        assert (r["date"], r["date_earliest"], r["date_latest"], r["year"]) == \
            (seed["date"], earliest.isoformat(), latest.isoformat(), start.year), r["record_id"]
        assert (r["end_date"], r["end_date_precision"]) == (seed.get("end_date"), seed.get("end_date_precision")), \
            r["record_id"]
        assert r["date_basis"] in ("stated", "inferred")
        if r["date_basis"] == "inferred":
            assert r["date_note"], f"{r['record_id']}: an inferred date needs its reasoning in date_note"


def _flagged_duplicates(db) -> list[frozenset]:
    return [frozenset(r[0] for r in db.execute("SELECT record_id FROM conflict_records WHERE conflict_id = ?", (c,)))
            for (c,) in db.execute("SELECT conflict_id FROM conflicts WHERE conflict_type = 'possible_duplicate'")]


def test_no_meeting_or_exercise_is_recorded_twice_unless_flagged(db):
    """Two meetings (or exercises) on the same day, at the same place, with the
    same countries taking part, are one event recorded twice, unless a conflict
    flags them as a possible duplicate."""
    groups = defaultdict(list)
    for r in db.execute(
            "SELECT r.record_id, r.kind, r.date, r.place_id, "
            "(SELECT group_concat(iso3) FROM (SELECT DISTINCT iso3 FROM record_countries rc "
            " WHERE rc.record_id = r.record_id AND rc.role <> 'subject' ORDER BY iso3)) AS who "
            "FROM records r WHERE r.date_precision = 'day' AND r.kind IN ('meeting', 'exercise')"):
        groups[(r["kind"], r["date"], r["place_id"], r["who"])].append(r["record_id"])
    flagged = _flagged_duplicates(db)
    doubles = [ids for ids in groups.values() if len(ids) > 1 and not any(set(ids) <= f for f in flagged)]
    assert doubles == []


def test_no_two_records_rest_on_the_same_quotes_with_the_same_countries(db):
    """Records may share a quote (one sentence can report two agreements), but
    two records of one kind with the same quotes and the same countries are one
    record entered twice."""
    groups = defaultdict(list)
    for r in db.execute(
            "SELECT r.record_id, r.kind, "
            "(SELECT group_concat(evidence_key) FROM (SELECT document_id || ':' || char_start AS evidence_key "
            " FROM evidence e WHERE e.record_id = r.record_id ORDER BY 1)) AS quotes, "
            "(SELECT group_concat(link) FROM (SELECT iso3 || ':' || role AS link FROM record_countries rc "
            " WHERE rc.record_id = r.record_id ORDER BY 1)) AS who FROM records r"):
        groups[(r["kind"], r["quotes"], r["who"])].append(r["record_id"])
    flagged = _flagged_duplicates(db)
    doubles = [ids for ids in groups.values() if len(ids) > 1 and not any(set(ids) <= f for f in flagged)]
    assert doubles == []


def test_editions_are_unique_within_a_series_and_series_match_kinds(db):
    dupes = db.execute("SELECT series_id, edition FROM records WHERE edition IS NOT NULL "
                       "GROUP BY series_id, edition HAVING count(*) > 1").fetchall()
    assert dupes == []
    wrong = db.execute("SELECT r.record_id FROM records r JOIN series s USING (series_id) WHERE s.kind <> r.kind").fetchall()
    assert wrong == []


def test_conflicts_have_records_and_both_sides_quoted(db):
    for c in db.execute("SELECT conflict_id, conflict_type FROM conflicts"):
        records = db.execute("SELECT count(*) FROM conflict_records WHERE conflict_id = ?", (c[0],)).fetchone()[0]
        quotes = db.execute("SELECT count(*) FROM conflict_quotes WHERE conflict_id = ?", (c[0],)).fetchone()[0]
        assert records >= 1 and quotes >= 1
        if c[1] in ("contradiction", "possible_duplicate"):
            assert quotes >= 2, f"{c[0]}: a {c[1]} needs the words of both sides"


def test_figures_are_in_their_evidence_quote(db):
    for f in db.execute("SELECT f.source_text, e.quote, f.record_id, e.record_id AS quoted_record "
                        "FROM figures f JOIN evidence e USING (evidence_id)"):
        assert f["source_text"] in f["quote"] and f["record_id"] == f["quoted_record"]


def test_published_ids_never_disappear():
    published = [line.strip() for line in (SEEDS_DIR / "published_ids.txt").read_text().splitlines()
                 if line.strip() and not line.startswith("#")]
    missing = sorted(set(published) - set(seed_ids()))
    assert missing == [], f"published record ids must never change or disappear: restore {missing}"


def test_curated_seeds_are_marked_reviewed(db):
    assert {r[0] for r in db.execute("SELECT DISTINCT review_status FROM records")} == {"reviewed"}


def test_timeline_countries_is_the_sorted_set_of_linked_countries(db):
    for r in db.execute("SELECT record_id, countries FROM timeline"):
        linked = sorted({x[0] for x in db.execute("SELECT iso3 FROM record_countries WHERE record_id = ?", (r[0],))})
        assert json.loads(r["countries"]) == linked


def _meeting_dated(tmp_path, date_lines: str) -> tuple:
    """The small seed tree (tests/defects.py) with its meeting's date lines replaced, built; the meeting's
    date, end_date, date_earliest and date_latest as stored."""
    from icadb.build import build
    from tests.defects import DATED, make_seeds, replace

    seeds = make_seeds(tmp_path / "seeds")
    replace("records/meetings.yaml", DATED, date_lines)(seeds)
    result = build(tmp_path / "icadb.sqlite", seeds=seeds)
    conn = sqlite3.connect(result.path)
    row = conn.execute("SELECT date, end_date, date_earliest, date_latest FROM records WHERE record_id = "
                       "'india-russia-nsa-2021-09-08'").fetchone()
    conn.close()
    return row


def test_a_date_narrowed_by_its_own_bounds_keeps_them(tmp_path):
    """A month-precision date with date_earliest and date_latest inside the
    month is stored with those bounds, not the month's first and last day."""
    row = _meeting_dated(tmp_path, "  date: 2021-09\n  date_precision: month\n  date_earliest: 2021-09-05\n"
                                   "  date_latest: 2021-09-08\n")
    assert row == ("2021-09", None, "2021-09-05", "2021-09-08")


def test_an_event_may_end_on_the_day_it_starts(tmp_path):
    """end_date on the start's own day is a one-day event, accepted, with the day as both bounds."""
    row = _meeting_dated(tmp_path, "  date: 2021-09-08\n  date_precision: day\n  end_date: 2021-09-08\n"
                                   "  end_date_precision: day\n")
    assert row == ("2021-09-08", "2021-09-08", "2021-09-08", "2021-09-08")


def test_a_draft_is_loaded_beside_its_record(tmp_path):
    """A draft of the small seed tree (tests/defects.py): its record is machine_suggested, and the drafts table
    says which document it was drafted from and with what confidence (what marks it as a draft in every view)."""
    from icadb.build import build
    from tests.defects import DOC, make_seeds, with_draft

    seeds = make_seeds(tmp_path / "seeds")
    with_draft()(seeds)
    result = build(tmp_path / "icadb.sqlite", seeds=seeds)
    conn = sqlite3.connect(result.path)
    drafts = conn.execute("SELECT record_id, document_id, confidence, drafter FROM drafts").fetchall()
    status = conn.execute("SELECT review_status FROM records WHERE record_id = 'ind-rus-meeting-2021-09-08'").fetchone()
    conn.close()
    assert drafts == [("ind-rus-meeting-2021-09-08", DOC, 0.6, "icadb draft 1")]
    assert status == ("machine_suggested",)
