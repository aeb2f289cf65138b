"""Build the database from the seeds: a new file with the schema, load, verify, rename.

The build starts from nothing every time. It writes a new file beside the
target, gives it the schema (a copy of the cached template of the Alembic
migrations, :mod:`icadb.template`, or the migrations replayed), loads the
seeds in foreign-key order, verifies the result, and only then renames it
over the target. A build that fails for any reason leaves the old database
exactly as it was.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from icadb.errors import Problems, SeedError
from icadb.paths import MIGRATIONS_DIR, SEEDS_DIR
from icadb.progress import Progress


# A new file no one reads until it is renamed into place: no rollback journal
# on disk, no syncing while it is written (it is synced once, at the end).
# Foreign keys are checked once, over every row, by icadb.verify before the
# rows are committed, not row by row as rows go in: the loaders check references
# themselves, and the final check is what guarantees them. (Enforced row by
# row, a child row inserted before its parent makes SQLite look for children
# of every parent row inserted until then.)
BUILD_PRAGMAS = ("journal_mode=MEMORY", "synchronous=OFF", "foreign_keys=OFF")


@dataclass
class BuildResult:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    phases: dict[str, float] = field(default_factory=dict)  # seconds per step, in order


def loader_modules():
    """The loaders, in foreign-key order: what a row points at is loaded first."""
    from icadb.loaders import (
        aliases,
        build_info,
        conflicts,
        countries,
        coverage,
        documents,
        drafts,
        organizations,
        people,
        places,
        records,
        search,
        sentences,
        series,
        summaries,
    )

    return (countries, documents, organizations, people, places, series, aliases, records, drafts, conflicts, coverage,
            sentences, summaries, search, build_info)


class PhaseClock:
    """Seconds per step of a build, in order: ``phase("name")`` ends the step named."""

    def __init__(self) -> None:
        self.phases: dict[str, float] = {}
        self.mark = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.phases[name] = now - self.mark
        self.mark = now


def load_timed(conn, seeds: Path, problems: Problems, progress: Progress, phase: PhaseClock,
               dialect: str = "sqlite") -> dict[str, int]:
    """:func:`load_seeds`, each table's load a step of *phase*, which starts its next step after it."""
    # A build makes millions of objects and few reference cycles: collect less often.
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 100)
    try:
        return load_seeds(conn, seeds, problems, progress, phase.phases, dialect=dialect)
    finally:
        gc.set_threshold(*thresholds)
        phase.mark = time.perf_counter()


def load_seeds(conn: sqlite3.Connection, seeds: Path, problems: Problems, progress: Progress,
               phases: dict[str, float] | None = None, dialect: str = "sqlite") -> dict[str, int]:
    """Load every seed into an open, migrated database; report problems in *problems*.

    On PostgreSQL (*dialect*, with *conn* a ``loaders.pgwriter.PgConnection``)
    the rows go in through COPY, and the foreign keys are made again, checking
    every row, once everything is loaded."""
    from icadb.loaders.context import LoadContext

    ctx = LoadContext(conn=conn, seeds=seeds, problems=problems, progress=progress, dialect=dialect)
    if dialect == "sqlite":
        from icadb.loaders.writer import Writer
    else:
        from icadb.loaders.pgwriter import PgWriter as Writer
    writer = Writer(ctx)
    writer.defer_indexes()
    modules = loader_modules()
    loaded: set[str] = set()
    waiting = [m for m in modules if hasattr(m, "prepare")]
    try:
        for module in modules:
            started = time.perf_counter()
            module.load(ctx, writer)
            writer.build_indexes()  # before later loaders read the tables (it flushes first)
            writer.flush()
            name = module.__name__.rsplit(".", 1)[-1]
            loaded.add(name)
            for later in list(waiting):  # start a later loader's early work once what it needs is loaded
                if set(later.PREPARE_AFTER) <= loaded:
                    waiting.remove(later)
                    later.prepare(ctx)
            if phases is not None:
                phases[f"load {name}"] = time.perf_counter() - started
        if dialect != "sqlite" and not problems:
            started = time.perf_counter()
            writer.restore_foreign_keys()
            if phases is not None:
                phases["verify: foreign keys (made again, every row checked)"] = time.perf_counter() - started
    finally:
        for cleanup in ctx.cleanups:
            cleanup()
    if phases is not None:
        phases["(of which inserting rows)"] = writer.insert_seconds
        phases["(of which building indexes)"] = writer.index_seconds
    return ctx.counts


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def build(
    db_path: Path,
    *,
    seeds: Path = SEEDS_DIR,
    progress: Progress | None = None,
    revision: str = "head",
    template: bool = True,
    migrations: Path = MIGRATIONS_DIR,
) -> BuildResult:
    """Build the database at *db_path* from *seeds*.

    The schema is a copy of the cached template of the migrations
    (:mod:`icadb.template`), or, with ``template=False`` (or when the cache
    folder cannot be written), the migrations replayed on the new file: the
    same bytes either way. Raises :class:`SeedError` (with every problem
    found) when the seeds are bad; the file at *db_path* is then untouched.
    """
    from icadb import template as schema_template
    from icadb import verify

    started = time.perf_counter()
    db_path = Path(db_path).resolve()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    temp = db_path.with_name(f".{db_path.name}.build-{os.getpid()}")
    progress = progress or Progress(enabled=False)
    problems = Problems()
    phase = PhaseClock()
    phases = phase.phases
    for leftover in (temp, temp.with_name(temp.name + "-journal")):
        leftover.unlink(missing_ok=True)
    try:
        with progress.stage("schema (alembic migrations)", total=1) as task:
            copied = template and schema_template.start_from_template(temp, revision, migrations)
            if not copied:
                schema_template.replay(temp, revision, migrations)
            task.advance()
        phase("schema (copy of the migrations' template)" if copied else "migrations (replayed)")
        # A long busy timeout: the statistics and facet counts are written
        # while the integrity check may read the file from another process.
        conn = sqlite3.connect(temp, isolation_level=None, timeout=24 * 3600)
        integrity = None
        try:
            for pragma in BUILD_PRAGMAS:
                conn.execute(f"PRAGMA {pragma}")
            conn.execute("BEGIN")
            counts = load_timed(conn, seeds, problems, progress, phase)
            if not problems:
                verify.foreign_keys(conn, problems)
            phase("verify: foreign keys")
            if problems:
                conn.execute("ROLLBACK")
                raise SeedError(problems)
            conn.execute("COMMIT")  # the loaded rows; the file is renamed into place only if all that follows passes
            for _seq, name, _file in conn.execute("PRAGMA database_list").fetchall():
                if name not in ("main", "temp"):  # a loader's scratch file (see loaders/sentences.py)
                    conn.execute(f'DETACH DATABASE "{name}"')
            phase("commit the rows")
            integrity = verify.IntegrityCheck(conn, temp, problems)
            phase("verify: integrity" + (" (started in a process beside the next steps)" if integrity.process else ""))
            if problems:
                raise SeedError(problems)
            conn.execute("BEGIN")
            with progress.stage("analyze and facet counts", total=2) as task:
                from icadb.loaders import facet_counts

                # Statistics first: without them SQLite plans the views' joins
                # badly (the facet counts of co_mentions ran for over 20 minutes
                # at 10,000x; with them, all facets take about 30 s).
                conn.execute("ANALYZE main")
                task.advance()
                phase("analyze")
                counts["summary_facets"] = facet_counts.compute(conn)
                conn.execute("ANALYZE summary_facets")
                task.advance()
            phase("facet counts (for Datasette, like ANALYZE)")
            integrity.wait()
            phase("verify: waiting for the integrity check")
            if problems:
                conn.execute("ROLLBACK")
                raise SeedError(problems)
            conn.execute("COMMIT")
            for table in verify.WRITTEN_AFTER:  # what the integrity check did not see
                verify.integrity(conn, problems, table)
            if problems:
                raise SeedError(problems)
            phase("commit and verify the statistics and facet counts")
            conn.execute("PRAGMA journal_mode=DELETE")
        finally:
            if integrity is not None:
                integrity.stop()
            conn.close()
        with open(temp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, db_path)
        _fsync_dir(db_path.parent)
    finally:
        for leftover in (temp, temp.with_name(temp.name + "-journal")):
            leftover.unlink(missing_ok=True)
    phase("sync and rename")
    return BuildResult(db_path, counts, time.perf_counter() - started, problems.notes, phases)


def check(seeds: Path = SEEDS_DIR, progress: Progress | None = None) -> BuildResult:
    """Run every check of a build on *seeds* without touching any database.

    The build goes to a temporary folder that is removed afterwards; raises
    :class:`SeedError` like :func:`build`.
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="icadb-check-") as folder:
        return build(Path(folder) / "check.sqlite", seeds=seeds, progress=progress)
