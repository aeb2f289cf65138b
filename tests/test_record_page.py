"""The record page, /icadb/records/<record_id>: every fact of one record, with its evidence in context."""

from __future__ import annotations

import pytest

from icadb.record_page import date_facts, record_page, written_date
from tests.helpers import DRAFT_RECORD, SUGGESTED_FOR, SUGGESTED_QUOTE
from tests.pagehtml import parse

RECORD = "ica-nsa-2023-kazakhstan"


@pytest.fixture(scope="module")
def page(datasette):
    response = datasette(f"/icadb/records/{RECORD}")
    assert response.status_code == 200
    return parse(response.text)


def test_the_page_is_icadbs_own_template(datasette):
    assert "*row-icadb-records.html" in datasette(f"/icadb/records/{RECORD}").text


def test_title_and_summary(page, db):
    title, summary = db.execute("SELECT title, summary FROM records WHERE record_id = ?", (RECORD,)).fetchone()
    assert title in page.find_all("h1")[0].text
    assert page.find_all("p", "icadb-summary")[0].text == summary


def test_kind_and_status_with_their_meanings(page):
    facts = page.find_all("dl", "icadb-facts")[0].text
    assert "meeting A meeting, summit, dialogue session, visit or call between officials." in facts
    assert "held The meeting, exercise or one-off activity took place." in facts
    assert "security_advisers National security advisers" in facts, "the kind table's details, with meanings"


def test_date_at_its_precision_with_basis_and_note(page):
    date = page.find_all("dd", "icadb-date")[0].text
    assert "17 October 2023" in date and "day precision" in date and "inferred" in date
    assert "is in Kazakhstan to participate" in date, "the date note"


@pytest.mark.parametrize("date, precision, written", [
    ("2023-10-17", "day", "17 October 2023"), ("2021-12", "month", "December 2021"), ("2024", "year", "2024"),
    (None, "unknown", "date unknown"),
])
def test_written_date(date, precision, written):
    assert written_date(date, precision) == written


def test_a_month_gives_its_bounds(db):
    record = dict(zip(("date", "date_precision", "date_earliest", "date_latest"), ("2021-12", "month", "2021-12-01",
                                                                                  "2021-12-31")))
    facts = date_facts(record)
    assert facts["bounded"] and (facts["earliest"], facts["latest"]) == ("2021-12-01", "2021-12-31")


def test_countries_by_name_with_their_roles(page):
    items = {li.find_all("a")[0].text: li.text for li in page.find_all("ul", "icadb-countries")[0].find_all("li")}
    assert set(items) == {"Kazakhstan", "India", "China", "Pakistan"}
    assert "host" in items["Kazakhstan"] and "participant" in items["India"] and "subject" in items["Pakistan"]
    role = page.find_all("span", "icadb-role")[0]
    assert role.attrs["title"].startswith("Hosts the meeting"), "the role's meaning on hover"


def test_organisations_and_people(page):
    assert "Belt and Road Initiative" in page.find_all("ul", "icadb-organizations")[0].text
    assert "Ajit Doval" in page.find_all("ul", "icadb-people")[0].text


def test_place_with_a_map(page):
    place = page.find_all("section", "icadb-place")[0]
    assert "Kazakhstan (city not given)" in place.text
    map_div = place.find_all("div", "icadb-map")[0]
    assert float(map_div.attrs["data-latitude"]) == pytest.approx(51.1801)


def test_series_with_previous_and_next_linked(page):
    series = page.find_all("section", "icadb-series")[0]
    previous = series.find_all("span", "icadb-previous")[0].find_all("a")[0]
    following = series.find_all("span", "icadb-next")[0].find_all("a")[0]
    assert previous.attrs["href"] == "/icadb/records/ica-nsa-2022-new-delhi"
    assert following.attrs["href"] == "/icadb/records/ica-nsa-2024-kyrgyzstan"
    assert "edition 2" in series.text


def test_every_quote_is_highlighted_inside_its_paragraph(page, db):
    quotes = [r[0] for r in db.execute("SELECT quote FROM evidence WHERE record_id = ?", (RECORD,))]
    marks = page.find_all("section", "icadb-evidence")[0].find_all("mark", "cited")
    marked = " ".join(m.text for m in marks)
    for quote in quotes:
        assert quote in marked, f"quote not highlighted: {quote[:60]}"
    assert all(m.inside("p", "icadb-paragraph") for m in marks)


def test_a_quote_is_shown_with_the_rest_of_its_paragraph(datasette):
    # The Diplomat's paragraph holds more than the quote: the rest is shown, unmarked.
    html = parse(datasette("/icadb/records/ica-nsa-2022-new-delhi").text)
    paragraph = html.find_all("section", "icadb-evidence")[0].find_all("p", "icadb-paragraph")[0]
    marked = "".join(m.text for m in paragraph.find_all("mark"))
    assert marked and len(paragraph.text) > len(marked)


def test_each_source_with_its_title_publisher_date_and_link_to_the_place(page, db):
    source = page.find_all("article", "icadb-source")[0]
    title = db.execute("SELECT title FROM documents WHERE document_id = ?",
                       ("2023-10-17-doval-offers-central-asia-assistance",)).fetchone()[0]
    assert source.find_all("h3")[0].text == title
    assert "17 October 2023" in source.find_all("p", "icadb-source-meta")[0].text
    at = source.find_all("a", "icadb-at")[0].attrs["href"]
    assert at == "/icadb/documents/2023-10-17-doval-offers-central-asia-assistance#at-243"


def test_figures(datasette):
    html = parse(datasette("/icadb/records/ica-nsa-2022-new-delhi").text)
    assert "about 10 months" in html.find_all("section", "icadb-figures")[0].text


def test_conflicts_with_both_sides_words(page):
    conflicts = page.find_all("section", "icadb-conflicts")[0]
    first_meeting = next(a for a in conflicts.find_all("article") if "first India–Central Asia meeting" in a.text)
    quotes = [q.text for q in first_meeting.find_all("q")]
    assert "for the first meeting of India-Central Asia national security advisers" in quotes
    assert any("NSA-level meeting where Russia was also present" in q for q in quotes)


def test_cite_this_record(page, db):
    version = db.execute("SELECT data_version FROM build_info").fetchone()[0]
    citation = page.find_all("p", "icadb-citation")[0].text
    assert RECORD in citation and version in citation and f"/icadb/records/{RECORD}" in citation


def test_json_is_datasettes_own(datasette, db):
    data = datasette(f"/icadb/records/{RECORD}.json").json()
    columns = [r[1] for r in db.execute("PRAGMA table_info(records)")]
    assert data["columns"] == columns and data["rows"][0][0] == RECORD and len(data["rows"]) == 1


def test_an_unknown_record_is_not_found(datasette):
    assert datasette("/icadb/records/no-such-record").status_code == 404


def test_every_record_has_a_page(datasette, db):
    for (record_id,) in db.execute("SELECT record_id FROM records"):
        assert datasette(f"/icadb/records/{record_id}").status_code == 200, record_id


def test_a_draft_carries_a_banner(draft_datasette):
    html = parse(draft_datasette(f"/icadb/records/{DRAFT_RECORD}").text)
    banner = html.find_all("div", "icadb-banner-draft")[0].text
    assert "Machine-suggested draft, not reviewed" in banner
    assert "confidence 0.72" in banner and "The NSA invited" in banner, "confidence and draft notes"
    assert "machine-suggested draft" in html.find_all("p", "icadb-citation")[0].text


def test_a_reviewed_record_has_no_banner(page):
    assert page.find_all("div", "icadb-banner") == []


def test_a_suggested_quote_is_marked_as_suggested_not_as_evidence(draft_db, draft_datasette):
    html = parse(draft_datasette(f"/icadb/records/{SUGGESTED_FOR}").text)
    evidence = html.find_all("section", "icadb-evidence")[0]
    assert SUGGESTED_QUOTE not in " ".join(m.text for m in evidence.find_all("mark"))
    suggested = html.find_all("section", "icadb-suggested")[0]
    assert [m.text for m in suggested.find_all("mark", "suggested")] == [SUGGESTED_QUOTE]
    assert "not reviewed" in suggested.find_all("h2")[0].text


def test_record_page_data_counts_suggested_quotes_apart(draft_db):
    import sqlite3

    conn = sqlite3.connect(draft_db)
    data = record_page(conn, SUGGESTED_FOR)
    conn.close()
    assert data["suggested_count"] == 1 and data["evidence_count"] == 10
