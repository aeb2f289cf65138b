"""Commands that publish: exports, the changelog between builds, the codebook."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from icadb.cli.options import (
    CONTEXT,
    db_option,
    echo_err,
    open_database,
    resolve_db,
)


@click.command(context_settings=CONTEXT)
@db_option
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("exports"),
              show_default=True, help="Folder to write the files into (created if missing).")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv", show_default=True,
              help="CSV for spreadsheets and any tool; Parquet for typed columns (pandas, R arrow, DuckDB).")
@click.option("--excel", is_flag=True, help="CSV for Excel: a byte-order mark and CRLF line ends (other tools may not want them).")
@click.option("--zip", "make_zip", is_flag=True, help="Also pack the folder into FOLDER.zip.")
@click.option("-t", "--table", "tables", multiple=True, metavar="NAME",
              help="Export only this table or view (repeat for more); datapackage.json describes those.")
@click.option("--include-drafts", is_flag=True,
              help="Also export machine-suggested drafts and suggested quotes (marked; left out by default).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def export(db_path: Path | None, out_dir: Path, fmt: str, excel: bool, make_zip: bool, tables: tuple[str, ...],
           include_drafts: bool, quiet: bool) -> None:
    """Export every table and view (or those named), one file each, with a datapackage.json.

    CSV is UTF-8 with a header row, RFC 4180 quoting, ISO dates and an empty
    field for no value, rows in a fixed order (the same build gives the same
    bytes). datapackage.json (a Frictionless Data Package) gives every
    column's type and meaning, the keys, the licence and the data version.
    Machine-suggested drafts are left out unless --include-drafts; the
    datapackage and its README say which was done.

    \b
    Example:
        icadb export --out OUT_DIR
        icadb export --out OUT_DIR --format parquet
        icadb export --out OUT_DIR --excel --zip
        icadb export --out OUT_DIR --table mentions --table timeline
    """
    from icadb.export import DRAFTS_IN_BRIEF
    from icadb.export import export as run_export
    from icadb.progress import Progress

    if excel and fmt != "csv":
        raise click.UsageError("--excel applies to CSV only")
    path = resolve_db(db_path)
    open_database(path).close()
    try:
        with Progress(enabled=not quiet and sys.stderr.isatty()) as progress:
            result = run_export(path, out_dir, fmt=fmt, excel=excel, make_zip=make_zip, progress=progress,
                                tables=list(tables) or None, include_drafts=include_drafts)
    except KeyError as exc:
        echo_err(f"icadb: --table: {exc.args[0]}")
        sys.exit(2)
    if not quiet:
        echo_err(f"exported {len(result.files) - 2} tables and views ({result.rows:,} rows, data version "
                 f"{result.data_version}; {DRAFTS_IN_BRIEF[result.drafts]}) to {out_dir}/ in {result.seconds:.2f} s"
                 + (f"; packed into {result.zip_path}" if result.zip_path else ""))

@click.command(context_settings=CONTEXT)
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
def diff(old: str, new: str) -> None:
    """List the records added, removed and changed (field by field) between two builds.

    The changelog of a data release: compare the database of the last release
    with a new build. Each is a file or a PostgreSQL URL (postgresql://...), so
    the team's server can be compared with the published file. Exits 0 either way.

    \b
    Example:
        cp icadb.sqlite /tmp/before.sqlite && icadb build && icadb diff /tmp/before.sqlite icadb.sqlite
        icadb diff icadb.sqlite postgresql://icadb@db.example.org/icadb
    """
    from icadb.diff import diff as compute
    from icadb.diff import format_text

    databases = []
    for value in (old, new):
        db = resolve_db(value)
        if isinstance(db, Path) and not db.is_file():
            raise click.BadParameter(f"no database file at {value}", param_hint="OLD/NEW")
        databases.append(db)
    click.echo(format_text(compute(*databases)), nl=False)

@click.command(context_settings=CONTEXT)
@click.option("--write", is_flag=True, help="Write docs/codebook.md instead of printing it.")
@click.option("--check", is_flag=True, help="Exit 1 if docs/codebook.md is not what the codebook generates.")
def codebook(write: bool, check: bool) -> None:
    """Print the codebook (every table, view, column, query and vocabulary) as Markdown.

    Generated from schema/codebook.yaml, schema/vocab.py and schema/queries/,
    the same source as the Datasette metadata. docs/codebook.md is this output;
    --write and --check act on the one in the project of the current folder.

    \b
    Example:
        icadb codebook --write      # regenerate docs/codebook.md
        icadb codebook --check      # is docs/codebook.md up to date?
    """
    from icadb.codebook import markdown
    from icadb.paths import NoProject, project_root

    text = markdown()
    if check or write:
        try:
            docs = project_root() / "docs" / "codebook.md"
        except NoProject as exc:
            echo_err(f"icadb: {exc}")
            sys.exit(1)
    if check:
        current = docs.read_text(encoding="utf-8") if docs.exists() else ""
        if current != text:
            echo_err("icadb: docs/codebook.md is out of date; run: icadb codebook --write")
            sys.exit(1)
        return
    if write:
        docs.parent.mkdir(parents=True, exist_ok=True)
        docs.write_text(text, encoding="utf-8")
        echo_err(f"wrote {docs}")
        return
    click.echo(text, nl=False)
