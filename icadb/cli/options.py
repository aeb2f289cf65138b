"""What the commands share: the --db and --seeds options, messages, and running a build."""

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


def report_problems(exc) -> None:
    for problem in exc.problems.items:
        echo_err(str(problem))
    for note in exc.problems.notes:
        echo_err(note)


def run_build(db_path: Path, *, quiet: bool, seeds_dir: Path | None = None, timings: bool = False,
              template: bool = True) -> int:
    """Build with progress and messages; return the exit code."""
    from icadb.build import build
    from icadb.errors import SeedError, display_path
    from icadb.paths import SEEDS_DIR
    from icadb.progress import Progress

    show_progress = not quiet and sys.stderr.isatty()
    try:
        with Progress(enabled=show_progress) as progress:
            result = build(db_path, seeds=(seeds_dir or SEEDS_DIR).resolve(), progress=progress, template=template)
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


def open_database(path: Path):
    """Open a built database read-only, or exit with what to run."""
    from icadb.db import connect

    if not path.exists():
        echo_err(f"icadb: no database at {path}; build it first with: icadb build")
        sys.exit(2)
    return connect(path, readonly=True)

