"""The schema template: migrations run once per set of revisions, copied by every build, never stale."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from icadb import paths, template
from icadb.build import build
from icadb.paths import MIGRATIONS_DIR, PROJECT_ROOT
from tests.helpers import run_icadb


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def cache(tmp_path, monkeypatch) -> Path:
    """An empty template cache of this test's own."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(paths.CACHE_ENV, str(folder))
    return folder


@pytest.fixture()
def migrations_copy(tmp_path) -> Path:
    """A copy of migrations/ that a test may edit."""
    target = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def last_revision(folder: Path) -> Path:
    return sorted((folder / "versions").glob("[0-9]*.py"))[-1]


def test_the_cache_is_in_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(paths.CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.cache_dir() == tmp_path / ".cache" / "icadb"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert paths.cache_dir() == tmp_path / "xdg" / "icadb"
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path / "mine"))
    assert paths.cache_dir() == tmp_path / "mine"


def test_a_build_from_the_template_is_byte_identical_to_the_migrations_replayed(cache, tmp_path):
    copied = build(tmp_path / "copied.sqlite")
    replayed = build(tmp_path / "replayed.sqlite", template=False)
    assert "schema (copy of the migrations' template)" in copied.phases
    assert "migrations (replayed)" in replayed.phases
    assert sha(copied.path) == sha(replayed.path)
    assert [p.name for p in cache.glob("schema-*")] == [template.template_path(template.key()).name]


def test_builds_in_separate_processes_are_byte_identical(cache, tmp_path):
    """Each `icadb build` a process of its own, since what varied (the order of
    constraints in a batch-rebuilt table) varied from process to process."""
    paths = [tmp_path / f"{name}.sqlite" for name in ("first", "second", "replayed", "replayed-again")]
    for path in paths:
        run_icadb("build", "--quiet", *(["--no-template"] if "replayed" in path.name else []), db=path, check=True)
    assert len({sha(p) for p in paths}) == 1


def test_the_template_is_the_migrations_replayed_byte_for_byte(cache, tmp_path):
    replayed = tmp_path / "replayed.sqlite"
    template.replay(replayed)
    assert sha(template.ensure()) == sha(replayed)


def test_the_key_depends_on_the_revisions_contents_not_their_place(migrations_copy):
    assert template.key(migrations=migrations_copy) == template.key()
    (migrations_copy / "versions" / "__pycache__").mkdir()
    (migrations_copy / "versions" / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert template.key(migrations=migrations_copy) == template.key()
    assert template.key("0016") != template.key()


def test_an_edited_revision_gives_a_new_template(cache, migrations_copy, tmp_path):
    build(tmp_path / "before.sqlite")
    revision = last_revision(migrations_copy)
    text = revision.read_text(encoding="utf-8")
    marker = "def upgrade() -> None:\n"
    assert marker in text, f"{revision.name} has no {marker!r}; adapt this test"
    revision.write_text(text.replace(marker, marker + '    op.execute("CREATE TABLE template_probe (x)")\n'),
                        encoding="utf-8")
    assert template.key(migrations=migrations_copy) != template.key()
    after = build(tmp_path / "after.sqlite", migrations=migrations_copy)
    assert len(list(cache.glob("schema-*.sqlite"))) == 2
    import sqlite3

    conn = sqlite3.connect(after.path)
    try:
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'template_probe'").fetchone()
    finally:
        conn.close()


def test_a_new_revision_gives_a_new_template(migrations_copy):
    before = template.key(migrations=migrations_copy)
    (migrations_copy / "versions" / "9999_probe.py").write_text('"""probe"""\n', encoding="utf-8")
    assert template.key(migrations=migrations_copy) != before


PROBE = """
import json, sys
opened = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], str):
        opened.add(args[0])
sys.addaudithook(hook)
from icadb import template
template.replay(sys.argv[1])
files = {getattr(m, "__file__", None) for m in list(sys.modules.values())}
print(json.dumps(sorted(str(f) for f in (opened | files) if f)))
"""


def test_the_key_covers_every_project_file_a_migration_run_reads(tmp_path):
    """If this fails, a migration (or env.py) reads or imports a file of the
    project the template key does not cover, and the template could go
    stale: add it to SCHEMA_FILES or PACKAGE_FILES in icadb/template.py."""
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "probe.sqlite")], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    covered = {p.resolve() for p in template.key_files().values()}
    read = {Path(f).resolve() for f in json.loads(result.stdout.splitlines()[-1])}
    project = PROJECT_ROOT.resolve()
    uncovered = sorted(str(p.relative_to(project)) for p in read
                       if p.is_relative_to(project) and not p.is_relative_to(project / ".venv")
                       and p.is_file() and p.suffix != ".sqlite" and "__pycache__" not in p.parts and p not in covered
                       and p != (project / "alembic.ini"))
    assert uncovered == []


def test_alembic_ini_only_configures_logging_and_the_location():
    """alembic.ini is left out of the key: `icadb build` overrides its script
    location and its logging does not touch the database. If it gains a
    setting that changes what the migrations make, add it to the key."""
    text = (PROJECT_ROOT / "alembic.ini").read_text(encoding="utf-8")
    settings = [line.split("=", 1)[0].strip() for line in text.split("[loggers]", 1)[0].splitlines()
                if "=" in line and not line.lstrip().startswith("#")]
    assert settings == ["script_location", "prepend_sys_path", "file_template", "truncate_slug_length",
                        "path_separator"]


RACE = """
import sys
from icadb import template
sys.stdout.write(str(template.ensure()))
"""


def test_builds_racing_for_a_new_template_each_get_a_whole_one(cache):
    procs = [subprocess.Popen([sys.executable, "-c", RACE], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(3)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outputs]
    assert {out for out, _ in outputs} == {str(template.template_path(template.key()))}
    assert [p.name for p in cache.glob("*schema-*")] == [template.template_path(template.key()).name]  # no partial
    replayed = cache.parent / "replayed.sqlite"
    template.replay(replayed)
    assert sha(template.ensure()) == sha(replayed)


def test_an_unusable_cache_folder_means_replaying_the_migrations(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv(paths.CACHE_ENV, str(blocker / "icadb"))
    result = build(tmp_path / "icadb.sqlite")
    assert "migrations (replayed)" in result.phases


def test_old_templates_are_pruned(cache):
    cache.mkdir()
    for index in range(template.KEEP + 3):
        (cache / f"schema-{index:032x}.sqlite").write_bytes(b"")
    made = template.ensure()
    left = sorted(cache.glob("schema-*.sqlite"))
    assert made in left and len(left) == template.KEEP


def test_no_template_option_is_documented():
    result = run_icadb("build", "--help")
    assert "--no-template" in result.stdout
