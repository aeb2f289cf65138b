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


@pytest.fixture(scope="session")
def datasette(built_db):
    """A Datasette configured exactly as `icadb serve` configures it, and a
    function that GETs a path from it through Datasette's own test client."""
    import asyncio

    from datasette.app import Datasette

    from icadb.codebook import datasette_metadata
    from icadb.serve import SETTINGS

    loop = asyncio.new_event_loop()
    ds = Datasette(immutables=[str(built_db)], metadata=datasette_metadata(built_db.stem), settings=SETTINGS)
    loop.run_until_complete(ds.invoke_startup())

    def get(path: str):
        return loop.run_until_complete(ds.client.get(path))

    get.ds = ds
    yield get
    loop.close()


@pytest.fixture(scope="session")
def good_db_template(built_db) -> Path:
    """The session's good build, to copy over before a test builds on top of it."""
    return built_db
