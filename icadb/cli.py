"""The ``icadb`` command: thin click commands over the library.

Heavy imports (SQLAlchemy, Alembic, Datasette, pandas) happen inside the
commands that need them, so ``icadb --help`` and ``icadb build`` start fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from icadb.paths import DB_ENV_VAR, default_db_path

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def db_option(func):
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"Database file. Default: ${DB_ENV_VAR}, else icadb.sqlite in the project folder.",
    )(func)


def seeds_option(func):
    return click.option(
        "--seeds",
        "seeds_dir",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        default=None,
        help="Seeds folder to build from. Default: seeds/ in the project folder.",
    )(func)


def resolve_db(db_path: Path | None) -> Path:
    return (db_path or default_db_path()).resolve()


def echo_err(message: str) -> None:
    click.echo(message, err=True)


@click.group(context_settings=CONTEXT)
@click.version_option(package_name="icadb", message="icadb %(version)s")
def cli() -> None:
    """India–Central Asia security cooperation database.

    Builds an SQLite database of meetings, agreements, exercises and
    proposals from the curated, evidence-backed seeds, and serves it with
    Datasette.

    \b
    Example:
        icadb build && icadb serve
    """


def report_problems(exc) -> None:
    for problem in exc.problems.items:
        echo_err(str(problem))
    for note in exc.problems.notes:
        echo_err(note)


def run_build(db_path: Path, *, quiet: bool, seeds_dir: Path | None = None, timings: bool = False) -> int:
    """Build with progress and messages; return the exit code."""
    from icadb.build import build
    from icadb.errors import SeedError, display_path
    from icadb.paths import SEEDS_DIR
    from icadb.progress import Progress

    show_progress = not quiet and sys.stderr.isatty()
    try:
        with Progress(enabled=show_progress) as progress:
            result = build(db_path, seeds=(seeds_dir or SEEDS_DIR).resolve(), progress=progress)
    except SeedError as exc:
        report_problems(exc)
        state = "was left unchanged" if db_path.exists() else "was not created"
        echo_err(f"icadb: build failed: {exc}; {display_path(db_path)} {state}")
        return 1
    if not quiet:
        for note in result.notes:
            echo_err(note)
        counts = result.counts
        if timings:
            for name, seconds in result.phases.items():
                echo_err(f"  {seconds:9.3f} s  {name}")
        echo_err(
            f"built {display_path(result.path)}: {counts.get('records', 0)} records, "
            f"{counts.get('evidence', 0)} evidence quotes, {counts.get('documents', 0)} documents "
            f"in {result.seconds:.2f} s"
        )
    return 0


@cli.command(context_settings=CONTEXT)
@db_option
@seeds_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but problems.")
@click.option("--timings", is_flag=True, help="Also print how long each step took.")
def build(db_path: Path | None, seeds_dir: Path | None, quiet: bool, timings: bool) -> None:
    """Build the database from seeds/ (replaces it only if the build succeeds).

    Runs the Alembic migrations on a new file, loads the reference data,
    documents and curated records, verifies every evidence quote against its
    document, and renames the finished file into place. On bad seeds it lists
    every problem as path:line: field: problem, exits 1 and leaves the old
    database untouched.

    \b
    Example:
        icadb build
        ICADB_DB=/tmp/test.sqlite icadb build --quiet
    """
    sys.exit(run_build(resolve_db(db_path), quiet=quiet, seeds_dir=seeds_dir, timings=timings))


@cli.command("add-document", context_settings=CONTEXT)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", required=True, help="The article's headline.")
@click.option("--publisher", default=None, help="Who published it (leave out if the text does not say).")
@click.option("--published-on", required=True, help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--url", default=None, help="Web address of the article, if known.")
@click.option("--date-basis", type=click.Choice(["stated", "inferred"]), default="stated", show_default=True,
              help="Whether the date is written in the article or worked out.")
@click.option("--date-note", default=None, help="How the date was read or worked out (required if inferred).")
@click.option("--title-supplied", is_flag=True, help="The article has no headline; --title is yours.")
@click.option("--no-build", is_flag=True, help="Only add the files; do not rebuild the database.")
@db_option
@seeds_option
def add_document(file: Path, title: str, publisher: str | None, published_on: str, url: str | None,
                 date_basis: str, date_note: str | None, title_supplied: bool, no_build: bool,
                 db_path: Path | None, seeds_dir: Path | None) -> None:
    """Add an article to seeds/documents/ and rebuild, so it shows up at once.

    The text is copied exactly as given, under an id made from the date and
    the title, with its metadata beside it. An empty, non-UTF-8 or duplicate
    file (same text as a document already there) is refused. After the
    rebuild, Datasette shows the article's mentions of countries,
    organisations and people, and its sentences that still need a record
    (review_queue); `icadb review` prints them here. If the rebuild fails, the
    files are taken out again.

    \b
    Example:
        icadb add-document article.txt --title "India and Kazakhstan hold talks" \\
            --publisher "The Hindu" --published-on 2026-11-20 --url https://example.org/a
    """
    from icadb.add_document import AddError
    from icadb.add_document import add_document as add
    from icadb.errors import display_path
    from icadb.paths import SEEDS_DIR

    seeds = (seeds_dir or SEEDS_DIR).resolve()
    try:
        added = add(file, title=title, publisher=publisher, published_on=published_on, url=url, seeds=seeds,
                    date_basis=date_basis, date_note=date_note, title_basis="supplied" if title_supplied else "stated")
    except AddError as exc:
        echo_err(f"icadb: {exc}; nothing was added")
        sys.exit(1)
    for note in added.notes:
        echo_err(note)
    echo_err(f"added {display_path(added.text_path)} and {display_path(added.meta_path)}")
    if no_build:
        return
    code = run_build(resolve_db(db_path), quiet=False, seeds_dir=seeds)
    if code:
        added.text_path.unlink(missing_ok=True)
        added.meta_path.unlink(missing_ok=True)
        echo_err("icadb: the rebuild failed, so the document was taken out again; nothing was added")
        sys.exit(code)
    echo_err(f"next: icadb review --document {added.document_id}   (its sentences that still need a record)")


@cli.command(context_settings=CONTEXT)
@seeds_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but problems.")
def check(seeds_dir: Path | None, quiet: bool) -> None:
    """Check every seed file without writing any database; list every problem.

    Runs the same checks as icadb build (YAML and CSV syntax, fields, types,
    dates, references, vocabularies, verbatim quotes, duplicates) on a
    throw-away copy. Each problem is printed as path:line: field: what is
    wrong; what was expected, with "did you mean ...?" where a near match
    exists. Exits 1 if there is any problem, 0 otherwise.

    \b
    Example:
        icadb check
        icadb check --seeds /path/to/other/seeds
    """
    from icadb.build import check as run_check
    from icadb.errors import SeedError
    from icadb.paths import SEEDS_DIR
    from icadb.progress import Progress

    try:
        with Progress(enabled=not quiet and sys.stderr.isatty()) as progress:
            result = run_check((seeds_dir or SEEDS_DIR).resolve(), progress=progress)
    except SeedError as exc:
        report_problems(exc)
        echo_err(f"icadb: check failed: {exc}")
        sys.exit(1)
    if not quiet:
        for note in result.notes:
            echo_err(note)
        counts = result.counts
        echo_err(f"seeds OK: {counts.get('records', 0)} records, {counts.get('evidence', 0)} evidence quotes, "
                 f"{counts.get('documents', 0)} documents ({result.seconds:.2f} s)")


@cli.command(context_settings=CONTEXT)
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on. Only loopback unless you name another.")
@click.option("-p", "--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--rebuild", is_flag=True, help="Rebuild the database first, even if it exists.")
def serve(db_path: Path | None, host: str, port: int, rebuild: bool) -> None:
    """Serve the database with Datasette (builds it first if it is missing).

    The file is opened immutable and read-only, on 127.0.0.1 unless --host
    says otherwise, with the codebook from schema/ as Datasette metadata.

    \b
    Example:
        icadb serve
        icadb serve --port 8002
    """
    path = resolve_db(db_path)
    if rebuild or not path.exists():
        code = run_build(path, quiet=False)
        if code:
            sys.exit(code)
    from icadb.serve import serve as run_datasette

    run_datasette(path, host=host, port=port)


def open_database(path: Path):
    """Open a built database read-only, or exit with what to run."""
    from icadb.db import connect

    if not path.exists():
        echo_err(f"icadb: no database at {path}; build it first with: icadb build")
        sys.exit(2)
    return connect(path, readonly=True)


@cli.command(context_settings=CONTEXT)
@db_option
@click.option("--document", "document_id", default=None, help="Only this document (its id).")
@click.option("--all", "show_all", is_flag=True, help="Also list the sentences already cited or skipped.")
def coverage(db_path: Path | None, document_id: str | None, show_all: bool) -> None:
    """List source sentences that name a country or organisation but no record cites.

    The curator's to-do list: each such sentence should either back a record
    (an evidence quote in seeds/records/) or be skipped with a reason in
    seeds/coverage.yaml. Exits 1 while any sentence is undecided.

    \b
    Example:
        icadb coverage
        icadb coverage --document 2022-12-diplomat-india-central-asia-relations --all
    """
    from icadb.coverage import coverage as compute

    conn = open_database(resolve_db(db_path))
    statuses = compute(conn, document_id)
    undecided = [s for s in statuses if not s.decided]
    current = None
    for status in statuses:
        if not (show_all or not status.decided):
            continue
        if status.document_id != current:
            current = status.document_id
            click.echo(f"\n{current}")
        sentence = status.sentence
        names = ", ".join(sorted({m.entity_id for m in status.mentions}))
        if status.cited_by:
            state = "cited by " + ", ".join(status.cited_by)
        elif status.skipped:
            state = "skipped: " + ", ".join(status.skipped)
        else:
            state = "UNDECIDED"
        click.echo(f"  [{sentence.start}:{sentence.end}] {state} ({names})")
        click.echo(f"      {sentence.text}")
    documents = len({s.document_id for s in statuses})
    click.echo(f"\n{len(statuses)} sentences in {documents} documents name a country or organisation: "
               f"{sum(bool(s.cited_by) for s in statuses)} cited, "
               f"{sum(bool(s.skipped) and not s.cited_by for s in statuses)} skipped, {len(undecided)} undecided")
    sys.exit(1 if undecided else 0)


@cli.command(context_settings=CONTEXT)
@db_option
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("exports"),
              show_default=True, help="Folder to write the files into (created if missing).")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv", show_default=True,
              help="CSV for spreadsheets and any tool; Parquet for typed columns (pandas, R arrow, DuckDB).")
@click.option("--excel", is_flag=True, help="CSV for Excel: a byte-order mark and CRLF line ends (other tools may not want them).")
@click.option("--zip", "make_zip", is_flag=True, help="Also pack the folder into FOLDER.zip.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def export(db_path: Path | None, out_dir: Path, fmt: str, excel: bool, make_zip: bool, quiet: bool) -> None:
    """Export every table and view, one file each, with a datapackage.json.

    CSV is UTF-8 with a header row, RFC 4180 quoting, ISO dates and an empty
    field for no value, rows in a fixed order (the same build gives the same
    bytes). datapackage.json (a Frictionless Data Package) gives every
    column's type and meaning, the keys, the licence and the data version.

    \b
    Example:
        icadb export --out OUT_DIR
        icadb export --out OUT_DIR --format parquet
        icadb export --out OUT_DIR --excel --zip
    """
    from icadb.export import export as run_export
    from icadb.progress import Progress

    if excel and fmt != "csv":
        raise click.UsageError("--excel applies to CSV only")
    path = resolve_db(db_path)
    open_database(path).close()
    with Progress(enabled=not quiet and sys.stderr.isatty()) as progress:
        result = run_export(path, out_dir, fmt=fmt, excel=excel, make_zip=make_zip, progress=progress)
    if not quiet:
        echo_err(f"exported {len(result.files) - 2} tables and views ({result.rows:,} rows, data version "
                 f"{result.data_version}) to {out_dir}/ in {result.seconds:.2f} s"
                 + (f"; packed into {result.zip_path}" if result.zip_path else ""))


@cli.command(context_settings=CONTEXT)
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def diff(old: Path, new: Path) -> None:
    """List the records added, removed and changed (field by field) between two builds.

    The changelog of a data release: compare the database of the last release
    with a new build. Exits 0 either way.

    \b
    Example:
        cp icadb.sqlite /tmp/before.sqlite && icadb build && icadb diff /tmp/before.sqlite icadb.sqlite
    """
    from icadb.diff import diff as compute
    from icadb.diff import format_text

    click.echo(format_text(compute(old, new)), nl=False)


@cli.command(context_settings=CONTEXT)
@db_option
@click.option("--document", "document_id", default=None, help="Only this document (its id).")
@click.option("-n", "--limit", default=200, show_default=True, help="Show at most this many sentences.")
def review(db_path: Path | None, document_id: str | None, limit: int) -> None:
    """Print the review queue: sentences that still need a curated record, newest documents first.

    A sentence is in the queue when it names India and either a Central Asian
    state or a cooperation term (seeds/reference/cooperation_terms.yaml), and
    no evidence or conflict quote cites it and seeds/coverage.yaml does not
    skip it. Datasette shows the same queue as the view review_queue.

    \b
    Example:
        icadb review
        icadb review --document 2026-11-20-india-and-kazakhstan-hold-talks
    """
    import json

    conn = open_database(resolve_db(db_path))
    sql = "SELECT * FROM review_queue" + (" WHERE document_id = ?" if document_id else "")
    sql += " ORDER BY published_earliest DESC, document_id, position LIMIT ?"
    rows = conn.execute(sql, ((document_id,) if document_id else ()) + (limit,)).fetchall()
    total = conn.execute("SELECT count(*) FROM review_queue" + (" WHERE document_id = ?" if document_id else ""),
                         (document_id,) if document_id else ()).fetchone()[0]
    current = None
    for (doc_id, doc_title, published_on, _earliest, position, start, end, text, countries, terms, _sid) in rows:
        if doc_id != current:
            current = doc_id
            click.echo(f"\n{doc_title} ({published_on or 'undated'}) [{doc_id}]")
        names = ", ".join(json.loads(countries))
        found = ", ".join(json.loads(terms))
        click.echo(f"  #{position} [{start}:{end}] {names}" + (f"; terms: {found}" if found else ""))
        click.echo(f"      {text}")
    shown = f"{len(rows)} of {total}" if total > len(rows) else str(total)
    click.echo(f"\n{shown} sentences to review" + (" (cite them in seeds/records/ or skip them in seeds/coverage.yaml)"
                                                   if total else ""))


@cli.command(context_settings=CONTEXT)
@click.option("--write", is_flag=True, help="Write docs/codebook.md instead of printing it.")
@click.option("--check", is_flag=True, help="Exit 1 if docs/codebook.md is not what the codebook generates.")
def codebook(write: bool, check: bool) -> None:
    """Print the codebook (every table, view, column, query and vocabulary) as Markdown.

    Generated from schema/codebook.yaml, schema/vocab.py and schema/queries/,
    the same source as the Datasette metadata. docs/codebook.md is this output.

    \b
    Example:
        icadb codebook --write      # regenerate docs/codebook.md
        icadb codebook --check      # is docs/codebook.md up to date?
    """
    from icadb.codebook import DOCS_PATH, markdown

    text = markdown()
    if check:
        current = DOCS_PATH.read_text(encoding="utf-8") if DOCS_PATH.exists() else ""
        if current != text:
            echo_err("icadb: docs/codebook.md is out of date; run: icadb codebook --write")
            sys.exit(1)
        return
    if write:
        DOCS_PATH.parent.mkdir(parents=True, exist_ok=True)
        DOCS_PATH.write_text(text, encoding="utf-8")
        echo_err(f"wrote {DOCS_PATH.relative_to(DOCS_PATH.parent.parent)}")
        return
    click.echo(text, nl=False)


def main() -> None:
    cli(prog_name="icadb")


if __name__ == "__main__":  # pragma: no cover
    main()
