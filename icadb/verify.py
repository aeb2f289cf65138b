"""The build's whole-database checks: every foreign key, and SQLite's integrity check.

The loaders check references as they go, but foreign keys are off while
rows go in (see ``icadb.build``), so ``PRAGMA foreign_key_check`` over every
row is what guarantees them; ``PRAGMA integrity_check`` proves the file
itself sound (every b-tree, every index entry against its row, NOT NULL and
CHECK constraints). Neither is relaxed here (``quick_check`` would skip the
index-against-table comparison).

What changes is when the integrity check runs. It reads the whole file and
takes longer than anything after it (about 30 s at 10,000x the seeds), and
nothing after it changes the loaded rows: the build commits them, and on a
large file (``icadb.yamlstream.process_min_bytes()``) the check runs in a
process of its own, on the committed file, while the build computes the
statistics and the facet counts; the build then commits those only after
the check has answered, and checks the tables they wrote
(:data:`WRITTEN_AFTER`) itself. A file that fails is never renamed into
place, so the old database stays as it was, as before.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from icadb.errors import Problems

# What the build writes after the loaded rows are committed: ANALYZE's
# statistics and the facet counts.
WRITTEN_AFTER = ("sqlite_stat1", "summary_facets")


def foreign_keys(conn: sqlite3.Connection, problems: Problems) -> None:
    """Report every row that points at a missing row (of ``main``: a loader may have a scratch file attached)."""
    for table, rowid, parent, _fk in conn.execute("PRAGMA main.foreign_key_check"):
        problems.add("(database)", None, table, f"row {rowid} points at a missing {parent} row; expected every reference to exist")


def _report(results: list[str], problems: Problems) -> None:
    for result in results:
        if result != "ok":
            problems.add("(database)", None, "(integrity)", result)


def integrity(conn: sqlite3.Connection, problems: Problems, table: str | None = None) -> None:
    """SQLite's integrity check of the whole of ``main`` (or of *table* and its indexes)."""
    pragma = f'PRAGMA main.integrity_check("{table}")' if table else "PRAGMA main.integrity_check"
    _report([row[0] for row in conn.execute(pragma)], problems)


def _integrity_process(path: str, sender) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        sender.send([row[0] for row in conn.execute("PRAGMA integrity_check")])
    finally:
        conn.close()
        sender.close()


class IntegrityCheck:
    """The integrity check of the committed file at *path*: in a process of its
    own when the file is large enough to gain from it, else here and now."""

    def __init__(self, conn: sqlite3.Connection, path: Path, problems: Problems):
        from icadb.yamlstream import process_min_bytes

        self.problems = problems
        self.process = None
        size = path.stat().st_size
        if size < process_min_bytes(size):
            integrity(conn, problems)
            return
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # the build holds SQLite connections: no fork
        self.receiver, sender = context.Pipe(duplex=False)
        self.process = context.Process(target=_integrity_process, args=(str(path), sender), name="icadb-integrity",
                                       daemon=True)
        self.process.start()
        sender.close()

    def wait(self) -> None:
        """Wait for the answer (if it comes from a process) and report its problems."""
        if self.process is None:
            return
        try:
            results = self.receiver.recv()
        except EOFError:
            results = None
        self.process.join()
        self.receiver.close()
        self.process = None
        if results is None:
            raise RuntimeError("the integrity check's process ended without an answer; run the build again "
                               "with ICADB_PROCESS_MIN_BYTES=-1 to check in this process and see the error")
        _report(results, self.problems)

    def stop(self) -> None:
        """End the process, if it is still running (a build that failed)."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()
        if self.process is not None:
            self.process.join()
            self.receiver.close()
            self.process = None
