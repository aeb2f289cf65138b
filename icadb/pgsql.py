"""The SQL of the migrations and views, as PostgreSQL runs it.

icadb's SQL is written for SQLite (the published file). Most of it is
portable; what is not is a handful of SQLite idioms, each turned here into
its PostgreSQL equivalent by one rule:

- ``X GLOB 'pattern'`` (CHECKs) becomes ``X ~ '^regex$'``, ``NOT GLOB`` ``!~``;
- ``date(X) = X`` (a real calendar day, CHECKs) becomes a CASE that checks the
  day against its month's length (NULL stays NULL, so a CHECK passes as on
  SQLite; a malformed day fails);
- ``json_valid(X)`` (CHECKs) becomes ``jsonb_typeof(X) IS NOT NULL``: the JSON
  columns are ``jsonb`` on PostgreSQL;
- ``json_group_array(X)`` becomes ``coalesce(jsonb_agg(X), '[]')`` (an empty
  array where SQLite gives ``[]``). Over an ordered subquery (``... from (select
  ... order by ...)``) the rows keep that order, as they do in SQLite; anywhere
  else SQLite's order is that of its plan, and PostgreSQL's is made definite
  with ``order by X``;
- ``json_object(`` becomes ``jsonb_build_object(``;
- ``sum(condition)`` (SQLite's comparisons are 0 or 1) becomes
  ``count(*) filter (where condition)``, and ``min(X = 'v')`` (true only if all
  are) ``bool_and(X = 'v')``;
- ``order by`` items get ``nulls first`` (``nulls last`` after ``desc``): SQLite
  sorts NULL before any value, PostgreSQL after;
- a top-level ``group by`` in a query that joins ``countries`` or ``documents``
  (and selects their names and titles, which SQLite allows without grouping by
  them) also groups by their primary key, so PostgreSQL sees them as
  determined by the group.

Anything else passes through unchanged. The rules are applied to the text a
revision froze, so a revision does on PostgreSQL what it did on SQLite;
``schema/views/pg/`` and ``schema/summaries/pg/`` hold the head views and
summaries as this module writes them (``python -m icadb.pgsql --write``;
``tests/test_postgres_sql.py`` checks they are current). Text is compared
byte by byte as on SQLite only in a database whose collation is ``C``
(README: "For a team: PostgreSQL").
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PRIMARY_KEYS = {"countries": "iso3", "documents": "document_id"}

DAY = ("CASE WHEN {x} IS NULL THEN NULL "
       "WHEN {x} ~ '^[0-9]{{4}}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' THEN "
       "substr({x}, 9, 2)::integer <= CASE WHEN substr({x}, 6, 2) IN ('04', '06', '09', '11') THEN 30 "
       "WHEN substr({x}, 6, 2) = '02' THEN CASE WHEN substr({x}, 1, 4)::integer % 4 = 0 "
       "AND (substr({x}, 1, 4)::integer % 100 <> 0 OR substr({x}, 1, 4)::integer % 400 = 0) THEN 29 ELSE 28 END "
       "ELSE 31 END ELSE false END")


def _closing(sql: str, start: int) -> int:
    """The index of the parenthesis closing the one at *start* (quotes respected)."""
    depth, i, quoted = 0, start, False
    while i < len(sql):
        c = sql[i]
        if c == "'":
            quoted = not quoted
        elif not quoted and c == "(":
            depth += 1
        elif not quoted and c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced parentheses in: {sql[start:start + 80]!r}")


def _calls(sql: str, name: str, replace) -> str:
    """Replace every call ``name(arg)`` by ``replace(arg, text after the call)``."""
    pattern = re.compile(rf"\b{name}\(", re.IGNORECASE)
    out, pos = [], 0
    while (match := pattern.search(sql, pos)) is not None:
        open_at = match.end() - 1
        close_at = _closing(sql, open_at)
        out.append(sql[pos:match.start()])
        out.append(replace(sql[open_at + 1:close_at], sql[close_at + 1:]))
        pos = close_at + 1
    out.append(sql[pos:])
    return "".join(out)


def glob_regex(pattern: str) -> str:
    """A GLOB pattern as an anchored POSIX regular expression."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            end = pattern.index("]", i + 2 if pattern[i + 1:i + 2] in ("^", "]") else i + 1)
            out.append(pattern[i:end + 1])
            i = end
        else:
            out.append(re.escape(c))
        i += 1
    regex = "^" + "".join(out) + "$"
    regex = regex.removeprefix("^.*").removesuffix(".*$")
    return re.sub(r"(\[0-9\])\1{3}", "[0-9]{4}", regex)


def _glob(match: re.Match) -> str:
    column, negated, pattern = match.group(1), match.group(2), match.group(3)
    return f"{column} {'!~' if negated else '~'} '{glob_regex(pattern)}'"


def _json_group_array(arg: str, after: str) -> str:
    ordered_subquery = re.match(r"\s*from\s*\(", after, re.IGNORECASE) is not None
    order = "" if ordered_subquery else f" order by {arg}"
    return f"coalesce(jsonb_agg({arg}{order}), '[]'::jsonb)"


def _nulls_first(match: re.Match) -> str:
    items = []
    for item in match.group(2).split(","):
        stripped = item.rstrip()
        if re.search(r"\bnulls (first|last)$", stripped, re.IGNORECASE):
            items.append(item)
            continue
        last = " nulls last" if re.search(r"\bdesc$", stripped, re.IGNORECASE) else " nulls first"
        items.append(stripped + last + item[len(stripped):])
    return match.group(1) + ",".join(items)


def _group_by_keys(sql: str) -> str:
    """Add the primary keys of top-level joined countries/documents to a top-level GROUP BY."""
    lines = sql.split("\n")
    group_at = [i for i, line in enumerate(lines) if line.startswith("group by ")]
    if not group_at:
        return sql
    keys = []
    for line in lines:
        joined = re.match(r"inner join (\w+) as (\w+) on ", line)
        if joined and joined.group(1) in PRIMARY_KEYS:
            keys.append(f"{joined.group(2)}.{PRIMARY_KEYS[joined.group(1)]}")
    if keys:
        lines[group_at[-1]] += "".join(f", {key}" for key in keys)
    return "\n".join(lines)


def to_postgresql(sql: str) -> str:
    """*sql* (a CHECK, a view's SELECT, a statement), written for SQLite, as PostgreSQL runs it."""
    sql = re.sub(r"\b([\w.]+) (NOT )?GLOB '([^']*)'", _glob, sql)
    sql = re.sub(r"\bdate\(([\w.]+)\) = \1\b", lambda m: f"({DAY.format(x=m.group(1))})", sql)
    sql = re.sub(r"\bjson_valid\(([\w.]+)\)", r"(\1 IS NULL OR jsonb_typeof(\1) IS NOT NULL)", sql)
    sql = _calls(sql, "json_group_array", _json_group_array)
    sql = re.sub(r"\bjson_object\(", "jsonb_build_object(", sql)
    sql = re.sub(r"\bmin\(([\w.]+ = '[^']*')\)", r"bool_and(\1)", sql)
    sql = _calls(sql, "sum", lambda arg, _after: f"count(*) filter (where {arg})")
    sql = nulls_first(sql)
    return _group_by_keys(sql)


def nulls_first(sql: str) -> str:
    """*sql* with SQLite's order of NULLs (first, ascending) in every ORDER BY."""
    return re.sub(r"(\border by )([^\n)]+)", _nulls_first, sql, flags=re.IGNORECASE)


def _outside_quotes(sql: str, rewrite) -> str:
    """*sql* with *rewrite* applied to each stretch of it outside quoted text ('...')."""
    parts = re.split(r"('(?:[^']|'')*')", sql)
    return "".join(p if i % 2 else rewrite(p) for i, p in enumerate(parts))


def placeholders(sql: str) -> str:
    """sqlite3's ``?`` parameters as psycopg's ``%s`` (and ``%`` as ``%%``), outside quoted text."""
    return _outside_quotes(sql, lambda p: p.replace("%", "%%").replace("?", "%s"))


def named_placeholders(sql: str) -> str:
    """sqlite3's ``:name`` parameters as psycopg's ``%(name)s`` (and ``%`` as ``%%``), outside quoted text."""
    return _outside_quotes(sql, lambda p: re.sub(r"(?<!:):([A-Za-z_]\w*)", r"%(\1)s", p.replace("%", "%%")))


# -- inside a migration ----------------------------------------------------

def dialect() -> str:
    """The name of the dialect the running migration speaks ("sqlite", "postgresql")."""
    from alembic import op

    return op.get_context().dialect.name


def sql(text: str) -> str:
    """*text* for the running migration's database: as written on SQLite, translated elsewhere."""
    return text if dialect() == "sqlite" else to_postgresql(text)


def json_type():
    """The type of a column of JSON text: TEXT on SQLite (checked by json_valid), jsonb on PostgreSQL."""
    import sqlalchemy as sa
    from sqlalchemy.dialects import postgresql

    return sa.Text().with_variant(postgresql.JSONB(), "postgresql")


def any_type():
    """A column of no type affinity (SQLite's BLOB, which keeps numbers as numbers and
    text as text); jsonb on PostgreSQL, whose scalars keep the same difference."""
    import sqlalchemy as sa
    from sqlalchemy.dialects import postgresql

    return sa.LargeBinary().with_variant(postgresql.JSONB(), "postgresql")


def recreate() -> str:
    """Batch mode's ``recreate``: SQLite changes a CHECK only by rebuilding the
    table ("always", as the revisions always did); PostgreSQL alters it in place."""
    return "always" if dialect() == "sqlite" else "auto"


# -- the head views and summaries, per dialect ------------------------------

def dialect_files() -> dict[Path, str]:
    """Each view and summary file that PostgreSQL runs differently: its pg/ path and text."""
    from icadb.paths import SCHEMA_DIR

    out = {}
    for folder in ("views", "summaries"):
        for path in sorted((SCHEMA_DIR / folder).glob("*.sql")):
            text = path.read_text(encoding="utf-8")
            translated = to_postgresql(text)
            if translated != text:
                out[path.parent / "pg" / path.name] = translated
    return out


def sql_file(folder: Path, name: str, dialect_name: str) -> str:
    """The text of ``<folder>/<name>.sql`` for *dialect_name* (its pg/ variant where there is one)."""
    if dialect_name != "sqlite":
        variant = folder / "pg" / f"{name}.sql"
        if variant.exists():
            return variant.read_text(encoding="utf-8")
    return (folder / f"{name}.sql").read_text(encoding="utf-8")


def main(argv: list[str]) -> int:
    files = dialect_files()
    if argv[1:] == ["--write"]:
        for path, text in files.items():
            path.parent.mkdir(exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
        return 0
    stale = [path for path, text in files.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    for path in stale:
        print(f"{path} is not what icadb.pgsql makes of its SQLite file; run: python -m icadb.pgsql --write")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
