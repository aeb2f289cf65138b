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
