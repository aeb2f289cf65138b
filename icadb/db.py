"""Connections to the database, always with foreign keys enforced."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def connect(path: Path | str, *, readonly: bool = False) -> sqlite3.Connection:
    """Open *path* with ``PRAGMA foreign_keys=ON``; read-only opens never create a file."""
    if readonly:
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    else:
        conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def dicts(conn: sqlite3.Connection, sql: str, *params) -> list[dict]:
    """The rows of *sql* as dicts keyed by column name."""
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def first(conn: sqlite3.Connection, sql: str, *params) -> dict | None:
    """The first row of *sql* as a dict, or None."""
    rows = dicts(conn, sql, *params)
    return rows[0] if rows else None
