"""icadb's own facet types, registered with Datasette's ``register_facet_classes``.

The codebook names them per table (``facets_year``, ``facets_country``,
``facets_country_array``; see :func:`icadb.codebook.table_facets`):

- ``year``: a year column, its years in order (newest first, as the rows are),
  then an "undated" bucket counting the rows with no year: without it the
  facet silently left out every record dated less precisely than a year.
- ``country``: a column of ISO3 codes in a view (a table's foreign key to
  ``countries`` is labelled by Datasette itself), labelled with the names.
- ``country_array``: a JSON array of ISO3 codes (``timeline.countries``),
  labelled with the names.

Values, filters and the JSON stay the codes; only the labels change.
"""

from __future__ import annotations

from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet, Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

UNDATED = "undated"


async def country_names(ds, database: str, codes) -> dict[str, str]:
    """{ISO3 code: country name} for the *codes* the countries table knows."""
    codes = sorted({c for c in codes if isinstance(c, str)})
    if not codes:
        return {}
    marks = ", ".join("?" for _ in codes)
    rows = await ds.execute(database, f"select iso3, name from countries where iso3 in ({marks})", codes)
    return {iso3: name for iso3, name in rows.rows}


async def _named(facet, results, timed_out):
    """*results* with each country code's label replaced by its name."""
    codes = [value["value"] for result in results for value in result["results"]]
    names = await country_names(facet.ds, facet.database, codes)
    for result in results:
        for value in result["results"]:
            value["label"] = names.get(value["value"], value["label"])
    return results, timed_out


def _result(facet: Facet, config: dict, column: str, values: list[dict], truncated: bool) -> dict:
    """One facet of *column* as Datasette draws it, its buckets *values*."""
    toggle = path_with_removed_args(facet.request, {f"_facet_{facet.type}": column})
    return {"name": column, "type": facet.type, "hideable": config["source"] != "metadata",
            "toggle_url": facet.ds.urls.path(toggle), "results": values, "truncated": truncated}


def _bucket(facet: Facet, pairs, key: str, arg: str, value, label: str, count: int) -> dict:
    """One bucket: its filter (*key*=*arg*) is on when the page has it, and its link turns it on or off."""
    selected = (key, arg) in pairs
    if selected:
        path = path_with_removed_args(facet.request, {key: arg})
    else:
        path = path_with_added_args(facet.request, {key: arg})
    return {"value": value, "label": label, "count": count, "selected": selected,
            "toggle_url": facet.ds.absolute_url(facet.request, facet.ds.urls.path(path))}


class CountryFacet(ColumnFacet):
    """A column of ISO3 codes, labelled with the countries' names."""

    type = "country"

    async def suggest(self):
        return []

    async def facet_results(self):
        return await _named(self, *await super().facet_results())


class CountryArrayFacet(Facet):
    """A JSON array of ISO3 codes, each labelled with its country's name.

    Counted with one pass of ``json_each`` over the page's rows: the arrays hold
    each country once (the views select them distinct), so Datasette's own
    array facet, which first makes every row distinct by each of its items and
    all its columns, is not needed (on the timeline at 1,000x the seeds it took
    0.50 s of a 0.56 s page; this takes 0.08 s). Filters are its own:
    ``countries__arraycontains=KAZ``."""

    type = "country_array"

    async def suggest(self):
        return []

    async def facet_results(self):
        results, timed_out = [], []
        pairs = self.get_querystring_pairs()
        size = self.get_facet_size()
        for config in self.get_configs():
            column = config["config"].get("column") or config["config"]["simple"]
            try:
                rows = await self.ds.execute(
                    self.database, f"select j.value as value, count(*) as count from ({self.sql}) as page "
                                   f"join json_each(page.{escape_sqlite(column)}) as j group by j.value "
                                   f"order by count desc, value limit {size + 1}",
                    self.params, truncate=False, custom_time_limit=self.ds.setting("facet_time_limit_ms"))
            except QueryInterrupted:
                timed_out.append(column)
                continue
            values = [_bucket(self, pairs, f"{column}__arraycontains", str(row["value"]), str(row["value"]),
                              str(row["value"]), row["count"]) for row in rows.rows[:size]]
            results.append(_result(self, config, column, values, truncated=len(rows.rows) > size))
        return await _named(self, results, timed_out)


class YearFacet(Facet):
    """A year column: every year in order, newest first, then the rows with no year ("undated")."""

    type = "year"

    async def facet_results(self):
        results, timed_out = [], []
        pairs = self.get_querystring_pairs()
        size = self.get_facet_size()
        limit = self.ds.setting("facet_time_limit_ms")
        for config in self.get_configs():
            column = config["config"].get("column") or config["config"]["simple"]
            col = escape_sqlite(column)
            try:
                years = await self.ds.execute(
                    self.database, f"select {col} as value, count(*) as count from ({self.sql}) where {col} is not null "
                                   f"group by {col} order by {col} desc limit {size + 1}",
                    self.params, truncate=False, custom_time_limit=limit)
                undated = await self.ds.execute(
                    self.database, f"select count(*) from ({self.sql}) where {col} is null", self.params,
                    truncate=False, custom_time_limit=limit)
            except QueryInterrupted:
                timed_out.append(column)
                continue
            values = []
            for row in years.rows[:size]:
                values.append(_bucket(self, pairs, column, str(row["value"]), row["value"], str(row["value"]),
                                      row["count"]))
            count = undated.rows[0][0]
            if count:
                values.append(_bucket(self, pairs, f"{column}__isnull", "1", None, UNDATED, count))
            results.append(_result(self, config, column, values, truncated=len(years.rows) > size))
        return results, timed_out


FACET_CLASSES = [YearFacet, CountryFacet, CountryArrayFacet]
