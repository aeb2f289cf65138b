"""Facets of unfiltered pages come from summary_facets, and say exactly what Datasette's live counts say."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3

import pytest

from icadb import datasette_plugin
from icadb.codebook import configured_facets, datasette_metadata
from icadb.serve import SETTINGS

TABLES = sorted({table for table, _kind, _column in configured_facets()})


def facets_of(response) -> dict:
    data = response.json()
    return {name: (f["type"], f["truncated"], [(v["value"], v["label"], v["count"], v["selected"]) for v in f["results"]])
            for name, f in data["facet_results"].items()}


EMPTY_IN_THE_SEEDS = ("review_queue", "drafts", "draft_notes")


@pytest.mark.parametrize("table", TABLES)
def test_stored_facets_equal_live_ones(datasette, table, monkeypatch):
    stored = facets_of(datasette(f"/icadb/{table}.json?_size=0&_facet_size=max"))
    monkeypatch.setattr(datasette_plugin, "USE_STORED_FACETS", False)
    live = facets_of(datasette(f"/icadb/{table}.json?_size=0&_facet_size=1000"))  # another URL: no cached answer
    assert stored == live
    wanted = {column for t, _kind, column in configured_facets() if t == table}
    assert wanted <= set(stored)
    # The seeds are fully curated, so their review queue is empty (tests/test_add_document.py fills it),
    # and they hold no drafts (tests/test_drafting.py makes some).
    assert any(results for _type, _truncated, results in stored.values()) or table in EMPTY_IN_THE_SEEDS, \
        f"{table}: every facet is empty"


def test_unfiltered_pages_read_the_stored_counts_and_filtered_pages_count_live(built_db, tmp_path):
    from datasette.app import Datasette

    copy = tmp_path / "icadb.sqlite"
    shutil.copy(built_db, copy)
    conn = sqlite3.connect(copy)
    true_meetings = conn.execute("SELECT count(*) FROM records WHERE kind = 'meeting'").fetchone()[0]
    # (The timeline's countries facet, an array facet read from here before, is icadb's country_array facet
    # now, which labels the codes with names and counts live: no array facet is stored.)
    changed = conn.execute("UPDATE summary_facets SET count = 999 WHERE table_name = 'records' "
                           "AND facet_type = 'column' AND facet = 'kind' AND value = 'meeting'").rowcount
    conn.commit()
    conn.close()
    assert changed == 1
    loop = asyncio.new_event_loop()
    try:
        ds = Datasette(immutables=[str(copy)], metadata=datasette_metadata("icadb"), settings=SETTINGS)
        loop.run_until_complete(ds.invoke_startup())

        def kinds(path):
            facet = loop.run_until_complete(ds.client.get(path)).json()["facet_results"]["kind"]
            return {v["value"]: v["count"] for v in facet["results"]}
        assert kinds("/icadb/records.json?_size=0")["meeting"] == 999  # from summary_facets
        assert kinds("/icadb/records.json?_size=0&kind=meeting") == {"meeting": true_meetings}  # counted live
        assert kinds("/icadb/records.json?_size=0&_search=meeting")["meeting"] != 999
    finally:
        loop.close()


class FakeFacet:
    def __init__(self, sql, params=None, table="records"):
        self.sql, self.params, self.table = sql, params or [], table


@pytest.mark.parametrize("sql, params, expected", [
    ("select record_id, kind from records ", [], True),
    ("select record_id, kind from [records]", [], True),
    ('select * from "records"', [], True),
    ("select record_id, kind from records where kind = :p0 ", {"p0": "meeting"}, False),
    ("select record_id, kind from records where rowid in (select rowid from records_fts where records_fts match :search)",
     {"search": "x"}, False),
    ("select record_id from records where year > 2000", [], False),
    ("select record_id from records_fts", [], False),
])
def test_which_pages_cover_every_row(sql, params, expected):
    assert datasette_plugin.covers_every_row(FakeFacet(sql, params)) is expected
