"""The views: one SELECT per file in ``schema/views/``, made by the build after the tables' revisions.

Every build starts from an empty database, so the views are never upgraded in
place: the build creates each from its file, in dependency order (a view that
selects from another comes after it), as dbt makes its models. The SQL is
written for SQLite in the form PostgreSQL also runs; for PostgreSQL it is
translated by sqlglot (``icadb.loaders.pgsql``).

A file may ask to be materialised, in its header::

    -- materialized: table (why: the measurement that showed a page needs it)
    -- index: date_earliest
    -- index: year, kind

The build then makes a table ``materialized_<name>`` of the SELECT's rows, with
those indexes, and the view ``<name>`` reads it: analysts still query a view of
that name, its pages count, sort and facet through the indexes, and the SQL is
written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from icadb.paths import SCHEMA_DIR

VIEWS_DIR = SCHEMA_DIR / "views"
_MATERIALIZED = re.compile(r"^--\s*materialized:\s*table\b", re.MULTILINE)
_INDEX = re.compile(r"^--\s*index:\s*(.+)$", re.MULTILINE)


@dataclass(frozen=True)
class View:
    name: str
    sql: str
    materialized: bool
    indexes: tuple[tuple[str, ...], ...]

    @classmethod
    def read(cls, path: Path) -> View:
        sql = path.read_text(encoding="utf-8").strip().rstrip(";")
        indexes = tuple(tuple(c.strip() for c in m.group(1).split(",")) for m in _INDEX.finditer(sql))
        return cls(path.stem, sql, _MATERIALIZED.search(sql) is not None, indexes)

    def reads(self, names) -> set[str]:
        """Which of *names* (other views) this one selects from: those its SQL, less comments, names as a word."""
        text = re.sub(r"--[^\n]*", " ", self.sql)
        return {name for name in names if name != self.name and re.search(rf"\b{name}\b", text)}

    def sql_for(self, dialect: str) -> str:
        from icadb.loaders.pgsql import to_postgresql

        return self.sql if dialect == "sqlite" else to_postgresql(self.sql)

    @property
    def table(self) -> str | None:
        """The table that holds its rows, if it is materialised."""
        return f"materialized_{self.name}" if self.materialized else None

    def statements(self, dialect: str) -> list[str]:
        """What makes it: CREATE VIEW, or the table of its rows, its indexes and the view that reads it."""
        sql = self.sql_for(dialect)
        if not self.materialized:
            return [f"CREATE VIEW {self.name} AS\n{sql}"]
        made = [f"CREATE TABLE {self.table} AS\n{sql}"]
        for columns in self.indexes:
            made.append(f"CREATE INDEX ix_{self.table}_{'_'.join(columns)} ON {self.table} ({', '.join(columns)})")
        # Statistics at once: a view made after it (country_activity on timeline) is planned with them.
        return [*made, f"ANALYZE {self.table}", f"CREATE VIEW {self.name} AS SELECT * FROM {self.table}"]


@cache
def views(folder: Path = VIEWS_DIR) -> tuple[View, ...]:
    """Every view of *folder*, in dependency order (then by name)."""
    found = {view.name: view for view in map(View.read, sorted(folder.glob("*.sql")))}
    ordered: list[View] = []
    placed: set[str] = set()

    def place(name: str, path: tuple[str, ...]) -> None:
        if name in placed:
            return
        if name in path:
            raise ValueError(f"schema/views: {' -> '.join((*path, name))} select from each other in a circle")
        for needed in sorted(found[name].reads(found)):
            place(needed, (*path, name))
        placed.add(name)
        ordered.append(found[name])

    for name in sorted(found):
        place(name, ())
    return tuple(ordered)


def names() -> tuple[str, ...]:
    """Every view of schema/views/, and the tables that hold the rows of the materialised ones."""
    return (*(view.name for view in views()), *(view.table for view in views() if view.materialized))


def refresh_materialized(conn, dialect: str = "sqlite") -> None:
    """Fill the materialised tables again from what the database holds now (after an edit of a built file)."""
    for view in views():
        if view.materialized:
            conn.execute(f"DELETE FROM {view.table}")
            conn.execute(f"INSERT INTO {view.table}\n{view.sql_for(dialect)}")


def create_all(conn, dialect: str = "sqlite") -> None:
    """Make every view (and materialised table) of schema/views/ in *conn*."""
    for view in views():
        for statement in view.statements(dialect):
            conn.execute(statement)
