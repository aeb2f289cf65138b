"""What the commands share: the --db and --seeds options, messages, and running a build."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from icadb.paths import DB_ENV_VAR, PROJECT_ENV_VAR

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def db_option(func):
    return click.option(
        "--db",
        "db_path",
        metavar="PATH|URL",
        default=None,
        help=f"Database file, or a PostgreSQL server's URL (postgresql://USER@HOST:PORT/DB, with ?schema=NAME "
             f"if need be). "
             f"Default: ${DB_ENV_VAR}, else icadb.sqlite in the project of the current folder.",
    )(func)


def seeds_option(func):
    return click.option(
        "--seeds",
        "seeds_dir",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        default=None,
        help=f"Seeds folder to act on. Default: seeds/ in the project of the current folder (the first folder "
             f"from here up that holds seeds/ and pyproject.toml, or ${PROJECT_ENV_VAR}).",
    )(func)


def project_seeds(seeds_dir: Path | None) -> Path:
    """The seeds a command acts on: --seeds, else the project of the current folder's; outside a
    project, exits 1 with one line saying what to do."""
    from icadb.paths import NoProject, seeds_dir as find_seeds

    try:
        return find_seeds(seeds_dir)
    except NoProject as exc:
        echo_err(f"icadb: {exc}; or give --seeds DIR")
        sys.exit(1)


def resolve_db(db_path: str | Path | None, *, sqlite_only: str | None = None):
    """The database --db (or $ICADB_DB) names: a Path for a file, an
    :class:`icadb.dburl.Database` for a PostgreSQL server that answers.

    Exits 1 with one line for a URL icadb cannot use, a server that cannot be
    reached, or (with *sqlite_only*, the command's name) any server at all."""
    from icadb import dburl
    from icadb.paths import NoProject

    try:
        db = dburl.parse(db_path) if db_path is not None else dburl.default()
        if db.is_postgresql and sqlite_only:
            raise dburl.DatabaseURLError(
                f"icadb {sqlite_only} reads the SQLite file (Datasette serves it); --db {db.display()} is a "
                "PostgreSQL server: give a file path (build both from the same seeds: README, For a team)")
        dburl.check_reachable(db)
    except NoProject as exc:
        echo_err(f"icadb: {exc}; or give --db PATH (or set {DB_ENV_VAR})")
        sys.exit(1)
    except dburl.DatabaseURLError as exc:
        echo_err(f"icadb: {exc}")
        sys.exit(1)
    return db if db.is_postgresql else db.path


def echo_err(message: str) -> None:
    click.echo(message, err=True)


def report_problems(exc) -> None:
    for problem in exc.problems.items:
        echo_err(str(problem))
    for note in exc.problems.notes:
        echo_err(note)


def run_build(db_path: Path, *, quiet: bool, seeds_dir: Path | None = None, timings: bool = False) -> int:
    """Build with progress and messages; return the exit code."""
    from icadb.build import build
    from icadb.loaders.errors import SeedError, display_path
    from icadb.progress import Progress

    show_progress = not quiet and sys.stderr.isatty()
    seeds = project_seeds(seeds_dir)
    if not isinstance(db_path, Path):  # a PostgreSQL server (icadb.pg)
        return _run_pg_build(db_path, quiet=quiet, seeds=seeds, timings=timings, show_progress=show_progress)
    try:
        with Progress(enabled=show_progress) as progress:
            result = build(db_path, seeds=seeds, progress=progress)
    except SeedError as exc:
        report_problems(exc)
        state = "was left unchanged" if db_path.exists() else "was not created"
        echo_err(f"icadb: build failed: {exc}; {display_path(db_path)} {state}")
        return 1
    _report_built(result, quiet=quiet, timings=timings, shown=display_path(result.path))
    return 0


def _run_pg_build(db, *, quiet: bool, seeds: Path, timings: bool, show_progress: bool) -> int:
    from icadb import pg
    from icadb.dburl import DatabaseURLError
    from icadb.loaders.errors import SeedError
    from icadb.progress import Progress

    try:
        with Progress(enabled=show_progress) as progress:
            result = pg.build(db, seeds=seeds, progress=progress)
    except SeedError as exc:
        report_problems(exc)
        echo_err(f"icadb: build failed: {exc}; {db.display()} was left unchanged")
        return 1
    except (pg.SwapRefused, DatabaseURLError) as exc:
        echo_err(f"icadb: build failed: {exc}; {db.display()} was left unchanged")
        return 1
    _report_built(result, quiet=quiet, timings=timings, shown=db.display())
    return 0


def _report_built(result, *, quiet: bool, timings: bool, shown: str) -> None:
    if not quiet:
        for note in result.notes:
            echo_err(note)
        counts = result.counts
        if timings:
            for name, seconds in result.phases.items():
                echo_err(f"  {seconds:9.3f} s  {name}")
        echo_err(
            f"built {shown}: {counts.get('records', 0)} records, "
            f"{counts.get('evidence', 0)} evidence quotes, {counts.get('documents', 0)} documents "
            f"in {result.seconds:.2f} s"
        )


def open_database(path):
    """Open a built database read-only, or exit with what to run."""
    from icadb.db import connect

    if not isinstance(path, Path):  # a PostgreSQL server
        return connect(path, readonly=True)
    if not path.exists():
        echo_err(f"icadb: no database at {path}; build it first with: icadb build")
        sys.exit(2)
    return connect(path, readonly=True)

