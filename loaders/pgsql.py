"""icadb's SQL, written for SQLite, as PostgreSQL runs it: translated by sqlglot.

The loaders' statements, the views (``icadb.views``) and the queries the
commands run (``icadb.db.PgReader``) all pass through here on PostgreSQL.

The views and queries are written in the SQL both engines share where they
agree; sqlglot translates the rest (SQLite's order of NULLs, ...). Two rules
are the project's own: JSON is built as jsonb (``json_group_array`` becomes
``jsonb_agg``, ``json_object`` ``jsonb_build_object``, for PostgreSQL 15 has no
SQL/JSON constructor), as the JSON columns of the tables are jsonb. Text is
compared byte by byte as on SQLite only in a database whose collation is
``C`` (README: "For a team: PostgreSQL").
"""

from __future__ import annotations

from functools import cache, lru_cache


@cache
def dialect():
    """sqlglot's PostgreSQL dialect, with JSON built as jsonb, as PostgreSQL 15 writes it."""
    from sqlglot import exp
    from sqlglot.dialects.postgres import Postgres

    def jsonb_build_object(generator, expression: exp.JSONObject) -> str:
        pairs = [part for pair in expression.expressions for part in (pair.this, pair.expression)]
        return generator.func("jsonb_build_object", *pairs)

    def jsonb_agg(generator, expression: exp.JSONArrayAgg) -> str:
        return generator.func("jsonb_agg", expression.this)

    class PostgreSQL15(Postgres):
        class Generator(Postgres.Generator):
            TRANSFORMS = {**Postgres.Generator.TRANSFORMS, exp.JSONObject: jsonb_build_object,
                          exp.JSONArrayAgg: jsonb_agg}

    return PostgreSQL15


@lru_cache(maxsize=256)
def to_postgresql(sql: str) -> str:
    """*sql* (a view's SELECT, a query) written for SQLite, as PostgreSQL runs it."""
    import sqlglot

    return sqlglot.transpile(sql, read="sqlite", write=dialect(), pretty=True)[0]


@lru_cache(maxsize=256)
def for_psycopg(sql: str) -> str:
    """A query written for SQLite, with sqlite3's parameters (``?``, ``:name``), as
    psycopg takes it: PostgreSQL's SQL, ``%s`` and ``%(name)s``, and a ``%`` in
    quoted text doubled."""
    import sqlglot
    from sqlglot import exp

    def placeholders(node):
        if isinstance(node, exp.Placeholder):
            return exp.var("%s" if node.name in ("", "?") else f"%({node.name})s")
        if isinstance(node, exp.Literal) and node.is_string and "%" in node.this:
            return exp.Literal.string(node.this.replace("%", "%%"))
        return node

    return sqlglot.parse_one(sql, read="sqlite").transform(placeholders).sql(dialect=dialect())
