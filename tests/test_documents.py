"""Seed documents: stored exactly as given, with complete metadata."""

from __future__ import annotations

import hashlib

import pytest

from icadb.build import build
from icadb.loaders.errors import SeedError
from icadb.paths import SEEDS_DIR

DOCS = SEEDS_DIR / "documents"


def test_every_text_has_metadata_and_vice_versa():
    assert {p.stem for p in DOCS.glob("*.txt")} == {p.stem for p in DOCS.glob("*.yaml")}


def test_stored_text_is_the_file_byte_for_byte(db):
    for row in db.execute("SELECT document_id, text, sha256, char_count FROM documents"):
        raw = (DOCS / f"{row['document_id']}.txt").read_bytes()
        assert row["text"].encode("utf-8") == raw
        assert row["sha256"] == hashlib.sha256(raw).hexdigest()
        assert row["char_count"] == len(raw.decode("utf-8"))


def test_metadata_is_complete(db):
    for row in db.execute("SELECT * FROM documents"):
        assert row["title"] and row["original_filename"].endswith(".txt")
        # dated to a unit, or (where no month or year holds what the text allows) by both bounds
        assert row["date_precision"] in ("day", "month", "year") or row["published_on"] is None
        assert row["published_earliest"] <= row["published_latest"]
        if row["date_basis"] == "inferred":
            assert row["date_note"], f"{row['document_id']}: an inferred date needs its reasoning"


def test_edited_text_is_refused(tmp_path, seeds_copy):
    text = next((seeds_copy / "documents").glob("*.txt"))
    text.write_text(text.read_text(encoding="utf-8") + " edited", encoding="utf-8")
    with pytest.raises(SeedError) as info:
        build(tmp_path / "x.sqlite", seeds=seeds_copy)
    (problem,) = info.value.problems.items
    assert problem.field == "sha256" and "has changed since it was recorded" in problem.message


def test_text_without_metadata_is_refused(tmp_path, seeds_copy):
    (seeds_copy / "documents" / "new-article.txt").write_text("India and Kazakhstan met.", encoding="utf-8")
    with pytest.raises(SeedError) as info:
        build(tmp_path / "x.sqlite", seeds=seeds_copy)
    (problem,) = info.value.problems.items
    assert problem.path.endswith("new-article.txt") and "document metadata missing" in problem.message
