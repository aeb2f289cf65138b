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

SUMMARIES = {
    "summary_timeline": ("timeline", "", "ORDER BY 2"),
    "summary_evidence_countries": ("evidence_countries", "", "ORDER BY 1, 2"),
    "summary_country_activity": ("country_activity", "", "ORDER BY 1"),
    "summary_india_dyads": ("india_dyads", " (india_iso3, partner_iso3, partner_name, partner_is_central_asia, year, "
                            "kind, records, record_ids)", "ORDER BY 2, 5, 6"),
}


def summary_sql(name: str) -> str:
    return (SCHEMA_DIR / "summaries" / f"{name}.sql").read_text(encoding="utf-8")


def load(ctx: LoadContext, writer: Writer) -> None:
    writer.flush()
    with ctx.progress.stage("summaries", total=len(SUMMARIES)) as task:
        for table, (name, columns, order) in SUMMARIES.items():
            ctx.conn.execute(f"DELETE FROM {table}")
            ctx.conn.execute(f"INSERT INTO {table}{columns} SELECT * FROM ({summary_sql(name)}) {order}")
            task.advance()
