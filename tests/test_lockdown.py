"""A served database can be read, never written, and never hung; only loopback by default."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from icadb.serve import SETTINGS, datasette_args
from tests.conftest import PROJECT_ROOT, free_port
from tests.test_serve import wait_for

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
]
RUNAWAY = "with recursive r(i) as (select 1 union all select i + 1 from r) select count(*) from r"


def request(url: str, data: bytes | None = None, timeout: float = 30) -> tuple[int, bytes, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=timeout) as response:
            return response.status, response.read(), time.monotonic() - started
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read(), time.monotonic() - started


@pytest.fixture(scope="module")
def server(built_db, tmp_path_factory):
    """`icadb serve` with its response cache off, so every request reaches Datasette."""
    db = tmp_path_factory.mktemp("locked") / "icadb.sqlite"
    db.write_bytes(built_db.read_bytes())
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "icadb", "serve", "--db", str(db), "--port", str(port)],
                            cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "ICADB_CACHE_MB": "0"})
    try:
        wait_for(f"http://127.0.0.1:{port}/-/versions.json")
        yield f"http://127.0.0.1:{port}", db
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("statement", WRITES)
def test_writes_through_the_sql_endpoint_are_refused(server, statement, tmp_path):
    base, db = server
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    sql = statement.format(tmp=tmp_path)
    status, body, _ = request(f"{base}/icadb.json?" + urllib.parse.urlencode({"sql": sql}))
    assert status in (400, 403), body[:300]
    assert b'"ok": false' in body or b'"ok":false' in body
    status, _, _ = request(f"{base}/icadb", data=urllib.parse.urlencode({"sql": sql}).encode())
    assert status in (400, 403, 405)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert not (tmp_path / "copy.sqlite").exists() and not (tmp_path / "attached.sqlite").exists()


def test_the_database_is_served_immutable(server):
    base, _ = server
    status, body, _ = request(f"{base}/-/databases.json")
    assert status == 200 and json.loads(body)[0]["is_mutable"] is False


def test_a_runaway_query_is_cut_off_while_others_are_answered(server):
    """All five other requests are answered while the runaway still runs, not
    after it is cut off (compared by when answers arrive, not by a time
    budget). Before
    `icadb serve` moved garbage collection off the event loop, this failed in
    about half the runs after the refused writes above: collecting a cursor of
    the busy connection stalled every request until the runaway ended."""
    base, _ = server
    result = {}

    def runaway():
        result["runaway"] = request(f"{base}/icadb.json?" + urllib.parse.urlencode({"sql": RUNAWAY}))
        result["runaway_done"] = time.monotonic()

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.2)
    others, answered = [], []
    for _ in range(5):
        others.append(request(f"{base}/icadb/records.json?_size=1&record_id=ica-nsa-2023-kazakhstan"))
        answered.append(time.monotonic())
    thread.join(timeout=30)
    status, body, seconds = result["runaway"]
    assert status == 400 and b"too long" in body, body[:300]
    assert seconds < SETTINGS["sql_time_limit_ms"] / 1000 + 5
    assert all(s == 200 and b"ica-nsa-2023-kazakhstan" in b for s, b, _ in others)
    assert max(answered) < result["runaway_done"], (f"other requests waited for the runaway: answers "
                         f"{[round(t - result['runaway_done'], 3) for t in answered]} s after it was cut off; they took "
                         f"{[round(t, 3) for _, _, t in others]} s; the runaway {seconds:.3f} s")


def test_loopback_only_unless_a_host_is_named(server):
    args = datasette_args(PROJECT_ROOT / "x.sqlite", PROJECT_ROOT / "m.json", host="127.0.0.1", port=8001)
    assert args[args.index("--host") + 1] == "127.0.0.1"
    from click.testing import CliRunner

    from icadb.cli import serve

    help_text = CliRunner().invoke(serve, ["--help"]).output
    assert "--host TEXT" in help_text and "[default: 127.0.0.1]" in help_text
    base, _ = server
    port = int(base.rsplit(":", 1)[1])
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address = probe.getsockname()[0]
        except OSError:
            address = "127.0.0.1"
    if address.startswith("127."):
        pytest.skip("this machine has no address but loopback to try")
    with socket.socket() as client:
        client.settimeout(2)
        assert client.connect_ex((address, port)) != 0, f"the server answers on {address}"


def test_the_collector_thread_collects_only_what_is_due():
    from icadb.serve import due_generation

    thresholds = (700, 10, 10)
    assert due_generation((0, 0, 0), thresholds) is None  # idle: nothing allocated that lives
    assert due_generation((701, 3, 2), thresholds) == 0
    assert due_generation((701, 11, 2), thresholds) == 1
    assert due_generation((5, 11, 11), thresholds) == 2


def test_the_collector_thread_collects_cycles_made_after_start_up():
    """Automatic collection is off while `icadb serve` runs; cycles made by
    requests must still go, collected by the thread."""
    import gc
    import weakref

    from icadb.serve import collect_garbage_off_the_event_loop

    class Node:
        pass

    thresholds = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's own (another test may have left other ones)
    stop, ready = threading.Event(), threading.Event()
    thread = collect_garbage_off_the_event_loop(interval=0.02, stop=stop, ready=ready)
    try:
        assert ready.wait(10), "the collector thread never made its first look"  # what start-up made is frozen
        refs = []
        for _ in range(5000):  # well past the youngest generation's threshold
            node = Node()
            node.self = node
            refs.append(weakref.ref(node))
        del node
        deadline = time.monotonic() + 10
        while any(r() is not None for r in refs) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert all(r() is None for r in refs), "the cycles made after start-up were never collected"
    finally:
        stop.set()
        thread.join(timeout=5)
        gc.unfreeze()
        gc.enable()
        gc.set_threshold(*thresholds)
