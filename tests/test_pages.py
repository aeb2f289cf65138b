"""What the pages say, as a reader checks it: the address a page cites, the
sources counted in the data, a place not given, searches without whole
articles, a canned query asked as a person asks it, and a conflict's page."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3

import pytest

from icadb.add_document import add_document
from icadb.build import build
from tests.helpers import DRAFT_RECORD, SEEDS_DIR, datasette_client
from tests.pagehtml import parse

RECORD = "ica-nsa-2023-kazakhstan"


def citation(html: str) -> str:
    return parse(html).find_all("p", "icadb-citation")[0].find_all("a")[0].attrs["href"]


# -- the address a page cites ---------------------------------------------------------

def test_a_page_cites_the_address_it_was_asked_for(datasette):
    page = datasette(f"/icadb/records/{RECORD}", headers={"host": "data.example.org:8443"})
    assert citation(page.text) == f"http://data.example.org:8443/icadb/records/{RECORD}"


def test_behind_a_proxy_a_page_cites_the_proxys_address(datasette):
    headers = {"host": "127.0.0.1:8001", "x-forwarded-host": "icadb.example.org", "x-forwarded-proto": "https"}
    page = datasette(f"/icadb/records/{RECORD}", headers=headers)
    assert citation(page.text) == f"https://icadb.example.org/icadb/records/{RECORD}"


def test_a_configured_base_url_is_what_pages_cite(built_db):
    from icadb.serve import datasette_for

    async def fetch():
        ds = datasette_for(built_db, base_url="https://data.example.org/icadb-mirror/")
        await ds.invoke_startup()
        return [await ds.client.get(path) for path in
                (f"/icadb/records/{RECORD}", "/icadb/documents/2025-india-central-asia-counter-terrorism-ties",
                 "/icadb/conflicts/ica-nsa-first-meeting")]

    cited = [citation(page.text) for page in asyncio.run(fetch())]
    assert cited == [f"https://data.example.org/icadb-mirror/icadb/records/{RECORD}",
                     "https://data.example.org/icadb-mirror/icadb/documents/2025-india-central-asia-counter-terrorism-ties",
                     "https://data.example.org/icadb-mirror/icadb/conflicts/ica-nsa-first-meeting"]


# -- the sources, counted -------------------------------------------------------------

@pytest.fixture(scope="module")
def six_articles(tmp_path_factory):
    """The seeds with a sixth article (of 2026), built."""
    folder = tmp_path_factory.mktemp("six")
    seeds = folder / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    article = folder / "article.txt"
    article.write_text("India and Kazakhstan held talks on counter-terrorism in Astana.\n", encoding="utf-8")
    add_document(article, title="India and Kazakhstan hold talks", publisher="A newspaper", published_on="2026-03-13",
                 seeds=seeds)
    db = folder / "icadb.sqlite"
    build(db, seeds=seeds)
    get = datasette_client(db)
    yield get
    get.close()


@pytest.mark.parametrize("path", ["/", "/icadb", "/icadb/timeline"])
def test_the_pages_count_the_articles_in_the_data(datasette, six_articles, path):
    before = parse(datasette(path).text).find_all("p", "icadb-license-source")[0].text
    after = parse(six_articles(path).text).find_all("p", "icadb-license-source")[0].text
    assert "5 news and analysis articles (2021–2025)" in " ".join(before.split())
    assert "6 news and analysis articles (2021–2026)" in " ".join(after.split())
    assert "Five" not in before + after


# -- a place not given ----------------------------------------------------------------

def test_a_record_with_only_a_note_about_its_place_does_not_say_the_sources_give_none(built_db, tmp_path):
    db = tmp_path / "icadb.sqlite"
    shutil.copy(built_db, db)
    note = "The text names Dushanbe, which seeds/reference/places.yaml lacks (suggested there)."
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("update records set place_id = null, place_note = ? where record_id = ?", (note, DRAFT_RECORD))
    conn.close()
    get = datasette_client(db)
    try:
        section = parse(get(f"/icadb/records/{DRAFT_RECORD}").text).find_all("section", "icadb-place")[0].text
    finally:
        get.close()
    assert "No place is recorded. " + note in " ".join(section.split())
    assert "give no place" not in section


def test_a_record_with_no_place_and_no_note_says_the_sources_give_none(datasette, db):
    record_id = db.execute("select record_id from records where place_id is null and place_note is null").fetchone()[0]
    section = parse(datasette(f"/icadb/records/{record_id}").text).find_all("section", "icadb-place")[0].text
    assert "The sources give no place." in section


# -- searches without whole articles --------------------------------------------------

def test_a_search_of_the_documents_answers_without_their_texts(datasette, db):
    """The address the front page's search across tables asks for the documents."""
    data = datasette("/icadb/documents.json?_shape=objects&_labels=on&_extra=count&_size=5&_search=Doval").json()
    assert data["rows"] and all("text" not in row for row in data["rows"])
    assert {"document_id", "title", "char_count"} <= set(data["rows"][0])
    asked = datasette("/icadb/documents.json?_shape=objects&_search=Doval&_col=text").json()["rows"]
    whole = dict(db.execute("select document_id, text from documents"))
    assert all(row["text"] == whole[row["document_id"]] for row in asked), "asked for, the text is whole"


def test_a_documents_text_in_a_table_is_its_opening_words_and_a_link(datasette, db):
    page = parse(datasette("/icadb/documents?_search=Doval").text)
    cells = page.find_all("td", "col-text")
    assert cells
    for cell in cells:
        link = cell.find_all("a", "icadb-document-link")[0]
        document_id = link.attrs["href"].rsplit("/", 1)[1]
        length = db.execute("select length(text) from documents where document_id = ?", (document_id,)).fetchone()[0]
        assert link.text == f"({length:,} characters: read it)"
        assert len(cell.text) < 300


# -- canned queries as a person asks them ---------------------------------------------

@pytest.mark.parametrize("given", ["country=Kazakhstan", "country=kaz", "country=KAZ", "country=kazakhstan"])
def test_country_is_taken_for_iso3(datasette, given):
    response = datasette(f"/icadb/country_between_dates?{given}&start=2021-01-01")
    assert response.status_code == 302
    assert response.headers["location"] == "/icadb/country_between_dates?iso3=KAZ&start=2021-01-01"


def test_country_for_iso3_answers_the_json_too(datasette):
    response = datasette("/icadb/india_offers_to_country.json?country=Uzbekistan&_shape=array")
    assert response.status_code == 302 and response.headers["location"].endswith("?iso3=UZB&_shape=array")
    rows = datasette(response.headers["location"]).json()
    assert rows and all(row["record_id"] for row in rows)


def test_a_parameter_the_query_does_not_take_is_named_with_those_it_takes(datasette):
    page = parse(datasette("/icadb/country_between_dates?nation=KAZ").text)
    notice = page.find_all("p", "icadb-unknown-params")[0].text
    assert "does not take nation" in " ".join(notice.split())
    assert "iso3 (Country)" in notice and "start (From (YYYY-MM-DD))" in notice
    assert page.find_all("p", "zero-results") == []


def test_the_querys_own_names_are_not_redirected(datasette):
    assert datasette("/icadb/country_between_dates?iso3=KAZ").status_code == 200
    assert datasette("/icadb/country_between_dates?country=Kazakhstan&iso3=KGZ").status_code == 200


# -- a conflict's page ----------------------------------------------------------------

def test_every_conflict_page_shows_its_quotes_and_what_each_claims(datasette, db):
    for (conflict_id,) in db.execute("select conflict_id from conflicts"):
        page = parse(datasette(f"/icadb/conflicts/{conflict_id}").text)
        sides = page.find_all("section", "icadb-conflict-sides")[0]
        quotes = db.execute("select quote, claim from conflict_quotes where conflict_id = ?", (conflict_id,)).fetchall()
        assert len(quotes) >= 1
        shown = " ".join(sides.text.split())
        for quote, claim in quotes:
            assert " ".join(quote.split()) in shown and " ".join(claim.split()) in shown, (conflict_id, quote)
        marks = page.find_all("section", "icadb-evidence")[0].find_all("mark")
        assert len({m.attrs.get("id") for m in marks if m.attrs.get("id")}) == len(quotes), conflict_id


def test_a_conflict_page_names_the_kind_and_the_records(datasette, db):
    page = parse(datasette("/icadb/conflicts/ica-nsa-first-meeting").text)
    assert "contradiction" in page.find_all("dl", "icadb-facts")[0].text
    linked = {a.attrs["href"] for a in page.find_all("a", "icadb-record-link")}
    records = {r[0] for r in db.execute("select record_id from conflict_records where conflict_id = 'ica-nsa-first-meeting'")}
    assert linked == {f"/icadb/records/{r}" for r in records}
