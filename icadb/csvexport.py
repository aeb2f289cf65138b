"""One published table or view as a CSV file: rendered by SQLite, the bytes csv.writer writes.

:func:`write_csv` renders the rows with :mod:`icadb.csvrows`; a table ordered
by its INTEGER PRIMARY KEY in ranges of that key, two at once in two forked
processes where there are two cores, any other table or view in one query. :func:`write_csv_rows` is the writer as it
was (``csv.writer`` over the rows as tuples): the fallback when a value holds
one of the separators the rendering uses, and the reference the tests
compare with.
"""

from __future__ import annotations

import csv
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from icadb.resources import Resource

BATCH = 20_000


def _integer_key(conn: sqlite3.Connection, res: Resource) -> str | None:
    """The table's INTEGER PRIMARY KEY column (the rowid, which holds only integers), if it has one."""
    if res.is_view or len(res.primary_key) != 1:
        return None
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (res.name,)).fetchone()[0] or ""
    if "WITHOUT ROWID" in sql.upper():
        return None
    declared = {r[1]: (r[2] or "").upper() for r in conn.execute(f'PRAGMA table_info("{res.name}")')}
    return res.primary_key[0] if declared.get(res.primary_key[0]) == "INTEGER" else None


def write_csv(conn: sqlite3.Connection, res: Resource, path: Path, *, excel: bool = False,
              workers: int | None = None) -> int:
    """Write *res* as CSV at *path*; return the number of rows.

    The rows are rendered by SQLite (:mod:`icadb.csvrows`), byte for byte
    what ``csv.writer`` writes of them: a table ordered by its INTEGER
    PRIMARY KEY in ranges of it, by *workers* processes (default:
    :func:`export_workers`), anything else in one query. Should a value hold
    a separator that rendering uses, the file is written again by
    ``csv.writer`` itself (:func:`write_csv_rows`)."""
    from icadb import csvrows

    if res.where:  # only some rows (drafts left out): the plain writer over the filtered rows
        return write_csv_rows(conn, res, path, excel=excel)
    renderer = csvrows.Renderer(len(res.columns), "\r\n" if excel else "\n")
    csvrows.register(conn)
    key = _integer_key(conn, res)
    try:
        with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
            csv.writer(fh, lineterminator=renderer.terminator).writerow([c.name for c in res.columns])
            if key is not None and res.order_by == [key]:
                return _write_ranges(conn, res, key, renderer, fh, workers)
            names = [c.name for c in res.columns]
            plain = False
            if not res.is_view:
                seeks, condition = csvrows.differ_checks(conn, res.name, key)
                plain = not any(conn.execute(sql).fetchone() for sql in seeks) and (condition is None or conn.execute(
                    f"SELECT 1 FROM {csvrows.quote(res.name)} WHERE {condition} LIMIT 1").fetchone() is None)
            cursor = conn.execute(csvrows.line_sql(res.name, names, res.order_by, plain=plain))
            count = 0

            def batches():
                nonlocal count
                while rows := cursor.fetchmany(BATCH):
                    count += len(rows)
                    yield rows
            for text in renderer.batches(batches()):
                fh.write(text)
            return count
    except csvrows.Ambiguous:
        return write_csv_rows(conn, res, path, excel=excel)


def _version(conn: sqlite3.Connection):
    """What says which build a connection reads (two builds of one data version have the same bytes)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'build_info'").fetchone():
        return conn.execute("SELECT data_version FROM build_info").fetchone()
    return conn.execute("PRAGMA schema_version").fetchone()


RANGE_KEYS = 50_000  # keys per range at most (a range is one string in memory)
PROCESS_MIN_KEYS = 100_000  # a smaller table is rendered in this process


def _ranges(low: int, high: int, workers: int) -> list[tuple[int, int]]:
    """Key ranges covering low..high: at most RANGE_KEYS each, and enough of
    them (each at least 2,000 keys) to keep *workers* threads busy."""
    keys = high - low + 1
    count = max(-(-keys // RANGE_KEYS), min(4 * workers, -(-keys // 2_000)))
    size = -(-keys // count)
    return [(start, min(start + size - 1, high)) for start in range(low, high + 1, size)]


@dataclass
class _RangeJob:
    """What a worker needs to render ranges of one table (picklable)."""

    database: str
    version: tuple | None
    differs_sql: str | None  # a row of the range that may hold a REAL or a BLOB
    plain_sql: str
    exact_sql: str
    exact_everywhere: bool
    width: int
    terminator: str


_worker: dict = {}  # in a worker process: its job, connection and renderer


def _start_worker(job: _RangeJob) -> None:
    from icadb import csvrows

    conn = sqlite3.connect(f"file:{job.database}?mode=ro", uri=True)
    csvrows.register(conn)
    if _version(conn) != job.version:
        raise RuntimeError(f"{job.database} was replaced during the export; export again")
    _worker.update(job=job, conn=conn, renderer=csvrows.Renderer(job.width, job.terminator))


def _render_range(bounds: tuple[int, int]) -> tuple[str, int]:
    """The CSV text and row count of one key range (in a worker, or here)."""
    job, conn = _worker["job"], _worker["conn"]
    differs = job.exact_everywhere or (  # a REAL or a BLOB: ask each value its type
        job.differs_sql is not None and conn.execute(job.differs_sql, bounds).fetchone() is not None)
    text, rows = conn.execute(job.exact_sql if differs else job.plain_sql, bounds).fetchone()
    return _worker["renderer"].range_text(text, rows), rows


def _write_ranges(conn: sqlite3.Connection, res: Resource, key: str, renderer, fh, workers: int | None) -> int:
    """Write the rows of *res* in ranges of *key*, rendered by *workers* processes.

    Processes, not threads: SQLite renders a range without holding Python's
    lock, but two threads of one process still took turns (at 10,000x the
    seeds, two threads ran no faster than one; two processes ran 1.4x as
    fast). They are forked, so they start at once; each opens the database
    itself, read-only, and makes sure it reads the same build."""
    import multiprocessing

    from icadb import csvrows

    names = [c.name for c in res.columns]
    table = csvrows.quote(res.name)
    low, high = conn.execute(f"SELECT min({csvrows.quote(key)}), max({csvrows.quote(key)}) FROM {table}").fetchone()
    if low is None:
        return 0
    seeks, condition = csvrows.differ_checks(conn, res.name, key)
    job = _RangeJob(
        database=next(row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"),
        version=_version(conn),
        differs_sql=csvrows.range_differs_sql(res.name, key, condition) if condition else None,
        plain_sql=csvrows.range_sql(res.name, names, key, plain=True),
        exact_sql=csvrows.range_sql(res.name, names, key, plain=False),
        exact_everywhere=any(conn.execute(sql).fetchone() for sql in seeks),
        width=renderer.width, terminator=renderer.terminator)
    if "fork" not in multiprocessing.get_all_start_methods() or high - low < PROCESS_MIN_KEYS:
        workers = 1  # starting the processes costs more than they save on a small table
    elif workers is None:
        workers = export_workers()
    ranges = _ranges(low, high, workers)
    workers = min(workers, len(ranges))
    count = 0
    if workers <= 1:
        _worker.update(job=job, conn=conn, renderer=renderer)
        try:
            results = map(_render_range, ranges)
            for text, rows in results:
                fh.write(text)
                count += rows
        finally:
            _worker.clear()
        return count
    with multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker, initargs=(job,)) as pool:
        for text, rows in pool.imap(_render_range, ranges):
            fh.write(text)
            count += rows
    return count


def export_workers() -> int:
    """How many processes render a table's key ranges: ``$ICADB_EXPORT_WORKERS``,
    else two when a second core is free (:mod:`icadb.cores`), else one."""
    import os

    try:
        return max(1, int(os.environ["ICADB_EXPORT_WORKERS"]))
    except (KeyError, ValueError):
        from icadb.cores import a_core_is_free

        return 2 if a_core_is_free() else 1


def write_csv_rows(conn: sqlite3.Connection, res: Resource, path: Path, *, excel: bool = False) -> int:
    """Write *res* as CSV at *path* with ``csv.writer`` over the rows as tuples."""
    count = 0
    with open(path, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\r\n" if excel else "\n")
        writer.writerow([c.name for c in res.columns])
        cursor = conn.execute(res.select_sql())
        while rows := cursor.fetchmany(BATCH):
            writer.writerows(rows)
            count += len(rows)
    return count
