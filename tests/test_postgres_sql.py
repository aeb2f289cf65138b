"""PostgreSQL without a server: naming a database, and the SQL PostgreSQL runs (icadb.pgsql)."""

from __future__ import annotations

from pathlib import Path

import pytest

from icadb import dburl, pgsql
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


# -- the translation of SQLite's SQL ------------------------------------------------

def test_glob_becomes_a_regular_expression():
    assert pgsql.to_postgresql("iso3 GLOB '[A-Z][A-Z][A-Z]'") == "iso3 ~ '^[A-Z][A-Z][A-Z]$'"
    assert pgsql.to_postgresql("x NOT GLOB '*[^a-z0-9-]*'") == "x !~ '[^a-z0-9-]'"
    assert pgsql.glob_regex("[0-9][0-9][0-9][0-9]-[0-1][0-9]") == "^[0-9]{4}\\-[0-1][0-9]$"


def test_json_group_array_keeps_the_subquery_order_and_gives_an_empty_array():
    sql = "select json_group_array(t.x)\n    from (select x from t order by x) as t"
    assert pgsql.to_postgresql(sql).startswith("select coalesce(jsonb_agg(t.x), '[]'::jsonb)")
    grouped = pgsql.to_postgresql("select json_group_array(d.id) as ids\nfrom d\ngroup by d.k")
    assert "jsonb_agg(d.id order by d.id nulls first)" in grouped


def test_sums_of_conditions_become_counts():
    assert pgsql.to_postgresql("sum(a = 1 and not b)") == "count(*) filter (where a = 1 and not b)"
    assert pgsql.to_postgresql("min(rc.role = 'subject')") == "bool_and(rc.role = 'subject')"


def test_nulls_sort_first_as_in_sqlite():
    assert pgsql.to_postgresql("order by a, b desc") == "order by a nulls first, b desc nulls last"


def test_the_calendar_day_check_keeps_null_passing():
    """NULL passes a CHECK on both engines (no date yet); tests/test_postgres.py checks real days on a server."""
    translated = pgsql.to_postgresql("d GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' AND date(d) = d")
    assert translated.startswith("d ~ '^[0-9]{4}\\-[0-1][0-9]\\-[0-3][0-9]$' AND (CASE WHEN d IS NULL THEN NULL")


def test_the_postgresql_views_and_summaries_are_what_icadb_pgsql_makes():
    """schema/views/pg/ and schema/summaries/pg/ are generated; if this fails, run
    `python -m icadb.pgsql --write` and commit the files."""
    assert pgsql.main(["pgsql"]) == 0
