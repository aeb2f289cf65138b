"""Shared fixtures: one built database per session, a scratch copy of the seeds,
and a helper to run the ``icadb`` command as a user would."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from icadb.paths import PROJECT_ROOT, SEEDS_DIR

ICADB = [sys.executable, "-m", "icadb"]


@pytest.fixture(scope="session", autouse=True)
def template_cache(tmp_path_factory) -> Path:
    """The schema template cache (icadb.template) in a folder of the session's
    own, never the user's: set in the environment, so `icadb` subprocesses use it too."""
    folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get("ICADB_CACHE_DIR")
    os.environ["ICADB_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("ICADB_CACHE_DIR", None)
    else:
        os.environ["ICADB_CACHE_DIR"] = previous


def run_icadb(*args: str, db: Path | None = None, env: dict | None = None, check: bool = False,
              timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``icadb ARGS`` in a subprocess (stdout/stderr captured, so not a TTY)."""
    full_env = {**os.environ, **(env or {})}
    if db is not None:
        full_env["ICADB_DB"] = str(db)
    result = subprocess.run([*ICADB, *args], capture_output=True, text=True, env=full_env, cwd=PROJECT_ROOT,
                            timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"icadb {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """The seeds built once for the whole session (read-only for tests)."""
    from icadb.build import build

    path = tmp_path_factory.mktemp("db") / "icadb.sqlite"
    build(path)
    return path


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def datasette_client(db_path: Path):
    """A Datasette configured exactly as `icadb serve` configures it, and a
    function that GETs a path from it through Datasette's own test client
    (``get.close()`` ends it)."""
    import asyncio

    from datasette.app import Datasette

    from icadb.codebook import datasette_metadata
    from icadb.serve import SETTINGS

    loop = asyncio.new_event_loop()
    ds = Datasette(immutables=[str(db_path)], metadata=datasette_metadata(db_path.stem), settings=SETTINGS)
    loop.run_until_complete(ds.invoke_startup())

    def get(path: str):
        return loop.run_until_complete(ds.client.get(path))

    get.ds = ds
    get.close = loop.close
    return get


@pytest.fixture(scope="session")
def datasette(built_db):
    get = datasette_client(built_db)
    yield get
    get.close()


# The seeds hold no drafts: draft_db makes some in a copy of the session's build.
DRAFT_RECORD = "india-cyber-agency-heads-invitation-2023"  # a machine-suggested record, with a drafts row and a note
DRAFT_DOCUMENT = "2023-10-17-doval-offers-central-asia-assistance"
SUGGESTED_FOR = "ica-nsa-2023-kazakhstan"  # a reviewed record, given a quote a program suggested
SUGGESTED_QUOTE = "The participants agreed to meet again in Kyrgyzstan in 2024."


def refresh_summaries(conn: sqlite3.Connection) -> None:
    """Recompute the summary tables, as the end of a build does (timeline reads summary_timeline)."""
    from icadb.loaders.summaries import SUMMARIES, refresh

    for table in SUMMARIES:
        refresh(conn, table)


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
