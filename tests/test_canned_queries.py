"""The canned queries: their forms (lists of values, a hint while empty) and drafts left out unless asked."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from icadb.codebook import canned_queries, load, query_sql
from icadb.schema.vocab import STATUS
from tests.helpers import DRAFT_RECORD
from tests.pagehtml import parse

QUERIES = load()["queries"]


def sql_parameters(sql: str) -> list[str]:
    """The :named parameters of *sql*, in order of first use (comments left out)."""
    code = "\n".join(line.split("--")[0] for line in sql.splitlines())
    return list(dict.fromkeys(re.findall(r"(?<!:):([a-z_][a-z0-9_]*)", code)))


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_the_codebook_describes_every_parameter_of_the_sql(name):
    assert set(QUERIES[name].get("params", {})) == set(sql_parameters(query_sql(name)))
    assert canned_queries()[name]["params"] == list(QUERIES[name].get("params", {})), "Datasette gets them in order"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_query_leaves_drafts_out_unless_asked(name):
    sql = query_sql(name)
    assert ":include_drafts = '1' or" in sql and "review_status <> 'machine_suggested'" in sql, \
        f"{name}: filter drafts by the rule of icadb/reviewed.py unless include_drafts = 1"


def form(html):
    page = parse(html)
    return page, {s.attrs["name"]: s for s in page.find_all("select")}


def test_parameters_are_offered_as_lists_of_valid_values(datasette):
    page, selects = form(datasette("/icadb/country_between_dates").text)
    countries = {o.attrs["value"]: o.text for o in selects["iso3"].find_all("option")}
    assert countries["KAZ"] == "Kazakhstan" and countries[""].startswith("Choose")
    statuses = [o.attrs["value"] for o in selects["status"].find_all("option")]
    assert statuses == ["", *STATUS]
    assert {"kind", "include_drafts"} <= set(selects)
    assert page.find_all("input", name="start"), "dates stay text boxes"


def test_series_are_offered_by_name(datasette, db):
    _, selects = form(datasette("/icadb/history_of_series").text)
    names = {o.text for o in selects["series"].find_all("option")}
    assert {r[0] for r in db.execute("SELECT name FROM series")} <= names


def test_an_empty_form_shows_a_hint_not_zero_results(datasette):
    page = parse(datasette("/icadb/country_between_dates").text)
    assert "Choose a country" in page.find_all("p", "icadb-hint")[0].text
    assert page.find_all("p", "zero-results") == [] and page.find_all("table", "rows-and-columns") == []


def test_a_filled_form_shows_its_rows_and_keeps_its_values(datasette):
    page, selects = form(datasette("/icadb/country_between_dates?iso3=KAZ&start=2021-01-01").text)
    assert page.find_all("p", "icadb-hint") == []
    assert len(page.find_all("table", "rows-and-columns")[0].find_all("tr")) > 3
    chosen = [o.attrs["value"] for o in selects["iso3"].find_all("option") if "selected" in o.attrs]
    assert chosen == ["KAZ"] and page.find_all("input", name="start")[0].attrs["value"] == "2021-01-01"


def test_a_value_given_in_the_address_stays_chosen(datasette):
    _, selects = form(datasette("/icadb/india_offers_to_country?iso3=uzb").text)
    assert [o.attrs["value"] for o in selects["iso3"].find_all("option") if "selected" in o.attrs] == ["uzb"]


def test_a_query_that_needs_nothing_runs_on_an_empty_form(datasette):
    page = parse(datasette("/icadb/history_of_series").text)
    assert page.find_all("p", "icadb-hint") == [] and page.find_all("table", "rows-and-columns")


def test_custom_sql_keeps_datasettes_own_page(datasette):
    response = datasette("/icadb?sql=select+1+as+one")
    assert response.status_code == 200 and 'id="sql-editor"' in response.text


def test_every_query_with_parameters_has_a_hint_for_its_needed_ones():
    for name, query in QUERIES.items():
        if any(p.get("required") for p in query.get("params", {}).values()):
            assert query.get("hint"), f"{name}: say in the codebook what to fill in"


DRAFT_CASES = [  # (query, parameters) whose answer holds the draft once drafts are asked for
    ("record_sources", {"record_id": DRAFT_RECORD}),
    ("country_between_dates", {"iso3": "KAZ"}),
    ("india_offers_to_country", {"iso3": "KAZ"}),
    ("search_sources", {"q": "strategic cyber experience"}),
    ("calendar", {}),
]


def mentions_draft(rows) -> bool:
    for row in rows:
        if DRAFT_RECORD in (row.get("record_id"), row.get("event_uid")):
            return True
        if row.get("cited_by") and DRAFT_RECORD in json.loads(row["cited_by"]):
            return True
    return False


@pytest.mark.parametrize("name, params", DRAFT_CASES)
def test_drafts_only_with_include_drafts(draft_datasette, name, params):
    def run(**extra):
        query = urllib.parse.urlencode({**params, **extra, "_shape": "array"})
        response = draft_datasette(f"/icadb/{name}.json?{query}")
        assert response.status_code == 200, response.text
        return response.json()

    assert not mentions_draft(run()), f"{name} shows a draft without include_drafts"
    assert mentions_draft(run(include_drafts="1")), f"{name} leaves the draft out even with include_drafts=1"


def test_a_suggested_quote_counts_only_with_include_drafts(draft_datasette):
    from tests.helpers import SUGGESTED_FOR

    def sources(**extra):
        query = urllib.parse.urlencode({"record_id": SUGGESTED_FOR, **extra, "_shape": "array"})
        return draft_datasette(f"/icadb/record_sources.json?{query}").json()

    assert len(sources(include_drafts="1")) == len(sources()) + 1
