"""Facets that read as a person expects: years in order with an "undated"
count, and countries by name; the filters they link to select what they count."""

from __future__ import annotations

import urllib.parse

import pytest


def facet(datasette, path: str, column: str) -> dict:
    return datasette(path).json()["facet_results"][column]


def query(url: str) -> str:
    """The path and query of a facet's link (a .json page's links are .json pages), to ask the same Datasette."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.path}?{parts.query}"


@pytest.mark.parametrize("table", ["records", "timeline", "india_dyads"])
def test_the_year_facet_lists_years_in_order_then_undated(datasette, db, table):
    results = facet(datasette, f"/icadb/{table}.json?_size=0", "year")["results"]
    years = [r["value"] for r in results if r["value"] is not None]
    assert years == sorted(years, reverse=True), "newest year first, as the rows are"
    undated = db.execute(f"select count(*) from {table} where year is null").fetchone()[0]
    assert undated > 0, "the seeds have records dated less precisely than a year"
    assert results[-1]["label"] == "undated" and results[-1]["count"] == undated
    total = db.execute(f"select count(*) from {table}").fetchone()[0]
    assert sum(r["count"] for r in results) == total, "every row is counted: a year or undated"


def test_the_undated_bucket_filters_to_the_rows_without_a_year(datasette, db):
    undated = facet(datasette, "/icadb/records.json?_size=0", "year")["results"][-1]
    assert "year__isnull=1" in undated["toggle_url"]
    page = datasette(query(undated["toggle_url"]).replace("_size=0", "_size=max") + "&_shape=objects")
    rows = page.json()["rows"]
    assert len(rows) == undated["count"] and all(r["year"] is None for r in rows)
    chosen = facet(datasette, query(undated["toggle_url"]), "year")["results"]
    assert [(r["label"], r["selected"]) for r in chosen] == [("undated", True)]


def test_a_year_bucket_filters_to_that_year(datasette, db):
    first = facet(datasette, "/icadb/timeline.json?_size=0", "year")["results"][0]
    path = query(first["toggle_url"])
    assert datasette(path).json()["filtered_table_rows_count"] == first["count"]
    assert db.execute("select count(*) from timeline where year = ?", (first["value"],)).fetchone()[0] == first["count"]


@pytest.mark.parametrize("table, column", [("timeline", "countries"), ("series_history", "countries"),
                                           ("proposal_tracker", "proposers"), ("proposal_tracker", "targets"),
                                           ("people_appearances", "country_iso3")])
def test_country_facets_show_names_and_filter_by_code(datasette, db, table, column):
    results = facet(datasette, f"/icadb/{table}.json?_size=0", column)["results"]
    names = dict(db.execute("select iso3, name from countries").fetchall())
    assert results and all(r["label"] == names[r["value"]] for r in results), [(r["value"], r["label"]) for r in results]
    assert all(len(r["value"]) == 3 and r["value"].isupper() for r in results), "the values stay ISO3 codes"


def test_the_timeline_country_facet_reads_kazakhstan(datasette):
    results = facet(datasette, "/icadb/timeline.json?_size=0", "countries")["results"]
    kazakhstan = next(r for r in results if r["value"] == "KAZ")
    assert kazakhstan["label"] == "Kazakhstan"
    filtered = datasette(query(kazakhstan["toggle_url"])).json()
    assert filtered["filtered_table_rows_count"] == kazakhstan["count"]


@pytest.mark.parametrize("asked, kept", [("_facet=year", ""), ("_facet_year=year&kind=meeting", "kind=meeting"),
                                         ("_facet=status&_facet=place_id", "_facet=place_id")])
def test_a_facet_the_page_already_draws_is_asked_once(datasette, asked, kept):
    """records?_facet=year would draw the year facet twice (Datasette's plain one as well as the codebook's,
    in year order with "undated"): the address is sent on without what the page already draws."""
    response = datasette(f"/icadb/records?{asked}")
    assert response.status_code == 302
    assert response.headers["location"] == "/icadb/records" + (f"?{kept}" if kept else "")
    results = datasette(f"/icadb/records.json?_size=0&{kept}").json()["facet_results"]
    assert [name for name in results if name.startswith("year")] == ["year"]
