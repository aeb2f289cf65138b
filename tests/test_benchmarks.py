"""The benchmark scripts run (CI smoke test at the smallest sizes; no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import PROJECT_ROOT, run_icadb


def run(*args: str, timeout: float = 600) -> str:
    result = subprocess.run([sys.executable, *args], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_generated_seeds_pass_icadb_check(tmp_path):
    run("benchmarks/generate.py", "--scale", "1", "--out", str(tmp_path / "seeds"))
    result = run_icadb("check", "--seeds", str(tmp_path / "seeds"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("seeds OK: 59 records")


def test_generator_is_deterministic(tmp_path):
    for name in ("a", "b"):
        run("benchmarks/generate.py", "--scale", "1", "--out", str(tmp_path / name))
    first = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert first and all((tmp_path / "a" / p).read_bytes() == (tmp_path / "b" / p).read_bytes() for p in first)


def test_scale_benchmark_runs_at_1x():
    out = run("benchmarks/run.py", "--scales", "1", "--requests", "3", "--no-results")
    for heading in ("## Build", "## Views", "## Serving", "## Export", "raw executemany", "sqlite-utils"):
        assert heading in out


def test_other_benchmarks_run():
    assert "median of 1" in run("benchmarks/build_time.py", "--runs", "1")
    assert "MB/s" in run("benchmarks/tagging_speed.py")
    assert "p95" in run("benchmarks/load.py", "--clients", "2", "--seconds", "2", "--cache", "on")
    assert "rows/s" in run("benchmarks/export_speed.py", "--runs", "1")
    assert "of a core" in run("benchmarks/serve_idle.py", "--seconds", "1", "--requests", "5")
