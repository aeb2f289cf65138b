"""Where things live: the project tree and the default database path."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
MIGRATIONS_DIR = PROJECT_ROOT / "migrations"
ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"
SCHEMA_DIR = PROJECT_ROOT / "schema"

DB_ENV_VAR = "ICADB_DB"
CACHE_ENV = "ICADB_CACHE_DIR"
DEFAULT_DB_NAME = "icadb.sqlite"


def default_db_path() -> Path:
    """The database file: ``$ICADB_DB`` if set, else ``icadb.sqlite`` in the project root."""
    value = os.environ.get(DB_ENV_VAR)
    if value:
        return Path(value).expanduser().resolve()
    return PROJECT_ROOT / DEFAULT_DB_NAME


def cache_dir() -> Path:
    """Where icadb keeps what it can make again (the schema template, the parsed
    codebook): ``$ICADB_CACHE_DIR``, else ``$XDG_CACHE_HOME/icadb``, else
    ``~/.cache/icadb``."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base).expanduser() if base and os.path.isabs(base) else Path.home() / ".cache") / "icadb"
