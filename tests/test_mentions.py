"""Mention tagging measured against hand-labelled country mentions in the five seeds
(tests/data/country_mentions.csv; the labelling standard is in tests/data/README.md)."""

from __future__ import annotations

import csv
from pathlib import Path

LABELS = Path(__file__).parent / "data" / "country_mentions.csv"


def labelled() -> set[tuple]:
    with open(LABELS, encoding="utf-8") as fh:
        return {(r["document_id"], int(r["char_start"]), int(r["char_end"]), r["iso3"]) for r in csv.DictReader(fh)
                if r["iso3"]}


def test_country_mention_precision_and_recall(db, capsys):
    truth = labelled()
    found = {tuple(r) for r in db.execute(
        "SELECT document_id, char_start, char_end, iso3 FROM mentions WHERE entity_type = 'country'")}
    hits = truth & found
    precision, recall = len(hits) / len(found), len(hits) / len(truth)
    with capsys.disabled():
        print(f"\ncountry mentions: {len(truth)} labelled, {len(found)} tagged, {len(hits)} right: "
              f"precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.97, f"wrongly tagged: {sorted(found - truth)[:20]}"
    assert recall >= 0.97, f"missed: {sorted(truth - found)[:20]}"


def test_labelled_spans_are_in_the_texts(db):
    texts = dict(db.execute("SELECT document_id, text FROM documents"))
    with open(LABELS, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            assert texts[row["document_id"]][int(row["char_start"]):int(row["char_end"])] == row["surface"], row


def test_mentions_are_whole_words_inside_their_sentence(db):
    rows = db.execute("SELECT m.char_start, m.char_end, m.surface, s.char_start, s.char_end, d.text "
                      "FROM mentions m JOIN sentences s USING (sentence_id) JOIN documents d ON d.document_id = m.document_id")
    for start, end, surface, s_start, s_end, text in rows:
        assert text[start:end] == surface and s_start <= start < end <= s_end
        assert not (start > 0 and text[start - 1].isalnum()) and not (end < len(text) and text[end].isalnum())


def test_sentences_tile_their_documents_in_order(db):
    for document_id, text in db.execute("SELECT document_id, text FROM documents"):
        spans = db.execute("SELECT char_start, char_end, text FROM sentences WHERE document_id = ? ORDER BY position",
                           (document_id,)).fetchall()
        assert spans and all(text[a:b] == t for a, b, t in spans)
        assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
        covered = "".join(text[a:b] for a, b, _ in spans)
        assert "".join(text.split()) == "".join(covered.split()), "no text falls between sentences"


def test_sentence_search(datasette):
    rows = datasette("/icadb/sentences.json?_search=Dushanbe&_shape=array").json()
    assert rows and all("Dushanbe" in r["text"] for r in rows)
