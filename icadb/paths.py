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
DEFAULT_DB_NAME = "icadb.sqlite"


def default_db_path() -> Path:
    """The database file: ``$ICADB_DB`` if set, else ``icadb.sqlite`` in the project root."""
    value = os.environ.get(DB_ENV_VAR)
    if value:
        return Path(value).expanduser().resolve()
    return PROJECT_ROOT / DEFAULT_DB_NAME
