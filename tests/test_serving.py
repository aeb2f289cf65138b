"""icadb serve around Datasette: a response cache between builds, and rebuilds followed."""

from __future__ import annotations

import json
import shutil
import time
import urllib.error
import urllib.request

import pytest

from icadb.build import build


def get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.fixture()
def served_copy(tmp_path, built_db, start_server):
    """`icadb serve` on a private copy of the built database, which a test may replace."""
    db = tmp_path / "icadb.sqlite"
    shutil.copy(built_db, db)
    with start_server(db) as server:
        yield server.url, db


def test_repeated_page_is_served_from_the_cache(served_copy):
    base, _ = served_copy
    first = get(base + "/icadb/timeline.json?_size=3")
    second = get(base + "/icadb/timeline.json?_size=3")
    assert first[0] == second[0] == 200
    assert "x-icadb-cache" not in {k.lower() for k in first[1]}
    assert {k.lower(): v for k, v in second[1].items()}["x-icadb-cache"] == "hit"
    assert first[2] == second[2]


def test_errors_are_not_cached(served_copy):
    base, _ = served_copy
    for _ in range(2):
        status, headers, _ = get(base + "/icadb/no_such_table")
        assert status == 404 and "x-icadb-cache" not in {k.lower() for k in headers}


def test_a_rebuilt_database_is_served_without_a_restart(served_copy, seeds_copy, tmp_path):
    base, db = served_copy
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
