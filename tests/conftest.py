"""Shared fixtures: one built database per session (per worker under
pytest-xdist), a scratch copy of the seeds, Datasette in-process, and the one
fixture that starts `icadb serve` in a subprocess. Shared functions are in
tests/helpers.py. Under CI=true a skipped test counts as failed."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

IN_MUTMUT_COPY = Path(__file__).resolve().parent.parent.name == "mutants"
if IN_MUTMUT_COPY:
    # mutmut runs these tests in its copy of the tree (mutants/, see pyproject's
    # [tool.mutmut]). The editable install maps icadb.loaders to the original
    # loaders/: point it at the copy's. mutmut names a mutant after its file's
    # path (loaders.records), so the mutated module is loaded under that name
    # and is icadb.loaders.records too.
    import importlib
    import sys

    import icadb.loaders

    icadb.loaders.__path__[:] = [str(Path(__file__).resolve().parent.parent / "loaders")]
    icadb.loaders.records = sys.modules["icadb.loaders.records"] = importlib.import_module("loaders.records")

from icadb.paths import PROJECT_ROOT, SEEDS_DIR  # noqa: E402
from tests.helpers import (DRAFT_DOCUMENT, DRAFT_RECORD, SUGGESTED_FOR, SUGGESTED_QUOTE, Server, create_database,
                           datasette_client, drop_database, in_ci, refresh_summaries)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """CI skips nothing: under CI=true a skip (pytest.skip, a skipif, an
    importorskip) is reported as a failure that says why it would have skipped."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and in_ci() and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"CI=true: this test would have been skipped ({reason}); in CI every test must run"


_deselected = 0


def pytest_deselected(items):
    global _deselected
    _deselected += len(items)


def pytest_sessionfinish(session, exitstatus):
    """pytest exits 5 when no test is collected. Where a -m or -k selection
    leaves nothing of what was collected (``pytest -m "not bench"
    tests/test_benchmarks.py``), that is the answer asked for, not an error,
    and exits 0 with a word. Under CI=true, and when nothing was collected at
    all, it stays 5 (make test reports it as a failure)."""
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED and _deselected and not in_ci():
        session.config.get_terminal_writer().line(f"no test selected ({_deselected} deselected by -m/-k)")
        session.exitstatus = pytest.ExitCode.OK


def _untracked_files() -> set[str] | None:
    """Files in the source tree that git neither tracks nor ignores (None outside a git checkout)."""
    try:
        listed = subprocess.run(["git", "ls-files", "--others", "--exclude-standard"], cwd=PROJECT_ROOT,
                                capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return set(listed.stdout.splitlines()) if listed.returncode == 0 else None


@pytest.fixture(scope="session", autouse=True)
def source_tree_left_alone():
    """Tests write under tmp_path (or $ICADB_TEST_ARTIFACTS), never into the
    source tree: a file that appears there during the session (not ignored by
    .gitignore) fails the session's last test."""
    before = _untracked_files()
    yield
    after = _untracked_files()
    if before is not None and after is not None:
        new = sorted(after - before)
        assert new == [], f"the tests left files in the source tree: {new}; write them under tmp_path"


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """The seeds built once for the whole session (read-only for tests)."""
    from icadb.build import build

    path = tmp_path_factory.mktemp("db") / "icadb.sqlite"
    build(path)
    return path


@pytest.fixture(scope="session")
def kb(built_db):
    """What the drafter knows of the built seeds (countries, places, records)."""
    from icadb.drafting.knowledge import from_database

    conn = sqlite3.connect(built_db)
    try:
        yield from_database(conn)
    finally:
        conn.close()


@pytest.fixture(scope="session")
def rules():
    """The drafting rules (seeds/reference/drafting_rules.yaml)."""
    from icadb.drafting.rules import load

    return load()


@pytest.fixture()
def db(built_db) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{built_db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


@pytest.fixture()
def seeds_copy(tmp_path) -> Path:
    """A private copy of seeds/ that a test may break."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


@pytest.fixture(scope="session")
def datasette(built_db):
    get = datasette_client(built_db)
    yield get
    get.close()


@pytest.fixture(scope="session")
def draft_db(built_db, tmp_path_factory) -> Path:
    """The session's build with one draft (DRAFT_RECORD) and one suggested quote on a reviewed record."""
    path = tmp_path_factory.mktemp("drafts") / "icadb.sqlite"
    shutil.copy(built_db, path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE records SET review_status = 'machine_suggested' WHERE record_id = ?", (DRAFT_RECORD,))
        conn.execute("INSERT INTO drafts (record_id, document_id, confidence, drafter) VALUES (?, ?, 0.72, 'tests')",
                     (DRAFT_RECORD, DRAFT_DOCUMENT))
        conn.execute("INSERT INTO draft_notes (record_id, field, note) VALUES (?, 'status', ?)",
                     (DRAFT_RECORD, 'offered: the sentence says "The NSA invited"'))
        text = conn.execute("SELECT text FROM documents WHERE document_id = ?", (DRAFT_DOCUMENT,)).fetchone()[0]
        start = text.index(SUGGESTED_QUOTE)
        conn.execute("INSERT INTO evidence (record_id, document_id, quote, char_start, char_end, suggested) "
                     "VALUES (?, ?, ?, ?, ?, 1)",
                     (SUGGESTED_FOR, DRAFT_DOCUMENT, SUGGESTED_QUOTE, start, start + len(SUGGESTED_QUOTE)))
        refresh_summaries(conn)
    conn.close()
    return path


@pytest.fixture(scope="session")
def draft_datasette(draft_db):
    get = datasette_client(draft_db)
    yield get
    get.close()


@pytest.fixture(scope="session")
def good_db_template(built_db) -> Path:
    """The session's good build, to copy over before a test builds on top of it."""
    return built_db


@pytest.fixture(scope="session")
def start_server(tmp_path_factory):
    """The one way tests start `icadb serve` in a subprocess: ``start_server(db,
    host=None, env=None)`` gives a :class:`tests.helpers.Server` on a port the
    OS chose; use it as a context manager (or call ``stop()``). Whatever is
    still running at the end of the session is stopped."""
    logs = tmp_path_factory.mktemp("servers")
    started: list[Server] = []

    def start(db: Path, **options) -> Server:
        server = Server(db, logs / f"serve-{len(started)}.log", **options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


# -- PostgreSQL (tests/helpers.py says where the server comes from) -------------------

@pytest.fixture(scope="session")
def pg_database():
    """A database of the session's own (each xdist worker's) on the test server, dropped at the end."""
    url = create_database()
    yield url
    drop_database(url)


@pytest.fixture(scope="session")
def pg_built(pg_database) -> str:
    """The seeds built once into the session's database (read-only for tests); its URL."""
    from icadb import dburl, pg

    pg.build(dburl.parse(pg_database))
    return pg_database


@pytest.fixture()
def pg_scratch():
    """A database of a test's own, which it may build into and break."""
    url = create_database("icadb_scratch")
    yield url
    drop_database(url)
