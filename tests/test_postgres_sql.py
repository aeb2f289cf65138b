"""PostgreSQL without a server: naming a database, and the SQL PostgreSQL runs (icadb.pgsql)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from icadb import dburl
from icadb.loaders import pgsql
from tests.helpers import run_icadb, unused_port


def test_a_path_names_an_sqlite_file(tmp_path):
    db = dburl.parse(tmp_path / "x.sqlite")
    assert not db.is_postgresql and db.path == (tmp_path / "x.sqlite").resolve()


def test_an_sqlite_url_names_a_file(tmp_path):
    assert dburl.parse(f"sqlite:///{tmp_path}/x.sqlite").path == (tmp_path / "x.sqlite").resolve()


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_a_postgresql_url_is_read_with_psycopg_3(scheme):
    db = dburl.parse(f"{scheme}://team@db.example.org:5433/icadb")
    assert db.is_postgresql and db.url.startswith("postgresql+psycopg://") and db.schema == "public"
    assert db.conninfo() == "postgresql://team@db.example.org:5433/icadb"


def test_the_url_names_the_schema_and_hides_the_password():
    db = dburl.parse("postgresql://team:secret@db.example.org/icadb?schema=icadb&sslmode=require")
    assert db.schema == "icadb" and "schema=" not in db.url and "sslmode=require" in db.conninfo()
    assert "secret" not in db.display() and "schema icadb" in db.display()


@pytest.mark.parametrize("value", ["mysql://u@h/d", "postgresql+psycopg2://u@h/d", "https://example.org/icadb"])
def test_any_other_scheme_is_refused(value):
    with pytest.raises(dburl.DatabaseURLError, match="expected a file path or postgresql://"):
        dburl.parse(value)


def test_a_bad_schema_name_is_refused():
    with pytest.raises(dburl.DatabaseURLError, match="schema"):
        dburl.parse("postgresql://u@h/d?schema=Robert');drop")


def test_an_unknown_query_parameter_is_refused_in_one_line():
    with pytest.raises(dburl.DatabaseURLError, match='invalid URI query parameter: "colour"; expected') as caught:
        dburl.parse("postgresql://team:secret@db.example.org/icadb?colour=blue")
    assert "\n" not in str(caught.value) and "secret" not in str(caught.value)


def test_build_refuses_another_scheme_in_one_line_and_writes_nothing(tmp_path):
    result = run_icadb("build", "--db", "mysql://team@127.0.0.1/icadb", "--quiet", env={"PWD": str(tmp_path)})
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "cannot build or read a 'mysql' database" in result.stderr
    assert not any(Path(".").glob("mysql:*")) and not any(tmp_path.iterdir())


def test_build_refuses_an_unreachable_server_in_one_line():
    url = f"postgresql://postgres@127.0.0.1:{unused_port()}/icadb"
    result = run_icadb("build", "--db", url, "--quiet", env={"ICADB_DB": url})
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"icadb: cannot reach {url}")


def test_icadb_db_may_be_a_url_too():
    url = f"postgresql://postgres@127.0.0.1:{unused_port()}/icadb"
    result = run_icadb("export", "--out", "/nonexistent/never", "--quiet", env={"ICADB_DB": url})
    assert result.returncode == 1 and "cannot reach" in result.stderr


def test_serve_says_it_serves_the_sqlite_file():
    result = run_icadb("serve", "--db", "postgresql://postgres@127.0.0.1:1/icadb")
    assert result.returncode == 1 and "reads the SQLite file (Datasette serves it)" in result.stderr


# -- the translation of SQLite's SQL (sqlglot, and the project's two rules) -------------

def test_json_is_built_as_jsonb():
    sql = "select json_group_array(t.x), json_object('a', t.y, 'b', 2) from (select x, y from t order by x) as t"
    translated = " ".join(pgsql.to_postgresql(sql).split())
    assert "JSONB_AGG(t.x)" in translated and "JSONB_BUILD_OBJECT('a', t.y, 'b', 2)" in translated


def test_nulls_sort_as_in_sqlite_after_the_whole_expression():
    """SQLite sorts NULL first: an ascending key gets NULLS FIRST, a descending one NULLS LAST, after the
    whole expression (the old hand-written translator put them inside coalesce(...))."""
    translated = " ".join(pgsql.to_postgresql("select a from t order by a, coalesce(b, c) desc").split())
    assert translated.endswith("ORDER BY a NULLS FIRST, COALESCE(b, c) DESC NULLS LAST")


def test_count_filter_passes_through():
    translated = " ".join(pgsql.to_postgresql("select count(*) filter (where a = 1 and not b) from t").split())
    assert "COUNT(*) FILTER(WHERE a = 1 AND NOT b)" in translated


@pytest.mark.parametrize("sql, expected", [
    ("select * from t where a = ?", "SELECT * FROM t WHERE a = %s"),
    ("select * from t where a = :name and b like '%x%'", "SELECT * FROM t WHERE a = %(name)s AND b LIKE '%%x%%'"),
])
def test_queries_get_psycopgs_placeholders_and_doubled_percents(sql, expected):
    assert pgsql.for_psycopg(sql) == expected


@given(st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31)), st.integers(28, 32))
@settings(max_examples=300, deadline=None)
def test_the_calendar_day_check_knows_every_months_length(day, last):
    """The portable CHECK of a real day (schema/models.py) agrees with Python's calendar, on SQLite here
    (tests/test_postgres.py runs the same CHECK on a server)."""
    import calendar
    import sqlite3

    from icadb.schema.models import day_sql

    conn = sqlite3.connect(":memory:")
    text = f"{day.year:04d}-{day.month:02d}-{last:02d}"
    real = last <= calendar.monthrange(day.year, day.month)[1]
    assert bool(conn.execute(f"SELECT {day_sql(':d')}", {"d": text}).fetchone()[0]) is real
    assert conn.execute(f"SELECT {day_sql(':d')}", {"d": None}).fetchone()[0] is None  # NULL passes a CHECK


@pytest.mark.parametrize("text", ["2023-13-01", "2023-00-10", "2023-1-01", "20230101", "abcd-01-01", "2023-01-0a", ""])
def test_the_calendar_day_check_refuses_what_is_no_day(text):
    import sqlite3

    from icadb.schema.models import day_sql

    assert sqlite3.connect(":memory:").execute(f"SELECT {day_sql(':d')}", {"d": text}).fetchone()[0] == 0
