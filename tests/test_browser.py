"""The pages people look at, in a real browser: headless Chromium (Debian's
package) against `icadb serve` on 127.0.0.1. Screenshots go to
$ICADB_TEST_ARTIFACTS/screenshots, else to a temporary folder of pytest's
(printed with -s; the source tree is left alone)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import DRAFT_DOCUMENT, DRAFT_RECORD, artifacts_folder

OUTSIDE = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")
CHROMIUM = os.environ.get("ICADB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a sandboxed machine: no GPU, and no background calls to the outside world.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def server(built_db, start_server):
    with start_server(built_db) as running:
        yield running.url


@pytest.fixture(scope="module")
def draft_server(draft_db, start_server):
    with start_server(draft_db) as running:
        yield running.url


@pytest.fixture(scope="module")
def artifacts(tmp_path_factory) -> Path:
    path = artifacts_folder(tmp_path_factory, "screenshots")
    print(f"screenshots in {path}")
    return path


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's chromium (apt-get install chromium) "
                    "or set ICADB_CHROMIUM to a Chromium binary")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def watch(page) -> list[str]:
    """The page's console errors and uncaught exceptions, as they come."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def real(errors: list[str]) -> list[str]:
    """The errors that did not come from map tiles: they load from the internet, which tests must not need."""
    return [e for e in errors if "tile" not in e.lower() and "net::ERR" not in e]


@pytest.fixture()
def visit(browser, artifacts):
    """Open a URL, wait for it to settle, save a screenshot; give the page and
    the console errors that did not come from blocked map tiles."""
    pages = []

    def open_page(url: str, name: str, wait_for_selector: str | None = None, full_page: bool = False):
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        pages.append(page)
        errors = watch(page)
        # Nothing leaves the machine: map tiles (the only outside requests) fail at once, online or not.
        page.route(OUTSIDE, lambda route: route.abort())
        response = page.goto(url, wait_until="load")
        assert response is not None and response.status == 200, f"{url}: HTTP {response and response.status}"
        if wait_for_selector:
            page.wait_for_selector(wait_for_selector, timeout=15000)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=str(artifacts / f"{name}.png"), full_page=full_page)
        return page, errors

    yield open_page
    for page in pages:
        page.close()


def test_home_page_lists_the_database(visit, server):
    page, errors = visit(server + "/", "home")
    text = page.inner_text("body")
    assert "icadb — India–Central Asia security cooperation" in text
    assert "timeline" in text and "evidence_trail" in text
    assert real(errors) == []


def test_timeline_with_facets(visit, server):
    page, errors = visit(server + "/icadb/timeline", "timeline", wait_for_selector="table.rows-and-columns")
    text = page.inner_text("body")
    assert "One row per record" in text
    for facet in ("kind", "status", "countries"):
        assert page.locator(f".facet-info[data-column='{facet}']").count() == 1, f"facet {facet} missing"
    assert page.locator("table.rows-and-columns tbody tr").count() > 10
    assert "Second India–Central Asia meeting of security officials" in text
    fold = page.locator("details.column-descriptions-fold")
    assert fold.count() == 1 and "What each column means" in fold.inner_text()
    assert fold.get_attribute("open") is None, "the column descriptions start folded"
    assert real(errors) == []


def test_canned_query_country_between_dates(visit, server):
    url = server + "/icadb/country_between_dates?iso3=KAZ&start=2021-01-01&end=2023-12-31"
    page, errors = visit(url, "canned-query", wait_for_selector="table.rows-and-columns")
    text = page.inner_text("body")
    assert "Everything involving a country between two dates" in text
    assert page.locator("table.rows-and-columns tbody tr").count() > 3
    assert real(errors) == []


def test_map_page_draws_markers(visit, server):
    page, errors = visit(server + "/icadb/map", "map", wait_for_selector=".leaflet-container")
    page.wait_for_selector(".leaflet-marker-icon, .marker-cluster", timeout=15000)
    assert page.locator(".leaflet-marker-icon, .marker-cluster").count() > 0
    assert "Map of meetings and exercises" in page.inner_text("body")
    assert real(errors) == []


def test_dashboard_draws_its_charts(visit, server):
    page, errors = visit(server + "/-/dashboards/overview", "dashboard", wait_for_selector=".vega-embed")
    page.wait_for_selector(".vega-embed canvas, .vega-embed svg", timeout=15000)
    assert page.locator(".vega-embed").count() >= 4
    boxes = [page.locator(f"#card-{chart}").bounding_box() for chart in ("by-year", "by-country")]
    assert all(boxes) and boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"], "charts must not overlap"
    assert "icadb overview" in page.inner_text("body")
    assert real(errors) == []


# ---------------------------------------------------- record and document pages

RECORD = "ica-nsa-2023-kazakhstan"
HIGHLIGHT = "rgb(255, 230, 128)"  # mark.cited in icadb/datasette_plugin/static/icadb.css


def test_record_page_shows_its_quotes_highlighted_in_their_paragraphs(visit, server, db):
    page, errors = visit(f"{server}/icadb/records/{RECORD}", "record-page", wait_for_selector="mark.icadb-quote",
                         full_page=True)
    marks = page.locator("section.icadb-evidence mark.icadb-quote.cited")
    quotes = [r[0] for r in db.execute("SELECT quote FROM evidence WHERE record_id = ?", (RECORD,))]
    assert marks.count() == len(quotes)
    first = marks.first
    assert first.is_visible()
    assert first.evaluate("m => getComputedStyle(m).backgroundColor") == HIGHLIGHT
    assert first.evaluate("m => m.closest('p.icadb-paragraph') !== null"), "the quote sits inside its paragraph"
    shown = " ".join(marks.all_inner_texts())
    assert all(quote in shown for quote in quotes)
    text = page.inner_text("body")
    assert "Kazakhstan: host" in text and "India: participant" in text, "countries by name with their roles"
    assert "India offers Central Asian states help against terrorism" in text, "the document's title"
    page.wait_for_selector("#icadb-map path.leaflet-interactive", timeout=15000)  # the marker, drawn without tiles
    assert real(errors) == []


def test_record_page_shows_the_rest_of_the_paragraph_around_a_quote(visit, server):
    page, errors = visit(f"{server}/icadb/records/ica-nsa-2022-new-delhi", "record-page-context",
                         wait_for_selector="mark.icadb-quote")
    paragraph = page.locator("section.icadb-evidence p.icadb-paragraph").first
    mark = paragraph.locator("mark.icadb-quote").first
    assert len(paragraph.inner_text()) > len(mark.inner_text()) > 20
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == HIGHLIGHT
    assert paragraph.evaluate("p => getComputedStyle(p).backgroundColor") != HIGHLIGHT, "only the quote is marked"
    assert real(errors) == []


def test_from_a_quote_to_its_place_in_the_document(visit, server, artifacts):
    page, errors = visit(f"{server}/icadb/records/{RECORD}", "record-page-top", wait_for_selector="a.icadb-at")
    link = page.locator("section.icadb-evidence a.icadb-at").first
    target = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{target}")
    anchor = target.split("#")[1]
    mark = page.locator(f"mark#{anchor}")
    mark.wait_for()
    assert page.url.endswith(target) and "/icadb/documents/2023-10-17-doval-offers-central-asia-assistance" in page.url
    assert mark.inner_text().startswith("National Security Adviser Ajit Doval who is in Kazakhstan")
    assert mark.evaluate("m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }"), \
        "the page opens at the quote"
    assert mark.evaluate("m => getComputedStyle(m).outlineStyle") == "solid", "the quote the link named stands out"
    page.screenshot(path=str(artifacts / "document-at-quote.png"))
    assert real(errors) == []


def test_document_page_links_every_cited_quote_to_its_record(visit, server, artifacts):
    url = f"{server}/icadb/documents/2022-12-diplomat-india-central-asia-relations"
    page, errors = visit(url, "document-page", wait_for_selector="mark.cited", full_page=True)
    assert page.locator("article.icadb-article p.icadb-paragraph").count() > 5
    cited = page.locator("article.icadb-article mark.cited").first
    # A highlighter stroke under the words (an article cited throughout would be a yellow block if filled).
    assert HIGHLIGHT in cited.evaluate("m => getComputedStyle(m).boxShadow")
    assert cited.evaluate("m => getComputedStyle(m).backgroundColor") == "rgba(0, 0, 0, 0)"
    chip = page.locator("article.icadb-article a.icadb-cites").first
    title, target = chip.get_attribute("title"), chip.get_attribute("href")
    chip.click()
    page.wait_for_url(f"**{target}")
    assert page.locator("h1").inner_text() == title, "the link lands on the record it names"
    page.screenshot(path=str(artifacts / "record-from-document.png"))
    assert real(errors) == []


def test_timeline_titles_open_record_pages(visit, server):
    page, errors = visit(f"{server}/icadb/timeline", "timeline-links", wait_for_selector="td.col-title a")
    link = page.locator("table.rows-and-columns td.col-title a").first
    title = link.inner_text()
    link.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == title and "/icadb/records/" in page.url
    assert real(errors) == []


def test_a_draft_says_it_is_not_reviewed(visit, draft_server):
    page, errors = visit(f"{draft_server}/icadb/records/{DRAFT_RECORD}", "draft-record-page",
                         wait_for_selector=".icadb-banner-draft")
    banner = page.locator(".icadb-banner-draft")
    assert banner.is_visible() and "Machine-suggested draft, not reviewed" in banner.inner_text()
    assert real(errors) == []


def test_the_document_page_marks_what_no_record_cites_yet(visit, draft_server):
    page, errors = visit(f"{draft_server}/icadb/documents/{DRAFT_DOCUMENT}", "document-page-queue",
                         wait_for_selector="mark.uncited")
    uncited = page.locator("article.icadb-article mark.uncited")
    uncited.scroll_into_view_if_needed()
    assert uncited.count() == 1 and uncited.inner_text().startswith("The NSA invited the heads of cyber security")
    assert uncited.evaluate("m => getComputedStyle(m).backgroundColor") != HIGHLIGHT, "uncited looks unlike cited"
    assert "not yet cited" in page.locator("article.icadb-article .icadb-uncited-label").inner_text()
    assert real(errors) == []


def test_a_canned_query_form_offers_countries_by_name(visit, server, artifacts):
    page, errors = visit(f"{server}/icadb/country_between_dates", "canned-query-empty", wait_for_selector="select")
    assert page.locator("p.icadb-hint").is_visible() and page.locator("p.zero-results").count() == 0
    page.select_option("select[name=iso3]", label="Kyrgyzstan")
    page.click("input[type=submit]")
    page.wait_for_selector("table.rows-and-columns tbody tr")
    assert "iso3=KGZ" in page.url and page.locator("p.icadb-hint").count() == 0
    assert page.locator("table.rows-and-columns td.col-record_id a").count() > 0
    page.screenshot(path=str(artifacts / "canned-query-kyrgyzstan.png"))
    assert real(errors) == []


# ---------------------------------------------------------------- facets

# The labels of a page's facet lists in which a line breaks between two letters of one word: each character's
# line box is read through a Range; a break is a character on a lower line than the one before it, both letters.
BROKEN_WORDS = """
() => Array.from(document.querySelectorAll('.facet-info li')).flatMap(li => {
  const broken = [];
  const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    let previous = null;
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i); range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (previous && box.top > previous.top + 2 && /\\p{L}/u.test(node.data[i]) && /\\p{L}/u.test(previous.ch))
        broken.push(node.data);
      previous = {top: box.top, ch: node.data[i]};
    }
  }
  return broken;
})
"""


def test_records_facets_read_cleanly(visit, server, db):
    page, errors = visit(f"{server}/icadb/records", "records-facets", wait_for_selector=".facet-info")
    assert page.evaluate(BROKEN_WORDS) == [], "a facet label breaks inside a word"
    series = page.locator(".facet-info[data-column='series_id'] li").all_inner_texts()
    assert any("Dustlik exercise (India–Uzbekistan)" in s for s in series)
    years = page.locator(".facet-info[data-column='year'] li").all_inner_texts()
    undated = db.execute("select count(*) from records where year is null").fetchone()[0]
    assert years[-1] == f"undated {undated}"
    shown = [int(y.split()[0]) for y in years[:-1]]
    assert shown == sorted(shown, reverse=True), "years in order, newest first"
    assert page.locator(".facet-info[data-column='year'] .facet-info-name").inner_text().split()[0] == "year"
    assert real(errors) == []


def test_timeline_country_facet_names_the_countries(visit, server):
    page, errors = visit(f"{server}/icadb/timeline", "timeline-facets", wait_for_selector=".facet-info")
    countries = page.locator(".facet-info[data-column='countries'] li").all_inner_texts()
    assert any(c.startswith("Kazakhstan ") for c in countries) and not any(c.startswith("KAZ ") for c in countries)
    assert page.evaluate(BROKEN_WORDS) == []
    page.locator(".facet-info[data-column='countries'] a", has_text="Kyrgyzstan").click()
    page.wait_for_selector(".facet-info[data-column='countries'] li strong")
    assert "countries__arraycontains=KGZ" in page.url
    assert page.locator(".facet-info[data-column='countries'] li strong").inner_text() == "Kyrgyzstan"
    assert real(errors) == []


def test_a_fully_cited_article_reads_as_text_with_its_conflicts_named(visit, server):
    """The 2025 article is cited from end to end: its quotes are underlined with a highlighter stroke, not
    filled; a quote in a conflict has a quiet dashed underline and the kind of conflict after it."""
    page, errors = visit(f"{server}/icadb/documents/2025-india-central-asia-counter-terrorism-ties",
                         "document-page-fully-cited", wait_for_selector="mark.cited", full_page=True)
    article = page.locator("article.icadb-article")
    assert article.locator("p.icadb-paragraph").count() >= 9, "one paragraph per line of the article"
    filled = article.locator("mark.cited").evaluate_all(
        "ms => ms.filter(m => getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length")
    assert filled == 0, "no cited quote is filled until a link opens it or the pointer is on it"
    conflict = article.locator("mark.conflict").first
    style = conflict.evaluate("m => [getComputedStyle(m).textDecorationStyle, getComputedStyle(m).textDecorationColor]")
    assert style[0] == "dashed" and style[1] != "rgb(179, 38, 30)", style
    labels = article.locator("a.icadb-conflict-label").all_inner_texts()
    assert labels and "disputed" not in labels and "vague" in labels
    article.locator("mark.cited").first.hover()
    assert article.locator("mark.cited").first.evaluate("m => getComputedStyle(m).backgroundColor") == HIGHLIGHT
    assert real(errors) == []


def test_the_date_line_stands_apart_from_the_first_paragraph(visit, server):
    page, errors = visit(f"{server}/icadb/documents/2023-10-17-doval-offers-central-asia-assistance",
                         "document-page-dateline", wait_for_selector="p.icadb-dateline")
    dateline = page.locator("article.icadb-article p.icadb-paragraph").first
    assert dateline.inner_text().strip() == "date 2023-10-17"
    second = page.locator("article.icadb-article p.icadb-paragraph").nth(1)
    assert second.bounding_box()["y"] > dateline.bounding_box()["y"] + dateline.bounding_box()["height"] - 1
    assert real(errors) == []


# ---------------------------------------------------------------- pages

def test_the_record_map_says_when_its_background_cannot_load(visit, server):
    """The tests block every address off the machine, as an offline laptop would: the marker is drawn,
    and the map says why its background is grey."""
    page, errors = visit(f"{server}/icadb/records/{RECORD}", "record-page-offline-map",
                         wait_for_selector="#icadb-map path.leaflet-interactive")
    note = page.locator("#icadb-map .icadb-map-offline")
    note.wait_for(timeout=15000)
    assert note.is_visible() and "Map background unavailable" in note.inner_text()
    assert "OpenStreetMap over the internet" in page.locator(".icadb-map-note").inner_text()
    assert real(errors) == []


def test_the_map_page_says_where_its_background_comes_from(visit, server):
    page, errors = visit(server + "/icadb/map", "map-offline-word", wait_for_selector=".leaflet-container")
    assert "offline the markers still stand at their places" in page.inner_text("body")
    assert real(errors) == []


def test_a_canned_query_asked_with_country_by_name(visit, server):
    page, errors = visit(f"{server}/icadb/country_between_dates?country=Kyrgyzstan", "canned-query-country",
                         wait_for_selector="table.rows-and-columns tbody tr")
    assert page.url.endswith("/icadb/country_between_dates?iso3=KGZ")
    assert page.locator("select[name=iso3] option:checked").inner_text() == "Kyrgyzstan"
    assert real(errors) == []


def test_a_conflict_page_shows_both_sides(visit, server):
    page, errors = visit(f"{server}/icadb/conflicts/csto-activation-timing", "conflict-page",
                         wait_for_selector="section.icadb-conflict-sides", full_page=True)
    quotes = page.locator("section.icadb-conflict-sides li")
    assert quotes.count() >= 2
    assert page.locator("section.icadb-evidence mark").count() >= 2
    assert real(errors) == []
