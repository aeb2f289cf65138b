"""Large inputs are read and tagged in processes beside the build: the result must not depend on it.

``ICADB_PROCESS_MIN_BYTES=0`` sends every seed file to a reader process and
the tagging to a tagger process; ``-1`` keeps everything in the building
process. The project's seeds are small, so without the variable they never
leave it; the scale benchmark's large corpora do.
"""

from __future__ import annotations

import multiprocessing
import re
import sqlite3

import pytest
from click.testing import CliRunner

from icadb.build import build
from icadb.cli import cli
from icadb.errors import Problems
from icadb.paths import SEEDS_DIR
from icadb.yamlstream import PROCESS_ENV, iter_records
from tests.defects import CASES, make_seeds, relative


def check_output(seeds, monkeypatch, min_bytes: str):
    monkeypatch.setenv(PROCESS_ENV, min_bytes)
    result = CliRunner().invoke(cli, ["check", "--seeds", str(seeds)])
    assert not (result.exception and not isinstance(result.exception, SystemExit)), repr(result.exception)
    lines = [re.sub(r"\(\d+\.\d+ s\)$", "(time)", relative(line, seeds)) for line in result.output.splitlines()]
    return result.exit_code, lines


def table_contents(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    contents = {t: sorted(conn.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables
                if not t.startswith("sqlite_") and "_fts" not in t}
    conn.close()
    return contents


def test_a_build_in_processes_equals_a_build_in_one(tmp_path, monkeypatch):
    monkeypatch.setenv(PROCESS_ENV, "-1")
    here = build(tmp_path / "here.sqlite", seeds=SEEDS_DIR)
    monkeypatch.setenv(PROCESS_ENV, "0")
    apart = build(tmp_path / "apart.sqlite", seeds=SEEDS_DIR)
    assert apart.counts == here.counts and here.counts["mentions"] > 0
    first, second = table_contents(here.path), table_contents(apart.path)
    assert first.keys() == second.keys()
    for table in first:
        assert first[table] == second[table], table
    assert sorted(p.name for p in tmp_path.iterdir()) == ["apart.sqlite", "here.sqlite"]  # no scratch file left
    # Not only the same rows: the same bytes (a release is checked by its checksum,
    # whichever way the machine that built it read and tagged the seeds).
    assert here.path.read_bytes() == apart.path.read_bytes()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_every_defect_reads_the_same_in_processes(case, tmp_path, monkeypatch):
    seeds = make_seeds(tmp_path / "seeds")
    case.mutate(seeds)
    assert check_output(seeds, monkeypatch, "0") == check_output(seeds, monkeypatch, "-1")


def test_a_failed_build_leaves_no_process_and_no_scratch_file(tmp_path, monkeypatch):
    seeds = make_seeds(tmp_path / "seeds")
    next(c for c in CASES if c.id == "quote-not-found").mutate(seeds)
    monkeypatch.setenv(PROCESS_ENV, "0")
    result = CliRunner().invoke(cli, ["build", "--seeds", str(seeds), "--db", str(tmp_path / "db" / "icadb.sqlite")])
    assert result.exit_code == 1
    assert list((tmp_path / "db").iterdir()) == []
    assert multiprocessing.active_children() == []


def test_a_reader_left_early_is_stopped(tmp_path, monkeypatch):
    path = tmp_path / "big.yaml"
    path.write_text("".join(f"- id: r{i}\n  title: t\n" for i in range(20_000)), encoding="utf-8")
    monkeypatch.setenv(PROCESS_ENV, "0")
    records = iter_records(path, Problems())
    assert next(records)[1] == {"id": "r0", "title": "t"}
    assert [p.name for p in multiprocessing.active_children()] == ["icadb-reader"]
    records.close()
    assert multiprocessing.active_children() == []


def read_both_ways(path, monkeypatch):
    outcomes = []
    for min_bytes in ("0", "-1"):
        monkeypatch.setenv(PROCESS_ENV, min_bytes)
        problems = Problems()
        got = list(iter_records(path, problems))
        outcomes.append(([(line, dict(r), r.key_lines, r.line) for line, r in got],
                         [(line, list(r["evidence"]), r["evidence"].item_lines) for line, r in got if "evidence" in r],
                         [str(p) for p in problems.items], problems.notes, sorted(problems.unreadable)))
    assert outcomes[0] == outcomes[1]
    return outcomes[0]


def test_lines_survive_the_trip_between_processes(tmp_path, monkeypatch):
    path = tmp_path / "seed.yaml"
    path.write_bytes(b"\xef\xbb\xbf- id: a\n  title: x\n\n- id: b\n  evidence:\n    - quote: q\n\n    - {quote: r}\n- 12\n")
    records, evidence, problems, notes, unreadable = read_both_ways(path, monkeypatch)
    assert [line for line, *_ in records] == [1, 4]
    assert records[1][2] == {"id": 4, "evidence": 5}
    assert evidence == [(4, [{"quote": "q"}, {"quote": "r"}], [6, 8])]
    assert len(problems) == 1 and ":9: (record): list item is a single value (12)" in problems[0]
    assert any("byte-order mark" in n for n in notes) and unreadable == []


def test_a_broken_file_reads_the_same_in_processes(tmp_path, monkeypatch):
    path = tmp_path / "seed.yaml"
    path.write_text("- id: a\n  title: x\n- id: b\n  id: c\n", encoding="utf-8")
    records, _, problems, _, unreadable = read_both_ways(path, monkeypatch)
    assert [r[1] for r in records] == [{"id": "a", "title": "x"}]
    assert len(problems) == 1 and ":4: id: duplicate field 'id' in one record" in problems[0]
    assert len(unreadable) == 1


def test_without_the_variable_helpers_are_used_only_when_a_core_is_free(monkeypatch):
    """Helper processes on a busy core made a 1,000x build 1.32x slower
    (benchmarks/helpers.py), so by default the build looks first."""
    from icadb import cores
    from icadb.yamlstream import PROCESS_MIN_BYTES, process_min_bytes

    monkeypatch.delenv(PROCESS_ENV, raising=False)
    looked = []
    for idle, expected in ((2.0, PROCESS_MIN_BYTES), (1.0, 1 << 62)):
        cores.a_core_is_free.cache_clear()
        monkeypatch.setattr(cores, "idle_cores", lambda seconds=0.25, idle=idle: looked.append(idle) or idle)
        assert process_min_bytes(PROCESS_MIN_BYTES) == expected
    assert looked == [2.0, 1.0]
    cores.a_core_is_free.cache_clear()
    assert process_min_bytes(10) == PROCESS_MIN_BYTES and len(looked) == 2  # a small input: no need to look
    monkeypatch.setenv(PROCESS_ENV, "0")
    assert process_min_bytes(PROCESS_MIN_BYTES) == 0 and len(looked) == 2
    cores.a_core_is_free.cache_clear()


def test_idle_cores_reads_a_plausible_figure():
    import os

    from icadb.cores import idle_cores

    assert 0 <= idle_cores(0.05) <= (os.cpu_count() or 1) + 0.01
