"""Alembic environment for icadb.

- The database is ``$ICADB_DB`` (default ``icadb.sqlite`` in the project
  root), unless the caller set ``sqlalchemy.url`` or passed a connection in
  ``config.attributes["connection"]`` (``icadb build`` and the tests do).
- ``render_as_batch=True``: SQLite can only change most constraints by
  rebuilding a table, which batch mode does (for revisions after the baseline).
- Foreign keys are off while migrating (a batch rebuild copies tables) and on
  for every connection that loads or reads data (see ``icadb.db``); the legacy
  ALTER TABLE rename is on, so a rebuild leaves the views on a table intact.
- The search indexes (FTS5 tables and their shadow tables on SQLite, search
  tables on PostgreSQL) and what the build makes from ``schema/views/``
  (views, and the tables it materialises) are not in the models, so
  autogenerate must not see them as tables to drop.
- ``$ICADB_DB`` may be a PostgreSQL URL (``icadb.dburl``): the migrations then
  run in the schema it names (``public`` by default). The SQLite PRAGMAs below
  are SQLite's only; where the engines differ otherwise, the revision says so
  itself.
"""

from __future__ import annotations

from logging.config import fileConfig
from pathlib import Path

from alembic import context
from sqlalchemy import create_engine, pool
from sqlalchemy.engine import Engine

from icadb import dburl
from icadb.schema.models import Base

config = context.config
if config.config_file_name is not None and config.attributes.get("configure_logger", True):
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


VIEWS = {path.stem for path in (Path(__file__).resolve().parent.parent / "schema" / "views").glob("*.sql")}
BUILT = VIEWS | {f"materialized_{name}" for name in VIEWS}  # icadb.views: what the build makes


def include_object(obj, name, type_, reflected, compare_to):
    """Leave SQLite's own tables, the search indexes and what the build makes from schema/views/ out of autogenerate."""
    if type_ == "table" and name and (name.startswith("sqlite_") or "_fts" in name or name in BUILT):
        return False
    if type_ == "index" and reflected and getattr(obj, "table", None) is not None and obj.table.name in BUILT:
        return False
    return True


def database() -> dburl.Database:
    url = config.get_main_option("sqlalchemy.url")
    return dburl.parse(url) if url else dburl.default()


def database_url() -> str:
    return database().sqlalchemy_url()


def run_migrations_offline() -> None:
    context.configure(
        url=database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        include_object=include_object,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def _run(connection) -> None:
    if connection.dialect.name == "sqlite" and not connection.in_transaction():
        # A PRAGMA must run outside a transaction, and anything run before
        # begin_transaction() must be committed here, or Alembic never commits.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        # Batch mode rebuilds a table as copy, drop, rename; with the legacy
        # rename SQLite leaves views that select from it alone instead of
        # failing on them ("error in view ...: no such table").
        connection.exec_driver_sql("PRAGMA legacy_alter_table=ON")
        connection.commit()
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if isinstance(connection, Engine):  # pytest-alembic passes an engine
        with connection.connect() as conn:
            _run(conn)
        return
    if connection is not None:
        _run(connection)
        return
    db = database()
    connect_args = {"options": f"-c search_path={db.schema}"} if db.is_postgresql else {}
    engine = create_engine(db.sqlalchemy_url(), poolclass=pool.NullPool, connect_args=connect_args)
    with engine.connect() as connection:
        _run(connection)
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
