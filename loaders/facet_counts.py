"""summary_facets: the counts of every configured facet over all rows, for Datasette's unfiltered pages.

Run by the build after its checks, like ANALYZE: it adds no data, only
answers Datasette would otherwise compute on every unfiltered page (a GROUP
BY over every row per facet; at 10,000x the seeds the timeline's countries
facet could not finish within Datasette's 500 ms limit). The SQL is
Datasette 0.65's own facet SQL without its LIMIT, so the counts are the ones
it would show; icadb's Datasette plugin (icadb/datasette_plugin.py) reads
them only for pages without filters.
"""

from __future__ import annotations

import sqlite3

from icadb.codebook import configured_facets


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


COLUMN_SQL = """
select {col} as value, count(*) as count from (
    select * from {table}
)
where {col} is not null
group by {col}
"""

ARRAY_SQL = """
with inner as (select * from {table}),
deduped_array_items as (
    select
        distinct j.value,
        inner.*
    from
        json_each([inner].{col}) j
        join inner
)
select value as value, count(*) as count
from deduped_array_items
group by value
"""


def facet_sql(table: str, facet_type: str, column: str) -> str:
    template = COLUMN_SQL if facet_type == "column" else ARRAY_SQL
    return template.format(table=_quote(table), col=_quote(column))


def compute(conn: sqlite3.Connection) -> int:
    """Fill summary_facets from the database as it is; return the number of rows."""
    conn.execute("DELETE FROM summary_facets")
    before = conn.total_changes
    for table, facet_type, column in configured_facets():
        conn.execute(
            f"INSERT INTO summary_facets (table_name, facet_type, facet, value, count) "
            f"SELECT ?, ?, ?, value, count FROM ({facet_sql(table, facet_type, column)})",
            (table, facet_type, column))
    return conn.total_changes - before
