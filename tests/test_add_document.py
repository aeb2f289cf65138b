"""icadb add-document: a new article in one command, seen at once in Datasette
with its mentions and the sentences that still need a record."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.helpers import run_icadb

ARTICLE = Path(__file__).parent / "data" / "test_article.txt"
ARGS = ["--title", "India and Kazakhstan hold security talks", "--publisher", "icadb tests",
        "--published-on", "2026-11-20"]
DOC_ID = "2026-11-20-india-and-kazakhstan-hold-security-talks"


@pytest.fixture()
def added(seeds_copy, tmp_path):
    db = tmp_path / "icadb.sqlite"
    result = run_icadb("add-document", str(ARTICLE), *ARGS, "--seeds", str(seeds_copy), db=db)
    assert result.returncode == 0, result.stderr
    return seeds_copy, db, result


def datasette_rows(db: Path, path: str) -> list[dict]:
    from datasette.app import Datasette

    from icadb.codebook import datasette_metadata

    async def fetch():
        ds = Datasette(immutables=[str(db)], metadata=datasette_metadata(db.stem))
        await ds.invoke_startup()
        return (await ds.client.get(path)).json()

    return asyncio.run(fetch())


def test_the_article_is_stored_exactly_with_its_metadata(added):
    seeds, _, result = added
    text = seeds / "documents" / f"{DOC_ID}.txt"
    assert text.read_bytes() == ARTICLE.read_bytes()
    meta = (seeds / "documents" / f"{DOC_ID}.yaml").read_text(encoding="utf-8")
    assert "publisher: icadb tests" in meta and "published_on: '2026-11-20'" in meta and "date_precision: day" in meta
    assert "original_filename: test_article.txt" in meta
    assert f"next: icadb review --document {DOC_ID}" in result.stderr


def test_it_appears_in_datasette_with_mentions_and_review_queue(added):
    _, db, _ = added
    mentions = datasette_rows(db, f"/icadb/mentions.json?document_id={DOC_ID}&_shape=array&_size=max")
    countries = {m["iso3"] for m in mentions if m["entity_type"] == "country"}
    assert {"IND", "KAZ", "UZB"} <= countries
    assert any(m["series_id"] == "kazind" for m in mentions), "named exercises are tagged"
    queue = datasette_rows(db, f"/icadb/review_queue.json?document_id={DOC_ID}&_shape=array")
    texts = [row["text"] for row in queue]
    assert any(t.startswith("India and Kazakhstan held talks") for t in texts)
    assert not any(t.startswith("The weather") for t in texts), "a sentence naming no country is not queued"
    places = datasette_rows(db, f"/icadb/document_countries.json?document_id={DOC_ID}&_shape=array")
    assert {p["iso3"] for p in places} >= {"IND", "KAZ", "UZB"}


def test_icadb_review_prints_the_queue(added):
    _, db, _ = added
    result = run_icadb("review", "--document", DOC_ID, db=db, check=True)
    assert "India and Kazakhstan held talks on counter-terrorism cooperation" in result.stdout
    assert "sentences to review" in result.stdout


def test_a_duplicate_is_refused(added):
    seeds, db, _ = added
    copy = db.parent / "same.txt"
    copy.write_bytes(ARTICLE.read_bytes())
    result = run_icadb("add-document", str(copy), *ARGS, "--seeds", str(seeds), db=db)
    assert result.returncode == 1
    assert f"same text as the document '{DOC_ID}'" in result.stderr and "nothing was added" in result.stderr


@pytest.mark.parametrize("content, message", [
    (b"  \n\n", "file is empty; expected the article's text"),
    (b"India and Kazakhstan met in Astana\n\xe9t\xe9\n", ":2: not valid UTF-8 text"),
])
def test_empty_or_non_utf8_files_are_refused(seeds_copy, tmp_path, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    before = sorted((seeds_copy / "documents").iterdir())
    result = run_icadb("add-document", str(bad), *ARGS, "--seeds", str(seeds_copy), db=tmp_path / "x.sqlite")
    assert result.returncode == 1 and message in result.stderr and "Traceback" not in result.stderr
    assert sorted((seeds_copy / "documents").iterdir()) == before


def test_a_failed_rebuild_takes_the_article_out_again(seeds_copy, tmp_path):
    meetings = seeds_copy / "records" / "meetings.yaml"
    meetings.write_text(meetings.read_text(encoding="utf-8").replace("status: held", "status: hled", 1), encoding="utf-8")
    result = run_icadb("add-document", str(ARTICLE), *ARGS, "--seeds", str(seeds_copy), db=tmp_path / "x.sqlite")
    assert result.returncode == 1 and "taken out again" in result.stderr
    assert not (seeds_copy / "documents" / f"{DOC_ID}.txt").exists()
    assert not (seeds_copy / "documents" / f"{DOC_ID}.yaml").exists()


@pytest.mark.parametrize("title, expected", [
    ("India and Kyrgyzstan hold joint counter-terrorism talks in Bishkek",
     "india-and-kyrgyzstan-hold-joint-counter-terrorism-talks"),  # was ...-talks-in
    ("India and Uzbekistan hold talks, then sign a counter-terrorism pact",
     "india-and-uzbekistan-hold-talks-then-sign"),  # was ...-sign-a-counter
    ("India–Central Asia Dialogue", "india-central-asia-dialogue"),  # was indiacentral-asia-dialogue
])
def test_a_document_id_is_cut_between_whole_words_and_not_after_a_dangling_one(title, expected):
    from icadb.add_document import DANGLING, slugify

    slug = slugify(title)
    assert slug == expected
    assert len(slug) <= 60 and slug.rsplit("-", 1)[-1] not in DANGLING
