"""A served database can be read, never written, and never hung; only loopback by default.

Every test here starts its own `icadb serve` (conftest's start_server), so
none depends on what another left behind."""

from __future__ import annotations

import hashlib
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from icadb.serve import SETTINGS
from tests.helpers import PROJECT_ROOT, skip_or_fail

WRITES = [
    "INSERT INTO records (record_id) VALUES ('x')",
    "DELETE FROM evidence",
    "UPDATE records SET title = 'x'",
    "DROP TABLE records",
    "CREATE TABLE x (y)",
    "PRAGMA writable_schema = 1",
    "ATTACH DATABASE '{tmp}/attached.sqlite' AS other",
    "VACUUM INTO '{tmp}/copy.sqlite'",
    "select load_extension('{tmp}/nothing')",
    "with x as (select 1) delete from evidence",
    "with x as (select 1) insert into records (record_id) select 'x' from x",
    "with x as (select 1) update records set title = 'x'",
]
# Datasette's own check passes these (they begin with WITH), so they reach SQLite,
# which must refuse them: the served file is opened immutable, a read-only connection.
REACH_SQLITE = [w for w in WRITES if w.startswith("with ")]
REFUSALS = ("Statement must be a SELECT", "Statement contained a disallowed PRAGMA", "not authorized",
            "attempt to write a readonly database")
RUNAWAY = "with recursive r(i) as (select 1 union all select i + 1 from r) select count(*) from r"


def request(url: str, data: bytes | None = None, timeout: float = 30, opener=None) -> tuple[int, bytes, float]:
    started = time.monotonic()
    opener = opener or urllib.request.build_opener()
    try:
        with opener.open(urllib.request.Request(url, data=data), timeout=timeout) as response:
            return response.status, response.read(), time.monotonic() - started
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), time.monotonic() - started


@pytest.fixture()
def locked(built_db, tmp_path, start_server):
    """`icadb serve` on a private copy of the build."""
    db = tmp_path / "served" / "icadb.sqlite"
    db.parent.mkdir()
    shutil.copy(built_db, db)
    with start_server(db) as server:
        yield server


def csrf_opener(base: str):
    """An opener holding Datasette's CSRF cookie, and the token to send with it
    (from the /-/messages form), so a POST passes the CSRF check and reaches the view."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    status, body, _ = request(f"{base}/-/messages", opener=opener)
    assert status == 200, body[:300]
    token = re.search(rb'name="csrftoken" value="([^"]+)"', body).group(1).decode()
    assert any(c.name == "ds_csrftoken" for c in jar), "Datasette set no CSRF cookie"
    return opener, token


def test_writes_are_refused_where_they_reach_sqlite_and_nothing_changes(locked, tmp_path):
    """Each write is refused, by Datasette's check or (for the WITH … DELETE
    kind, which passes it) by SQLite itself; a POST carrying a valid CSRF token,
    to the database and to every canned query the server offers, is refused
    too; the file and the folder stay as they were. (With the file served
    mutable and any canned query writable, the POSTs would write; with a
    writable connection, the WITH statements would.)"""
    before = hashlib.sha256(locked.db.read_bytes()).hexdigest()
    opener, token = csrf_opener(locked.url)
    queries = [q["name"] for q in json.loads(request(f"{locked.url}/icadb.json")[1])["queries"]]
    assert "country_between_dates" in queries
    for statement in WRITES:
        sql = statement.format(tmp=tmp_path)
        status, body, _ = request(f"{locked.url}/icadb.json?" + urllib.parse.urlencode({"sql": sql}))
        answer = json.loads(body)
        assert status == 400 and answer["ok"] is False, (statement, body[:300])
        error = answer["error"]
        assert any(r in error for r in REFUSALS), (statement, error)
        if statement in REACH_SQLITE:
            assert "attempt to write a readonly database" in error, (statement, error)
        status, body, _ = request(f"{locked.url}/icadb", opener=opener,
                                  data=urllib.parse.urlencode({"sql": sql, "csrftoken": token}).encode())
        assert status == 405, (statement, status, body[:300])
        assert b"csrf" not in body.lower(), f"the POST never passed the CSRF check: {body[:200]!r}"
    # A canned query runs its own SQL whatever the form says, so each is POSTed once.
    for query in queries:
        status, body, _ = request(f"{locked.url}/icadb/{query}", opener=opener,
                                  data=urllib.parse.urlencode({"csrftoken": token}).encode())
        # Datasette 0.65 answers a POST to a read-only canned query with a 500 (it runs
        # the read and fails to send it). A write that succeeded would redirect to a 200
        # page; a writable query on an immutable file would be refused with a 403.
        assert status == 500, (query, status, body[:300])
        assert b"csrf" not in body.lower(), f"{query}: the POST never passed the CSRF check: {body[:200]!r}"
    assert hashlib.sha256(locked.db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in locked.db.parent.iterdir()) == ["icadb.sqlite"], "nothing beside the file"
    assert not (tmp_path / "copy.sqlite").exists() and not (tmp_path / "attached.sqlite").exists()


def test_the_database_is_served_immutable(locked):
    status, body, _ = request(f"{locked.url}/-/databases.json")
    assert status == 200 and json.loads(body)[0]["is_mutable"] is False


def runaway_in_a_sql_thread(base: str) -> bool:
    """Whether a request (the runaway) is waiting on a SQL thread: Datasette's
    /-/threads lists the server's asyncio tasks, and a request's task awaiting
    its query shows ``wait_for=<Future … _chain_future`` (a future of the SQL
    thread pool). The request asking is itself running, so it never shows that."""
    status, body, _ = request(f"{base}/-/threads.json", timeout=10)
    assert status == 200, body[:300]
    tasks = json.loads(body).get("tasks", [])
    return any("run_asgi" in t and "_chain_future" in t for t in tasks)


def test_a_runaway_query_is_cut_off_while_others_are_answered(locked, tmp_path):
    """Other requests are answered while the runaway still runs, not after it
    is cut off (compared by when answers arrive, not by a time budget): the
    first of five arrives before the runaway is cut off, which a server blocked
    by it could not do, and all five are answered. (That all five arrive within
    the runaway's one second held on a quiet machine but not on a loaded one:
    five requests in a row can take longer than the limit itself.)
    The test starts them once the server shows the runaway waiting on its SQL
    thread (an event the server emits), never after a guessed pause. Refused
    writes come first, as on a real server, leaving error cursors behind.
    (An earlier `icadb serve` collected garbage in a thread of its own because
    this stalled in about half the runs; the stall no longer reproduced with
    that thread taken out, and the thread is gone.)"""
    for statement in WRITES:
        request(f"{locked.url}/icadb.json?" + urllib.parse.urlencode({"sql": statement.format(tmp=tmp_path)}))
    result = {}

    def runaway():
        result["runaway"] = request(f"{locked.url}/icadb.json?" + urllib.parse.urlencode({"sql": RUNAWAY}))
        result["runaway_done"] = time.monotonic()

    thread = threading.Thread(target=runaway, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not runaway_in_a_sql_thread(locked.url):
        assert "runaway" not in result, f"the runaway ended before it was seen running: {result['runaway'][:2]}"
        assert time.monotonic() < deadline, "the server never showed the runaway waiting on a SQL thread"
    others, answered = [], []
    for _ in range(5):
        others.append(request(f"{locked.url}/icadb/records.json?_size=1&record_id=ica-nsa-2023-kazakhstan"))
        answered.append(time.monotonic())
    thread.join(timeout=30)
    assert not thread.is_alive(), "the runaway request had no answer within 30 s"
    status, body, seconds = result["runaway"]
    assert status == 400 and b"too long" in body, body[:300]
    assert seconds < SETTINGS["sql_time_limit_ms"] / 1000 + 5
    assert all(s == 200 and b"ica-nsa-2023-kazakhstan" in b for s, b, _ in others), [o[:2] for o in others]
    assert answered[0] < result["runaway_done"], (f"other requests waited for the runaway: answers "
                         f"{[round(t - result['runaway_done'], 3) for t in answered]} s after it was cut off; they took "
                         f"{[round(t, 3) for _, _, t in others]} s; the runaway {seconds:.3f} s")


# -- loopback only ------------------------------------------------------------

def test_serve_listens_on_loopback_only_by_default(locked):
    """The socket `icadb serve` really binds, read from /proc: one, on 127.0.0.1."""
    assert locked.sockets == [("127.0.0.1", locked.port)]


def test_the_help_says_loopback_is_the_default():
    from click.testing import CliRunner

    from icadb.cli import serve

    help_text = CliRunner().invoke(serve, ["--help"]).output
    assert "--host TEXT" in help_text and "[default: 127.0.0.1]" in help_text


SECOND_ADDRESS = "198.18.0.17"  # a benchmarking-range address that exists only inside the test's own namespace


@pytest.fixture()
def netns():
    """A network namespace of the test's own: loopback up, and a second address
    (SECOND_ADDRESS, on lo) that nothing outside the namespace can reach."""
    if shutil.which("ip") is None:
        skip_or_fail("no `ip` command: install iproute2 (apt-get install --no-install-recommends iproute2)")
    if os.geteuid() != 0:
        skip_or_fail("making a network namespace needs root")
    name = f"icadb-test-{os.getpid()}-{threading.get_ident() % 10000}"
    made = subprocess.run(["ip", "netns", "add", name], capture_output=True, text=True)
    if made.returncode != 0:
        skip_or_fail(f"ip netns add failed: {made.stderr.strip()}")
    try:
        for command in (["ip", "link", "set", "lo", "up"], ["ip", "addr", "add", f"{SECOND_ADDRESS}/32", "dev", "lo"]):
            subprocess.run(["ip", "netns", "exec", name, *command], check=True, capture_output=True)
        yield name
    finally:
        subprocess.run(["ip", "netns", "del", name], capture_output=True)


PROBE = """
import sys, urllib.request
try:
    with urllib.request.urlopen(f"http://{sys.argv[1]}:{sys.argv[2]}/-/versions.json", timeout=10) as r:
        print(r.status)
except OSError as exc:
    print(type(getattr(exc, "reason", exc)).__name__)
"""


def probe(namespace: str, address: str, port: int) -> str:
    """GET /-/versions.json on ADDRESS:PORT from inside the namespace: the status, or why not."""
    result = subprocess.run(["ip", "netns", "exec", namespace, sys.executable, "-c", PROBE, address, str(port)],
                            capture_output=True, text=True, timeout=60, cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_in_a_namespace_with_a_second_address_only_loopback_answers(netns, built_db, start_server):
    """Served with its default host, the server answers on 127.0.0.1 and refuses
    the namespace's second address; served with --host 0.0.0.0 it answers on
    that address too, so the probe does see a server that listens there."""
    inside = ("ip", "netns", "exec", netns)
    with start_server(built_db, prefix=inside, http=False) as server:
        assert probe(netns, "127.0.0.1", server.port) == "200"
        assert probe(netns, SECOND_ADDRESS, server.port) == "ConnectionRefusedError"
    with start_server(built_db, prefix=inside, http=False, host="0.0.0.0") as server:
        assert server.sockets == [("0.0.0.0", server.port)]
        assert probe(netns, SECOND_ADDRESS, server.port) == "200"
