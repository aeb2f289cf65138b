"""What more than one test module uses: running ``icadb`` as a user would,
waiting for a server, reading the sockets a process listens on, the CI rule
for skips, and the folder for artifacts. (Fixtures are in conftest.py; a test
module imports from here, never from another test module.)"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from icadb.paths import PROJECT_ROOT, SEEDS_DIR

__all__ = ["ICADB", "PROJECT_ROOT", "SEEDS_DIR", "DRAFT_RECORD", "DRAFT_DOCUMENT", "SUGGESTED_FOR", "SUGGESTED_QUOTE",
           "in_ci", "skip_or_fail", "run_icadb", "wait_for", "listening_sockets", "Server", "datasette_client",
           "refresh_summaries", "run_check", "artifacts_folder", "tree_bytes",
           "PG_ENV", "pg_server_url", "with_database", "create_database", "drop_database", "run_alembic",
           "unused_port"]

ICADB = [sys.executable, "-m", "icadb"]

# The seeds hold no drafts: conftest's draft_db makes some in a copy of the session's build.
DRAFT_RECORD = "india-cyber-agency-heads-invitation-2023"  # a machine-suggested record, with a drafts row and a note
DRAFT_DOCUMENT = "2023-10-17-doval-offers-central-asia-assistance"
SUGGESTED_FOR = "ica-nsa-2023-kazakhstan"  # a reviewed record, given a quote a program suggested
SUGGESTED_QUOTE = "The participants agreed to meet again in Kyrgyzstan in 2024."


# -- CI skips nothing -----------------------------------------------------------

def in_ci() -> bool:
    """True under CI (`.ci/run` sets CI=true): there a test that cannot run fails."""
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def skip_or_fail(reason: str) -> None:
    """Skip locally; fail under CI, where everything must run. (conftest turns any
    other skip into a failure under CI too; this says so at the place.)"""
    if in_ci():
        pytest.fail(f"CI=true and this test cannot run: {reason}")
    pytest.skip(reason)


# -- running icadb ----------------------------------------------------------------

def run_icadb(*args: str, db: Path | None = None, env: dict | None = None, check: bool = False,
              timeout: float = 120, cwd: Path = PROJECT_ROOT) -> subprocess.CompletedProcess:
    """Run ``icadb ARGS`` in a subprocess (stdout/stderr captured, so not a TTY), in the
    folder *cwd* (the project's by default: the commands act on the project they are run in)."""
    full_env = {**os.environ, **(env or {})}
    if db is not None:
        full_env["ICADB_DB"] = str(db)
    result = subprocess.run([*ICADB, *args], capture_output=True, text=True, env=full_env, cwd=cwd,
                            timeout=timeout)
    if check and result.returncode != 0:
        raise AssertionError(f"icadb {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
    return result


def run_check(seeds: Path) -> tuple[int, list[str]]:
    """`icadb check --seeds SEEDS` in-process: its exit code and its lines, paths relative to the seeds."""
    from click.testing import CliRunner

    from icadb.cli import cli
    from tests.defects import relative

    result = CliRunner().invoke(cli, ["check", "--seeds", str(seeds)])
    assert not (result.exception and not isinstance(result.exception, SystemExit)), \
        f"a traceback instead of a message: {result.exception!r}"
    return result.exit_code, [relative(line, seeds) for line in result.output.splitlines()]


def wait_for(url: str, seconds: float = 30, alive=None) -> bytes:
    """GET *url* until it answers (polling a condition, not sleeping for a guess);
    *alive()* False (the server died) ends the wait at once."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError:
            if alive is not None and not alive():
                raise
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# -- sockets ----------------------------------------------------------------------

def _address(hex_address: str) -> str:
    raw = bytes.fromhex(hex_address)
    if len(raw) == 4:
        return socket.inet_ntop(socket.AF_INET, raw[::-1])
    # IPv6: four 32-bit words, each in host (little-endian) order
    return socket.inet_ntop(socket.AF_INET6, b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4)))


def listening_sockets(pid: int) -> list[tuple[str, int]]:
    """The (address, port) of every TCP socket process *pid* listens on, read from
    /proc: its file descriptors' socket inodes, looked up in /proc/PID/net/tcp
    and tcp6 (the tables of the process's own network namespace)."""
    inodes = set()
    fds = Path(f"/proc/{pid}/fd")
    for fd in fds.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    found = []
    for table in ("tcp", "tcp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:  # 0A: TCP_LISTEN
                address, port = local.split(":")
                found.append((_address(address), int(port, 16)))
    return sorted(found)


# -- one server -------------------------------------------------------------------

class Server:
    """`icadb serve` in a subprocess on a port the OS chooses (``--port 0``):
    its port is read from the socket it listens on, so two test processes
    never race for one. Its output goes to a log file, quoted when it fails."""

    def __init__(self, db: Path, log: Path, *, host: str | None = None, env: dict | None = None,
                 prefix: tuple[str, ...] = (), http: bool = True, timeout: float = 60):
        self.db, self.log_path = db, log
        args = [*prefix, *ICADB, "serve", "--db", str(db), "--port", "0"]
        if host is not None:
            args += ["--host", host]
        self._log = open(log, "wb")
        # It runs in the log's (temporary) folder, so a file it writes by a relative
        # path (Datasette's opening "file:None" for a database without a path, say)
        # lands there, never in the source tree.
        self.proc = subprocess.Popen(args, cwd=log.parent, stdout=self._log, stderr=subprocess.STDOUT,
                                     env={**os.environ, **(env or {})})
        self.pid = self.proc.pid
        try:
            self.sockets = self._wait_for_a_socket(timeout)
            self.port = self.sockets[0][1]
            self.url = f"http://127.0.0.1:{self.port}"
            if http:
                wait_for(f"{self.url}/-/versions.json", seconds=timeout, alive=lambda: self.proc.poll() is None)
        except BaseException:
            self.stop()
            raise

    def _wait_for_a_socket(self, timeout: float) -> list[tuple[str, int]]:
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise AssertionError(f"icadb serve exited {self.proc.returncode} before listening:\n{self.output()}")
            try:
                sockets = listening_sockets(self.pid)
            except OSError:
                sockets = []
            if sockets:
                return sockets
            if time.monotonic() > deadline:
                raise AssertionError(f"icadb serve did not listen within {timeout} s:\n{self.output()}")
            time.sleep(0.05)

    def output(self) -> str:
        self._log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> str:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log.close()
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


# -- Datasette in-process ----------------------------------------------------------

def datasette_client(db_path: Path):
    """A Datasette configured exactly as `icadb serve` configures it, and a
    function that GETs a path from it through Datasette's own test client
    (``get.close()`` ends it)."""
    import asyncio

    from icadb.serve import datasette_for

    loop = asyncio.new_event_loop()
    ds = datasette_for(db_path)
    loop.run_until_complete(ds.invoke_startup())

    def get(path: str, **options):
        """GET *path* (with httpx's *options*: headers=...); a redirect is answered, not followed."""
        return loop.run_until_complete(ds.client.get(path, **options))

    get.ds = ds
    get.close = loop.close
    return get


def refresh_summaries(conn: sqlite3.Connection) -> None:
    """Make the materialised views again, as the end of a build does."""
    from icadb.views import refresh_materialized

    refresh_materialized(conn)


# -- PostgreSQL -------------------------------------------------------------------
# .ci/run starts a throw-away PostgreSQL 15 cluster and sets ICADB_TEST_PG; without
# it the PostgreSQL tests skip, saying why (fail under CI=true, like every skip).

PG_ENV = "ICADB_TEST_PG"
NO_PG_SERVER = (f"no PostgreSQL server for the tests: set {PG_ENV}=postgresql://postgres@127.0.0.1:PORT/postgres "
                "(.ci/run starts one; README, For a team: PostgreSQL)")


def pg_server_url() -> str:
    """The test server's URL, or skip (fail in CI) when there is none."""
    url = os.environ.get(PG_ENV)
    if not url:
        skip_or_fail(NO_PG_SERVER)
    return url


def _pg_admin(url: str):
    import psycopg

    from icadb import dburl

    return psycopg.connect(dburl.parse(url).conninfo(), autocommit=True, connect_timeout=10)


def with_database(url: str, name: str) -> str:
    """*url* with its database replaced by *name*."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def create_database(prefix: str = "icadb_test") -> str:
    """A new, empty database on the test server (C collation, as the README advises); its URL."""
    import uuid

    url = pg_server_url()
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with _pg_admin(url) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' LOCALE \'C\'')
    return with_database(url, name)


def drop_database(db_url: str) -> None:
    from sqlalchemy.engine import make_url

    name = make_url(db_url).database
    with _pg_admin(pg_server_url()) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_alembic(url: str, *args: str) -> subprocess.CompletedProcess:
    """``alembic ARGS`` against the database at *url* (ICADB_DB), as a user runs it."""
    return subprocess.run([sys.executable, "-m", "alembic", *args], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          env={"ICADB_DB": url, "PATH": "/usr/bin:/bin"})


def unused_port() -> int:
    """A port nothing listens on just now (for a server that refuses the connection)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# -- folders ------------------------------------------------------------------------

def tree_bytes(folder: Path) -> dict[str, bytes | None]:
    """Every path under *folder* (relative, as text) and its bytes (None for a
    folder): two trees are the same when these are equal, both ways at once."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes() if p.is_file() else None)
            for p in sorted(folder.rglob("*"))}


# -- artifacts ----------------------------------------------------------------------

ARTIFACTS_ENV = "ICADB_TEST_ARTIFACTS"


def artifacts_folder(tmp_path_factory, name: str) -> Path:
    """Where screenshots and plots go: $ICADB_TEST_ARTIFACTS/NAME when set (to keep
    them), else a temporary folder of pytest's; never the source tree."""
    folder = os.environ.get(ARTIFACTS_ENV)
    path = Path(folder) / name if folder else tmp_path_factory.mktemp(name)
    path.mkdir(parents=True, exist_ok=True)
    return path
