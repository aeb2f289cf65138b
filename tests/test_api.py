"""The notebook API: typed frames, the default database, a clear message when it is missing."""

from __future__ import annotations

import pandas as pd
import pytest

import icadb
from icadb.schema import vocab


def test_read_gives_typed_frames(built_db):
    timeline = icadb.read("timeline", db=built_db)
    assert isinstance(timeline.dtypes["kind"], pd.CategoricalDtype)
    assert list(timeline["kind"].cat.categories) == list(vocab.RECORD_KIND), "the full category set"
    assert str(timeline.dtypes["year"]) == "Int64" and timeline["year"].isna().any(), "nullable integers"
    assert str(timeline.dtypes["record_id"]) == "string"
    assert str(timeline.dtypes["date_earliest"]).startswith("datetime64")
    assert str(timeline.dtypes["date"]) == "string", "a month or year is not turned into a made-up day"


def test_codes_stay_text(built_db):
    countries = icadb.read("countries", db=built_db)
    assert countries.loc[countries["iso3"] == "AFG", "iso_numeric"].item() == "004"


def test_where_and_params(built_db):
    frame = icadb.read("timeline", where="year >= :y", params={"y": 2023}, db=built_db)
    assert len(frame) > 0 and (frame["year"] >= 2023).all()


def test_read_all_and_data_version(built_db):
    frames = icadb.read_all(db=built_db)
    assert {"timeline", "evidence_trail", "country_activity", "records"} <= set(frames)
    assert icadb.data_version(db=built_db) == frames["build_info"]["data_version"].item()


def test_default_database_comes_from_icadb_db(built_db, monkeypatch):
    monkeypatch.setenv("ICADB_DB", str(built_db))
    assert len(icadb.read("records")) > 0


def test_missing_database_says_what_to_run(tmp_path, monkeypatch):
    monkeypatch.setenv("ICADB_DB", str(tmp_path / "nothing.sqlite"))
    with pytest.raises(icadb.DatabaseMissing, match="icadb build"):
        icadb.read("timeline")


def test_unknown_name_lists_the_known_ones(built_db):
    with pytest.raises(KeyError, match="timeline"):
        icadb.read("timelines", db=built_db)


def test_importing_icadb_does_not_import_pandas():
    import subprocess
    import sys

    code = "import sys, icadb; print('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"


def test_json_array_columns_are_lists(built_db):
    timeline = icadb.read("timeline", db=built_db)
    assert all(isinstance(v, list) for v in timeline["countries"]), "every record has a countries list"
    tracker = icadb.read("proposal_tracker", db=built_db)
    assert all(isinstance(v, list) for v in tracker["proposers"]) and ["IND"] in list(tracker["proposers"])
    assert timeline.loc[timeline["record_id"] == "ica-nsa-2023-kazakhstan", "countries"].item() == \
        ["CHN", "IND", "KAZ", "PAK"]


def test_raw_gives_the_json_text(built_db):
    timeline = icadb.read("timeline", db=built_db, raw=True)
    assert str(timeline.dtypes["countries"]) == "string"
    assert timeline["countries"].str.startswith("[").all()


def test_read_export_gives_lists_too(built_db, tmp_path):
    from icadb.export import export

    export(built_db, tmp_path / "out")
    frame = icadb.read_export(tmp_path / "out", "timeline")
    assert all(isinstance(v, list) for v in frame["countries"])
    assert icadb.read_export(tmp_path / "out", "timeline", raw=True)["countries"].str.startswith("[").all()


def test_drafts_are_left_out_unless_asked(draft_db):
    from tests.helpers import DRAFT_RECORD, SUGGESTED_FOR, SUGGESTED_QUOTE

    assert DRAFT_RECORD not in set(icadb.read("timeline", db=draft_db)["record_id"])
    assert DRAFT_RECORD in set(icadb.read("timeline", db=draft_db, include_drafts=True)["record_id"])
    assert DRAFT_RECORD not in set(icadb.read("record_countries", db=draft_db)["record_id"])
    def quotes_of(frame, record_id):
        return set(frame.loc[frame["record_id"] == record_id, "quote"])

    evidence = icadb.read("evidence", db=draft_db)
    assert SUGGESTED_QUOTE not in quotes_of(evidence, SUGGESTED_FOR) and DRAFT_RECORD not in set(evidence["record_id"])
    assert quotes_of(evidence, SUGGESTED_FOR), "the reviewed record keeps its reviewed quotes"
    assert SUGGESTED_QUOTE in quotes_of(icadb.read("evidence", db=draft_db, include_drafts=True), SUGGESTED_FOR)


def test_where_combines_with_the_reviewed_rule(draft_db):
    from tests.helpers import DRAFT_RECORD

    frame = icadb.read("timeline", where="record_id = :r", params={"r": DRAFT_RECORD}, db=draft_db)
    assert frame.empty
    assert len(icadb.read("timeline", where="record_id = :r", params={"r": DRAFT_RECORD}, db=draft_db,
                          include_drafts=True)) == 1


def test_read_all_leaves_the_draft_tables_out_unless_asked(draft_db, monkeypatch):
    from icadb import api

    read = []
    monkeypatch.setattr(api, "read", lambda name, **kwargs: read.append((name, kwargs["include_drafts"])))
    assert not {"drafts", "draft_notes"} & set(icadb.read_all(db=draft_db))
    assert {"drafts", "draft_notes"} <= set(icadb.read_all(db=draft_db, include_drafts=True))
    assert ("timeline", False) in read and ("drafts", True) in read, "read_all passes include_drafts on"
    monkeypatch.undo()
    assert len(icadb.read("drafts", db=draft_db, include_drafts=True)) == 1
    assert len(icadb.read("draft_notes", db=draft_db, include_drafts=True)) == 1


def test_reading_a_draft_table_needs_include_drafts(draft_db):
    with pytest.raises(ValueError, match="include_drafts=True"):
        icadb.read("drafts", db=draft_db)
