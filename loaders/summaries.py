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


def summary_sql(name: str) -> str:
    return (SCHEMA_DIR / "summaries" / f"{name}.sql").read_text(encoding="utf-8")


def refresh(conn, table: str) -> None:
    """Recompute one summary table from what the database holds now."""
    name, order = SUMMARIES[table]
    sql = summary_sql(name)
    # Named columns: a table may have gained columns at its end (migration 0018), in another order.
    columns = ", ".join(d[0] for d in conn.execute(f"SELECT * FROM ({sql}) LIMIT 0").description)
    conn.execute(f"DELETE FROM {table}")
    conn.execute(f"INSERT INTO {table} ({columns}) SELECT * FROM ({sql}) {order}")


def load(ctx: LoadContext, writer: Writer) -> None:
    writer.flush()
    with ctx.progress.stage("summaries", total=len(SUMMARIES)) as task:
        for table in SUMMARIES:
            refresh(ctx.conn, table)
            task.advance()
