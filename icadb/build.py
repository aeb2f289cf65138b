"""Build the database from the seeds: a new file with the schema, load, verify, rename.

The build starts from nothing every time. It writes a new file beside the
target, gives it the tables (``alembic upgrade head``), loads the seeds in
foreign-key order, makes the views from ``schema/views/``, fills the search
indexes, verifies the result, and only then renames it over the target. A
build that fails for any reason leaves the old database exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from icadb.loaders.errors import Problems, SeedError
from icadb.paths import SEEDS_DIR
from icadb.progress import Progress

# A new file no one reads until it is renamed into place: no rollback journal
# on disk, no syncing while it is written (it is synced once, at the end).
# Foreign keys are checked once, over every row (PRAGMA foreign_key_check),
# before the rows are committed, not row by row as rows go in: the loaders
# check references themselves, and the final check is what guarantees them.
BUILD_PRAGMAS = ("journal_mode=MEMORY", "synchronous=OFF", "foreign_keys=OFF")


@dataclass
class BuildResult:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # seconds per step, in order


class PhaseClock:
    """Seconds per step of a build, in order: ``phase("name")`` ends the step named."""

    def __init__(self) -> None:
        self.phases: dict[str, float] = {}
        self.mark = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.phases[name] = now - self.mark
        self.mark = now


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def verify(conn: sqlite3.Connection, problems: Problems) -> None:
    """Every foreign key over every row, and SQLite's integrity check of the whole file
    (every b-tree, every index entry against its row, NOT NULL and CHECK constraints)."""
    for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
        problems.add("(database)", None, table, f"row {rowid} points at a missing {parent} row; "
                     "expected every reference to exist")
    for (result,) in conn.execute("PRAGMA integrity_check"):
        if result != "ok":
            problems.add("(database)", None, "(integrity)", result)


def build(db_path: Path, *, seeds: Path = SEEDS_DIR, progress: Progress | None = None) -> BuildResult:
    """Build the database at *db_path* from *seeds*.

    Raises :class:`SeedError` (with every problem found) when the seeds are
    bad; the file at *db_path* is then untouched.
    """
    from icadb import migrate, views
    from icadb.loaders import load_seeds

    started = time.perf_counter()
    db_path = Path(db_path).resolve()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    temp = db_path.with_name(f".{db_path.name}.build-{os.getpid()}")
    progress = progress or Progress(enabled=False)
    problems = Problems()
    phase = PhaseClock()
    leftovers = (temp, temp.with_name(temp.name + "-journal"))
    for leftover in leftovers:
        leftover.unlink(missing_ok=True)
    try:
        with progress.stage("schema (alembic upgrade head)", total=1) as task:
            migrate.upgrade(temp)
            task.advance()
        phase("schema (alembic upgrade head)")
        conn = sqlite3.connect(temp, isolation_level=None)
        try:
            for pragma in BUILD_PRAGMAS:
                conn.execute(f"PRAGMA {pragma}")
            conn.execute("BEGIN")
            counts = load_seeds(conn, seeds, problems, progress, phase)
            if not problems:
                # Statistics first: without them SQLite plans the views' joins badly (at 1,000x the seeds,
                # materialising review_queue ran for over 15 minutes; with them, every view takes 6 s).
                conn.execute("ANALYZE")
                with progress.stage("views (schema/views/)", total=1) as task:
                    views.create_all(conn)
                    task.advance()
                phase("views")
                verify(conn, problems)
                phase("verify: foreign keys and integrity")
            if problems:
                conn.execute("ROLLBACK")
                raise SeedError(problems)
            conn.execute("ANALYZE")
            conn.execute("COMMIT")
            conn.execute("PRAGMA journal_mode=DELETE")
            phase("analyze and commit")
        finally:
            conn.close()
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, db_path)
        _fsync_dir(db_path.parent)
    finally:
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    phase("sync and rename")
    return BuildResult(db_path, counts, time.perf_counter() - started, problems.notes, phase.phases)


def check(seeds: Path = SEEDS_DIR, progress: Progress | None = None) -> BuildResult:
    """Run every check of a build on *seeds* without touching any database.

    The build goes to a temporary folder that is removed afterwards; raises
    :class:`SeedError` like :func:`build`.
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="icadb-check-") as folder:
        return build(Path(folder) / "check.sqlite", seeds=seeds, progress=progress)
