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


def test_word_before_a_full_stop_is_what_the_pattern_finds():
    """text._word_before walks back from a full stop; it must find what
    _WORD_BEFORE.search(line, 0, dot) finds, at every position."""
    import random

    from icadb.loaders import text

    lines = ["S. Jaishankar met U.S. officials.", "...a.b. c", "Mr.Modi", "é. x.", "-.-.Z.", "1.2.3", "e.g. the", ""]
    rnd = random.Random(8)
    lines += ["".join(rnd.choice("aZ. -é1\"'”") for _ in range(rnd.randint(1, 10))) for _ in range(3000)]
    for line in lines:
        for dot in range(len(line) + 1):
            match = text._WORD_BEFORE.search(line, 0, dot)
            assert text._word_before(line, dot) == (match.group(1) if match else ""), (line, dot)


def test_cooperation_terms_pattern_finds_what_a_plain_alternation_finds(db):
    """The terms are matched by one trie-shaped pattern; it must find the
    same terms as the longest-first alternation of them, in every sentence
    of the seeds and around every term."""
    import re

    import yaml

    from icadb.loaders.errors import Problems
    from icadb.loaders.context import LoadContext
    from icadb.loaders.sentences import cooperation_terms
    from icadb.paths import SEEDS_DIR
    from icadb.progress import Progress

    context = LoadContext(conn=None, seeds=SEEDS_DIR, problems=Problems(), progress=Progress(enabled=False))
    trie = cooperation_terms(context)
    assert not context.problems
    terms = [t for group in yaml.safe_load((SEEDS_DIR / "reference" / "cooperation_terms.yaml").read_text())
             for t in group["terms"]]
    words = sorted({t.strip() for t in terms}, key=len, reverse=True)
    plain = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)
    texts = [row[0] for row in db.execute("SELECT text FROM sentences")]
    texts += [s for w in words for s in (w, w.upper(), w + "s", "x" + w, w + "-x", f"{w} {w}", f"the {w}.", w[:-1])]
    assert len(texts) > 500

    def found(pattern, sentence):
        return sorted({m.group(0).lower() for m in pattern.finditer(sentence)})
    assert [found(trie, t) for t in texts] == [found(plain, t) for t in texts]
    assert sum(bool(found(trie, t)) for t in texts) > 100
