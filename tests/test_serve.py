"""icadb serve: Datasette on loopback, immutable, with the codebook as metadata."""

from __future__ import annotations

import asyncio
import json

import pytest

from icadb.serve import SETTINGS
from tests.helpers import PROJECT_ROOT, wait_for


def datasette_get(db_path, *paths: str) -> list:
    """GET each path from a Datasette configured as `icadb serve` configures it."""
    from icadb.serve import datasette_for

    async def fetch():
        ds = datasette_for(db_path)
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(fetch())


def test_datasette_lists_the_tables_with_descriptions(built_db):
    (response,) = datasette_get(built_db, "/icadb.json")
    assert response.status_code == 200
    tables = {t["name"]: t for t in response.json()["tables"]}
    assert {"records", "meetings", "evidence", "documents", "countries"} <= set(tables)


def test_table_page_shows_codebook_description(built_db):
    (response,) = datasette_get(built_db, "/icadb/records")
    assert response.status_code == 200
    assert "One row per curated record" in response.text


def test_served_connections_enforce_foreign_keys(built_db):
    """Datasette refuses PRAGMA over HTTP, so ask one of its own connections."""
    from datasette.app import Datasette

    async def pragma():
        ds = Datasette(immutables=[str(built_db)])
        await ds.invoke_startup()
        return await ds.get_database(built_db.stem).execute_fn(
            lambda conn: conn.execute("PRAGMA foreign_keys").fetchone()[0])

    assert asyncio.run(pragma()) == 1


@pytest.fixture()
def served(tmp_path, start_server):
    """`icadb serve` building its database first (it is missing), from the seeds of the project
    named by ICADB_PROJECT (the server runs in a temporary folder, outside any project)."""
    db = tmp_path / "icadb.sqlite"
    with start_server(db, env={"ICADB_PROJECT": str(PROJECT_ROOT)}) as server:
        yield server, db


def test_icadb_serve_builds_then_answers_on_loopback(served):
    server, db = served
    assert db.exists(), "serve builds the database when it is missing"
    data = json.loads(wait_for(f"{server.url}/icadb.json"))
    assert "records" in {t["name"] for t in data["tables"]}
    settings = json.loads(wait_for(f"{server.url}/-/settings.json"))
    assert settings["sql_time_limit_ms"] == SETTINGS["sql_time_limit_ms"]
    assert settings["max_returned_rows"] == SETTINGS["max_returned_rows"]
    databases = json.loads(wait_for(f"{server.url}/-/databases.json"))
    assert databases[0]["is_mutable"] is False


def test_serve_leaves_nothing_in_the_temporary_folder(built_db, tmp_path, start_server):
    """`icadb serve` writes no file of its own: its metadata is given to Datasette as data,
    so a stopped server (stopped as the tests and a terminal stop it) leaves no folder behind."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with start_server(built_db, env={"TMPDIR": str(temporary)}) as server:
        assert json.loads(wait_for(f"{server.url}/icadb.json"))["tables"]
    assert sorted(p.name for p in temporary.iterdir()) == []


def test_the_calendar_feed_logs_no_warning(built_db, start_server):
    """datasette-ics writes the feed with str(calendar), which the ics library
    warns about on every request; the feed is right, and the log stays clean."""
    with start_server(built_db) as server:
        for _ in range(2):
            assert wait_for(f"{server.url}/icadb/calendar.ics").startswith(b"BEGIN:VCALENDAR")
    log = server.stop()
    assert "GET /icadb/calendar.ics HTTP/1.1\" 200" in log
    assert "Warning" not in log, log


def test_serve_cites_the_base_url_it_was_given(built_db, start_server):
    """ICADB_BASE_URL (or --base-url): the public address behind a proxy is what a page cites."""
    with start_server(built_db, env={"ICADB_BASE_URL": "https://icadb.example.org"}) as server:
        page = wait_for(f"{server.url}/icadb/records/ica-nsa-2023-kazakhstan").decode()
    assert 'href="https://icadb.example.org/icadb/records/ica-nsa-2023-kazakhstan"' in page
    assert f'href="{server.url}/icadb/records/ica-nsa-2023-kazakhstan"' not in page
