"""Summaries: the rows of timeline, country_activity and india_dyads, and each quote's countries, computed once per build.

These views would otherwise aggregate every link row on every request (and
Datasette counts and facets a whole view for every page). The SQL that
computes them is in ``schema/summaries/``; the views read the summary tables
(migrations 0012 and 0014). summary_evidence_countries lets a query find
one country's evidence quotes through its key (migration 0015).
"""

from __future__ import annotations

from icadb.loaders.context import LoadContext
from icadb.loaders.writer import Writer
from icadb.paths import SCHEMA_DIR

SUMMARIES = {  # table: (schema/summaries/<name>.sql, the order its rows go in)
    "summary_timeline": ("timeline", "ORDER BY 2"),
    "summary_evidence_countries": ("evidence_countries", "ORDER BY 1, 2"),
    "summary_country_activity": ("country_activity", "ORDER BY 1"),
    "summary_india_dyads": ("india_dyads", "ORDER BY 2, 5, 6, 7, 8"),
}


def summary_sql(name: str, dialect: str = "sqlite") -> str:
    """schema/summaries/<name>.sql (its pg/ variant on PostgreSQL, where there is one)."""
    from icadb.pgsql import sql_file

    return sql_file(SCHEMA_DIR / "summaries", name, dialect)


def refresh(conn, table: str, dialect: str = "sqlite") -> None:
    """Recompute one summary table from what the database holds now."""
    name, order = SUMMARIES[table]
    sql = summary_sql(name, dialect)
    # Named columns: a table may have gained columns at its end (migration 0018), in another order.
    columns = ", ".join(d[0] for d in conn.execute(f"SELECT * FROM ({sql}) AS q LIMIT 0").description)
    conn.execute(f"DELETE FROM {table}")
    insert = f"INSERT INTO {table} ({columns}) SELECT * FROM ({sql}) AS q {order}"
    if dialect != "sqlite":  # the ORDER BY as SQLite means it (NULLs first)
        from icadb.pgsql import to_postgresql

        insert = f"INSERT INTO {table} ({columns}) SELECT * FROM ({sql}) AS q {to_postgresql(order)}"
    conn.execute(insert)


def load(ctx: LoadContext, writer: Writer) -> None:
    writer.flush()
    with ctx.progress.stage("summaries", total=len(SUMMARIES)) as task:
        for table in SUMMARIES:
            refresh(ctx.conn, table, ctx.dialect)
            task.advance()
