"""Property-based: curators' mistakes at random never give a half-built database.

Hypothesis mutates a copy of the real seeds (drops, duplicates, swaps,
retypes or truncates lines, fields and files) and builds over a good
database. Either the build succeeds and every invariant holds (foreign keys,
integrity, verbatim evidence, the views' contracts), or it fails with located
problems and the old database is byte-identical. Never a traceback.

ICADB_HYPOTHESIS_EXAMPLES sets the number of examples (default 30, to keep
CI bounded; a longer run was made with 2,000).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from icadb.build import build
from icadb.loaders.errors import SeedError
from icadb.paths import SEEDS_DIR

EXAMPLES = int(os.environ.get("ICADB_HYPOTHESIS_EXAMPLES", "30"))
SEED_FILES = sorted(str(p.relative_to(SEEDS_DIR)) for p in SEEDS_DIR.rglob("*") if p.is_file()
                    and p.suffix in (".yaml", ".csv", ".txt"))
SCALARS = ["", "~", "null", "0", "-1", "2023-02-30", "2021-13", "true", "[]", "{}", "'x'", "ZZZ", "kaz",
           "unknown", "é", "99999999999999999999", "\t", "- a", "&anchor x", "*alias", "!!int 3", ": :"]
CONTRACT = {"timeline": {"kind", "record_id", "title", "date", "date_precision", "date_earliest", "date_latest",
                         "year", "status", "countries", "sources", "first_reported"},
            "evidence_trail": {"kind", "record_id", "title", "document_id", "document_title", "publisher",
                               "published_on", "quote"},
            "country_activity": {"iso3", "name", "meetings", "exercises", "agreements", "proposals", "first_date",
                                 "last_date"}}


@st.composite
def mutations(draw):
    path = draw(st.sampled_from(SEED_FILES))
    op = draw(st.sampled_from(["drop_line", "duplicate_line", "swap_lines", "retype", "truncate", "drop_field",
                               "indent", "empty_file", "drop_file", "flip_byte"]))
    return path, op, draw(st.integers(0, 10_000)), draw(st.integers(0, 10_000)), draw(st.sampled_from(SCALARS))


def apply(seeds: Path, mutation) -> None:
    path, op, a, b, scalar = mutation
    file = seeds / path
    data = file.read_bytes()
    lines = data.split(b"\n")
    i, j = a % max(len(lines), 1), b % max(len(lines), 1)
    if op == "drop_line":
        del lines[i]
    elif op == "duplicate_line":
        lines.insert(i, lines[i])
    elif op == "swap_lines":
        lines[i], lines[j] = lines[j], lines[i]
    elif op == "retype":  # a field's value, or a CSV cell, becomes something else
        line = lines[i].decode("utf-8", "replace")
        if ": " in line:
            line = line.split(": ", 1)[0] + ": " + scalar
        elif "," in line:
            cells = line.split(",")
            cells[j % len(cells)] = scalar
            line = ",".join(cells)
        else:
            line = scalar
        lines[i] = line.encode("utf-8")
    elif op == "drop_field":  # a field and its indented continuation lines
        end = i + 1
        indent = len(lines[i]) - len(lines[i].lstrip())
        while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > indent:
            end += 1
        del lines[i:end]
    elif op == "indent":
        lines[i] = b"  " + lines[i]
    elif op == "truncate":
        file.write_bytes(data[: a % max(len(data), 1)])
        return
    elif op == "empty_file":
        file.write_bytes(b"")
        return
    elif op == "drop_file":
        file.unlink()
        return
    elif op == "flip_byte" and data:
        k = a % len(data)
        file.write_bytes(data[:k] + bytes([data[k] ^ 0x80]) + data[k + 1:])
        return
    file.write_bytes(b"\n".join(lines))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_invariants(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        bad = conn.execute("SELECT count(*) FROM evidence e JOIN documents d USING (document_id) "
                           "WHERE e.quote <> substr(d.text, e.char_start + 1, e.char_end - e.char_start)").fetchone()[0]
        assert bad == 0, "every quote is its document's own text"
        assert conn.execute("SELECT count(*) FROM records WHERE record_id NOT IN (SELECT record_id FROM evidence)"
                            ).fetchone()[0] == 0, "every record has evidence"
        for view, columns in CONTRACT.items():
            assert columns <= {r[1] for r in conn.execute(f"PRAGMA table_info({view})")}
            conn.execute(f"SELECT * FROM {view}").fetchall()
        assert conn.execute("SELECT count(*) FROM build_info").fetchone()[0] == 1
    finally:
        conn.close()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          derandomize=os.environ.get("ICADB_HYPOTHESIS_RANDOM") is None)
@given(mutation=mutations())
@example(mutation=("conflicts.yaml", "retype", 0, 0, "&anchor x"))  # found by a long run: a message without "expected"
def test_a_mutated_seed_either_builds_soundly_or_fails_located_leaving_the_old_database(good_db_template, mutation):
    with tempfile.TemporaryDirectory() as folder:
        seeds = Path(folder) / "seeds"
        shutil.copytree(SEEDS_DIR, seeds)
        apply(seeds, mutation)
        target = Path(folder) / "icadb.sqlite"
        shutil.copy(good_db_template, target)
        before = sha(target)
        try:
            build(target, seeds=seeds)
        except SeedError as exc:
            assert sha(target) == before, "a failed build must leave the old database as it was"
            assert exc.problems.items, "a failure names its problems"
            for problem in exc.problems.items:
                assert problem.path and problem.field and problem.message, problem
                assert problem.path.startswith(str(seeds)) or problem.path == "(database)", problem
                assert "expected" in problem.message or problem.path == "(database)", problem
            assert sorted(p.name for p in Path(folder).iterdir()) == ["icadb.sqlite", "seeds"], "no leftovers"
        else:
            check_invariants(target)
