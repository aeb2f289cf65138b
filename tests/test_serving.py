"""icadb serve follows rebuilds: one database, always the newest build, and a quiet log."""

from __future__ import annotations

import json
import re
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from icadb.build import build
from tests.helpers import run_icadb


def get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def get_json(url: str):
    status, _, body = get(url)
    assert status == 200, f"{url}: HTTP {status}: {body[:300]!r}"
    return json.loads(body)


@pytest.fixture()
def served_copy(tmp_path, built_db, start_server):
    """`icadb serve` on a private copy of the built database, which a test may replace."""
    db = tmp_path / "icadb.sqlite"
    shutil.copy(built_db, db)
    with start_server(db) as server:
        yield server, db


def summary_url(base: str) -> str:
    sql = "select summary from records where record_id = 'kazind'"
    return f"{base}/icadb.json?" + urllib.parse.urlencode({"sql": sql, "_shape": "array"})


def searchable(base: str) -> list[tuple[str, str]]:
    """The (database, table) pairs the search across every database (/-/search) would ask."""
    status, _, body = get(base + "/-/search?q=KazInd")
    assert status == 200, body[:300]
    return re.findall(r'"database": "([^"]+)",\s*"table": "([^"]+)"', body.decode())


def marked_seeds(source, folder, k: int):
    """A copy of the seeds whose record kazind's summary says which build it is."""
    shutil.copytree(source, folder)
    exercises = folder / "records" / "exercises.yaml"
    text = exercises.read_text(encoding="utf-8")
    assert "named KazInd.\n" in text
    exercises.write_text(text.replace("named KazInd.\n", f"named KazInd (build {k}).\n", 1), encoding="utf-8")
    return folder


def test_three_rebuilds_under_a_running_server_leave_one_database(served_copy, seeds_copy, tmp_path):
    """`icadb build` run three times, as a person runs it, while `icadb serve`
    runs: after each, /-/databases.json lists one database, it answers with
    that build's data, the pages that go over every database (the front page,
    the search across them) still work, and the server's log holds no traceback."""
    server, db = served_copy
    base = server.url
    assert [d["name"] for d in get_json(base + "/-/databases.json")] == ["icadb"]
    searched = searchable(base)
    assert searched and {database for database, _ in searched} == {"icadb"}
    for k in range(1, 4):
        seeds = marked_seeds(seeds_copy, tmp_path / f"seeds{k}", k)
        run_icadb("build", "--db", str(db), "--seeds", str(seeds), "--quiet", check=True)
        wanted = f"India holds an annual military exercise with Kazakhstan, named KazInd (build {k})."
        deadline = time.monotonic() + 15
        while get_json(summary_url(base))[0]["summary"] != wanted:  # the server looks once a second
            assert time.monotonic() < deadline, f"build {k} was not served within 15 s"
            time.sleep(0.2)
        names = [d["name"] for d in get_json(base + "/-/databases.json")]
        assert names == ["icadb"], f"after rebuild {k} the server lists {names}"
        assert get(base + "/")[0] == 200
        assert searchable(base) == searched, "the search across databases searches each table once"
    assert get(base + "/icadb_2")[0] == 404, "no second copy of the database is served"
    log = server.stop()
    assert "Traceback" not in log, log[-3000:]


def test_a_refused_request_leaves_no_traceback_in_the_log(served_copy):
    """A 404 and a query cut off are answers, not faults: Datasette's page,
    and nothing but the request's own line in the log."""
    server, _ = served_copy
    status, _, body = get(server.url + "/icadb/no_such_table")
    assert status == 404 and b"Table not found" in body
    assert get(server.url + "/icadb/no_such_table.json")[0] == 404
    assert get(server.url + "/icadb.json?sql=select+*+from+nowhere")[0] == 400
    log = server.stop()
    assert "no_such_table HTTP/1.1\" 404" in log
    assert "Traceback" not in log, log[-3000:]


def test_a_rebuilt_database_is_served_without_a_restart(served_copy, seeds_copy, tmp_path):
    server, db = served_copy
    base = server.url
    count_url = base + "/icadb.json?sql=select+count(*)+as+n+from+records&_shape=array"
    before = json.loads(get(count_url)[2])[0]["n"]
    meetings = seeds_copy / "records" / "meetings.yaml"
    text = meetings.read_text(encoding="utf-8")
    cut = text.index("\n- id: modi-mirziyoyev-samarkand-2022")
    end = text.index("\n- id: ", cut + 1)
    meetings.write_text(text[:cut] + text[end:], encoding="utf-8")
    (seeds_copy / "published_ids.txt").write_text("", encoding="utf-8")
    build(db, seeds=seeds_copy)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        after = json.loads(get(count_url)[2])[0]["n"]
        if after != before:
            break
        time.sleep(0.3)
    assert (before, after) == (before, before - 1), "the new build, one record shorter, is served"
