"""One way to name a database: a file path (SQLite) or a SQLAlchemy URL.

``--db`` and ``$ICADB_DB`` take either. A value that starts with a scheme
(``name://``) is a URL:

- ``postgresql://user@host:port/database`` (or ``postgres://``, or
  ``postgresql+psycopg://``) is a PostgreSQL server, reached with psycopg 3
  (SQLAlchemy's ``postgresql+psycopg``; a plain ``postgresql://`` would mean
  psycopg2 to SQLAlchemy, so it is mapped). ``?schema=NAME`` names the schema
  the tables and views go in (default ``public``); every other query parameter
  is libpq's (``sslmode``, ``connect_timeout``, ...).
- ``sqlite:///path`` is the file at *path*.

Any other scheme is refused with :class:`DatabaseURLError`, whose message is
one line; so is a server that cannot be reached (:func:`check_reachable`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
EXPECTED = "expected a file path or postgresql://user@host:port/database"


class DatabaseURLError(ValueError):
    """A --db / $ICADB_DB value icadb cannot use (its message is one line)."""


@dataclass(frozen=True)
class Database:
    """A database icadb builds or reads: an SQLite file, or a schema of a PostgreSQL database."""

    path: Path | None = None  # the SQLite file
    url: str | None = None  # PostgreSQL: the SQLAlchemy URL (postgresql+psycopg://...), without ?schema=
    schema: str = "public"

    @property
    def is_postgresql(self) -> bool:
        return self.url is not None

    @property
    def dialect(self) -> str:
        return "postgresql" if self.is_postgresql else "sqlite"

    def sqlalchemy_url(self) -> str:
        return self.url if self.url is not None else f"sqlite:///{self.path}"

    def conninfo(self) -> str:
        """The libpq connection string (a postgresql:// URI) of a PostgreSQL database."""
        from sqlalchemy.engine import make_url

        return make_url(self.url).set(drivername="postgresql").render_as_string(hide_password=False)

    def display(self) -> str:
        """How messages name it: the path, or the URL without its password."""
        if not self.is_postgresql:
            from icadb.loaders.errors import display_path

            return str(display_path(self.path))
        from sqlalchemy.engine import make_url

        shown = make_url(self.url).set(drivername="postgresql").render_as_string(hide_password=True)
        return shown + ("" if self.schema == "public" else f" (schema {self.schema})")

    def __str__(self) -> str:
        return self.display()


def parse(value: str | os.PathLike) -> Database:
    """The database *value* names: a path, or a URL (see the module docstring)."""
    if isinstance(value, Database):
        return value
    text = os.fspath(value)
    if not SCHEME.match(text):
        return Database(path=Path(text).expanduser().resolve())
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseURLError(f"{_masked(text)} is not a URL icadb can read ({exc}); {EXPECTED}") from None
    scheme = url.drivername
    if scheme == "sqlite":
        if not url.database:
            raise DatabaseURLError(f"{text}: an SQLite URL needs a file (sqlite:///path); {EXPECTED}")
        return Database(path=Path(url.database).expanduser().resolve())
    if scheme not in POSTGRES_SCHEMES:
        raise DatabaseURLError(f"{_masked(text)}: icadb cannot build or read a {scheme!r} database; {EXPECTED} "
                               "(PostgreSQL through psycopg 3)")
    query = dict(url.query)
    schema = query.pop("schema", "public")
    if isinstance(schema, tuple) or not SCHEMA_NAME.match(schema):
        raise DatabaseURLError(f"{_masked(text)}: schema {schema!r}; expected one lower-case SQL name "
                               "(letters, digits, _)")
    if not url.database:
        raise DatabaseURLError(f"{_masked(text)}: no database named; {EXPECTED}")
    url = url.set(drivername="postgresql+psycopg", query=query)
    db = Database(url=url.render_as_string(hide_password=False), schema=schema)
    _check_options(db, text)
    return db


def _check_options(db: Database, text: str) -> None:
    """Refuse query parameters libpq does not know (``?sslmode=...`` is one it does)."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    try:
        conninfo_to_dict(db.conninfo())
    except psycopg.ProgrammingError as exc:
        raise DatabaseURLError(f"{_masked(text)}: {' '.join(str(exc).split())}; expected ?schema=NAME or "
                               "libpq's parameters (sslmode, connect_timeout, ...)") from None


def _masked(text: str) -> str:
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", text)


def default() -> Database:
    """``$ICADB_DB`` (a path or a URL), else ``icadb.sqlite`` in the project folder."""
    from icadb.paths import DB_ENV_VAR, default_db_path

    value = os.environ.get(DB_ENV_VAR)
    return parse(value) if value else Database(path=default_db_path())


def connect(db: Database, *, autocommit: bool = False, timeout: int = 10):
    """A psycopg connection to the PostgreSQL database *db*, its search_path set to
    *db*'s schema; :class:`DatabaseURLError` (one line) when the server cannot be reached."""
    import psycopg

    try:
        return psycopg.connect(db.conninfo(), autocommit=autocommit, connect_timeout=timeout,
                               options=f"-c search_path={db.schema}")
    except psycopg.OperationalError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise DatabaseURLError(f"cannot reach {db.display()}: {reason}") from None


def check_reachable(db: Database) -> None:
    """Raise :class:`DatabaseURLError` unless *db* is a file path or a server that answers."""
    if db.is_postgresql:
        connect(db, autocommit=True).close()
