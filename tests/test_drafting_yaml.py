"""YAML in drafting: one set of reading rules (YAML 1.2's core schema) and
ruamel.yaml's round trip for editing seed files, which keeps every byte that
is not edited."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from icadb.drafting import seedfiles
from icadb.drafting.yamlio import SeedFile, drafts_text
from icadb.loaders.yamlread import load
from icadb.paths import SEEDS_DIR


def read_text(text: str):
    """*text* read as the project reads all its YAML."""
    return load(Path("<text>"), text)


# The lists that accept and reject edit, and the other lists of the seeds (the documents' metadata are mappings).
SEED_FILES = sorted(p for p in SEEDS_DIR.rglob("*.yaml")
                    if p.name != "drafting_rules.yaml" and p.parent.name != "documents")


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: str(p.relative_to(SEEDS_DIR)))
def test_a_seed_file_read_and_written_back_is_byte_identical(path):
    assert SeedFile(path).text() == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("word", ["on", "off", "yes", "no", "On", "NO", "y", "n"])
def test_yaml_11_booleans_are_words(word):
    assert read_text(f"words: [{word}]")["words"] == [word]


def test_true_false_numbers_and_dates_under_the_core_schema():
    data = read_text("a: true\nb: false\nc: 12\nd: 1.5\ne: 2024-04-15\nf: 2024\ng: null\nh: 0x10")
    assert data == {"a": True, "b": False, "c": 12, "d": 1.5, "e": "2024-04-15", "f": 2024, "g": None, "h": 16}


def test_a_rules_file_with_a_bare_on_reads_it_as_the_word(tmp_path):
    from icadb.drafting.rules import load

    seeds = tmp_path / "seeds"
    (seeds / "reference").mkdir(parents=True)
    text = (SEEDS_DIR / "reference" / "drafting_rules.yaml").read_text(encoding="utf-8")
    text = text.replace("subject_prepositions: ['on', about,", "subject_prepositions: [on, about,")
    assert "subject_prepositions: [on, about," in text
    (seeds / "reference" / "drafting_rules.yaml").write_text(text, encoding="utf-8")
    assert "on" in load(seeds).subject_prepositions.phrases


@pytest.fixture
def meetings(tmp_path) -> Path:
    path = tmp_path / "meetings.yaml"
    shutil.copy(SEEDS_DIR / "records" / "meetings.yaml", path)
    return path


def test_removing_a_record_takes_out_its_lines_and_one_blank_line(meetings):
    before = meetings.read_text(encoding="utf-8")
    file = SeedFile(meetings)
    second = file.items[1]["id"]
    first_line, next_line = file.items[1].lc.line, file.items[2].lc.line
    file.remove(second)
    file.save()
    lines = before.splitlines(keepends=True)
    assert meetings.read_text(encoding="utf-8") == "".join(lines[:first_line] + lines[next_line:])


def test_removing_the_last_record_leaves_the_file_ending_as_before(meetings):
    file = SeedFile(meetings)
    file.remove(file.items[-1]["id"])
    file.save()
    text = meetings.read_text(encoding="utf-8")
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_appending_a_record_adds_it_after_one_blank_line(meetings):
    before = meetings.read_text(encoding="utf-8")
    file = SeedFile(meetings)
    file.append(read_item("- id: x\n  countries:\n    - {iso3: IND, role: host}\n"))
    file.save()
    assert meetings.read_text(encoding="utf-8") == before + "\n- id: x\n  countries:\n    - {iso3: IND, role: host}\n"


def read_item(text: str):
    from icadb.drafting.yamlio import editor

    return editor().load(text)[0]


def test_evidence_added_to_a_record_in_the_middle_of_a_file_keeps_the_blank_line_after_it(meetings):
    file = SeedFile(meetings)
    record = next(item for item in file.items[:-1] if list(item)[-1] == "evidence")
    found = seedfiles.Found(file, record)
    seedfiles.add_evidence(found, [{"document": "d", "quote": "Q.", "note": "n"}])
    file.save()
    text = meetings.read_text(encoding="utf-8")
    new = "    - document: d\n      quote: Q.\n      note: n\n"
    assert new in text
    after = text[text.index(new) + len(new):]
    assert after.startswith("\n- id: "), after[:80]


def test_drafts_are_written_in_the_seeds_layout():
    text = drafts_text([{"id": "a", "kind": "meeting", "date": "2024-04-15", "date_earliest": "2024-04-15",
                         "date_latest": "2024-04-15", "countries": [{"iso3": "IND", "role": "host"}],
                         "evidence": [{"document": "d", "quote": "Q: a quote."}], "_private": 1},
                        {"id": "b", "kind": "exercise", "date": "2025", "countries": []}], "# header")
    assert text.startswith("# header\n\n- id: a\n  kind: meeting\n  date: 2024-04-15\n")
    assert "    - {iso3: IND, role: host}\n" in text and "_private" not in text
    assert "      quote: 'Q: a quote.'\n\n- id: b\n" in text and "  date: 2025\n" in text
    assert read_text(text)[0]["evidence"][0]["quote"] == "Q: a quote."
