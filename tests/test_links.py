"""Wherever a record or a document is named in Datasette, it links to its page (the render_cell hook)."""

from __future__ import annotations

import pytest

from tests.helpers import DRAFT_DOCUMENT, DRAFT_RECORD
from tests.pagehtml import parse


def rows(html):
    return parse(html).find_all("table", "rows-and-columns")[0].find_all("tbody")[0].find_all("tr")


def cell(row, column):
    return next(td for td in row.find_all("td") if f"col-{column}" in td.classes)


def href(td):
    links = td.find_all("a")
    return links[0].attrs["href"] if links else None


def test_every_row_of_the_timeline_links_to_its_record_page(datasette, db):
    count = db.execute("SELECT count(*) FROM records").fetchone()[0]
    found = rows(datasette("/icadb/timeline?_size=max").text)
    assert len(found) == count
    for row in found:
        record_id = cell(row, "record_id").text.strip()
        assert href(cell(row, "record_id")) == f"/icadb/records/{record_id}"
        assert href(cell(row, "title")) == f"/icadb/records/{record_id}"


@pytest.mark.parametrize("view", ["timeline", "evidence_trail", "proposal_tracker", "series_history",
                                  "people_appearances"])
def test_analyst_views_link_record_ids_and_titles(datasette, view):
    for row in rows(datasette(f"/icadb/{view}?_size=20").text):
        record_id = cell(row, "record_id").text.strip()
        assert href(cell(row, "record_id")) == href(cell(row, "title")) == f"/icadb/records/{record_id}"


def test_evidence_trail_links_each_quote_to_its_place_in_the_document(datasette):
    for row in rows(datasette("/icadb/evidence_trail?_size=20").text):
        document_id = cell(row, "document_id").text.strip()
        at = cell(row, "char_start").text.strip()
        assert href(cell(row, "document_id")) == href(cell(row, "document_title")) == \
            f"/icadb/documents/{document_id}#at-{at}"


def test_proposal_tracker_links_the_meeting_it_was_made_at(datasette):
    made = [r for r in rows(datasette("/icadb/proposal_tracker?_size=max").text) if cell(r, "made_at").text.strip()]
    assert made
    for row in made:
        assert href(cell(row, "made_at")) == href(cell(row, "made_at_title")) == \
            f"/icadb/records/{cell(row, 'made_at').text.strip()}"


def test_review_queue_links_documents_and_drafts(draft_datasette):
    found = rows(draft_datasette("/icadb/review_queue").text)
    assert found, "the draft leaves its sentence in the queue"
    row = found[0]
    assert href(cell(row, "document_id")) == f"/icadb/documents/{DRAFT_DOCUMENT}#at-{cell(row, 'char_start').text}"
    assert href(cell(row, "drafted_as")) == f"/icadb/records/{DRAFT_RECORD}"


def test_conflicts_link_the_records_they_concern(datasette, db):
    found = rows(datasette("/icadb/conflicts?_size=max").text)
    concerned = {r[0] for r in db.execute("SELECT record_id FROM conflict_records")}
    linked = {a.attrs["href"] for row in found for a in cell(row, "title").find_all("a")}
    assert linked == {f"/icadb/records/{r}" for r in concerned}


def test_foreign_keys_to_records_reach_the_record_page(datasette):
    row = rows(datasette("/icadb/record_countries?iso3=KAZ&_size=1").text)[0]
    assert href(cell(row, "record_id")).startswith("/icadb/records/")


def test_a_table_row_page_links_its_document_at_the_quote(datasette, db):
    evidence_id, document_id, char_start = db.execute(
        "SELECT evidence_id, document_id, char_start FROM evidence LIMIT 1").fetchone()
    html = parse(datasette(f"/icadb/evidence/{evidence_id}").text)
    td = html.find_all("td", "col-document_id")[0]
    assert href(td) == f"/icadb/documents/{document_id}#at-{char_start}"


def test_canned_query_rows_link_too(datasette):
    found = rows(datasette("/icadb/record_sources?record_id=ica-nsa-2023-kazakhstan").text)
    assert found
    for row in found:
        assert href(cell(row, "document_title")).startswith("/icadb/documents/2023-10-17-doval-offers-central-asia")
        assert href(cell(row, "record_id")) == "/icadb/records/ica-nsa-2023-kazakhstan"


def test_search_results_link_sentences_and_their_records(datasette):
    found = rows(datasette("/icadb/search_sources?q=Chabahar").text)
    sentences = [r for r in found if cell(r, "found_in").text == "sentence"]
    assert all("#at-" in href(cell(r, "document_title")) for r in sentences)
    assert any(href(cell(r, "cited_by")) for r in sentences)


def test_the_links_lead_to_pages(datasette):
    for row in rows(datasette("/icadb/evidence_trail?_size=3").text):
        for column in ("record_id", "document_id"):
            assert datasette(href(cell(row, column)).split("#")[0]).status_code == 200


def test_the_json_of_a_view_is_unchanged(datasette):
    row = datasette("/icadb/timeline.json?_shape=array&_size=1").json()[0]
    assert "<a" not in row["record_id"] and "<a" not in row["title"]


def test_lists_of_record_ids_become_lists_of_links(datasette, db):
    row = rows(datasette("/icadb/india_dyads?_size=1").text)[0]
    ids = [a.text for a in cell(row, "record_ids").find_all("a")]
    hrefs = [a.attrs["href"] for a in cell(row, "record_ids").find_all("a")]
    assert ids and hrefs == [f"/icadb/records/{i}" for i in ids]
