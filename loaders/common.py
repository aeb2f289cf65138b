"""What every loader shares: field specs, located validation, the load context
and a batched writer.

A loader reads one kind of seed file, checks each value against a spec of
fields, reports every problem as ``path:line: field: …`` and queues the rows
of good records; nothing it reads is trusted until it has been checked.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from icadb import dates
from icadb.errors import Problems, did_you_mean, display_path
from icadb.progress import Progress
from icadb.schema import vocab
from icadb.yamlstream import YMap, YSeq

# ---------------------------------------------------------------- field specs


@dataclass(frozen=True)
class Field:
    """One field of a seed record.

    *kind* is one of: text, int, number, bool, slug, vocab, ref, date (checked
    later against its precision), day, list (of mappings, each checked against
    *item*), texts (a list of strings, returned as (text, line) pairs).
    ``ref`` fields name a registry in the load context (countries, documents,
    organizations, people, places); ``list`` fields hold mappings checked
    against *item*.
    """

    name: str
    kind: str = "text"
    required: bool = True
    vocab: Mapping[str, str] | None = None
    ref: str | None = None
    item: Mapping[str, Field] | None = None
    min_items: int = 0
    expected: str | None = None

    def describe(self) -> str:
        if self.expected:
            return self.expected
        if self.kind == "vocab" and self.vocab is not None:
            return "one of " + ", ".join(self.vocab)
        return {
            "text": "text",
            "int": "a whole number",
            "number": "a number",
            "bool": "true or false",
            "slug": "an id of lowercase letters, digits and hyphens",
            "ref": f"an id from {REGISTRY_SOURCES.get(self.ref or '', self.ref)}",
            "day": "a day, YYYY-MM-DD",
            "date": "a date at its date_precision (YYYY-MM-DD, YYYY-MM or YYYY)",
            "list": "a list",
            "texts": "a list of text",
        }.get(self.kind, self.kind)


def spec(*fields: Field) -> dict[str, Field]:
    return {f.name: f for f in fields}


REGISTRY_SOURCES = {
    "countries": "the ISO 3166-1 alpha-3 codes (e.g. IND, KAZ)",
    "documents": "seeds/documents/*.yaml",
    "organizations": "seeds/reference/organizations.yaml",
    "people": "seeds/reference/people.yaml",
    "places": "seeds/reference/places.yaml",
}


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, YMap) or isinstance(value, dict):
        return "a mapping"
    if isinstance(value, YSeq) or isinstance(value, list):
        return "a list"
    return repr(value)


_SLUG = re.compile(r"[a-z0-9-]+")


def _is_slug(value: str) -> bool:
    """Lowercase ASCII letters, digits and hyphens, at least one."""
    return _SLUG.fullmatch(value) is not None


# --------------------------------------------------------------- the context


class FieldChecks:
    """The checks of values against field specs. They need only ``problems``
    and ``registries`` (the ids loaded so far), so that the process reading a
    large seed file can run them too (:class:`RecordChecks`)."""

    problems: Problems
    registries: dict[str, dict[str, Any]]

    def registry(self, name: str) -> dict[str, Any]:
        return self.registries.setdefault(name, {})

    def check_fields(self, path: Path, record: YMap, fields: Mapping[str, Field], where: str = "") -> dict | None:
        """Check *record* against *fields*; return the clean values, or None on problems."""
        values, ok = self.check_fields_partly(path, record, fields, where)
        return values if ok else None

    def check_fields_partly(self, path: Path, record: YMap, fields: Mapping[str, Field],
                            where: str = "") -> tuple[dict, bool]:
        """Check *record* against *fields*; return the values that passed (a
        field that failed is left out) and whether all passed, so that later
        checks can still run on the good fields and report more in one go."""
        ok = True
        clean: dict[str, Any] = {}
        prefix = f"{where}." if where else ""
        for key in record:
            if key not in fields:
                self.problems.add(
                    path, record.line_of(key), f"{prefix}{key}",
                    f"unknown field; expected one of: {', '.join(fields)}",
                    did_you_mean(key, fields),
                )
                ok = False
        registries = self.registries
        for name, f in fields.items():
            value = record.get(name)
            if value.__class__ is str and value:
                # The common case, a good value, decided without building a
                # label or looking up a line (those are for problems).
                kind = f.kind
                if kind == "vocab":
                    if value in f.vocab:  # type: ignore[operator]
                        clean[name] = value
                        continue
                elif kind == "ref":
                    known = registries.get(f.ref)  # type: ignore[arg-type]
                    broken = registries.get(f.ref + ":broken")  # type: ignore[operator]
                    if known is not None and value in known and not (broken and value in broken):
                        clean[name] = value
                        continue
                elif kind == "text" or kind == "date":
                    if not value.isspace():  # blank is "empty" (or, for text, a problem of its own)
                        clean[name] = value
                        continue
                elif kind == "slug":
                    if _is_slug(value):
                        clean[name] = value
                        continue
            if value is None and not f.required:  # an optional field left out: no line or label needed
                clean[name] = None
                continue
            line = record.line_of(name)
            label = f"{prefix}{name}"
            if value is None or (isinstance(value, str) and not value.strip() and f.kind != "text"):
                if f.required:
                    where_line = record.line if name not in record else line
                    what = "missing" if name not in record else "empty"
                    self.problems.add(path, where_line, label, f"{what}; expected {f.describe()}")
                    ok = False
                    continue
                clean[name] = None
                continue
            checked = self.check_value(path, line, label, value, f)
            if checked is _BAD:
                ok = False
            elif isinstance(checked, _Partial):
                clean[name] = checked.items
                ok = False
            else:
                clean[name] = checked
        return clean, ok

    def check_value(self, path: Path, line: int, label: str, value: Any, f: Field) -> Any:
        add = self.problems.add
        kind = f.kind
        if kind in ("text", "slug", "vocab", "ref", "day"):
            if not isinstance(value, str):
                if kind == "day" or (kind == "ref" and f.ref == "countries"):
                    pass  # reported below with a better message
                else:
                    add(path, line, label, f"wrong type: {_type_name(value)}; expected {f.describe()}"
                        + (" (put it in quotes)" if isinstance(value, (int, float, bool)) else ""))
                    return _BAD
        if kind == "text":
            if not value.strip():
                if f.required:
                    add(path, line, label, f"empty; expected {f.describe()}")
                    return _BAD
                return None
            return value
        if kind == "slug":
            if not _is_slug(value):
                add(path, line, label, f"{value!r} is not a valid id; expected {f.describe()}")
                return _BAD
            return value
        if kind == "vocab":
            assert f.vocab is not None
            if value not in f.vocab:
                add(path, line, label, f"{value!r} is not an allowed value; expected {f.describe()}",
                    did_you_mean(value, f.vocab))
                return _BAD
            return value
        if kind == "ref":
            assert f.ref is not None
            known = self.registry(f.ref)
            if value in self.registry(f"{f.ref}:broken"):
                return _BAD  # its own problem is already reported; don't repeat it for every reference
            if not isinstance(value, str) or value not in known:
                noun = {"countries": "country code", "documents": "document id", "organizations": "organisation id",
                        "people": "person id", "places": "place id"}.get(f.ref, "id")
                add(path, line, label, f"unknown {noun} {value!r}; expected {f.describe()}",
                    did_you_mean(value, known))
                return _BAD
            return value
        if kind == "date":  # checked with its precision by LoadContext.dated
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                add(path, line, label, f"wrong type: {_type_name(value)}; expected {f.describe()}")
                return _BAD
            return value
        if kind == "day":
            try:
                return dates.parse_day(value)
            except dates.DateError as exc:
                add(path, line, label, str(exc))
                return _BAD
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                add(path, line, label, f"wrong type: {_type_name(value)}; expected {f.describe()}")
                return _BAD
            return value
        if kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                add(path, line, label, f"wrong type: {_type_name(value)}; expected {f.describe()}")
                return _BAD
            return float(value)
        if kind == "bool":
            if not isinstance(value, bool):
                add(path, line, label, f"wrong type: {_type_name(value)}; expected true or false")
                return _BAD
            return value
        if kind == "texts":
            if not isinstance(value, YSeq):
                add(path, line, label, f"wrong type: {_type_name(value)}; expected a list of text ('- ' items)")
                return _BAD
            good_items = []
            for index, item in enumerate(value):
                if not isinstance(item, str) or not item.strip():
                    add(path, value.line_of(index), f"{label}[{index + 1}]",
                        f"wrong type: {_type_name(item)}; expected text" + (" (put it in quotes)" if isinstance(item, (int, float, bool)) else ""))
                else:
                    good_items.append((item, value.line_of(index)))
            if len(value) < f.min_items:
                add(path, line, label, f"has {len(value)} items; expected at least {f.min_items}")
                return _BAD
            return good_items if len(good_items) == len(value) else _Partial(good_items)
        if kind == "list":
            if not isinstance(value, YSeq):
                add(path, line, label, f"wrong type: {_type_name(value)}; expected a list ('- ' items)")
                return _BAD
            if len(value) < f.min_items:
                add(path, line, label, f"has {len(value)} items; expected at least {f.min_items}")
                return _BAD
            items = []
            good = True
            for index, item in enumerate(value):
                item_line = value.line_of(index)
                if not isinstance(item, YMap):
                    add(path, item_line, f"{label}[{index + 1}]",
                        f"wrong type: {_type_name(item)}; expected a mapping (field: value)")
                    good = False
                    continue
                assert f.item is not None
                checked = self.check_fields(path, item, f.item, where=f"{label}[{index + 1}]")
                if checked is None:
                    good = False
                else:
                    checked["__line__"] = item.line
                    items.append(checked)
            return items if good else _Partial(items)
        raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover


class RecordChecks(FieldChecks):
    """:meth:`FieldChecks.check_fields_partly` of each record of a file
    against *fields*, with a copy of the registries the fields refer to:
    what a reader process runs as it reads (see ``iter_checked``)."""

    def __init__(self, fields: Mapping[str, Field], registries: dict[str, dict[str, Any]]):
        self.fields = fields
        self.registries = registries

    @classmethod
    def of(cls, ctx: LoadContext, fields: Mapping[str, Field]) -> RecordChecks:
        refs: set[str] = set()

        def collect(spec_: Mapping[str, Field]) -> None:
            for f in spec_.values():
                if f.ref:
                    refs.update((f.ref, f"{f.ref}:broken"))
                if f.item:
                    collect(f.item)
        collect(fields)
        # keys only, in order (suggestions do not depend on where an id was defined)
        return cls(fields, {name: dict.fromkeys(ctx.registries[name]) for name in sorted(refs) if name in ctx.registries})

    def __call__(self, path: Path, record: YMap, problems: Any) -> tuple[dict, bool]:
        self.problems = problems
        return self.check_fields_partly(path, record, self.fields)


@dataclass
class LoadContext(FieldChecks):
    """Shared state of one build: the open database, problems and the ids seen so far."""

    conn: sqlite3.Connection
    seeds: Path
    problems: Problems
    progress: Progress
    registries: dict[str, dict[str, Any]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    _ids: dict[str, int] = field(default_factory=dict)
    _texts: OrderedDict[str, str] = field(default_factory=OrderedDict)
    _normalised: OrderedDict[str, tuple[str, list[int]]] = field(default_factory=OrderedDict)
    _located: tuple = (None, None)  # the last quote located and where
    prepared: dict[str, Any] = field(default_factory=dict)  # work a loader's prepare() started early
    cleanups: list[Callable[[], None]] = field(default_factory=list)  # run when loading ends, however it ends

    def next_id(self, table: str) -> int:
        """The next integer id for *table*: ids follow seed order, so builds repeat."""
        value = self._ids.get(table, 0) + 1
        self._ids[table] = value
        return value

    def document_text(self, document_id: str) -> str:
        """The stored text of a document (from the database being built, cached)."""
        text = self._texts.get(document_id)
        if text is None:
            row = self.conn.execute("SELECT text FROM documents WHERE document_id = ?", (document_id,)).fetchone()
            text = row[0] if row else ""
            self._texts[document_id] = text
            if len(self._texts) > 256:
                self._texts.popitem(last=False)
        else:
            self._texts.move_to_end(document_id)
        return text

    def normalised_text(self, document_id: str) -> tuple[str, list[int]]:
        cached = self._normalised.get(document_id)
        if cached is None:
            cached = normalise_whitespace(self.document_text(document_id))
            self._normalised[document_id] = cached
            if len(self._normalised) > 64:
                self._normalised.popitem(last=False)
        return cached

    def check_unique(self, registry: str, key: str, path: Path, line: int, label: str, noun: str) -> bool:
        """Register *key*; report a duplicate (with where the first one is) and return False."""
        seen = self.registry(registry)
        if key in seen:
            first = seen[key]
            where = f" (first at {display_path(first[0])}:{first[1]})" if isinstance(first, tuple) and len(first) >= 2 else ""
            self.problems.add(path, line, label, f"duplicate {noun} {key!r}{where}; expected each {noun} once")
            return False
        return True

    def dated(self, path: Path, record: YMap, precision: str | None, date_key: str = "date") -> dict | None:
        """Check a date written at *precision*; return date, earliest, latest, year and month."""
        date_value = record.get(date_key)
        if precision is None:
            return None
        if precision == "unknown":
            if date_value is not None:
                self.problems.add(path, record.line_of(date_key), date_key,
                                  f"{date_value!r} is given but date_precision is 'unknown'; "
                                  "expected no date, or the precision the text supports")
                return None
            return {"date": None, "earliest": None, "latest": None, "year": None, "month": None}
        if date_value is None:
            self.problems.add(path, record.line_of(date_key), date_key,
                              f"missing; expected a date at precision {precision!r} (or date_precision: unknown)")
            return None
        try:
            text, earliest, latest = dates.parse(date_value, precision)
        except dates.DateError as exc:
            self.problems.add(path, record.line_of(date_key), date_key, str(exc))
            return None
        return {"date": text, "earliest": earliest, "latest": latest, "year": int(text[:4]),
                "month": text[:7] if precision in ("day", "month") else None}

    def bounds(self, path: Path, record: YMap, dated: dict, earliest_key: str, latest_key: str,
               values: dict) -> tuple[str | None, str | None] | None:
        """Apply explicit earliest/latest days, which may narrow or (with a note)
        widen what the precision gives, but must overlap it."""
        earliest = values.get(earliest_key) or dated["earliest"]
        latest = values.get(latest_key) or dated["latest"]
        if earliest and latest and earliest > latest:
            self.problems.add(path, record.line_of(latest_key if values.get(latest_key) else earliest_key),
                              latest_key if values.get(latest_key) else earliest_key,
                              f"{earliest_key} {earliest} is after {latest_key} {latest}; expected earliest <= latest")
            return None
        if dated["earliest"] and (latest < dated["earliest"] or earliest > dated["latest"]):
            self.problems.add(path, record.line_of(earliest_key), earliest_key,
                              f"{earliest}..{latest} does not overlap the date itself ({dated['earliest']}..{dated['latest']}); "
                              "expected bounds around the date")
            return None
        return earliest, latest

    # -- evidence ---------------------------------------------------------

    def locate_quote(self, document_id: str, quote: str) -> tuple[int, int] | None:
        """Offsets of *quote* in the document's stored text (exact first, then
        with runs of whitespace treated as one space)."""
        if self._located[0] == (document_id, quote):  # loaders check a quote, then ask where it is
            return self._located[1]
        found = self._locate_quote(document_id, quote)
        self._located = ((document_id, quote), found)
        return found

    def _locate_quote(self, document_id: str, quote: str) -> tuple[int, int] | None:
        text = self.document_text(document_id)
        start = text.find(quote)
        if start >= 0:
            return start, start + len(quote)
        wanted = " ".join(quote.split())
        if not wanted:
            return None
        norm, index = self.normalised_text(document_id)
        at = norm.find(wanted)
        if at < 0:
            return None
        return index[at], index[at + len(wanted) - 1] + 1

    def closest_passage(self, document_id: str, quote: str) -> str:
        """The passage of the document most like *quote*, to show the curator."""
        import difflib

        text = self.document_text(document_id)
        if not text:
            return ""
        words = " ".join(quote.split())
        matcher = difflib.SequenceMatcher(None, text, words, autojunk=False)
        match = matcher.find_longest_match(0, len(text), 0, len(words))
        start = max(0, match.a - match.b)
        end = min(len(text), start + len(words) + 20)
        passage = " ".join(text[start:end].split())
        return passage if len(passage) <= 240 else passage[:237] + "..."


_BAD = object()


@dataclass
class _Partial:
    """A list some of whose items failed their checks: the good ones, to check further."""

    items: list


def normalise_whitespace(text: str) -> tuple[str, list[int]]:
    """*text* with every run of whitespace as one space, and the index in
    *text* of each character kept."""
    out: list[str] = []
    index: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space and out:
                out.append(" ")
                index.append(i)
            in_space = True
        else:
            out.append(ch)
            index.append(i)
            in_space = False
    return "".join(out), index


def start_process(ctx: LoadContext, target: Callable, args: tuple, name: str,
                  after: Callable[[], None] | None = None):
    """Run *target(*args)* in a process of its own, beside the build; stopped
    (then *after* run) when loading ends, however it ends. Spawned, not
    forked: the building process holds an open SQLite transaction."""
    import multiprocessing

    process = multiprocessing.get_context("spawn").Process(target=target, args=args, name=name, daemon=True)
    process.start()

    def stop() -> None:
        if process.is_alive():
            process.terminate()
        process.join()
        if after is not None:
            after()
    ctx.cleanups.append(stop)
    return process


# ----------------------------------------------------------------- the writer


def insert_sql(table: str, columns: Iterable[str]) -> str:
    """``INSERT INTO table (columns) VALUES (?, ...)``."""
    cols = list(columns)
    return f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"


class Writer:
    """Buffers rows per table and inserts them with ``executemany``.

    Each row carries where it came from, so when the database refuses one (a
    CHECK or UNIQUE the loaders did not foresee) the problem is still located.
    """

    def __init__(self, ctx: LoadContext, batch: int = 5000):
        self.ctx = ctx
        self.batch = batch
        self.sql: dict[str, str] = {}
        self.rows: dict[str, list[tuple]] = {}
        self.origins: dict[str, list[tuple[Path, int]]] = {}
        self.insert_seconds = 0.0  # time spent inside SQLite inserting (and indexing), for the benchmark
        self.index_seconds = 0.0  # of which building the deferred indexes
        self._deferrable: dict[str, list[tuple[str, str]]] = {}
        self._deferred: dict[str, list[tuple[str, str]]] = {}

    def defer_indexes(self) -> None:
        """Build each table's secondary indexes once the table is loaded
        (:meth:`build_indexes`) instead of keeping them in order row by row:
        one sort per index costs less than millions of inserts into it.

        Only plain indexes are deferred; a UNIQUE one stays, so the database
        still refuses a duplicate row as it is inserted (and the row is located).
        The indexes are rebuilt from their own CREATE statements, so the
        schema ends as the migrations made it."""
        for name, table, sql in self.ctx.conn.execute(
                "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"):
            if not re.match(r"\s*CREATE\s+UNIQUE\b", sql, re.IGNORECASE):
                self._deferrable.setdefault(table, []).append((name, sql))

    def build_indexes(self) -> None:
        """Build the indexes deferred for the tables written so far (their rows flushed first)."""
        if not self._deferred:
            return
        self.flush()
        started = time.perf_counter()
        for indexes in self._deferred.values():
            for _name, sql in indexes:
                self.ctx.conn.execute(sql)
        self._deferred.clear()
        seconds = time.perf_counter() - started
        self.index_seconds += seconds
        self.insert_seconds += seconds

    def table(self, name: str, columns: Iterable[str]) -> None:
        indexes = self._deferrable.pop(name, None)
        if indexes and self.ctx.conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is None:
            for index, _sql in indexes:
                self.ctx.conn.execute(f'DROP INDEX "{index}"')
            self._deferred[name] = indexes
        cols = list(columns)
        self.sql[name] = insert_sql(name, cols)
        self.rows[name] = []
        self.origins[name] = []

    def add(self, name: str, row: tuple, origin: tuple[Path, int]) -> None:
        rows = self.rows[name]
        rows.append(row)
        self.origins[name].append(origin)
        if len(rows) >= self.batch:
            self._flush(name)

    def _flush(self, name: str) -> None:
        rows = self.rows[name]
        if not rows:
            return
        conn = self.ctx.conn
        started = time.perf_counter()
        try:
            conn.execute("SAVEPOINT batch")
            conn.executemany(self.sql[name], rows)
            conn.execute("RELEASE batch")
            self.insert_seconds += time.perf_counter() - started
        except sqlite3.DatabaseError:
            conn.execute("ROLLBACK TO batch")
            conn.execute("RELEASE batch")
            for row, (path, line) in zip(rows, self.origins[name]):
                try:
                    conn.execute(self.sql[name], row)
                except sqlite3.DatabaseError as exc:
                    self.ctx.problems.add(path, line, f"({name})", f"the database refused this row ({exc}); expected a row the schema accepts")
        self.ctx.counts[name] = self.ctx.counts.get(name, 0) + len(rows)
        rows.clear()
        self.origins[name].clear()

    def flush(self) -> None:
        for name in self.rows:
            self._flush(name)

    def insert_all(self, name: str, columns: Iterable[str], rows: Iterable[tuple], origin: tuple[Path, int]) -> None:
        """Insert *rows* (any iterable, e.g. a cursor) in batches, all from one *origin*."""
        self.table(name, columns)
        batch = self.rows[name]
        origins = self.origins[name]
        for row in rows:
            batch.append(row)
            if len(batch) >= self.batch:
                origins.extend([origin] * len(batch))
                self._flush(name)
        origins.extend([origin] * len(batch))
        self._flush(name)


# ------------------------------------------------------------ shared specs

SOURCE_SPEC = spec(
    Field("document", "ref", ref="documents"),
    Field("quote", "text", expected="a verbatim quote from the document"),
)

ROLE_FIELD = Field("role", "vocab", vocab=vocab.ROLE)
NOTE_FIELD = Field("note", "text", required=False)


def check_source(ctx: LoadContext, path: Path, line: int, label: str, source: dict) -> tuple[str, str] | None:
    """Check a ``{document, quote}`` pair; return (document_id, verbatim quote) or None."""
    located = ctx.locate_quote(source["document"], source["quote"])
    if located is None:
        passage = ctx.closest_passage(source["document"], source["quote"])
        ctx.problems.add(
            path, line, f"{label}.quote",
            f"not found in document {source['document']!r}; expected a verbatim quote"
            + (f" (closest passage: {passage!r})" if passage else ""),
        )
        return None
    start, end = located
    return source["document"], ctx.document_text(source["document"])[start:end]


def iter_csv(path: Path, problems: Problems, header: list[str]) -> Iterable[tuple[int, dict[str, str]]]:
    """Stream ``(line, row)`` from a UTF-8 CSV file whose header must be *header*."""
    import csv

    from icadb.yamlstream import check_file_bytes

    if not check_file_bytes(path, problems, "a CSV file with a header row"):
        return
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh, strict=True)
        try:
            found = next(reader, None)
            if found != header:
                missing = [h for h in header if h not in (found or [])]
                extra = [h for h in (found or []) if h not in header]
                detail = "; ".join(
                    part for part in (
                        f"missing column(s) {', '.join(missing)}" if missing else "",
                        f"unknown column(s) {', '.join(extra)}" if extra else "",
                        "columns out of order" if not missing and not extra else "",
                    ) if part
                )
                problems.add(path, 1, "(header)", f"{detail}; expected the header: {','.join(header)}")
                return
            for row in reader:
                line = reader.line_num
                if not row or row == [""]:
                    continue
                if len(row) != len(header):
                    problems.add(path, line, "(row)", f"has {len(row)} fields; expected {len(header)} ({','.join(header)})")
                    continue
                yield line, dict(zip(header, row))
        except csv.Error as exc:
            problems.add(path, reader.line_num, "(csv)", f"malformed CSV: {exc}; expected RFC 4180 CSV")
        except UnicodeDecodeError as exc:
            problems.add(path, None, "(file)", f"not valid UTF-8 text ({exc.reason} at byte {exc.start}); expected UTF-8 text")


def iter_checked(ctx: LoadContext, path: Path, fields: Mapping[str, Field], registry: str, noun: str,
                 id_field: str = "id"):
    """Stream ``(line, record, values, ok)`` for the records of *path*.

    *values* holds the fields that passed their checks (a failed one is
    missing); *ok* says whether all did and the id is new. Records whose id
    is missing or a duplicate are reported and not yielded.
    """
    from icadb.yamlstream import iter_records, read_in_a_process

    seen = ctx.registry(registry)
    if read_in_a_process(path):  # a large file: each record is checked by the process reading it, on the second core
        checked = iter_records(path, ctx.problems, check=RecordChecks.of(ctx, fields))
    else:
        checked = ((line, record, ctx.check_fields_partly(path, record, fields))
                   for line, record in iter_records(path, ctx.problems))
    for line, record, (values, ok) in checked:
        key = values.get(id_field)
        if key is None:
            continue
        if not ctx.check_unique(registry, key, path, record.line_of(id_field), id_field, noun):
            continue
        seen[key] = (path, line)
        yield line, record, values, ok
