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

from icadb.codebook import configured_facets
from icadb.db import dialect, quote

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


def compute(conn) -> int:
    """Fill summary_facets from the database as it is; return the number of rows.

    A view with several facets is computed once, into a temporary table,
    rather than once per facet (co_mentions takes 8 s at 10,000x). On
    PostgreSQL the SQL is loaders/pgwriter.py's (values as jsonb scalars)."""
    if dialect(conn) == "sqlite":
        templates = {"column": COLUMN_SQL, "array": ARRAY_SQL}
        views_sql = "SELECT name FROM sqlite_master WHERE type = 'view'"
        scratch = "temp.icadb_facet_source"
    else:
        from icadb.loaders import pgwriter

        templates = pgwriter.FACET_SQL
        views_sql = "SELECT viewname FROM pg_views WHERE schemaname = current_schema()"
        scratch = "pg_temp.icadb_facet_source"
    conn.execute("DELETE FROM summary_facets")
    views = {name for (name,) in conn.execute(views_sql).fetchall()}
    by_table: dict[str, list[tuple[str, str]]] = {}
    for table, facet_type, column in configured_facets():
        by_table.setdefault(table, []).append((facet_type, column))
    total = 0
    for table, facets in by_table.items():
        source = quote(table)
        if table in views and len(facets) > 1:
            source = scratch
            conn.execute(f"CREATE TEMP TABLE icadb_facet_source AS SELECT * FROM {quote(table)}")
        for facet_type, column in facets:
            template = templates["column" if facet_type == "column" else "array"]
            cursor = conn.execute(
                "INSERT INTO summary_facets (table_name, facet_type, facet, value, count) "
                f"SELECT ?, ?, ?, value, count FROM ({template.format(table=source, col=quote(column))}) AS counted",
                (table, facet_type, column))
            total += cursor.rowcount
        if source == scratch:
            conn.execute(f"DROP TABLE {scratch}")
    return total
