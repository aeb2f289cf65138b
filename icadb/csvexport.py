"""One published table or view as a CSV file: rendered by SQLite, the bytes csv.writer writes.

:func:`write_csv` renders the rows with :mod:`icadb.csvrows`; a table ordered
by its INTEGER PRIMARY KEY in ranges of that key, two at once where there
are two cores (SQLite renders a range without holding Python's lock), any
other table or view in one query. :func:`write_csv_rows` is the writer as it
was (``csv.writer`` over the rows as tuples): the fallback when a value holds
one of the separators the rendering uses, and the reference the tests
compare with.
"""

from __future__ import annotations

import csv
import sqlite3
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
    PRIMARY KEY in ranges of it, on *workers* threads (default: two where
    there are two cores), anything else in one query. Should a value hold
    a separator that rendering uses, the file is written again by
    ``csv.writer`` itself (:func:`write_csv_rows`)."""
    from icadb import csvrows

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


def _ranges(low: int, high: int, workers: int) -> list[tuple[int, int]]:
    """Key ranges covering low..high: at most RANGE_KEYS each, and enough of
    them (each at least 2,000 keys) to keep *workers* threads busy."""
    keys = high - low + 1
    count = max(-(-keys // RANGE_KEYS), min(4 * workers, -(-keys // 2_000)))
    size = -(-keys // count)
    return [(start, min(start + size - 1, high)) for start in range(low, high + 1, size)]


def _write_ranges(conn: sqlite3.Connection, res: Resource, key: str, renderer, fh, workers: int | None) -> int:
    import os
    import threading
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    from icadb import csvrows

    names = [c.name for c in res.columns]
    table = csvrows.quote(res.name)
    low, high = conn.execute(f"SELECT min({csvrows.quote(key)}), max({csvrows.quote(key)}) FROM {table}").fetchone()
    if low is None:
        return 0
    workers = workers or (2 if (os.cpu_count() or 1) > 1 else 1)
    seeks, condition = csvrows.differ_checks(conn, res.name, key)
    exact_everywhere = any(conn.execute(sql).fetchone() for sql in seeks)
    differs_sql = csvrows.range_differs_sql(res.name, key, condition) if condition else None
    plain_sql = csvrows.range_sql(res.name, names, key, plain=True)
    exact_sql = csvrows.range_sql(res.name, names, key, plain=False)
    database = next(row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main")
    version = _version(conn)
    local = threading.local()
    opened: list[sqlite3.Connection] = []

    def connection() -> sqlite3.Connection:
        if workers == 1:
            return conn
        if not hasattr(local, "conn"):
            local.conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True, check_same_thread=False)
            opened.append(local.conn)
            csvrows.register(local.conn)
            if _version(local.conn) != version:
                raise RuntimeError(f"{database} was replaced during the export; export again")
        return local.conn

    def render(bounds: tuple[int, int]) -> tuple[str, int]:
        db = connection()
        differs = exact_everywhere or (  # a REAL or a BLOB: ask each value its type
            differs_sql is not None and db.execute(differs_sql, bounds).fetchone() is not None)
        text, rows = db.execute(exact_sql if differs else plain_sql, bounds).fetchone()
        return renderer.range_text(text, rows), rows

    count = 0
    ranges = _ranges(low, high, workers)
    if workers == 1:
        for bounds in ranges:
            text, rows = render(bounds)
            fh.write(text)
            count += rows
        return count
    try:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="icadb-export") as pool:
            pending: deque = deque()
            for bounds in ranges:
                pending.append(pool.submit(render, bounds))
                if len(pending) > 2 * workers:
                    text, rows = pending.popleft().result()
                    fh.write(text)
                    count += rows
            while pending:
                text, rows = pending.popleft().result()
                fh.write(text)
                count += rows
    finally:
        for db in opened:
            db.close()
    return count


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
