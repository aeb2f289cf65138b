"""The published tables and views, with the type of every column.

One description serves the CSV/Parquet export, its Frictionless
``datapackage.json`` and the typed pandas frames of ``icadb.read``: the
column types come from the database (declared types, or the values a view
returns) refined by the codebook (dates, year-months, JSON arrays,
controlled vocabularies), and the keys from the schema or the codebook.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from icadb.codebook import column_entry, load
from icadb.schema.vocab import VOCABULARIES

# Frictionless field types used here, with the SQLite storage they come from.
INTEGER, NUMBER, STRING, DATE, YEARMONTH, ARRAY = "integer", "number", "string", "date", "yearmonth", "array"


@dataclass
class Column:
    name: str
    type: str
    description: str
    required: bool = False
    vocabulary: str | None = None
    enum: list[str] | None = None  # the allowed values when known without the vocabulary's name

    @property
    def categories(self) -> list[str] | None:
        if self.vocabulary:
            return list(VOCABULARIES[self.vocabulary])
        return list(self.enum) if self.enum else None


@dataclass
class Resource:
    name: str
    is_view: bool
    grain: str
    description: str
    columns: list[Column]
    primary_key: list[str] = field(default_factory=list)
    order_by: list[str] = field(default_factory=list)
    foreign_keys: list[dict] = field(default_factory=list)
    where: str | None = None  # a condition on the rows published (drafts left out: icadb.reviewed)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def select_sql(self) -> str:
        """SELECT every column in order, the rows in their fixed order."""
        columns = ", ".join(f'"{c.name}"' for c in self.columns)
        order = ", ".join(f'"{c}"' for c in self.order_by)
        where = f" WHERE {self.where}" if self.where else ""
        return f'SELECT {columns} FROM "{self.name}"{where} ORDER BY {order}'


def _declared_type(declared: str) -> str | None:
    declared = declared.upper()
    if "INT" in declared:
        return INTEGER
    if any(t in declared for t in ("REAL", "FLOA", "DOUB", "NUMERIC")):
        return NUMBER
    if declared:
        return STRING
    return None


def _held_types(conn: sqlite3.Connection, name: str, columns: list[str]) -> dict[str, str]:
    """The type of what each of a view's computed *columns* (no declared type) holds
    in its first 1,000 rows: one query for all of them (a view like co_mentions
    is computed whole before its first row, once per query)."""
    if not columns:
        return {}
    kinds: dict[str, set[str]] = {c: set() for c in columns}
    listed = ", ".join(f'"{c}"' for c in columns)
    typed = ", ".join(f'typeof("{c}")' for c in columns)
    for row in conn.execute(f'SELECT DISTINCT {typed} FROM (SELECT {listed} FROM "{name}" LIMIT 1000)'):
        for column, kind in zip(columns, row):
            kinds[column].add(kind)
    out = {}
    for column, held in kinds.items():
        held -= {"null"}
        out[column] = INTEGER if held and held <= {"integer"} else NUMBER if held and held <= {"integer", "real"} else STRING
    return out


class _SqliteCatalog:
    """What resources() asks of the schema, from SQLite's catalog."""

    def __init__(self, conn):
        self.conn = conn

    def present(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view')")}

    def table_info(self, name: str) -> list[tuple]:
        return self.conn.execute(f'PRAGMA table_info("{name}")').fetchall()

    def held_types(self, name: str, columns: list[str]) -> dict[str, str]:
        return _held_types(self.conn, name, columns)

    def foreign_keys(self, name: str) -> list[tuple]:
        return [(fk_id, target, source, to) for fk_id, _seq, target, source, to, *_ in
                self.conn.execute(f'PRAGMA foreign_key_list("{name}")')]


class _PgCatalog:
    """The same, from PostgreSQL's catalog (the schema on the connection's search path)."""

    def __init__(self, conn):
        self.conn = conn

    def present(self) -> dict[str, str]:
        return {r[0]: r[1] for r in self.conn.execute(
            "SELECT c.relname, CASE c.relkind WHEN 'v' THEN 'view' ELSE 'table' END FROM pg_class AS c "
            "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'p')")}

    def table_info(self, name: str) -> list[tuple]:
        """(cid, name, declared type, notnull, default, pk position) like PRAGMA table_info."""
        return [tuple(r) for r in self.conn.execute(
            "SELECT a.attnum - 1, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull::int, NULL, "
            "coalesce((SELECT k.n FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) WHERE k.attnum = a.attnum), 0) "
            "FROM pg_attribute AS a LEFT JOIN pg_index AS i ON i.indrelid = a.attrelid AND i.indisprimary "
            "WHERE a.attrelid = (current_schema() || '.' || quote_ident(?))::regclass AND a.attnum > 0 "
            "AND NOT a.attisdropped ORDER BY a.attnum", (name,))]

    def held_types(self, name: str, columns: list[str]) -> dict[str, str]:
        return {c: STRING for c in columns}  # every column of PostgreSQL has a declared type

    def foreign_keys(self, name: str) -> list[tuple]:
        return [tuple(r) for r in self.conn.execute(
            "SELECT con.oid, ref.relname, a.attname, b.attname "
            "FROM pg_constraint AS con JOIN pg_class AS ref ON ref.oid = con.confrelid "
            "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) AS k(child, parent) "
            "JOIN pg_attribute AS a ON a.attrelid = con.conrelid AND a.attnum = k.child "
            "JOIN pg_attribute AS b ON b.attrelid = con.confrelid AND b.attnum = k.parent "
            "WHERE con.contype = 'f' AND con.conrelid = (current_schema() || '.' || quote_ident(?))::regclass "
            "ORDER BY con.conname", (name,))]


def catalog(conn):
    from icadb.db import dialect

    return _PgCatalog(conn) if dialect(conn) == "postgresql" else _SqliteCatalog(conn)


def resources(conn: sqlite3.Connection, names: Iterable[str] | None = None) -> list[Resource]:
    """Every table and view of the codebook present in the database, in codebook
    order (or only those *names*; :class:`KeyError` for one not published)."""
    book = load()
    schema = catalog(conn)
    present = schema.present()
    specs = {**book["tables"], "build_info": book["hidden_tables"]["build_info"]}
    published = [name for name in specs if name in present]
    wanted = set(published) if names is None else set(names)
    unknown = sorted(wanted - set(published))
    if unknown:
        raise KeyError(f"no table or view {unknown[0]!r}; expected one of: {', '.join(published)}")
    out: list[Resource] = []
    for name, spec in specs.items():
        if name not in present or name not in wanted:
            continue
        is_view = present[name] == "view"
        info = schema.table_info(name)
        entries = {col: column_entry(spec["columns"].get(col, "")) for _cid, col, *_ in info}
        held = schema.held_types(name, [col for _cid, col, declared, *_ in info
                                        if not entries[col].get("type") and not _declared_type(declared or "")])
        columns = []
        for _cid, col, declared, notnull, _default, _pk in info:
            entry = entries[col]
            kind = entry.get("type") or _declared_type(declared or "") or held[col]
            columns.append(Column(col, kind, str(entry.get("description", "")).strip(), bool(notnull),
                                  entry.get("vocabulary")))
        pk = [r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
        primary_key = list(spec.get("key", [])) if is_view else pk
        order_by = primary_key or list(spec.get("order_by", [])) or [columns[0].name]
        resource = Resource(name, is_view, spec["grain"].strip(), " ".join(spec["description"].split()), columns,
                            primary_key, order_by)
        if not is_view:
            groups: dict[int, dict] = {}
            for fk_id, target, source, to in schema.foreign_keys(name):
                group = groups.setdefault(fk_id, {"fields": [], "reference": {"resource": target, "fields": []}})
                group["fields"].append(source)
                group["reference"]["fields"].append(to)
            # Sorted: SQLite lists them in the order of the CREATE TABLE text, which
            # a batch migration may write in either order.
            resource.foreign_keys = sorted(groups.values(), key=lambda g: (g["fields"], g["reference"]["resource"]))
        out.append(resource)
    for resource in out:  # only keys into resources that are published too
        resource.foreign_keys = [fk for fk in resource.foreign_keys if fk["reference"]["resource"] in published]
    return out


def resource(conn: sqlite3.Connection, name: str) -> Resource:
    return resources(conn, [name])[0]
