"""Commands that build, check, add to and serve the database."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from icadb.cli.options import (
    CONTEXT,
    db_option,
    echo_err,
    project_seeds,
    report_problems,
    resolve_db,
    run_build,
    seeds_option,
)


@click.command(context_settings=CONTEXT)
@db_option
@seeds_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but problems.")
@click.option("--timings", is_flag=True, help="Also print how long each step took.")
def build(db_path: Path | None, seeds_dir: Path | None, quiet: bool, timings: bool) -> None:
    """Build the database from seeds/ (replaces it only if the build succeeds).

    Gives a new file the tables (alembic upgrade head), loads the reference
    data, documents and curated records, verifies every evidence quote
    against its document, makes the views from schema/views/, and renames
    the finished file into place. On bad seeds it lists
    every problem as path:line: field: problem, exits 1 and leaves the old
    database untouched. With --db postgresql://user@host:port/database it
    builds on that PostgreSQL server instead: into a new schema, swapped in
    for the old one in one transaction (README, For a team: PostgreSQL).

    \b
    Example:
        icadb build
        ICADB_DB=/tmp/test.sqlite icadb build --quiet
        icadb build --timings
        icadb build --db postgresql://postgres@127.0.0.1:5432/icadb
    """
    sys.exit(run_build(resolve_db(db_path), quiet=quiet, seeds_dir=seeds_dir, timings=timings))

@click.command("add-document", context_settings=CONTEXT)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--title", required=True, help="The article's headline.")
@click.option("--publisher", default=None, help="Who published it (leave out if the text does not say).")
@click.option("--published-on", required=True, help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--url", default=None, help="Web address of the article, if known.")
@click.option("--date-basis", type=click.Choice(["stated", "inferred"]), default="stated", show_default=True,
              help="Whether the date is written in the article or worked out.")
@click.option("--date-note", default=None, help="How the date was read or worked out (required if inferred).")
@click.option("--title-supplied", is_flag=True, help="The article has no headline; --title is yours.")
@click.option("--draft", "make_drafts", is_flag=True,
              help="Also draft its records (seeds/drafts/<id>.yaml, machine-suggested) before the rebuild.")
@click.option("--no-build", is_flag=True, help="Only add the files; do not rebuild the database.")
@db_option
@seeds_option
def add_document(file: Path, title: str, publisher: str | None, published_on: str, url: str | None,
                 date_basis: str, date_note: str | None, title_supplied: bool, make_drafts: bool, no_build: bool,
                 db_path: Path | None, seeds_dir: Path | None) -> None:
    """Add an article to seeds/documents/ and rebuild, so it shows up at once.

    The text is copied exactly as given, under an id made from the date and
    the title, with its metadata beside it. An empty, non-UTF-8 or duplicate
    file (same text as a document already there) is refused. After the
    rebuild, Datasette shows the article's mentions of countries,
    organisations and people, and its sentences that still need a record
    (review_queue); `icadb review` prints them here. With --draft, it is also
    drafted first (icadb draft): Datasette then shows its draft records,
    marked machine-suggested. If drafting or the rebuild fails, the files are
    taken out again.

    \b
    Example:
        icadb add-document article.txt --title "India and Kazakhstan hold talks" \\
            --publisher "The Hindu" --published-on 2026-11-20 --url https://example.org/a --draft
    """
    from icadb.add_document import AddError
    from icadb.add_document import add_document as add
    from icadb.loaders.errors import display_path

    seeds = project_seeds(seeds_dir)
    try:
        added = add(file, title=title, publisher=publisher, published_on=published_on, url=url, seeds=seeds,
                    date_basis=date_basis, date_note=date_note, title_basis="supplied" if title_supplied else "stated")
    except AddError as exc:
        echo_err(f"icadb: {exc}; nothing was added")
        sys.exit(1)
    for note in added.notes:
        echo_err(note)
    echo_err(f"added {display_path(added.text_path)} and {display_path(added.meta_path)}")
    drafts = None
    if make_drafts:
        from icadb.cli.drafting import run_drafting
        from icadb.drafting.workflow import drafts_path

        drafts = drafts_path(seeds, added.document_id)
        if run_drafting(seeds, [added.document_id]):
            added.text_path.unlink(missing_ok=True)
            added.meta_path.unlink(missing_ok=True)
            echo_err("icadb: drafting failed, so the document was taken out again; nothing was added")
            sys.exit(1)
    if no_build:
        return
    code = run_build(resolve_db(db_path), quiet=False, seeds_dir=seeds)
    if code:
        for path in (added.text_path, added.meta_path, drafts):
            if path is not None:
                path.unlink(missing_ok=True)
        echo_err("icadb: the rebuild failed, so the document was taken out again; nothing was added")
        sys.exit(code)
    echo_err(f"next: icadb review --document {added.document_id}   (its drafts and the sentences that still need a "
             "record)")

@click.command(context_settings=CONTEXT)
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
    from icadb.loaders.errors import SeedError
    from icadb.progress import Progress

    seeds = project_seeds(seeds_dir)
    try:
        with Progress(enabled=not quiet and sys.stderr.isatty()) as progress:
            result = run_check(seeds, progress=progress)
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

@click.command(context_settings=CONTEXT)
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on. Only loopback unless you name another.")
@click.option("-p", "--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--rebuild", is_flag=True, help="Rebuild the database first, even if it exists.")
@click.option("--base-url", envvar="ICADB_BASE_URL", metavar="URL", default=None,
              help="The public address the pages are reached at (behind a proxy), for the addresses they cite. "
                   "Default: $ICADB_BASE_URL, else the address each page was asked for.")
def serve(db_path: Path | None, host: str, port: int, rebuild: bool, base_url: str | None) -> None:
    """Serve the database with Datasette (builds it first if it is missing).

    The file is opened immutable and read-only, on 127.0.0.1 unless --host
    says otherwise, with the codebook from schema/ as Datasette metadata.

    \b
    Example:
        icadb serve
        icadb serve --port 8002
        icadb serve --base-url https://icadb.example.org/
    """
    path = resolve_db(db_path, sqlite_only="serve")
    if rebuild or not path.exists():
        code = run_build(path, quiet=False)
        if code:
            sys.exit(code)
    from icadb.serve import serve as run_datasette

    run_datasette(path, host=host, port=port, base_url=base_url)
