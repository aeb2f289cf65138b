"""icadb coverage: every sentence that names a country or organisation is settled."""

from __future__ import annotations

from icadb.coverage import coverage
from icadb.loaders.text import Gazetteer, sentences
from tests.helpers import run_icadb


def test_no_sentence_is_left_undecided(db):
    undecided = [f"{s.document_id} [{s.sentence.start}:{s.sentence.end}] {s.sentence.text}"
                 for s in coverage(db) if not s.decided]
    assert undecided == [], "cite these in seeds/records/ or skip them in seeds/coverage.yaml"


def test_coverage_command_exits_0_and_summarises(built_db):
    result = run_icadb("coverage", db=built_db)
    assert result.returncode == 0, result.stdout
    assert ", 0 undecided" in result.stdout


def test_coverage_command_lists_an_undecided_sentence_and_exits_1(tmp_path, seeds_copy):
    skips = seeds_copy / "coverage.yaml"
    skips.write_text(skips.read_text(encoding="utf-8").replace(
        "    - quote: Buddhism spread from India to Central Asia, establishing strong spiritual ties.\n      reason: background\n",
        ""), encoding="utf-8")
    db = tmp_path / "x.sqlite"
    run_icadb("build", "--seeds", str(seeds_copy), db=db, check=True)
    result = run_icadb("coverage", db=db)
    assert result.returncode == 1
    assert "UNDECIDED (IND)" in result.stdout and "Buddhism spread from India" in result.stdout
    assert ", 1 undecided" in result.stdout


def test_skips_and_citations_do_not_overlap_needlessly(db):
    """A sentence both cited and skipped means a stale skip."""
    both = [s.sentence.text for s in coverage(db) if s.cited_by and s.skipped]
    assert both == []


def test_sentences_handle_initials_and_headlines():
    text = "External Affairs Minister S. Jaishankar hosted them. The U.S. works with them.\nA headline\nNext one."
    assert [s.text for s in sentences(text)] == [
        "External Affairs Minister S. Jaishankar hosted them.", "The U.S. works with them.", "A headline", "Next one."]


def test_gazetteer_prefers_the_longest_name_and_whole_words():
    g = Gazetteer({"Indian": ("country", "IND"), "India": ("country", "IND"), "Indian Ocean": ("ignore", None),
                   "Uzbek": ("country", "UZB"), "Uzbekistan": ("country", "UZB")})
    found = [(m.surface, m.entity_id) for m in g.mentions("India's Indian Ocean plan; Uzbekistan, Uzbek; Indiana")]
    assert found == [("India", "IND"), ("Uzbekistan", "UZB"), ("Uzbek", "UZB")]
