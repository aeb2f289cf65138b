"""icadb's own Datasette hooks (registered through the ``datasette`` entry point)."""

from __future__ import annotations

from datasette import hookimpl


@hookimpl
def prepare_connection(conn):
    # Every connection enforces foreign keys, the served ones included.
    conn.execute("PRAGMA foreign_keys=ON")
