"""The writer: rows queued per table and inserted in batches, each located.

Every row carries the file and line it came from, so when the database
refuses one (a CHECK or UNIQUE the loaders did not foresee) the problem is
still reported as ``path:line``.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from icadb.loaders.context import LoadContext


def insert_sql(table: str, columns: Iterable[str]) -> str:
    """``INSERT INTO table (columns) VALUES (?, ...)``."""
    cols = list(columns)
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


class Writer:
    """Buffers rows per table and inserts them with ``executemany``.

    Each row carries where it came from, so when the database refuses one (a
    CHECK or UNIQUE the loaders did not foresee) the problem is still located.
    """

    def __init__(self, ctx: LoadContext, batch: int = 5000):
        self.ctx = ctx
        self.batch = batch
        self.sql: dict[str, str] = {}
        self.rows: dict[str, list[tuple]] = {}
        self.origins: dict[str, list[tuple[Path, int]]] = {}
        self.insert_seconds = 0.0  # time spent inside SQLite inserting (and indexing), for the benchmark
        self.index_seconds = 0.0  # of which building the deferred indexes
        self._deferrable: dict[str, list[tuple[str, str]]] = {}
        self._deferred: dict[str, list[tuple[str, str]]] = {}

    def defer_indexes(self) -> None:
        """Build each table's secondary indexes once the table is loaded
        (:meth:`build_indexes`) instead of keeping them in order row by row:
        one sort per index costs less than millions of inserts into it (at
        1,000x the seeds, loading the records took 23.8 s so against 38.9 s
        with the indexes kept as rows go in).

        Only plain indexes are deferred; a UNIQUE one stays, so the database
        still refuses a duplicate row as it is inserted (and the row is located).
        The indexes are rebuilt from their own CREATE statements, so the
        schema ends as the migrations made it."""
        for name, table, sql in self.ctx.conn.execute(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"):
            if not re.match(r"\s*CREATE\s+UNIQUE\b", sql, re.IGNORECASE):
                self._deferrable.setdefault(table, []).append((name, sql))

    def build_indexes(self) -> None:
        """Build the indexes deferred for the tables written so far (their rows flushed first)."""
        if not self._deferred:
            return
        self.flush()
        started = time.perf_counter()
        for indexes in self._deferred.values():
            for _name, sql in indexes:
                self.ctx.conn.execute(sql)
        self._deferred.clear()
        seconds = time.perf_counter() - started
        self.index_seconds += seconds
        self.insert_seconds += seconds

    def table(self, name: str, columns: Iterable[str]) -> None:
        indexes = self._deferrable.pop(name, None)
        if indexes and self.ctx.conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is None:
            for index, _sql in indexes:
                self.ctx.conn.execute(f'DROP INDEX "{index}"')
            self._deferred[name] = indexes
        cols = list(columns)
        self.sql[name] = insert_sql(name, cols)
        self.rows[name] = []
        self.origins[name] = []

    def add(self, name: str, row: tuple, origin: tuple[Path, int]) -> None:
        rows = self.rows[name]
        rows.append(row)
        self.origins[name].append(origin)
        if len(rows) >= self.batch:
            self._flush(name)

    def _flush(self, name: str) -> None:
        rows = self.rows[name]
        if not rows:
            return
        conn = self.ctx.conn
        started = time.perf_counter()
        try:
            conn.execute("SAVEPOINT batch")
            conn.executemany(self.sql[name], rows)
            conn.execute("RELEASE batch")
            self.insert_seconds += time.perf_counter() - started
        except sqlite3.DatabaseError:
            conn.execute("ROLLBACK TO batch")
            conn.execute("RELEASE batch")
            for row, (path, line) in zip(rows, self.origins[name]):
                try:
                    conn.execute(self.sql[name], row)
                except sqlite3.DatabaseError as exc:
                    self.ctx.problems.add(path, line, f"({name})", f"the database refused this row ({exc}); expected a row the schema accepts")
        self.ctx.counts[name] = self.ctx.counts.get(name, 0) + len(rows)
        rows.clear()
        self.origins[name].clear()

    def flush(self) -> None:
        for name in self.rows:
            self._flush(name)
