"""The build on PostgreSQL: a new schema, loaded with COPY, verified, swapped in whole.

The same steps as :func:`icadb.build.build` on a file, in PostgreSQL's terms:

1. A schema of the build's own (``icadb_build_<backend pid>``) gets the
   tables of the same Alembic revisions (run in it: they put their tables
   and ``alembic_version`` in the first schema of the search path).
2. The loaders fill it through COPY (``icadb.loaders.pgwriter``), in one
   transaction; every foreign key is then made again, checking every row.
   Bad seeds are reported as on SQLite and the build schema is dropped.
3. The views from ``schema/views/`` (translated by sqlglot), ANALYZE, commit.
4. One transaction swaps it in: the schema the URL names (``public`` by
   default) is renamed aside, the build's schema takes its name, the old one
   is dropped. Readers see the old schema or the new one, never a mix; the
   swap waits for readers that are using the old tables to finish.

A build that fails at any step leaves the old schema exactly as it was. The
grants on the old schema and on each of its tables and views are given to
the new ones, so a read-only role keeps reading. The swap refuses a target
schema that holds tables of something other than icadb (one without an
``alembic_version``), an extension, or objects other schemas depend on: it
replaces the whole schema, so it must be icadb's alone.
"""

from __future__ import annotations

import time
from pathlib import Path

from icadb.db import quote
from icadb.dburl import Database, DatabaseURLError
from icadb.loaders.errors import Problems, SeedError
from icadb.paths import MIGRATIONS_DIR, SEEDS_DIR
from icadb.progress import Progress

BUILD_PREFIX = "icadb_build_"
OLD_PREFIX = "icadb_old_"


class SwapRefused(RuntimeError):
    """The target schema cannot be replaced (its message says why and what to do)."""


def _engine(db: Database, search_path: str):
    from sqlalchemy import create_engine, pool

    return create_engine(db.url, poolclass=pool.NullPool, connect_args={
        "options": f"-c search_path={search_path}", "connect_timeout": 10})


def drop_stale_schemas(raw) -> list[str]:
    """Drop build schemas left by builds whose server process is gone (a build killed midway)."""
    rows = raw.execute(
        "SELECT nspname FROM pg_namespace WHERE nspname ~ '^icadb_(build|old)_[0-9]+$' "
        "AND split_part(nspname, '_', 3)::int NOT IN (SELECT pid FROM pg_stat_activity)").fetchall()
    for (name,) in rows:
        raw.execute(f'DROP SCHEMA "{name}" CASCADE')
    return [name for (name,) in rows]


def migrate(sa_conn, schema: str, revision: str = "head", migrations: Path = MIGRATIONS_DIR) -> None:
    """Run the Alembic revisions in *schema* over the SQLAlchemy connection *sa_conn*."""
    from alembic import command

    from icadb import migrate as icadb_migrate

    sa_conn.exec_driver_sql(f'SET search_path TO "{schema}"')
    sa_conn.commit()
    cfg = icadb_migrate.alembic_config(migrations=migrations)
    cfg.attributes["connection"] = sa_conn
    command.upgrade(cfg, revision)
    sa_conn.commit()


def _check_target(raw, target: str) -> None:
    """Refuse to replace a schema that is not icadb's alone (see the module docstring)."""
    tables = [r[0] for r in raw.execute(
        "SELECT relname FROM pg_class WHERE relnamespace = %s::regnamespace AND relkind IN ('r', 'v', 'm', 'p', 'f') "
        "ORDER BY relname", (target,))]
    if tables and "alembic_version" not in tables:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise SwapRefused(f"schema {target} holds tables icadb did not make ({shown}); icadb replaces the whole "
                          "schema it builds into: give it a database of its own, or name another schema "
                          "(postgresql://.../db?schema=icadb)")
    extensions = [r[0] for r in raw.execute(
        "SELECT extname FROM pg_extension WHERE extnamespace = %s::regnamespace ORDER BY 1", (target,))]
    if extensions:
        raise SwapRefused(f"schema {target} holds the extension(s) {', '.join(extensions)}, which replacing it would "
                          "drop; move them (ALTER EXTENSION ... SET SCHEMA) or name another schema (?schema=icadb)")
    dependents = [r[0] for r in raw.execute(
        """
        SELECT DISTINCT dep_ns.nspname || '.' || dep.relname
        FROM pg_depend AS d
        JOIN pg_rewrite AS rw ON rw.oid = d.objid AND d.classid = 'pg_rewrite'::regclass
        JOIN pg_class AS dep ON dep.oid = rw.ev_class
        JOIN pg_namespace AS dep_ns ON dep_ns.oid = dep.relnamespace
        JOIN pg_class AS ref ON ref.oid = d.refobjid AND d.refclassid = 'pg_class'::regclass
        WHERE ref.relnamespace = %s::regnamespace AND dep.relnamespace <> %s::regnamespace
        ORDER BY 1
        """, (target, target))]
    if dependents:
        raise SwapRefused(f"{', '.join(dependents)} select(s) from icadb's tables in schema {target}, and would be "
                          "dropped with them; drop them first (and make them again after the build)")


def _copy_grants(raw, old: str, new: str) -> None:
    """Give the new schema, and each of its tables and views, the grants of the old one of the same name."""
    grantee = "CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END"
    for privilege, who, grantable in raw.execute(
            f"SELECT a.privilege_type, {grantee}, a.is_grantable FROM pg_namespace AS n "
            "CROSS JOIN LATERAL aclexplode(n.nspacl) AS a LEFT JOIN pg_roles AS r ON r.oid = a.grantee "
            "WHERE n.nspname = %s AND a.grantee <> n.nspowner", (old,)).fetchall():
        raw.execute(f"GRANT {privilege} ON SCHEMA {quote(new)} TO {who}" + (" WITH GRANT OPTION" if grantable else ""))
    for relation, privilege, who, grantable in raw.execute(
            f"SELECT c.relname, a.privilege_type, {grantee}, a.is_grantable FROM pg_class AS c "
            "CROSS JOIN LATERAL aclexplode(c.relacl) AS a LEFT JOIN pg_roles AS r ON r.oid = a.grantee "
            "WHERE c.relnamespace = %s::regnamespace AND a.grantee <> c.relowner AND c.relkind IN ('r', 'v') "
            "AND EXISTS (SELECT 1 FROM pg_class AS n WHERE n.relname = c.relname "
            "AND n.relnamespace = %s::regnamespace)", (old, new)).fetchall():
        raw.execute(f"GRANT {privilege} ON {quote(new)}.{quote(relation)} TO {who}"
                    + (" WITH GRANT OPTION" if grantable else ""))
    owner = raw.execute("SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = %s", (old,)).fetchone()[0]
    try:  # the public schema belongs to pg_database_owner: keep it so, where we may
        with raw.transaction():
            raw.execute(f"ALTER SCHEMA {quote(new)} OWNER TO {owner}")
    except Exception:  # noqa: BLE001 - not allowed to: the new schema stays the builder's
        pass


def swap(raw, build_schema: str, target: str) -> None:
    """In one transaction: *build_schema* becomes *target*; the old *target* is dropped."""
    with raw.transaction():
        raw.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"icadb swap {target}",))
        exists = raw.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (target,)).fetchone() is not None
        if exists:
            _check_target(raw, target)
            _copy_grants(raw, target, build_schema)
            old = f"{OLD_PREFIX}{raw.info.backend_pid}"
            raw.execute(f"ALTER SCHEMA {quote(target)} RENAME TO {quote(old)}")
        raw.execute(f"ALTER SCHEMA {quote(build_schema)} RENAME TO {quote(target)}")
        if exists:
            raw.execute(f"DROP SCHEMA {quote(old)} CASCADE")


def collation_note(raw) -> str | None:
    collation = raw.execute("SELECT datcollate FROM pg_database WHERE datname = current_database()").fetchone()[0]
    if collation in ("C", "POSIX", "C.UTF-8", "C.utf8", "ucs_basic"):
        return None
    return (f"note: the database sorts text by {collation!r}, not byte by byte as SQLite does: where a view breaks "
            "a tie by an id, it may choose another row than the SQLite file (create the database with "
            "LOCALE 'C' TEMPLATE template0 for the same rows)")


def build(db: Database, *, seeds: Path = SEEDS_DIR, progress: Progress | None = None, revision: str = "head",
          migrations: Path = MIGRATIONS_DIR):
    """Build the PostgreSQL database *db* from *seeds* (see the module docstring).

    Raises :class:`SeedError` for bad seeds, :class:`SwapRefused` when the
    target schema is not icadb's to replace, :class:`DatabaseURLError` when
    the server cannot be reached; the target schema is then as it was."""
    import psycopg

    from icadb import views
    from icadb.build import BuildResult, PhaseClock
    from icadb.loaders import load_seeds

    started = time.perf_counter()
    progress = progress or Progress(enabled=False)
    problems = Problems()
    phase = PhaseClock()
    phases = phase.phases

    engine = _engine(db, "pg_catalog")
    try:
        sa_conn = engine.connect()
    except Exception as exc:  # noqa: BLE001 - any failure to connect is one line for the user
        reason = " ".join(str(getattr(exc, "orig", exc)).split())
        raise DatabaseURLError(f"cannot reach {db.display()}: {reason}") from None
    raw = sa_conn.connection.driver_connection
    build_schema = f"{BUILD_PREFIX}{raw.info.backend_pid}"
    notes = []
    try:
        note = collation_note(raw)
        if note:
            notes.append(note)
        drop_stale_schemas(raw)
        raw.execute(f'CREATE SCHEMA "{build_schema}"')
        sa_conn.commit()
        with progress.stage("schema (alembic migrations)", total=1) as task:
            migrate(sa_conn, build_schema, revision, migrations)
            task.advance()
        phase("migrations (in a schema of the build's own)")
        from icadb.loaders.pgwriter import PgConnection

        conn = PgConnection(raw)
        counts = load_seeds(conn, seeds, problems, progress, phase, dialect="postgresql")
        if problems:
            raw.rollback()
            raise SeedError(problems)
        with progress.stage("views (schema/views/) and analyze", total=2) as task:
            views.create_all(conn, "postgresql")
            task.advance()
            phase("views")
            for (table,) in raw.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                                        "ORDER BY 1").fetchall():
                raw.execute(f"ANALYZE {quote(table)}")
            task.advance()
        phase("analyze")
        raw.commit()
        phase("commit the rows")
        swap(raw, build_schema, db.schema)
        phase("swap the new schema in")
    except BaseException:
        try:
            if not raw.closed:
                raw.rollback()
                raw.execute(f'DROP SCHEMA IF EXISTS "{build_schema}" CASCADE')
                raw.commit()
        except psycopg.Error:  # pragma: no cover - the connection is gone; the next build drops it
            pass
        raise
    finally:
        sa_conn.close()
        engine.dispose()
    result = BuildResult(db, counts, time.perf_counter() - started, problems.notes + notes, phases)
    return result
