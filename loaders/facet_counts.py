"""summary_facets: the counts of every configured facet over all rows, for Datasette's unfiltered pages.

Run by the build after its checks, like ANALYZE: it adds no data, only
answers Datasette would otherwise compute on every unfiltered page (a GROUP
BY over every row per facet; at 10,000x the seeds the timeline's countries
facet could not finish within Datasette's 500 ms limit). The SQL is
Datasette 0.65's own facet SQL without its LIMIT, so the counts are the ones
it would show (the array facet's in an equivalent, faster form); icadb's Datasette plugin (icadb/datasette_plugin.py) reads
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

# Datasette's array facet SQL counts distinct (item, whole row) pairs: a row
# once per distinct item of its list. Run as written over every row it is
# quadratic-like (it did not finish in 20 minutes on the 590,000 timeline rows
# at 10,000x), so the same count is made here by removing repeated items within
# each row's list first. The two agree whenever the rows differ from each other,
# as those of every faceted table and view do (each has a key; see the
# codebook); tests/test_facets.py compares them with Datasette's live counts.
ARRAY_SQL = """
select j.value as value, count(*) as count
from {table} as t
join json_each((select json_group_array(distinct item.value) from json_each(t.{col}) as item)) as j
group by j.value
"""


def facet_sql(table: str, facet_type: str, column: str) -> str:
    template = COLUMN_SQL if facet_type == "column" else ARRAY_SQL
    return template.format(table=_quote(table), col=_quote(column))


def compute(conn: sqlite3.Connection) -> int:
    """Fill summary_facets from the database as it is; return the number of rows.

    A view with several facets is computed once, into a temporary table,
    rather than once per facet (co_mentions takes 8 s at 10,000x)."""
    if getattr(conn, "dialect", "sqlite") != "sqlite":
        from icadb.loaders import pgwriter

        return pgwriter.facet_counts(conn, configured_facets(), _quote)
    conn.execute("DELETE FROM summary_facets")
    before = conn.total_changes
    views = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    by_table: dict[str, list[tuple[str, str]]] = {}
    for table, facet_type, column in configured_facets():
        by_table.setdefault(table, []).append((facet_type, column))
    for table, facets in by_table.items():
        source = table
        if table in views and len(facets) > 1:
            source = "icadb_facet_source"
            conn.execute(f"CREATE TEMP TABLE {source} AS SELECT * FROM {_quote(table)}")
        for facet_type, column in facets:
            conn.execute(
                "INSERT INTO summary_facets (table_name, facet_type, facet, value, count) "
                f"SELECT ?, ?, ?, value, count FROM ({facet_sql(source, facet_type, column)})",
                (table, facet_type, column))
        if source != table:
            conn.execute(f"DROP TABLE temp.{source}")
    return conn.total_changes - before
