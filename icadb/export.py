"""``icadb export``: every table and view as a file, with a Frictionless Data Package.

CSV files are UTF-8, RFC 4180 quoting, a header row, ISO dates, an empty
field for NULL and no index column, one row per line (LF), rows in a fixed
order, so the same build always gives the same bytes. ``excel=True`` adds a
byte-order mark and CRLF line ends, which Excel wants and other tools do not.
Parquet files carry the column types. ``datapackage.json`` describes every
file (fields, types, descriptions from the codebook, keys, licence, sources,
data version).
"""

from __future__ import annotations

import csv
import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from icadb.codebook import load
from icadb.resources import DATE, INTEGER, NUMBER, Resource, resources

BATCH = 20_000


@dataclass
class ExportResult:
    folder: Path
    files: list[Path] = field(default_factory=list)
    rows: int = 0
    seconds: float = 0.0
    data_version: str = ""
    zip_path: Path | None = None
    drafts: str = "none"  # none (the database holds none), left out, or included


def write_csv(conn: sqlite3.Connection, res: Resource, path: Path, *, excel: bool = False) -> int:
    """Write *res* as CSV at *path* with ``csv.writer`` over the rows; return the number of rows."""
    count = 0
    with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n" if excel else "\n")
        writer.writerow([c.name for c in res.columns])
        cursor = conn.execute(res.select_sql())
        while rows := cursor.fetchmany(BATCH):
            writer.writerows(rows)
            count += len(rows)
    return count


def _arrow_schema(res: Resource):
    import pyarrow as pa

    types = {INTEGER: pa.int64(), NUMBER: pa.float64(), DATE: pa.date32()}
    fields = []
    for col in res.columns:
        kind = pa.dictionary(pa.int32(), pa.string()) if col.vocabulary else types.get(col.type, pa.string())
        fields.append(pa.field(col.name, kind, nullable=not col.required))
    return pa.schema(fields)


def write_parquet(conn: sqlite3.Connection, res: Resource, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(res)
    count = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        cursor = conn.execute(res.select_sql())
        rows = cursor.fetchmany(BATCH)
        while True:  # at least one batch, so an empty table still has its schema
            columns = list(zip(*rows)) if rows else [()] * len(schema)  # one C-level transpose
            arrays = []
            for values, pa_field in zip(columns, schema):
                if pa.types.is_date32(pa_field.type):
                    arrays.append(pa.array(values, pa.string()).cast(pa.date32()))
                elif pa.types.is_dictionary(pa_field.type):
                    arrays.append(pa.array(values, pa.string()).dictionary_encode())
                else:
                    arrays.append(pa.array(values, pa_field.type))
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))
            count += len(rows)
            rows = cursor.fetchmany(BATCH)
            if not rows:
                break
    return count


def _field(col) -> dict:
    out: dict = {"name": col.name, "type": col.type, "description": col.description}
    if col.type == DATE:
        out["format"] = "%Y-%m-%d"
    constraints = {}
    if col.required:
        constraints["required"] = True
    if col.categories:
        constraints["enum"] = col.categories
    if constraints:
        out["constraints"] = constraints
    return out


DRAFTS_SAID = {
    "none": "The database holds no machine-suggested drafts: every record is reviewed.",
    "left out": "Machine-suggested drafts (records with review_status machine_suggested, and quotes a program "
                "suggested, evidence.suggested = 1) were left out; every row here is reviewed data. "
                "`icadb export --include-drafts` includes them, marked.",
    "included": "Machine-suggested drafts were included (asked for with --include-drafts): rows with review_status "
                "machine_suggested, and evidence with suggested = 1, are NOT reviewed by a person.",
}
DRAFTS_IN_BRIEF = {"none": "the database holds no drafts", "left out": "drafts left out", "included": "drafts included"}


def datapackage(conn: sqlite3.Connection, res_list: list[Resource], fmt: str, excel: bool, version: str,
                drafts: str = "none") -> dict:
    book = load()
    documents = conn.execute("SELECT title, url, publisher, published_on FROM documents ORDER BY published_earliest, document_id")
    sources = []
    for title, url, publisher, published_on in documents:
        source = {"title": f"{title} ({publisher or 'publisher not named'}, {published_on or 'date not given'})"}
        if url:
            source["path"] = url
        sources.append(source)
    package_resources = []
    for res in res_list:
        entry: dict = {
            "name": res.name,
            "path": f"{res.name}.{fmt}",
            "profile": "tabular-data-resource",
            "title": res.name,
            "description": f"{res.grain} {res.description}",
            "format": fmt,
        }
        if fmt == "csv":
            entry.update(mediatype="text/csv", encoding="utf-8-sig" if excel else "utf-8",
                         dialect={"delimiter": ",", "header": True, "lineTerminator": "\r\n" if excel else "\n",
                                  "quoteChar": '"', "doubleQuote": True})
        else:
            entry.update(mediatype="application/vnd.apache.parquet")
        schema: dict = {"fields": [_field(c) for c in res.columns], "missingValues": [""]}
        if res.primary_key:
            schema["primaryKey"] = res.primary_key
        if res.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": fk["fields"], "reference": {
                    "resource": "" if fk["reference"]["resource"] == res.name else fk["reference"]["resource"],
                    "fields": fk["reference"]["fields"]}}
                for fk in res.foreign_keys
            ]
        entry["schema"] = schema
        package_resources.append(entry)
    return {
        "profile": "tabular-data-package",
        "name": "icadb",
        "title": book["title"],
        "description": " ".join(book["description"].split()),
        "version": version,
        "licenses": [{"name": "CC-BY-4.0", "path": book["license_url"], "title": book["license"]}],
        "sources": sources,
        "keywords": ["India", "Central Asia", "security cooperation", "Kazakhstan", "Kyrgyzstan", "Tajikistan",
                     "Turkmenistan", "Uzbekistan"],
        "resources": package_resources,
        "icadb:drafts": drafts,
        "icadb:drafts_description": DRAFTS_SAID[drafts],
    }


def readme(version: str, res_list: list[Resource], fmt: str, excel: bool, drafts: str = "none") -> str:
    lines = [
        "# icadb extract",
        "",
        f"Data version: {version} (cite it with any result; `build_info` holds it too).",
        "",
        "India–Central Asia security cooperation: every meeting, agreement, exercise, proposal, facility and",
        "activity the source articles report, each backed by verbatim quotes (table `evidence`).",
        "",
        f"Drafts: {DRAFTS_SAID[drafts]}",
        "",
        f"One {fmt.upper()} file per table and view; `datapackage.json` (Frictionless Data Package) gives every",
        "column's type and meaning, the keys and the licence. The full codebook is docs/codebook.md in the project.",
        "",
    ]
    if fmt == "csv":
        lines += [
            "CSV: UTF-8" + (" with a byte-order mark and CRLF line ends (for Excel)" if excel else ", LF line ends")
            + ", a header row, RFC 4180 quoting; empty = no value. Dates are ISO 8601 at their precision",
            "(`2023-10-17`, `2022-01` or `2021`, see `date_precision`); `date_earliest`/`date_latest` are always days.",
            "Ids and codes are text: read them as text (Excel drops the leading zeros of `iso_numeric` unless the",
            "column is imported as Text). JSON arrays (`countries`) are text in the CSV.",
            "",
            "pandas: `icadb.read_export(folder, 'timeline')` gives typed frames; or `pd.read_csv(path, dtype=str,",
            "keep_default_na=False)`. R: `readr::read_csv(path, col_types = readr::cols(.default = 'c'))`.",
            "",
        ]
    lines += ["| file | one row per |", "|---|---|"]
    lines += [f"| `{r.name}.{fmt}` | {r.grain.removeprefix('One row per ').rstrip('.')} |" for r in res_list]
    lines += ["", "Licence: CC BY 4.0 for the curated records; the source texts remain their publishers'.", ""]
    return "\n".join(lines)


def _zip(folder: Path) -> Path:
    import zipfile

    target = folder.with_suffix(".zip")
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            info = zipfile.ZipInfo(f"{folder.name}/{path.name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(path, "rb") as fh:
                archive.writestr(info, fh.read())
    return target


def leave_out_drafts(conn: sqlite3.Connection, res_list: list[Resource]) -> tuple[list[Resource], bool]:
    """The resources without drafts (icadb.reviewed's rule): the tables of drafts
    left out, the others filtered; and whether the database holds any draft."""
    from icadb.reviewed import DRAFT, is_draft_table, reviewed_only

    present = conn.execute(f"SELECT EXISTS (SELECT 1 FROM records WHERE review_status = '{DRAFT}') OR EXISTS "
                           "(SELECT 1 FROM evidence WHERE suggested = 1)").fetchone()[0]
    out = []
    for res in res_list:
        if is_draft_table(res.name):
            continue
        if present:
            res.where = reviewed_only(res.name, [c.name for c in res.columns])
        out.append(res)
    return out, bool(present)


def export(db_path: Path, folder: Path, *, fmt: str = "csv", excel: bool = False, make_zip: bool = False,
           progress=None, tables: list[str] | None = None, include_drafts: bool = False) -> ExportResult:
    """Write every table and view of the database at *db_path* (a file, or an
    :class:`icadb.dburl.Database` naming a PostgreSQL server) into *folder*
    (or only those named in *tables*, in codebook order: :class:`KeyError`
    for a name that is not published); ``datapackage.json`` and the README
    describe the files written. Drafts (machine-suggested records and
    suggested quotes) are left out unless *include_drafts*."""
    from icadb.db import connect

    if fmt not in ("csv", "parquet"):
        raise ValueError(f"format {fmt!r}; expected csv or parquet")
    started = time.perf_counter()
    conn = connect(db_path, readonly=True)
    try:
        version = conn.execute("SELECT data_version FROM build_info").fetchone()[0]
        res_list = resources(conn, tables)
        if include_drafts:
            drafts = "included"
        else:
            res_list, present = leave_out_drafts(conn, res_list)
            drafts = "left out" if present else "none"
        folder.mkdir(parents=True, exist_ok=True)
        result = ExportResult(folder, data_version=version, drafts=drafts)
        for res in res_list:
            path = folder / f"{res.name}.{fmt}"
            if progress is not None:
                with progress.stage(f"export {res.name}", total=1) as task:
                    rows = write_csv(conn, res, path, excel=excel) if fmt == "csv" else write_parquet(conn, res, path)
                    task.advance()
            else:
                rows = write_csv(conn, res, path, excel=excel) if fmt == "csv" else write_parquet(conn, res, path)
            result.files.append(path)
            result.rows += rows
        package = datapackage(conn, res_list, fmt, excel, version, drafts)
    finally:
        conn.close()
    (folder / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "README.md").write_text(readme(version, res_list, fmt, excel, drafts), encoding="utf-8")
    result.files += [folder / "datapackage.json", folder / "README.md"]
    if make_zip:
        result.zip_path = _zip(folder)
    result.seconds = time.perf_counter() - started
    return result

