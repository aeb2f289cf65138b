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
from tests.helpers import run_icadb, tree_bytes

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
    """What an export publishes: every table and view but the drafts' own (left out unless asked)."""
    from icadb.reviewed import is_draft_table

    conn = connect(built_db, readonly=True)
    try:
        return [r.name for r in resources(conn) if not is_draft_table(r.name)]
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


RECORD_COUNTRIES_SCHEMA = {
    "missingValues": [""],
    "primaryKey": ["record_id", "iso3", "role"],
    "foreignKeys": [{"fields": ["iso3"], "reference": {"resource": "countries", "fields": ["iso3"]}},
                    {"fields": ["record_id"], "reference": {"resource": "records", "fields": ["record_id"]}}],
}


@pytest.mark.parametrize("fmt, excel, format_keys", [
    ("csv", False, {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                    "dialect": {"delimiter": ",", "header": True, "lineTerminator": "\n", "quoteChar": '"',
                                "doubleQuote": True}}),
    ("csv", True, {"format": "csv", "mediatype": "text/csv", "encoding": "utf-8-sig",
                   "dialect": {"delimiter": ",", "header": True, "lineTerminator": "\r\n", "quoteChar": '"',
                               "doubleQuote": True}}),
    ("parquet", False, {"format": "parquet", "mediatype": "application/vnd.apache.parquet"}),
], ids=["csv", "excel", "parquet"])
def test_datapackage_descriptor_as_the_data_package_spec_spells_it(built_db, tmp_path, fmt, excel, format_keys):
    """The descriptor's fixed parts, written out here as the Frictionless spec
    names them (a misspelt key is silently ignored by readers); the sources are
    the five seed documents by publication, with what each leaves unsaid."""
    export(built_db, tmp_path / "out", fmt=fmt, excel=excel, tables=["record_countries"])
    package = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))
    assert {k: package[k] for k in ("profile", "name", "keywords", "icadb:drafts", "icadb:drafts_description")} == {
        "profile": "tabular-data-package", "name": "icadb",
        "keywords": ["India", "Central Asia", "security cooperation", "Kazakhstan", "Kyrgyzstan", "Tajikistan",
                     "Turkmenistan", "Uzbekistan"],
        "icadb:drafts": "none",
        "icadb:drafts_description": "The database holds no machine-suggested drafts: every record is reviewed.",
    }
    (licence,) = package["licenses"]
    assert (licence["name"], licence["path"]) == ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/")
    assert [s["title"] for s in package["sources"]] == [
        "Afghanistan-based militants pose threat to central Asia, India and Russia believe (The Financial Express, "
        "2021-09-09)",
        "China is crying. Opportunity for India. India and Russia will start joint defence production in Central "
        "Asia. (publisher not named, date not given)",
        "How India can expand its relations with Central Asia (The Diplomat, 2022-12)",
        "India offers Central Asian states help against terrorism, drug trafficking and cyber threats (publisher not "
        "named, 2023-10-17)",
        "India and Central Asia to expand counter-terrorism and security cooperation (publisher not named, 2025)",
    ]
    (resource,) = package["resources"]
    assert {k: v for k, v in resource.items() if k not in ("description", "schema")} == {
        "name": "record_countries", "path": f"record_countries.{fmt}", "profile": "tabular-data-resource",
        "title": "record_countries", **format_keys}
    assert resource["description"].startswith("One row per country per role in a record. Which countries")
    assert {k: v for k, v in resource["schema"].items() if k != "fields"} == RECORD_COUNTRIES_SCHEMA
    fields = {f["name"]: {k: v for k, v in f.items() if k != "description"} for f in resource["schema"]["fields"]}
    assert list(fields) == ["record_id", "iso3", "role", "note"]
    assert fields["iso3"] == {"name": "iso3", "type": "string", "constraints": {"required": True}}
    assert fields["note"] == {"name": "note", "type": "string"}
    assert fields["role"]["constraints"]["required"] is True and "subject" in fields["role"]["constraints"]["enum"]
    assert package["version"] == json.loads((tmp_path / "out" / "datapackage.json").read_text())["version"] != ""
    assert package["title"] == "icadb — India–Central Asia security cooperation"
    raw = (tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8")
    assert raw.startswith('{\n  "profile": "tabular-data-package",\n  "name": "icadb",\n  "title": "icadb — India–')


def test_a_date_column_says_its_format(built_db, tmp_path):
    export(built_db, tmp_path / "out", tables=["documents"])
    (resource,) = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert (fields["published_earliest"]["type"], fields["published_earliest"]["format"]) == ("date", "%Y-%m-%d")


def test_drafts_are_said_left_out_or_included(draft_db, tmp_path):
    """What the datapackage says of drafts: left out by default, included when asked."""
    from tests.helpers import DRAFT_RECORD, SUGGESTED_FOR, SUGGESTED_QUOTE

    for include, said in ((False, "left out"), (True, "included")):
        result = export(draft_db, tmp_path / said, tables=["records", "evidence"], include_drafts=include)
        assert result.drafts == said
        package = json.loads((tmp_path / said / "datapackage.json").read_text(encoding="utf-8"))
        assert package["icadb:drafts"] == said
        from icadb.export import DRAFTS_SAID
        readme_lines = (tmp_path / said / "README.md").read_text(encoding="utf-8").splitlines()
        assert f"Drafts: {DRAFTS_SAID[said]}" in readme_lines, said
        ids = set(api.read_export(tmp_path / said, "records")["record_id"])
        evidence = api.read_export(tmp_path / said, "evidence")
        quotes = set(zip(evidence["record_id"], evidence["quote"]))  # the same sentence backs another record too
        assert (DRAFT_RECORD in ids, (SUGGESTED_FOR, SUGGESTED_QUOTE) in quotes) == (include, include), said


@pytest.mark.parametrize("fmt, excel", [("csv", False), ("csv", True), ("parquet", False)], ids=["csv", "excel", "parquet"])
def test_with_a_progress_display_the_same_files_are_written(built_db, tmp_path, fmt, excel):
    """The command line's path (a progress display) writes what the library's does."""
    from icadb.progress import Progress

    plain = export(built_db, tmp_path / "plain", fmt=fmt, excel=excel, tables=["records", "timeline"])
    with Progress(enabled=False) as progress:
        shown = export(built_db, tmp_path / "shown", fmt=fmt, excel=excel, tables=["records", "timeline"],
                       progress=progress)
    assert shown.rows == plain.rows > 0
    assert tree_bytes(tmp_path / "shown") == tree_bytes(tmp_path / "plain")


def test_an_unknown_format_is_refused_in_words(built_db, tmp_path):
    with pytest.raises(ValueError, match=r"^format 'xlsx'; expected csv or parquet$"):
        export(built_db, tmp_path / "out", fmt="xlsx")


def test_an_empty_table_is_written_to_parquet_with_its_schema(built_db, tmp_path):
    """draft_notes is empty in a build of the seeds: its Parquet file has no
    rows and every column's type all the same."""
    import pyarrow.parquet as pq

    export(built_db, tmp_path / "out", fmt="parquet", tables=["draft_notes"], include_drafts=True)
    table = pq.read_table(tmp_path / "out" / "draft_notes.parquet")
    conn = connect(built_db, readonly=True)
    try:
        (res,) = resources(conn, ["draft_notes"])
    finally:
        conn.close()
    assert table.num_rows == 0
    assert [(f.name, f.type, f.nullable) for f in table.schema] == \
        [(c.name, arrow_type(c), not c.required) for c in res.columns]


@pytest.mark.parametrize("fmt, excel", [("csv", False), ("csv", True), ("parquet", False)], ids=["csv", "excel", "parquet"])
def test_the_extracts_readme_says_what_the_files_are(built_db, tmp_path, fmt, excel):
    """The README's text, written out here, with only the data version taken from the build."""
    result = export(built_db, tmp_path / "out", fmt=fmt, excel=excel, tables=["record_countries"])
    text = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    expected = [
        "# icadb extract", "",
        f"Data version: {result.data_version} (cite it with any result; `build_info` holds it too).", "",
        "India–Central Asia security cooperation: every meeting, agreement, exercise, proposal, facility and",
        "activity the source articles report, each backed by verbatim quotes (table `evidence`).", "",
        "Drafts: The database holds no machine-suggested drafts: every record is reviewed.", "",
        f"One {fmt.upper()} file per table and view; `datapackage.json` (Frictionless Data Package) gives every",
        "column's type and meaning, the keys and the licence. The full codebook is docs/codebook.md in the project.",
        "",
    ]
    if fmt == "csv":
        ends = " with a byte-order mark and CRLF line ends (for Excel)" if excel else ", LF line ends"
        expected += [
            f"CSV: UTF-8{ends}, a header row, RFC 4180 quoting; empty = no value. Dates are ISO 8601 at their precision",
            "(`2023-10-17`, `2022-01` or `2021`, see `date_precision`); `date_earliest`/`date_latest` are always days.",
            "Ids and codes are text: read them as text (Excel drops the leading zeros of `iso_numeric` unless the",
            "column is imported as Text). JSON arrays (`countries`) are text in the CSV.", "",
            "pandas: `icadb.read_export(folder, 'timeline')` gives typed frames; or `pd.read_csv(path, dtype=str,",
            "keep_default_na=False)`. R: `readr::read_csv(path, col_types = readr::cols(.default = 'c'))`.", "",
        ]
    expected += ["| file | one row per |", "|---|---|", f"| `record_countries.{fmt}` | country per role in a record |",
                 "", "Licence: CC BY 4.0 for the curated records; the source texts remain their publishers'.", ""]
    assert text.split("\n") == expected


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


def database_rows(built_db, name: str) -> tuple[list[str], list[tuple]]:
    """The columns and rows of NAME as SQLite holds them, in the export's order."""
    conn = connect(built_db, readonly=True)
    try:
        res = next(r for r in resources(conn) if r.name == name)
        columns = ", ".join(f'"{c.name}"' for c in res.columns)
        order = ", ".join(f'"{c}"' for c in res.order_by)
        return [c.name for c in res.columns], conn.execute(f'SELECT {columns} FROM "{name}" ORDER BY {order}').fetchall()
    finally:
        conn.close()


def test_every_parquet_holds_the_values_sqlite_holds_untyped(built_db, parquet_export):
    """Without api.typed() on either side (it would hide drift such as an
    integer written as 3.0): each Parquet value is the SQLite value itself, of
    the same Python type, a date as a date32 whose ISO text is SQLite's text."""
    import datetime as dt

    import pyarrow.parquet as pq

    for name in published(built_db):
        columns, rows = database_rows(built_db, name)
        table = pq.read_table(parquet_export / f"{name}.parquet")
        assert table.column_names == columns, name
        written = list(zip(*(table.column(c).to_pylist() for c in columns))) if rows else []
        assert len(written) == len(rows), name
        for row, back in zip(rows, written):
            back = tuple(v.isoformat() if isinstance(v, dt.date) else v for v in back)
            assert [type(v) for v in back] == [type(v) for v in row] and back == tuple(row), (name, row[:3])


def test_cli_export_parquet_excel_and_zip(built_db, tmp_path):
    """Each format option through the command a user runs."""
    run_icadb("export", "--out", str(tmp_path / "pq"), "--format", "parquet", "-q", db=built_db, check=True)
    assert sorted(p.name for p in (tmp_path / "pq").glob("*.parquet")) == \
        sorted(f"{name}.parquet" for name in published(built_db))
    pd.testing.assert_frame_equal(api.read_export(tmp_path / "pq", "timeline"), api.read("timeline", db=built_db))
    run_icadb("export", "--out", str(tmp_path / "xl"), "--excel", "--zip", "-q", db=built_db, check=True)
    raw = (tmp_path / "xl" / "timeline.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n")
    with zipfile.ZipFile(tmp_path / "xl.zip") as archive:
        assert archive.read("xl/timeline.csv") == raw
        assert sorted(archive.namelist()) == sorted(f"xl/{p.name}" for p in (tmp_path / "xl").iterdir())


def test_same_seeds_give_the_same_bytes(built_db, tmp_path):
    again = tmp_path / "again.sqlite"
    build(again)
    first, second = tmp_path / "1" / "icadb", tmp_path / "2" / "icadb"
    export(built_db, first, make_zip=True)
    export(again, second, make_zip=True)
    one, two = tree_bytes(first), tree_bytes(second)
    assert one and sorted(one) == sorted(two), "the same files, both ways"
    assert [name for name in one if one[name] != two[name]] == []
    assert first.with_suffix(".zip").read_bytes() == second.with_suffix(".zip").read_bytes()


def test_zip_holds_the_folder(built_db, tmp_path):
    """Every file of the folder, byte for byte (CRLF kept), deflated, dated
    1980-01-01 and readable by all (so the archive's bytes depend on nothing
    but the files)."""
    result = export(built_db, tmp_path / "pack", make_zip=True, excel=True)
    with zipfile.ZipFile(result.zip_path) as archive:
        infos = archive.infolist()
        assert sorted(i.filename for i in infos) == sorted(f"pack/{p.name}" for p in (tmp_path / "pack").iterdir())
        for info in infos:
            assert archive.read(info) == (tmp_path / info.filename).read_bytes(), info.filename
            assert (info.date_time, info.external_attr, info.compress_type) == \
                ((1980, 1, 1, 0, 0, 0), 0o644 << 16, zipfile.ZIP_DEFLATED), info.filename
    assert "pack/datapackage.json" in archive.namelist() and "pack/timeline.csv" in archive.namelist()


def arrow_type(col):
    """A column's Arrow type, from the codebook's type as the README promises it."""
    import pyarrow as pa

    if col.vocabulary:
        return pa.dictionary(pa.int32(), pa.string())
    return {"integer": pa.int64(), "number": pa.float64(), "date": pa.date32()}.get(col.type, pa.string())


def test_parquet_columns_have_the_codebooks_types_and_zstd(built_db, parquet_export):
    """A vocabulary column is dictionary-encoded text, a required column is not
    nullable, integers are int64, numbers float64, dates date32; every column
    chunk is zstd-compressed; the result counts every row written."""
    import pyarrow.parquet as pq

    conn = connect(built_db, readonly=True)
    try:
        written = {r.name: r for r in resources(conn)}
        counts = {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in published(built_db)}
    finally:
        conn.close()
    for name in published(built_db):
        parquet = pq.ParquetFile(parquet_export / f"{name}.parquet")
        schema = parquet.schema_arrow
        for col in written[name].columns:
            field = schema.field(col.name)
            assert (field.type, field.nullable) == (arrow_type(col), not col.required), (name, col.name)
        metadata = parquet.metadata
        assert metadata.num_rows == counts[name], name
        for group in range(metadata.num_row_groups):
            for column in range(metadata.num_columns):
                assert metadata.row_group(group).column(column).compression == "ZSTD", (name, column)
    again = export(built_db, parquet_export.parent / "again", fmt="parquet")
    assert again.rows == sum(counts.values())


def test_cli_export_writes_the_folder(built_db, tmp_path):
    result = run_icadb("export", "--out", str(tmp_path / "out"), db=built_db, check=True)
    assert "exported" in result.stderr and (tmp_path / "out" / "timeline.csv").exists()


# -- the CSV writer: SQLite renders the rows, the bytes stay csv.writer's ----

def reference_csv(conn, res, path, *, excel=False) -> None:
    """The CSV writer as it was before SQLite rendered the rows (kept here as
    the reference: csv.writer over the rows fetched as tuples)."""
    import csv

    columns = ", ".join(f'"{c.name}"' for c in res.columns)
    order = ", ".join(f'"{c}"' for c in res.order_by)
    with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n" if excel else "\n")
        writer.writerow([c.name for c in res.columns])
        cursor = conn.execute(f'SELECT {columns} FROM "{res.name}" ORDER BY {order}')
        while rows := cursor.fetchmany(20_000):
            writer.writerows(rows)


@pytest.mark.parametrize("excel", [False, True], ids=["lf", "excel"])
def test_every_csv_is_byte_for_byte_what_csv_writer_writes_in_key_order(built_db, tmp_path, excel):
    """Each file holds every row in its resource's order (the key's), as csv.writer writes them."""
    from icadb.export import write_csv

    conn = connect(built_db, readonly=True)
    try:
        for res in resources(conn):
            reference_csv(conn, res, tmp_path / "reference.csv", excel=excel)
            write_csv(conn, res, tmp_path / "new.csv", excel=excel)
            assert (tmp_path / "new.csv").read_bytes() == (tmp_path / "reference.csv").read_bytes(), res.name
    finally:
        conn.close()


def test_one_column_rows_of_nothing_are_quoted_as_csv_writer_does(tmp_path):
    import sqlite3

    from icadb.export import write_csv
    from icadb.resources import Column, Resource

    conn = sqlite3.connect(tmp_path / "one.sqlite")
    conn.execute("CREATE TABLE one (v TEXT)")
    conn.executemany("INSERT INTO one VALUES (?)", [("a",), ("",), (None,), ("b,c",), ("",)])
    conn.commit()
    res = Resource("one", False, "", "", [Column("v", "string", "")], [], ["rowid"])
    reference_csv(conn, res, tmp_path / "reference.csv")
    write_csv(conn, res, tmp_path / "new.csv")
    assert (tmp_path / "new.csv").read_bytes() == (tmp_path / "reference.csv").read_bytes()
    assert (tmp_path / "new.csv").read_text() == 'v\na\n""\n""\n"b,c"\n""\n'


def test_export_table_writes_only_the_tables_named(built_db, tmp_path):
    result = export(built_db, tmp_path / "some", tables=["timeline", "mentions"])
    assert sorted(p.name for p in result.files) == ["README.md", "datapackage.json", "mentions.csv", "timeline.csv"]
    package = json.loads((tmp_path / "some" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in package["resources"]] == ["mentions", "timeline"]  # codebook order
    whole = export(built_db, tmp_path / "all")
    for name in ("mentions.csv", "timeline.csv"):
        assert (tmp_path / "some" / name).read_bytes() == (whole.folder / name).read_bytes()


def test_cli_export_table_option(built_db, tmp_path):
    result = run_icadb("export", "--out", str(tmp_path / "out"), "--table", "records", "-t", "evidence", db=built_db,
                       check=True)
    assert "exported 2 tables and views" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["README.md", "datapackage.json", "evidence.csv",
                                                                   "records.csv"]
    result = run_icadb("export", "--out", str(tmp_path / "bad"), "--table", "recrods", db=built_db)
    assert result.returncode == 2
    assert "icadb: --table: no table or view 'recrods'; expected one of: countries," in result.stderr
    assert not (tmp_path / "bad").exists()


def test_each_source_with_an_address_gives_it_as_its_path(built_db, tmp_path):
    """The descriptor's sources are the documents, oldest first: one with a URL
    has it as its ``path``, one without has no ``path``. (No seed document has
    a URL, so one is given one here.)"""
    import shutil
    import sqlite3

    db = tmp_path / "icadb.sqlite"
    shutil.copy(built_db, db)
    conn = sqlite3.connect(db)
    with conn:
        first = conn.execute("SELECT document_id FROM documents ORDER BY published_earliest, document_id").fetchone()[0]
        conn.execute("UPDATE documents SET url = 'https://example.org/a' WHERE document_id = ?", (first,))
    urls = [url for (url,) in conn.execute("SELECT url FROM documents ORDER BY published_earliest, document_id")]
    conn.close()
    export(db, tmp_path / "out", tables=["countries"])
    sources = json.loads((tmp_path / "out" / "datapackage.json").read_text(encoding="utf-8"))["sources"]
    assert urls[0] == "https://example.org/a" and None in urls
    assert [s.get("path") for s in sources] == urls
    assert [("path" in s) for s in sources] == [url is not None for url in urls]


def test_parquet_written_in_batches_holds_every_row(built_db, tmp_path, monkeypatch):
    """A table longer than a batch is written batch by batch: every row, counted once."""
    import pyarrow.parquet as pq

    import icadb.export as export_module

    whole = export(built_db, tmp_path / "whole", fmt="parquet", tables=["records"])
    monkeypatch.setattr(export_module, "BATCH", 2)
    batched = export(built_db, tmp_path / "batched", fmt="parquet", tables=["records"])
    conn = connect(built_db, readonly=True)
    try:
        count = conn.execute("SELECT count(*) FROM records").fetchone()[0]
    finally:
        conn.close()
    assert count > 2 * 2, "the seeds' records fill more than two batches of 2"
    assert batched.rows == whole.rows == count
    batched_table = pq.read_table(tmp_path / "batched" / "records.parquet")
    whole_table = pq.read_table(tmp_path / "whole" / "records.parquet")
    assert batched_table.schema == whole_table.schema and batched_table.to_pydict() == whole_table.to_pydict()


def test_descriptor_and_readme_say_no_drafts_unless_told(built_db):
    """Called without ``drafts``, the descriptor and the README say the database holds none."""
    from icadb.export import DRAFTS_SAID, datapackage, readme

    conn = connect(built_db, readonly=True)
    try:
        res_list = resources(conn, ["countries"])
        package = datapackage(conn, res_list, "csv", False, "v1")
    finally:
        conn.close()
    assert package["icadb:drafts"] == "none" and package["icadb:drafts_description"] == DRAFTS_SAID["none"]
    assert f"Drafts: {DRAFTS_SAID['none']}" in readme("v1", res_list, "csv", False).splitlines()


def test_export_into_an_existing_folder_writes_it_again(built_db, tmp_path):
    """Exporting into a folder that is already there (an earlier extract) writes the same files again."""
    folder = tmp_path / "out"
    folder.mkdir()
    first = export(built_db, folder, tables=["countries"])
    before = tree_bytes(folder)
    again = export(built_db, folder, tables=["countries"])
    assert again.files == first.files and tree_bytes(folder) == before


def test_a_plain_export_makes_no_zip_and_says_how_long_it_took(built_db, tmp_path):
    """Without ``make_zip`` no archive is made; ``seconds`` is the time the call took, no more."""
    import time

    started = time.perf_counter()
    result = export(built_db, tmp_path / "out", tables=["countries"])
    took = time.perf_counter() - started
    assert result.zip_path is None and not (tmp_path / "out.zip").exists()
    assert isinstance(result.seconds, float) and 0 <= result.seconds <= took


def test_datapackage_gives_the_codebooks_description_and_licence_title(csv_export):
    """The package's description is the codebook's, its white space collapsed; the licence is titled as the codebook titles it."""
    from icadb.codebook import load

    book = load()
    package = json.loads((csv_export / "datapackage.json").read_text(encoding="utf-8"))
    assert " " in package["description"] and package["description"] == " ".join(book["description"].split())
    assert package["licenses"] == [{"name": "CC-BY-4.0", "path": book["license_url"], "title": book["license"]}]


def test_the_progress_display_is_told_each_table_as_one_step(built_db, tmp_path):
    """With a progress display, each table is a stage named after it, of one step, advanced once."""
    from contextlib import contextmanager

    told = []

    class Task:
        def __init__(self, entry):
            self.entry = entry

        def advance(self, amount=1):
            self.entry["advanced"] += amount

    class Recorder:
        @contextmanager
        def stage(self, description, total=None):
            entry = {"description": description, "total": total, "advanced": 0}
            told.append(entry)
            yield Task(entry)

    export(built_db, tmp_path / "out", tables=["records", "timeline"], progress=Recorder())
    assert told == [{"description": "export records", "total": 1, "advanced": 1},
                    {"description": "export timeline", "total": 1, "advanced": 1}]


def test_a_foreign_key_to_its_own_resource_names_it_as_the_spec_does(csv_export):
    """The Data Package spec spells a self-reference with an empty resource name;
    every other reference names a resource of the package."""
    package = json.loads((csv_export / "datapackage.json").read_text(encoding="utf-8"))
    names = {r["name"] for r in package["resources"]}
    references = [(r["name"], fk["reference"]["resource"]) for r in package["resources"]
                  for fk in r["schema"].get("foreignKeys", [])]
    assert any(target == "" for _, target in references), "the codebook has a self-reference"
    assert all(target == "" or (target != name and target in names) for name, target in references)
