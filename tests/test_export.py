"""icadb export: every table and view as CSV or Parquet, a valid Data Package,
round trips that give back the database, and the same bytes on every build."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from icadb import api
from icadb.build import build
from icadb.db import connect
from icadb.export import export
from icadb.resources import resources

FRICTIONLESS = [sys.executable, "-m", "frictionless"]


@pytest.fixture(scope="module")
def csv_export(built_db, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "csv"
    export(built_db, folder)
    return folder


@pytest.fixture(scope="module")
def parquet_export(built_db, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "parquet"
    export(built_db, folder, fmt="parquet")
    return folder


def published(built_db) -> list[str]:
    conn = connect(built_db, readonly=True)
    try:
        return [r.name for r in resources(conn)]
    finally:
        conn.close()


def test_every_table_and_view_is_a_file(built_db, csv_export):
    names = published(built_db)
    assert {p.stem for p in csv_export.glob("*.csv")} == set(names)
    assert {"timeline", "evidence_trail", "country_activity", "records", "evidence", "build_info"} <= set(names)
    assert (csv_export / "datapackage.json").exists() and (csv_export / "README.md").exists()


def test_frictionless_validate_passes(csv_export):
    result = subprocess.run([*FRICTIONLESS, "validate", str(csv_export / "datapackage.json")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "INVALID" not in result.stdout


def test_frictionless_validate_catches_a_broken_extract(csv_export, tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    for path in csv_export.iterdir():
        (broken / path.name).write_bytes(path.read_bytes())
    evidence = (broken / "evidence.csv").read_text(encoding="utf-8")
    (broken / "evidence.csv").write_text(evidence.replace("ica-nsa-2023-kazakhstan", "no-such-record", 1), encoding="utf-8")
    result = subprocess.run([*FRICTIONLESS, "validate", str(broken / "datapackage.json")], capture_output=True, text=True)
    assert result.returncode != 0 and "foreign-key" in result.stdout


def test_datapackage_describes_fields_keys_licence_and_version(csv_export, built_db):
    package = json.loads((csv_export / "datapackage.json").read_text())
    conn = connect(built_db, readonly=True)
    version = conn.execute("SELECT data_version FROM build_info").fetchone()[0]
    conn.close()
    assert package["version"] == version and package["licenses"][0]["name"] == "CC-BY-4.0"
    assert len(package["sources"]) == 5
    by_name = {r["name"]: r for r in package["resources"]}
    assert by_name["timeline"]["schema"]["primaryKey"] == ["record_id"]
    assert {"fields": ["record_id"], "reference": {"resource": "records", "fields": ["record_id"]}} in \
        by_name["evidence"]["schema"]["foreignKeys"]
    fields = {f["name"]: f for f in by_name["records"]["schema"]["fields"]}
    assert fields["status"]["constraints"]["enum"][0] == "held" and fields["status"]["description"]
    assert fields["date_earliest"]["type"] == "date"
    assert all(f["description"] for r in package["resources"] for f in r["schema"]["fields"]), "every field described"


def test_csv_is_utf8_lf_without_bom_or_index(csv_export):
    raw = (csv_export / "countries.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
    header = raw.split(b"\n", 1)[0].decode()
    assert header.startswith("iso3,iso2,iso_numeric,")
    assert b"\nAFG,AF,004," in raw, "codes keep their leading zeros"


def test_excel_csv_has_bom_and_crlf(built_db, tmp_path):
    export(built_db, tmp_path / "excel", excel=True)
    raw = (tmp_path / "excel" / "timeline.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    assert api.read_export(tmp_path / "excel", "timeline").shape[0] > 0


@pytest.mark.parametrize("name", ["timeline", "evidence_trail", "country_activity", "countries", "records",
                                  "documents", "india_dyads", "proposal_tracker", "figures", "build_info"])
def test_csv_round_trip_equals_the_database(built_db, csv_export, name):
    pd.testing.assert_frame_equal(api.read_export(csv_export, name), api.read(name, db=built_db))


def test_every_csv_round_trips(built_db, csv_export):
    for name in published(built_db):  # the seeds hold no drafts: include_drafts only lets read() open drafts tables
        pd.testing.assert_frame_equal(api.read_export(csv_export, name),
                                      api.read(name, db=built_db, include_drafts=True), obj=name)


def test_every_parquet_round_trips_with_its_types(built_db, parquet_export):
    import pyarrow.parquet as pq

    schema = pq.read_schema(parquet_export / "records.parquet")
    assert str(schema.field("date_earliest").type) == "date32[day]" and str(schema.field("year").type) == "int64"
    for name in published(built_db):
        pd.testing.assert_frame_equal(api.read_export(parquet_export, name),
                                      api.read(name, db=built_db, include_drafts=True), obj=name)


def test_same_seeds_give_the_same_bytes(built_db, tmp_path):
    again = tmp_path / "again.sqlite"
    build(again)
    first, second = tmp_path / "1" / "icadb", tmp_path / "2" / "icadb"
    export(built_db, first, make_zip=True)
    export(again, second, make_zip=True)
    for path in sorted(first.iterdir()):
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name
    assert first.with_suffix(".zip").read_bytes() == second.with_suffix(".zip").read_bytes()


def test_zip_holds_the_folder(built_db, tmp_path):
    result = export(built_db, tmp_path / "pack", make_zip=True)
    with zipfile.ZipFile(result.zip_path) as archive:
        names = archive.namelist()
    assert "pack/datapackage.json" in names and "pack/timeline.csv" in names


def test_cli_export_writes_the_folder(built_db, tmp_path):
    from tests.conftest import run_icadb

    result = run_icadb("export", "--out", str(tmp_path / "out"), db=built_db, check=True)
    assert "exported" in result.stderr and (tmp_path / "out" / "timeline.csv").exists()
