"""icadb check: every class of seed defect is reported where it is, as documented in docs/defects.md."""

from __future__ import annotations

import pytest

from tests.defects import CASES, DOCS_PATH, make_seeds, markdown
from tests.helpers import run_check, tree_bytes


def test_the_defect_fixture_is_valid(tmp_path):
    code, lines = run_check(make_seeds(tmp_path / "seeds"))
    assert code == 0, lines
    assert lines[-1].startswith("seeds OK: 2 records, 2 evidence quotes, 1 documents")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_defect(case, tmp_path):
    seeds = make_seeds(tmp_path / "seeds")
    case.mutate(seeds)
    code, lines = run_check(seeds)
    *reported, summary = lines
    # The one message, and nothing else but what the case lists: a spurious follow-on fails here.
    assert reported == [case.message, *case.also], "\n".join(lines)
    if case.accepted:
        assert code == 0 and summary.startswith("seeds OK")
    else:
        count = len(reported)
        assert code == 1 and summary == f"icadb: check failed: {count} problem{'s' * (count != 1)} in the seeds", summary


def test_all_defects_are_reported_in_one_run(tmp_path):
    seeds = make_seeds(tmp_path / "seeds")
    wanted = [c for c in CASES if c.id in ("unknown-field", "unknown-country", "quote-not-found", "malformed-csv",
                                           "dangling-reference", "unknown-person", "impossible-date")]
    for case in wanted:
        case.mutate(seeds)
    code, lines = run_check(seeds)
    assert code == 1
    for case in wanted:
        assert case.message in lines


def test_check_writes_nothing(tmp_path):
    """Not a file added, removed or changed, byte for byte, anywhere beside the seeds."""
    seeds = make_seeds(tmp_path / "seeds")
    before = tree_bytes(tmp_path)
    run_check(seeds)
    after = tree_bytes(tmp_path)
    assert sorted(after) == sorted(before)
    assert [p for p in before if after[p] != before[p]] == []


def test_defects_document_is_in_sync():
    assert DOCS_PATH.read_text(encoding="utf-8") == markdown(), "regenerate: python -m tests.defects --write"
