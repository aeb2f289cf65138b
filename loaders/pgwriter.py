"""The loaders on PostgreSQL: COPY in place of executemany, and the few steps whose SQL differs.

Everything a loader does on PostgreSQL that it does not do on SQLite is here,
so the loaders themselves keep one code path (they ask ``ctx.dialect`` only
to come here):

- :class:`PgConnection`: what loaders call ``ctx.conn`` (``execute`` with
  ``?`` parameters, cursors that iterate), over a psycopg 3 connection;
- :class:`PgWriter`: the writer's batches go in with ``COPY ... FROM STDIN``;
  a batch the database refuses is written again row by row, each in a
  savepoint, so every refused row is reported as ``path:line`` as on SQLite.
  Plain indexes and every foreign key are dropped before their table is
  loaded and made again from their own definitions after it (a sort per
  index; one check of every row per foreign key, which is what verifies the
  references, like ``PRAGMA foreign_key_check``);
- the search tables filled with tsvectors.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable

from icadb.loaders.pgsql import for_psycopg
from icadb.loaders.writer import Writer


class PgConnection:
    """The part of sqlite3.Connection the loaders use, over a psycopg connection."""

    dialect = "postgresql"

    def __init__(self, raw):
        self.raw = raw

    def execute(self, sql: str, params: Iterable | None = None):
        cursor = self.raw.cursor()
        if params:
            cursor.execute(for_psycopg(sql), tuple(params))
        else:
            cursor.execute(sql)
        return cursor

    def executemany(self, sql: str, rows: Iterable[tuple]):
        cursor = self.raw.cursor()
        cursor.executemany(for_psycopg(sql), list(rows))
        return cursor


class PgWriter(Writer):
    """The writer, with COPY (see the module docstring)."""

    def __init__(self, ctx, batch: int = 5000):
        super().__init__(ctx, batch)
        self.columns: dict[str, list[str]] = {}
        self._foreign_keys: list[tuple[str, str, str]] = []  # (table, constraint, definition)

    @property
    def raw(self):
        return self.ctx.conn.raw

    def defer_indexes(self) -> None:
        """As on SQLite, and every foreign key too: dropped now (the tables are
        empty), made again by :meth:`restore_foreign_keys` once all is loaded."""
        cur = self.raw.cursor()
        cur.execute("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                    "ORDER BY tablename, indexname")
        for table, name, sql in cur.fetchall():
            if not re.match(r"\s*CREATE\s+UNIQUE\b", sql, re.IGNORECASE) and " USING gin " not in sql:
                self._deferrable.setdefault(table, []).append((name, sql))
        cur.execute("SELECT cl.relname, con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint AS con "
                    "JOIN pg_class AS cl ON cl.oid = con.conrelid "
                    "WHERE con.contype = 'f' AND con.connamespace = current_schema()::regnamespace "
                    "ORDER BY cl.relname, con.conname")
        self._foreign_keys = cur.fetchall()
        for table, name, _definition in self._foreign_keys:
            cur.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')

    def restore_foreign_keys(self) -> None:
        """Make every foreign key again: each checks every row it covers; a row that
        points at nothing is a problem (and the build fails)."""
        import psycopg

        started = time.perf_counter()
        for table, name, definition in self._foreign_keys:
            try:
                with self.raw.transaction():
                    self.raw.execute(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
            except psycopg.errors.ForeignKeyViolation as exc:
                detail = exc.diag.message_detail or str(exc)
                self.ctx.problems.add("(database)", None, table,
                                      f"{detail.rstrip('.')} ({name}); expected every reference to exist")
        seconds = time.perf_counter() - started
        self.index_seconds += seconds
        self.insert_seconds += seconds

    def table(self, name: str, columns: Iterable[str]) -> None:
        """As on SQLite (the table's deferred indexes dropped while it is empty), with COPY for its statement."""
        cols = list(columns)
        super().table(name, cols)
        self.columns[name] = cols
        self.sql[name] = f'COPY "{name}" ({", ".join(cols)}) FROM STDIN'

    def _flush(self, name: str) -> None:
        import psycopg

        rows = self.rows[name]
        if not rows:
            return
        started = time.perf_counter()
        try:
            with self.raw.transaction(), self.raw.cursor().copy(self.sql[name]) as copy:
                write = copy.write_row
                for row in rows:
                    write(row)
            self.insert_seconds += time.perf_counter() - started
        except psycopg.Error:
            insert = (f'INSERT INTO "{name}" ({", ".join(self.columns[name])}) '
                      f'VALUES ({", ".join(["%s"] * len(self.columns[name]))})')
            for row, (path, line) in zip(rows, self.origins[name]):
                try:
                    with self.raw.transaction():
                        self.raw.execute(insert, row)
                except psycopg.Error as exc:
                    message = " ".join(str(exc).split())
                    self.ctx.problems.add(path, line, f"({name})", f"the database refused this row ({message}); "
                                          "expected a row the schema accepts")
        self.ctx.counts[name] = self.ctx.counts.get(name, 0) + len(rows)
        rows.clear()
        self.origins[name].clear()


# -- full-text search ---------------------------------------------------------

SEARCH = {  # search table: (table, key, text searched), as the baseline revision made them
    "records_fts": ("records", "record_id", "title || ' ' || summary"),
    "evidence_fts": ("evidence", "evidence_id", "quote"),
    "documents_fts": ("documents", "document_id", "title || ' ' || text"),
    "sentences_fts": ("sentences", "sentence_id", "text"),
}


def fill_search(ctx, names: Iterable[str]) -> None:
    for name in names:
        table, key, text = SEARCH[name]
        ctx.conn.execute(f"DELETE FROM {name}")
        ctx.conn.execute(f"INSERT INTO {name} ({key}, search) "
                         f"SELECT {key}, to_tsvector('english', {text}) FROM {table} ORDER BY {key}")
