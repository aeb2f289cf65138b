"""Connections to the database, always with foreign keys enforced (SQLite), or to a PostgreSQL server."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path


def connect(path, *, readonly: bool = False):
    """Open *path* with ``PRAGMA foreign_keys=ON``; read-only opens never create a file.

    *path* may also be an :class:`icadb.dburl.Database` naming a PostgreSQL
    server (or a URL): the connection is then a :class:`PgReader`."""
    from icadb.dburl import Database, parse

    if isinstance(path, str) and "://" in path:
        path = parse(path)
    if isinstance(path, Database):
        if path.is_postgresql:
            return PgReader(path)
        path = path.path
    if readonly:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def quote(name: str) -> str:
    """*name* as an SQL identifier ("..."), on either engine."""
    return '"' + name.replace('"', '""') + '"'


def dialect(conn) -> str:
    """"postgresql" for a :class:`PgReader` (or the loaders' PostgreSQL connection), else "sqlite"."""
    return getattr(conn, "dialect", "sqlite")


def _compact_json(text) -> str:
    """jsonb as JSON text, compact (``["IND","KAZ"]``), as readers of the SQLite file get it."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        text = bytes(text).decode("utf-8")
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


class PgReader:
    """A PostgreSQL database read as icadb reads its SQLite file: ``execute`` with
    ``?`` parameters (or ``:name`` with a dict), cursors that iterate, JSON
    (jsonb) as compact JSON text. One read-only REPEATABLE READ transaction
    for the connection's life, so everything read comes from one build."""

    dialect = "postgresql"

    def __init__(self, db):
        import psycopg
        from psycopg.types.json import set_json_loads

        from icadb.dburl import connect as pg_connect

        self.db = db
        self.raw = pg_connect(db)
        set_json_loads(_compact_json, self.raw)
        self.raw.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        self.raw.read_only = True

    def execute(self, sql: str, params=None):
        from icadb.loaders.pgsql import for_psycopg

        cursor = self.raw.cursor()  # rows in the order the SQLite file gives them (sqlglot keeps SQLite's NULLs first)
        if isinstance(params, dict):
            cursor.execute(for_psycopg(sql), params)
        elif params:
            cursor.execute(for_psycopg(sql), tuple(params))
        else:
            cursor.execute(for_psycopg(sql))
        return cursor

    def close(self) -> None:
        self.raw.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def dicts(conn, sql: str, *params) -> list[dict]:
    """The rows of *sql* as dicts keyed by column name."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def first(conn, sql: str, *params) -> dict | None:
    """The first row of *sql* as a dict, or None."""
    rows = dicts(conn, sql, *params)
    return rows[0] if rows else None
