"""The document page, /icadb/documents/<document_id>: the article as paragraphs, with what cites it marked."""

from __future__ import annotations

import pytest

from icadb.passages import Paragraph, Span, marked, paragraphs
from tests.helpers import DRAFT_DOCUMENT, DRAFT_RECORD, SUGGESTED_QUOTE
from tests.pagehtml import parse

DOCUMENT = "2022-12-diplomat-india-central-asia-relations"


@pytest.fixture(scope="module")
def page(datasette):
    response = datasette(f"/icadb/documents/{DOCUMENT}")
    assert response.status_code == 200
    return parse(response.text)


def test_paragraphs_keep_their_offsets():
    text = "Headline\n\n  First paragraph.\nSecond line.\n\n\nLast one.\n"
    paras = paragraphs(text)
    assert [p.text for p in paras] == ["Headline", "First paragraph.", "Second line.", "Last one."]
    assert all(text[p.start:p.end] == p.text for p in paras)


def test_an_article_with_one_line_per_paragraph_is_cut_at_every_line():
    text = ("India and Central Asia will expand their cooperation against terrorism.\n"
            "The ministers met in New Delhi on June 6, 2025.\nA short line\nThe end.")
    assert [p.text for p in paragraphs(text)] == text.split("\n")


def test_a_line_wrapped_by_hand_goes_on_in_its_paragraph():
    text = ("The ministers of the five Central Asian states met their Indian colleague\n"
            "in New Delhi, where they agreed to meet again.\n\nNext paragraph.")
    paras = paragraphs(text)
    assert [p.text for p in paras] == [text.split("\n\n")[0], "Next paragraph."]


def test_a_date_line_opening_the_article_is_a_paragraph_of_its_own():
    text = " date 2023-10-17 India has offered its assistance.\n\nDoval made the offer."
    paras = paragraphs(text)
    assert [(p.kind, p.text) for p in paras] == [("dateline", "date 2023-10-17"),
                                                 ("text", "India has offered its assistance."),
                                                 ("text", "Doval made the offer.")]
    assert [p.position for p in paras] == [0, 1, 2] and all(text[p.start:p.end] == p.text for p in paras)


@pytest.mark.parametrize("document_id", ["2021-09-09-india-russia-afghan-militant-threat",
                                         "2021-12-india-russia-central-asia-defence-non-paper",
                                         "2022-12-diplomat-india-central-asia-relations",
                                         "2023-10-17-doval-offers-central-asia-assistance",
                                         "2025-india-central-asia-counter-terrorism-ties"])
def test_no_paragraph_of_the_seed_articles_holds_a_line_break(db, document_id):
    text = db.execute("SELECT text FROM documents WHERE document_id = ?", (document_id,)).fetchone()[0]
    paras = paragraphs(text)
    assert paras and all("\n" not in p.text and text[p.start:p.end] == p.text for p in paras)


def test_a_quote_is_shown_in_its_own_paragraph_not_the_whole_article(datasette, db):
    """The 2025 article has one paragraph per line and no blank line: its record's quote stands in one
    line's paragraph on the record page, not in all nine."""
    record_id, quote = db.execute("SELECT record_id, quote FROM evidence WHERE document_id = ? ORDER BY char_start",
                                  ("2025-india-central-asia-counter-terrorism-ties",)).fetchone()
    html = parse(datasette(f"/icadb/records/{record_id}").text)
    source = next(a for a in html.find_all("article", "icadb-source")
                  if "2025-india-central-asia-counter-terrorism-ties" in a.find_all("a")[0].attrs["href"])
    shown = source.find_all("p", "icadb-paragraph")
    assert any(quote in p.text for p in shown)
    article = db.execute("SELECT text FROM documents WHERE document_id = ?",
                         ("2025-india-central-asia-counter-terrorism-ties",)).fetchone()[0]
    assert len(" ".join(p.text for p in shown)) < len(article) / 2


def test_the_date_line_is_shown_apart_from_the_first_paragraph(datasette):
    html = parse(datasette("/icadb/documents/2023-10-17-doval-offers-central-asia-assistance").text)
    first, second = html.find_all("article", "icadb-article")[0].find_all("p", "icadb-paragraph")[:2]
    assert "icadb-dateline" in first.classes and first.text == "date 2023-10-17"
    assert second.text.startswith("India has offered its assistance")


def test_a_quote_in_a_conflict_is_labelled_with_the_kind_of_conflict(datasette, db):
    html = parse(datasette(f"/icadb/documents/{DOCUMENT}").text)
    labels = html.find_all("article", "icadb-article")[0].find_all("a", "icadb-conflict-label")
    types = dict(db.execute("SELECT conflict_id, conflict_type FROM conflicts"))
    quoted = {r[0] for r in db.execute("SELECT conflict_id FROM conflict_quotes WHERE document_id = ?", (DOCUMENT,))}
    assert {label.attrs["href"].rsplit("/", 1)[1] for label in labels} == quoted
    words = {"contradiction": "contradicted", "vague_reference": "vague", "attendance": "attendance unclear",
             "inference": "inferred"}
    for label in labels:
        conflict = label.attrs["href"].rsplit("/", 1)[1]
        if types[conflict] in words:
            assert label.text == words[types[conflict]], (conflict, label.text)
        assert label.text != "disputed"


def test_marked_runs_cover_the_paragraph_once_and_split_at_every_span():
    para = Paragraph(0, 10, 30, "abcdefghijklmnopqrst")
    runs = marked(para, [Span(12, 20, "cited", key="a"), Span(15, 25, "cited", key="b"), Span(0, 5, "cited")])
    assert "".join(r.text for r in runs) == para.text
    assert [(r.start, r.end, sorted(s.key for s in r.spans)) for r in runs] == [
        (10, 12, []), (12, 15, ["a"]), (15, 20, ["a", "b"]), (20, 25, ["b"]), (25, 30, [])]
    assert [r.anchor for r in runs] == [False, True, True, False, False]
    assert [[s.key for s in r.closing] for r in runs] == [[], [], ["a"], ["b"], []]


def test_the_article_is_shown_whole_as_paragraphs(page, db):
    text = db.execute("SELECT text FROM documents WHERE document_id = ?", (DOCUMENT,)).fetchone()[0]
    shown = page.find_all("article", "icadb-article")[0].find_all("p", "icadb-paragraph")
    assert len(shown) == len(paragraphs(text)) > 5
    for para, shown_para in zip(paragraphs(text), shown):
        chips = shown_para.find_all("a") + shown_para.find_all("span", "icadb-uncited-label")
        for chip in chips:
            chip.parts.clear()  # the links after a quote are the page's, not the article's
        assert shown_para.text == para.text, "every character of the article, in order"


def test_every_cited_quote_is_highlighted_with_an_anchor(page, db):
    anchors = {m.attrs.get("id") for m in page.find_all("mark")}
    for char_start, quote in db.execute("SELECT char_start, quote FROM evidence WHERE document_id = ?", (DOCUMENT,)):
        assert f"at-{char_start}" in anchors, f"no anchor for the quote at {char_start}"
        mark = next(m for m in page.find_all("mark") if m.attrs.get("id") == f"at-{char_start}")
        assert "cited" in mark.classes and quote.startswith(mark.text)


def test_every_cited_quote_links_to_its_records(page, db):
    cites = {a.attrs["href"] for a in page.find_all("a", "icadb-cites")}
    records = {r[0] for r in db.execute("SELECT DISTINCT record_id FROM evidence WHERE document_id = ?", (DOCUMENT,))}
    assert cites == {f"/icadb/records/{r}" for r in records}


def test_every_sentence_and_skipped_passage_has_an_anchor(page, db):
    ids = {e.attrs.get("id") for e in page.find_all("mark") + page.find_all("span", "icadb-anchor")}
    starts = [r[0] for r in db.execute("SELECT char_start FROM sentences WHERE document_id = ? UNION "
                                       "SELECT char_start FROM coverage_skips WHERE document_id = ?",
                                       (DOCUMENT, DOCUMENT))]
    assert {f"at-{s}" for s in starts} <= ids


def test_the_records_it_backs_are_listed(page, db):
    listed = page.find_all("details", "icadb-records-list")[0].find_all("a", "icadb-record-link")
    count = db.execute("SELECT count(DISTINCT record_id) FROM evidence WHERE document_id = ?", (DOCUMENT,)).fetchone()[0]
    assert len(listed) == count


def test_an_uncited_sentence_is_marked_with_its_draft(draft_datasette, draft_db):
    import sqlite3

    conn = sqlite3.connect(draft_db)
    start, text = conn.execute("SELECT char_start, text FROM review_queue WHERE document_id = ?",
                               (DRAFT_DOCUMENT,)).fetchone()
    conn.close()
    html = parse(draft_datasette(f"/icadb/documents/{DRAFT_DOCUMENT}").text)
    mark = next(m for m in html.find_all("mark") if m.attrs.get("id") == f"at-{start}")
    assert {"uncited", "suggested"} <= mark.classes and mark.text == text
    label = html.find_all("span", "icadb-uncited-label")[0]
    assert "not yet cited" in label.text and label.find_all("a")[0].attrs["href"] == f"/icadb/records/{DRAFT_RECORD}"


def test_a_suggested_quote_is_marked_as_suggested(draft_datasette):
    html = parse(draft_datasette(f"/icadb/documents/{DRAFT_DOCUMENT}").text)
    suggests = [a for a in html.find_all("a", "icadb-suggests")]
    assert suggests and all(a.attrs["title"].startswith("Suggested by a program") for a in suggests)
    assert any(SUGGESTED_QUOTE == m.text and "suggested" in m.classes for m in html.find_all("mark"))


def test_json_is_datasettes_own(datasette):
    data = datasette(f"/icadb/documents/{DOCUMENT}.json").json()
    assert data["rows"][0][0] == DOCUMENT and "text" in data["columns"]


def test_every_document_has_a_page(datasette, db):
    for (document_id,) in db.execute("SELECT document_id FROM documents"):
        assert datasette(f"/icadb/documents/{document_id}").status_code == 200, document_id


def test_when_the_review_queue_is_cut_off_the_page_says_so(draft_datasette, monkeypatch):
    from icadb.datasette_plugin import pages

    async def cut_off(db, document_id):
        return [], False

    monkeypatch.setattr(pages, "_queue", cut_off)
    html = parse(draft_datasette(f"/icadb/documents/{DRAFT_DOCUMENT}?cut-off").text)
    assert html.find_all("article", "icadb-article")[0].find_all("mark", "uncited") == []
    assert "review queue took too long" in html.find_all("p", "icadb-legend")[0].text


def test_a_quote_across_two_paragraphs_is_linked_once_after_its_last_words():
    text = "date 2023-10-17 India offered help.\n\nIt was welcomed."
    paras = paragraphs(text)
    span = Span(0, text.index("help.") + len("help."), "cited", key="r")  # the date line and the sentence after it
    runs = [marked(p, [span]) for p in paras]
    assert [[s.key for r in para for s in r.closing] for para in runs] == [[], ["r"], []]
