"""Every facet the codebook configures is computed by Datasette on every page, and counts what SQL counts."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from icadb.codebook import configured_facets

TABLES = sorted({table for table, _kind, _column in configured_facets()})
# The seeds are fully curated, so their review queue is empty (tests/test_add_document.py fills it),
# and they hold no drafts (tests/test_drafting.py makes some).
EMPTY_IN_THE_SEEDS = ("review_queue", "drafts", "draft_notes")


@pytest.mark.parametrize("table", TABLES)
def test_configured_facets_are_on_the_page_and_count_every_row(datasette, db, table):
    data = datasette(f"/icadb/{table}.json?_size=0&_facet_size=max").json()
    assert data.get("facets_timed_out", []) == [], f"{table}: facets timed out: {data['facets_timed_out']}"
    shown = data["facet_results"]
    for facet_table, kind, column in configured_facets():
        if facet_table != table:
            continue
        assert column in shown, f"{table}: the {kind} facet on {column} is missing from the page"
        counted = {item["value"]: item["count"] for item in shown[column]["results"]}
        rows = [r[0] for r in db.execute(f'SELECT "{column}" FROM "{table}"')]
        if kind == "array":
            expected = Counter(item for value in rows if value for item in set(json.loads(value)))
        else:
            expected = Counter(value for value in rows if value is not None)
        assert counted == dict(expected), f"{table}.{column}"
    assert any(f["results"] for f in shown.values()) or table in EMPTY_IN_THE_SEEDS, f"{table}: every facet is empty"


def test_a_filtered_page_counts_only_its_rows(datasette, db):
    meetings = db.execute("SELECT count(*) FROM records WHERE kind = 'meeting'").fetchone()[0]
    facet = datasette("/icadb/records.json?_size=0&kind=meeting").json()["facet_results"]["kind"]
    assert {v["value"]: v["count"] for v in facet["results"]} == {"meeting": meetings}


@pytest.mark.parametrize("path, table, column", [("/icadb/timeline.json?_size=0&_facet_size=max", "timeline", "countries"),
                                                 ("/icadb/timeline.json?_size=0&_facet_size=max&kind=meeting",
                                                  "timeline where kind = 'meeting'", "countries")])
def test_the_country_array_facet_counts_each_row_once_per_country(datasette, db, path, table, column):
    facet = datasette(path).json()["facet_results"][column]
    assert facet["type"] == "country_array"
    counted = {item["value"]: item["count"] for item in facet["results"]}
    expected = Counter(code for (value,) in db.execute(f"SELECT {column} FROM {table}") for code in set(json.loads(value)))
    assert counted == dict(expected) and counted
