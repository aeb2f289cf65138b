"""The analyst's Datasette, through Datasette's own test client: views, facets,
search, canned queries, CSV, calendar, map, dashboard, robots."""

from __future__ import annotations

import csv
import io
import json
import urllib.parse

import pytest

from icadb.codebook import QUERIES_DIR, load, table_facets
from tests.helpers import run_icadb

BOOK = load()
VIEWS = [name for name in BOOK["tables"] if (QUERIES_DIR.parent / "views" / f"{name}.sql").exists()]


@pytest.mark.parametrize("view", VIEWS)
def test_every_view_returns_rows_with_its_documented_columns(datasette, view):
    response = datasette(f"/icadb/{view}.json?_size=5")
    assert response.status_code == 200
    data = response.json()
    # The seeds are fully curated, so their review queue is empty (tests/test_add_document.py fills it).
    assert data["rows"] or view == "review_queue", f"{view} returned no rows"
    assert data["columns"] == list(BOOK["tables"][view]["columns"]), f"{view}: columns differ from the codebook"


@pytest.mark.parametrize("name", sorted(n for n, t in BOOK["tables"].items() if table_facets(t)))
def test_configured_facets_appear(datasette, name):
    data = datasette(f"/icadb/{name}.json?_size=0").json()
    expected = {column: kind for kind, column in table_facets(BOOK["tables"][name])}
    shown = {column: facet["type"] for column, facet in data["facet_results"].items()}
    assert {c: shown.get(c) for c in expected} == expected, f"{name}: facets missing or of another type"


def test_timeline_facets_on_the_countries_array(datasette):
    data = datasette("/icadb/timeline.json?_size=0").json()
    values = {v["value"]: v["count"] for v in data["facet_results"]["countries"]["results"]}
    assert data["facet_results"]["countries"]["type"] == "country_array"  # an array facet labelled with names
    assert values["IND"] > 0 and values["KAZ"] > 0


def test_dated_tables_sort_newest_first(datasette):
    rows = datasette("/icadb/timeline.json?_shape=array&_size=10").json()
    earliest = [r["date_earliest"] for r in rows if r["date_earliest"]]
    assert earliest == sorted(earliest, reverse=True)


@pytest.mark.parametrize("path, expected, rows_sql, pattern", [
    ("/icadb/records.json?_search=cyber&_shape=array", "india-cyber-defence-offer-2023",
     "SELECT record_id, title || ' ' || summary FROM records", r"\bcyber\b"),
    ("/icadb/evidence_trail.json?_search=Chabahar&_shape=array", "chabahar-port-invitation-2023",
     "SELECT record_id, quote FROM evidence_trail", r"\bChabahar\b"),
    ("/icadb/documents.json?_search=%22Shaheed+Bahesti%22&_shape=array", "2023-10-17-doval-offers-central-asia-assistance",
     "SELECT document_id, title || ' ' || text FROM documents", r"\bShaheed\s+Bahesti\b"),
])
def test_search_box_finds_a_known_phrase(datasette, db, path, expected, rows_sql, pattern):
    """The search answers exactly the rows whose indexed text holds the word
    (found here by a regular expression over the same columns), no more."""
    import re

    rows = datasette(path).json()
    ids = {r.get("record_id") or r.get("document_id") for r in rows}
    wanted = {key for key, text in db.execute(rows_sql) if re.search(pattern, text, re.IGNORECASE)}
    assert expected in ids and ids == wanted


def test_search_all_page_covers_every_searchable_table(datasette):
    response = datasette("/-/search?q=Doval")
    assert response.status_code == 200 and "Search: Doval" in response.text
    for table in ("records", "evidence", "documents"):
        assert f"/icadb/{table}" in response.text, f"search-all does not offer {table}"


@pytest.mark.parametrize("name", sorted(BOOK["queries"]))
def test_every_canned_query_runs_with_its_example(datasette, name):
    params = BOOK["queries"][name]["example"]
    query = urllib.parse.urlencode({**params, "_shape": "array"})
    response = datasette(f"/icadb/{name}.json?{query}")
    assert response.status_code == 200, response.text
    assert response.json(), f"{name} returned no rows with {params}"


def test_every_canned_query_has_sql_and_a_codebook_entry():
    assert {p.stem for p in QUERIES_DIR.glob("*.sql")} == set(BOOK["queries"])


def test_country_between_dates_filters_by_country_and_period(datasette):
    rows = datasette("/icadb/country_between_dates.json?iso3=kaz&start=2023-01-01&end=2023-12-31&_shape=array").json()
    assert rows and all(r["date"] and r["date"].startswith("2023") for r in rows)
    assert all("KAZ" in json.loads(r["countries"]) for r in rows)


def test_search_sources_finds_records_and_every_matching_sentence(datasette, db):
    rows = datasette("/icadb/search_sources.json?q=Chabahar&_shape=array").json()
    assert {r["found_in"] for r in rows} == {"record", "sentence"}
    assert all("[chabahar]" in r["snippet"].lower() for r in rows)
    sentences = [r for r in rows if r["found_in"] == "sentence"]
    expected = db.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Chabahar'").fetchone()[0]
    assert len(sentences) == expected > len({r["document_id"] for r in sentences}), "every sentence, not one per document"


def test_search_sources_says_which_records_cite_a_sentence(datasette):
    rows = datasette("/icadb/search_sources.json?q=%22Rare+Earths+Forum%22&_shape=array").json()
    cited = [json.loads(r["cited_by"]) for r in rows if r["found_in"] == "sentence"]
    assert ["ica-rare-earths-forum-proposal-2023"] in cited


def test_timeline_csv_download(datasette, db):
    response = datasette("/icadb/timeline.csv?_size=max")
    assert response.status_code == 200, response.status_code
    assert response.headers["content-type"].startswith(("text/plain", "text/csv")), response.headers["content-type"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == db.execute("SELECT count(*) FROM records").fetchone()[0]
    assert {"record_id", "date", "date_precision", "countries"} <= set(rows[0])


def test_calendar_feed_parses_with_day_events_all_day(datasette, db):
    import icalendar

    response = datasette("/icadb/calendar.ics")
    assert response.status_code == 200
    calendar = icalendar.Calendar.from_ical(response.text)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    day_records = {r[0]: r[1] for r in db.execute("SELECT record_id, date FROM records WHERE date_precision = 'day'")}
    assert set(events) == set(day_records), "every day-precision record, and nothing else, is an event"
    for uid, event in events.items():
        start = event["DTSTART"].dt
        assert type(start).__name__ == "date", f"{uid}: all-day event expected, got {start!r}"
        assert start.isoformat() == day_records[uid], "the day must not shift with time zones"
        if "DTEND" in event:  # without DTEND an all-day event lasts its one day (RFC 5545)
            assert (event["DTEND"].dt - start).days == 1


def test_map_query_feeds_the_cluster_map(datasette):
    page = datasette("/icadb/map")
    assert page.status_code == 200
    assert "datasette-cluster-map" in page.text
    rows = datasette("/icadb/map.json?_shape=array").json()
    assert rows and all(r["latitude"] is not None and r["kind"] in ("meeting", "exercise") for r in rows)


def test_dashboard_is_configured_and_renders(datasette):
    page = datasette("/-/dashboards/overview")
    assert page.status_code == 200 and "icadb overview" in page.text
    for chart in ("by-year", "by-country"):
        chart_page = datasette(f"/-/dashboards/overview/{chart}")
        assert chart_page.status_code == 200


def test_every_status_has_its_own_colour_in_the_dashboard():
    from icadb.codebook import plugin_config
    from icadb.schema.vocab import STATUS

    chart = plugin_config("icadb")["datasette-dashboards"]["overview"]["charts"]["by-status"]
    scale = chart["display"]["encoding"]["color"]["scale"]
    assert sorted(scale["domain"]) == sorted(STATUS), "the domain lists every status of schema/vocab.py"
    assert len(set(scale["range"])) == len(scale["domain"]), "one distinct colour per status"


def test_robots_are_blocked(datasette):
    response = datasette("/robots.txt")
    assert response.status_code == 200 and "Disallow: /" in response.text


def test_foreign_keys_show_names(datasette):
    rows = datasette("/icadb/record_countries.json?_shape=array&_labels=on&iso3=KAZ&_size=1").json()
    assert rows[0]["iso3"] == {"value": "KAZ", "label": "Kazakhstan"}


def test_column_descriptions_reach_datasette(datasette):
    meta = datasette("/-/metadata.json").json()
    columns = meta["databases"]["icadb"]["tables"]["timeline"]["columns"]
    assert "Values: meeting =" in columns["kind"]


def test_codebook_document_is_in_sync():
    result = run_icadb("codebook", "--check")
    assert result.returncode == 0, result.stderr
