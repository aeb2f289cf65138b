"""Run Alembic migrations through its Python API (not a subprocess)."""

from __future__ import annotations

from pathlib import Path

from icadb.paths import ALEMBIC_INI, MIGRATIONS_DIR


def alembic_config(db_path: Path | str | None = None, *, quiet: bool = True, migrations: Path = MIGRATIONS_DIR):
    from alembic.config import Config

    cfg = Config(str(ALEMBIC_INI))
    cfg.set_main_option("script_location", str(migrations))
    if db_path is not None:
        cfg.set_main_option("sqlalchemy.url", f"sqlite:///{Path(db_path)}")
    cfg.attributes["configure_logger"] = not quiet
    return cfg


def sqlite_engine(db_path: Path | str):
    """An engine on the SQLite file *db_path* whose transactions are SQLite's own
    (BEGIN ... COMMIT): Python's sqlite3 commits each DDL statement on its own
    otherwise, a write to disk per CREATE (1.5 s for the baseline revision)."""
    from sqlalchemy import create_engine, event, pool

    engine = create_engine(f"sqlite:///{Path(db_path)}", poolclass=pool.NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN")

    return engine


def upgrade(db_path: Path | str, revision: str = "head", *, migrations: Path = MIGRATIONS_DIR) -> None:
    """Migrate the database file at *db_path* (created if missing) to *revision*
    with the revisions in *migrations* (the project's own by default)."""
    from alembic import command

    engine = sqlite_engine(db_path)
    try:
        with engine.connect() as connection:
            cfg = alembic_config(migrations=migrations)
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, revision)
    finally:
        engine.dispose()


def downgrade(db_path: Path | str, revision: str) -> None:
    from alembic import command

    command.downgrade(alembic_config(db_path), revision)


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "migrations/versions holds no revision"
    return head
