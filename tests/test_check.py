"""icadb check: every class of seed defect is reported where it is, as documented in docs/defects.md."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from icadb.cli import cli
from tests.defects import CASES, DOCS_PATH, make_seeds, markdown, relative


def run_check(seeds):
    result = CliRunner().invoke(cli, ["check", "--seeds", str(seeds)])
    assert not (result.exception and not isinstance(result.exception, SystemExit)), \
        f"a traceback instead of a message: {result.exception!r}"
    return result.exit_code, [relative(line, seeds) for line in result.output.splitlines()]


def test_the_defect_fixture_is_valid(tmp_path):
    code, lines = run_check(make_seeds(tmp_path / "seeds"))
    assert code == 0, lines
    assert lines[-1].startswith("seeds OK: 2 records, 2 evidence quotes, 1 documents")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_defect(case, tmp_path):
    seeds = make_seeds(tmp_path / "seeds")
    case.mutate(seeds)
    code, lines = run_check(seeds)
    assert case.message in lines, "\n".join(lines)
    if case.accepted:
        assert code == 0 and lines[-1].startswith("seeds OK")
    else:
        assert code == 1 and lines[-1].startswith("icadb: check failed: ")


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
    seeds = make_seeds(tmp_path / "seeds")
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    run_check(seeds)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before


def test_defects_document_is_in_sync():
    assert DOCS_PATH.read_text(encoding="utf-8") == markdown(), "regenerate: python -m tests.defects --write"
