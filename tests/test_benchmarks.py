"""The benchmark scripts run (CI smoke test at the smallest sizes; no timing is
asserted). Marked ``bench``: CI runs them with everything else; leave them out
with ``pytest -m "not bench"``. Everything they write goes under tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import PROJECT_ROOT, run_icadb, tree_bytes

pytestmark = pytest.mark.bench


def run(*args: str, tmp: Path, timeout: float = 600) -> str:
    """Run a benchmark script; its temporary files (TMPDIR) go under *tmp*."""
    (tmp / "tmp").mkdir(exist_ok=True)
    result = subprocess.run([sys.executable, *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, "TMPDIR": str(tmp / "tmp")})
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_generated_seeds_pass_icadb_check(tmp_path):
    run("benchmarks/generate.py", "--scale", "1", "--out", str(tmp_path / "seeds"), tmp=tmp_path)
    result = run_icadb("check", "--seeds", str(tmp_path / "seeds"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("seeds OK: 59 records")


def test_generator_is_deterministic(tmp_path):
    for name in ("a", "b"):
        run("benchmarks/generate.py", "--scale", "1", "--out", str(tmp_path / name), tmp=tmp_path)
    first, second = tree_bytes(tmp_path / "a"), tree_bytes(tmp_path / "b")
    assert first and sorted(first) == sorted(second), "the same files, both ways"
    assert [p for p in first if first[p] != second[p]] == []


def test_scale_benchmark_runs_at_1x(tmp_path):
    out = run("benchmarks/run.py", "--scales", "1", "--repeat", "1", "--requests", "3", "--no-old", "--no-results",
              "--work", str(tmp_path / "work"), tmp=tmp_path)
    assert (tmp_path / "work" / "new-1" / "icadb.sqlite").exists(), "the work folder named is the one used"
    for heading in ("## Build", "## Serving", "## Export", "the sqlite3 CLI loads its dump", "records + facets",
                    "timeline", "Peak memory of the new build"):
        assert heading in out
