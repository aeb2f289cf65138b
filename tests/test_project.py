"""The commands act on the project of the current folder, found as git finds its
repository: the first folder from here up that holds seeds/ and pyproject.toml.
--seeds, --db, ICADB_DB and ICADB_PROJECT say otherwise; outside a project a
command that needs one says so in one line."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from icadb import paths
from tests.helpers import ICADB, PROJECT_ROOT, SEEDS_DIR, tree_bytes

ARTICLE = """India and Kazakhstan held talks on counter-terrorism in Astana on 12 March 2026.

The two sides agreed to hold a joint exercise later in the year.
"""


def clean_env(**extra: str) -> dict:
    """The environment with nothing that names a project or a database, plus *extra*."""
    env = {k: v for k, v in os.environ.items() if k not in (paths.DB_ENV_VAR, paths.PROJECT_ENV_VAR)}
    return {**env, **extra}


def run_in(folder: Path, *args: str, **extra: str) -> subprocess.CompletedProcess:
    """`icadb ARGS` run in *folder*, as a person there would, with no variable naming a project."""
    return subprocess.run([*ICADB, *args], capture_output=True, text=True, cwd=folder, env=clean_env(**extra),
                          timeout=120)


@pytest.fixture()
def copy(tmp_path) -> Path:
    """A second project: a copy of the seeds and pyproject.toml, with a folder inside it to stand in."""
    root = tmp_path / "copy"
    shutil.copytree(SEEDS_DIR, root / "seeds")
    shutil.copy(PROJECT_ROOT / "pyproject.toml", root / "pyproject.toml")
    (root / "notes" / "deeper").mkdir(parents=True)
    return root


def mark(seeds: Path, words: str) -> None:
    """Give record kazind's summary *words* at its end."""
    exercises = seeds / "records" / "exercises.yaml"
    text = exercises.read_text(encoding="utf-8")
    exercises.write_text(text.replace("named KazInd.\n", f"named KazInd ({words}).\n", 1), encoding="utf-8")


def summary(db: Path) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("select summary from records where record_id = 'kazind'").fetchone()[0]
    finally:
        conn.close()


def fingerprint(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def test_the_project_is_found_from_a_folder_inside_it(copy):
    assert paths.find_project(copy / "notes" / "deeper") == copy
    assert paths.find_project(copy) == copy
    assert paths.seeds_dir("elsewhere") == Path("elsewhere").resolve(), "--seeds wins"


def test_a_folder_with_seeds_but_no_pyproject_is_not_a_project(tmp_path):
    (tmp_path / "seeds").mkdir()
    assert paths.find_project(tmp_path) is None
    with pytest.raises(paths.NoProject, match="no icadb project in .* or any folder above it"):
        paths.project_root(tmp_path)


def test_build_in_a_copy_builds_the_copy_not_the_tree_icadb_was_installed_from(copy):
    """The fault: a copy of the clone that reuses its environment had its
    commands act on the original. Built from a folder inside the copy, the
    copy's seeds go into the copy's icadb.sqlite, and the original's file is
    left as it was."""
    mark(copy / "seeds", "the copy")
    original = fingerprint(PROJECT_ROOT / "icadb.sqlite")
    result = run_in(copy / "notes" / "deeper", "build", "--quiet")
    assert result.returncode == 0, result.stderr
    assert summary(copy / "icadb.sqlite").endswith("named KazInd (the copy).")
    assert fingerprint(PROJECT_ROOT / "icadb.sqlite") == original


def test_add_document_and_its_drafts_go_into_the_project_of_the_current_folder(copy, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    original = tree_bytes(SEEDS_DIR)
    result = run_in(copy / "notes", "add-document", str(article), "--title", "India and Kazakhstan hold talks",
                    "--published-on", "2026-03-13", "--draft", "--no-build")
    assert result.returncode == 0, result.stderr
    added = copy / "seeds" / "documents" / "2026-03-13-india-and-kazakhstan-hold-talks.txt"
    assert added.read_text(encoding="utf-8") == ARTICLE
    assert (copy / "seeds" / "drafts" / "2026-03-13-india-and-kazakhstan-hold-talks.yaml").exists()
    assert "added seeds/documents/2026-03-13-india-and-kazakhstan-hold-talks.txt" in result.stderr, \
        "paths are shown from the project's folder"
    assert tree_bytes(SEEDS_DIR) == original, "the seeds of the tree icadb was installed from are untouched"


def test_seeds_and_db_options_still_say_otherwise(copy, tmp_path):
    other = tmp_path / "other-seeds"
    shutil.copytree(SEEDS_DIR, other)
    mark(other, "the other seeds")
    target = tmp_path / "elsewhere.sqlite"
    result = run_in(copy, "build", "--quiet", "--seeds", str(other), "--db", str(target))
    assert result.returncode == 0, result.stderr
    assert summary(target).endswith("named KazInd (the other seeds).")
    assert not (copy / "icadb.sqlite").exists()


def test_an_environment_variable_names_the_project_from_anywhere(copy, tmp_path):
    mark(copy / "seeds", "named by the variable")
    outside = tmp_path / "outside"
    outside.mkdir()
    result = run_in(outside, "build", "--quiet", ICADB_PROJECT=str(copy))
    assert result.returncode == 0, result.stderr
    assert summary(copy / "icadb.sqlite").endswith("named KazInd (named by the variable).")
    result = run_in(outside, "build", "--quiet", ICADB_DB=str(outside / "mine.sqlite"), ICADB_PROJECT=str(copy))
    assert result.returncode == 0 and (outside / "mine.sqlite").exists(), result.stderr


@pytest.mark.parametrize("args", [("build",), ("check",), ("serve",), ("export", "--out", "out"), ("codebook", "--check"),
                                  ("add-document", "article.txt", "--title", "T", "--published-on", "2026")])
def test_outside_a_project_a_command_says_so_in_one_line(tmp_path, args):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_in(tmp_path, *args)
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"icadb: no icadb project in {tmp_path.resolve()}"), lines
    assert "cd into your clone of icadb" in lines[0] and "ICADB_PROJECT" in lines[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"], "nothing was written"


def test_a_variable_that_names_no_project_is_refused(tmp_path):
    result = run_in(tmp_path, "check", ICADB_PROJECT=str(tmp_path))
    assert result.returncode == 1
    assert f"ICADB_PROJECT={tmp_path.resolve()} is not an icadb project" in result.stderr


def test_problems_are_located_from_the_project_folder(copy):
    meetings = copy / "seeds" / "records" / "meetings.yaml"
    meetings.write_text(meetings.read_text(encoding="utf-8").replace("  status: held\n", "  status: hled\n", 1),
                        encoding="utf-8")
    result = run_in(copy / "notes", "check")
    assert result.returncode == 1
    assert result.stderr.startswith("seeds/records/meetings.yaml:"), result.stderr[:300]


def test_reading_outside_any_project_reads_the_tree_icadb_was_installed_from(tmp_path, built_db, monkeypatch):
    """icadb.read() changes nothing, so a script beside the clone (in no project)
    still reads: $ICADB_DB, else the icadb.sqlite of the tree icadb was installed from."""
    import icadb
    from icadb import api

    installed = tmp_path / "installed"
    installed.mkdir()
    shutil.copy(built_db, installed / "icadb.sqlite")
    outside = tmp_path / "outside"
    outside.mkdir()
    monkeypatch.chdir(outside)
    monkeypatch.delenv(paths.DB_ENV_VAR, raising=False)
    monkeypatch.delenv(paths.PROJECT_ENV_VAR, raising=False)
    monkeypatch.setattr(api, "PROJECT_ROOT", installed)
    expected = sqlite3.connect(built_db).execute("select count(*) from records where review_status = 'reviewed'")
    assert len(icadb.read("timeline")) == expected.fetchone()[0]
