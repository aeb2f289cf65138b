"""PostgreSQL for the tests: the server ``$ICADB_TEST_PG`` names, a database of the
session's own on it, and the seeds built there once per session.

``.ci/run`` starts a throw-away PostgreSQL 15 cluster and sets
``ICADB_TEST_PG=postgresql://postgres@127.0.0.1:PORT/postgres``. Without it
the PostgreSQL tests are skipped, saying why; in CI (``CI=true``) they fail
instead, so a CI run can never pass without having run them.

Test modules import the fixtures they use from here (``from tests.postgres
import pg_database, pg_built``), so they stay apart from conftest.py.
"""

from __future__ import annotations

import os
import uuid

import pytest

ENV = "ICADB_TEST_PG"
NO_SERVER = (f"no PostgreSQL server for the tests: set {ENV}=postgresql://postgres@127.0.0.1:PORT/postgres "
             "(.ci/run starts one; README, For a team: PostgreSQL)")


def server_url() -> str:
    """The test server's URL, or skip (fail in CI) when there is none."""
    url = os.environ.get(ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true, so the PostgreSQL tests must run: {NO_SERVER}")
        pytest.skip(NO_SERVER)
    return url


def _admin(url: str):
    import psycopg

    from icadb import dburl

    return psycopg.connect(dburl.parse(url).conninfo(), autocommit=True, connect_timeout=10)


def with_database(url: str, name: str) -> str:
    """*url* with its database replaced by *name*."""
    from sqlalchemy.engine import make_url

    return make_url(url).set(database=name).render_as_string(hide_password=False)


def create_database(prefix: str = "icadb_test") -> str:
    """A new, empty database on the test server (C collation, as the README advises); its URL."""
    url = server_url()
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with _admin(url) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' LOCALE \'C\'')
    return with_database(url, name)


def drop_database(db_url: str) -> None:
    from sqlalchemy.engine import make_url

    name = make_url(db_url).database
    with _admin(server_url()) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_database():
    """A database of the session's own on the test server (dropped at the end)."""
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
