"""icadb build: from nothing to a verified database, atomically."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys

import pytest

from icadb.build import build
from icadb.loaders.errors import SeedError
from icadb.paths import SEEDS_DIR
from tests.helpers import run_icadb

TABLES = {"countries", "organizations", "people", "places", "documents", "records", "meetings", "agreements",
          "exercises", "proposals", "record_countries", "record_organizations", "record_people", "evidence"}


def content(path) -> list[str]:
    """Every table's rows, in a fixed order (the database's content, not its bytes)."""
    conn = sqlite3.connect(path)
    try:
        out = []
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name"):
            width = len(conn.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
            order = ", ".join(str(i) for i in range(1, width + 1))
            rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()
            out.append(f"{table}: {rows!r}")
        return out
    finally:
        conn.close()


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_build_creates_every_table(db):
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert TABLES <= names


def test_built_database_passes_foreign_key_and_integrity_checks(db):
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert [r[0] for r in db.execute("PRAGMA integrity_check")] == ["ok"]


def test_build_is_stamped_with_the_head_revision(db):
    from icadb.migrate import head_revision

    assert db.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()


def test_built_file_is_ready_for_immutable_serving(built_db):
    conn = sqlite3.connect(built_db)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert not built_db.with_name(built_db.name + "-wal").exists()


def test_two_builds_have_identical_content(tmp_path, built_db):
    again = tmp_path / "again.sqlite"
    build(again)
    assert content(again) == content(built_db)


def test_a_meeting_loads_end_to_end_with_its_details_links_and_evidence(db):
    row = db.execute(
        "SELECT r.kind, m.meeting_level, count(DISTINCT rc.iso3) AS countries, count(DISTINCT e.evidence_id) AS quotes "
        "FROM records r JOIN meetings m USING (record_id) JOIN record_countries rc USING (record_id) "
        "JOIN evidence e USING (record_id) WHERE r.record_id = 'ica-nsa-2023-kazakhstan'"
    ).fetchone()
    assert row["kind"] == "meeting" and row["meeting_level"] == "security_advisers"
    assert row["countries"] >= 2 and row["quotes"] >= 1


def test_failed_build_leaves_the_old_database_byte_identical(tmp_path, seeds_copy):
    target = tmp_path / "icadb.sqlite"
    build(target, seeds=seeds_copy)
    before = sha(target)
    meetings = seeds_copy / "records" / "meetings.yaml"
    meetings.write_text(meetings.read_text().replace("status: held", "status: hled", 1))
    with pytest.raises(SeedError) as info:
        build(target, seeds=seeds_copy)
    assert sha(target) == before
    assert [p.field for p in info.value.problems.items] == ["status"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["icadb.sqlite", "seeds"], "no build file left behind"


def test_failed_first_build_creates_no_file(tmp_path, seeds_copy):
    (seeds_copy / "reference" / "places.yaml").write_text("- id: Bad Id\n")
    target = tmp_path / "icadb.sqlite"
    with pytest.raises(SeedError):
        build(target, seeds=seeds_copy)
    assert not target.exists()


def test_cli_reports_located_problems_and_exits_1(tmp_path, seeds_copy):
    meetings = seeds_copy / "records" / "meetings.yaml"
    text = meetings.read_text()
    lines = text.splitlines()
    status_line = next(i for i, line in enumerate(lines, start=1) if line.strip() == "status: held")
    meetings.write_text(text.replace("status: held", "status: hled", 1))
    result = run_icadb("build", "--seeds", str(seeds_copy), db=tmp_path / "x.sqlite")
    assert result.returncode == 1
    assert f"meetings.yaml:{status_line}: status: 'hled' is not an allowed value" in result.stderr
    assert "did you mean 'held'?" in result.stderr
    assert "Traceback" not in result.stderr
    assert "build failed: 1 problem in the seeds; " in result.stderr


def test_cli_build_is_quiet_when_piped_and_silent_with_quiet(tmp_path):
    piped = run_icadb("build", db=tmp_path / "a.sqlite", check=True)
    assert piped.stdout == ""
    assert piped.stderr.startswith("built ") and "\x1b[" not in piped.stderr, "no progress bars when piped"
    quiet = run_icadb("build", "--quiet", db=tmp_path / "b.sqlite", check=True)
    assert quiet.stdout == "" and quiet.stderr == ""


def test_build_path_keeps_heavy_imports_away(tmp_path):
    """The build runs to the end (exit 0, the database written) and imports
    none of the heavy modules; a failed build is never taken for a light one."""
    script = (
        "import sys; from icadb.cli import main; sys.argv = ['icadb', 'build', '-q']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\nelse:\n    code = 0\n"
        "print(code, ' '.join(m for m in ('pandas', 'datasette', 'numpy') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={"ICADB_DB": str(tmp_path / "c.sqlite"), "PATH": "/usr/bin:/bin"}, check=True)
    assert result.stdout.split(" ", 1) == ["0", "\n"], f"exit code, heavy modules: {result.stdout!r}\n{result.stderr}"
    assert (tmp_path / "c.sqlite").stat().st_size > 0


def test_default_database_path_follows_icadb_db(monkeypatch, tmp_path):
    from icadb.paths import PROJECT_ROOT, default_db_path

    monkeypatch.delenv("ICADB_DB", raising=False)
    assert default_db_path() == PROJECT_ROOT / "icadb.sqlite"
    monkeypatch.setenv("ICADB_DB", str(tmp_path / "elsewhere.sqlite"))
    assert default_db_path() == tmp_path / "elsewhere.sqlite"


def test_seeds_are_the_project_seeds():
    assert (SEEDS_DIR / "documents").is_dir() and (SEEDS_DIR / "records").is_dir()


def test_indexes_after_a_build_are_the_migrations_own(built_db, tmp_path):
    """The build drops a table's plain indexes while it loads it and rebuilds
    them after: the built file ends with exactly the indexes (names, tables,
    SQL) the migrations make, and those of the materialised views (schema/views/)."""
    from icadb import migrate

    empty = tmp_path / "empty.sqlite"
    migrate.upgrade(empty)

    def indexes(path):
        conn = sqlite3.connect(path)
        try:
            return sorted(conn.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index'"))
        finally:
            conn.close()
    from icadb.views import views

    materialized = {view.table for view in views() if view.materialized}
    built = indexes(built_db)
    assert [i for i in built if i[1] not in materialized] == indexes(empty)
    assert {i[1] for i in built if i[1] in materialized} == materialized
    assert any(sql and not sql.upper().startswith("CREATE UNIQUE") for _n, _t, sql in built)  # some were deferred


def test_a_dangling_reference_a_loader_lets_through_fails_the_build(seeds_copy, tmp_path, monkeypatch):
    """Foreign keys are not enforced row by row during a build; verify()
    checks every row once, before the commit. A loader that wrote a row
    pointing at nothing fails the build, located, and leaves the target alone."""
    from icadb.loaders import coverage

    target = tmp_path / "icadb.sqlite"
    build(target, seeds=seeds_copy)
    before = sha(target)
    original = coverage.load

    def load_and_write_a_dangling_row(ctx, writer):
        original(ctx, writer)
        record_id, role = ctx.conn.execute("SELECT record_id, role FROM record_countries LIMIT 1").fetchone()
        ctx.conn.execute("INSERT INTO record_countries (record_id, iso3, role, note) VALUES (?, 'XXX', ?, NULL)",
                         (record_id, role))
    monkeypatch.setattr(coverage, "load", load_and_write_a_dangling_row)
    with pytest.raises(SeedError) as caught:
        build(target, seeds=seeds_copy)
    messages = [str(p) for p in caught.value.problems.items]
    assert any(m.startswith("(database): record_countries: row ") and "points at a missing countries row" in m
               for m in messages), messages
    assert sha(target) == before
