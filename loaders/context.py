"""The load context: what one build's loaders share.

The open database, the problems found so far, the ids each loader has
registered (so later loaders can check references), integer ids in seed
order, the dates checks every dated seed uses, and what a loader leaves for a
later one (``prepared``).
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from icadb.loaders import dates
from icadb.loaders.errors import Problems, display_path
from icadb.loaders.checks import FieldChecks
from icadb.loaders.quotes import DocumentTexts
from icadb.loaders.yamlread import YMap


@dataclass
class LoadContext(FieldChecks, DocumentTexts):
    """Shared state of one build: the open database, problems and the ids seen so far."""

    conn: sqlite3.Connection
    seeds: Path
    problems: Problems
    progress: Any  # what shows the build's steps (icadb.progress.Progress): stage(name, total)
    dialect: str = "sqlite"  # or "postgresql": the loaders then take loaders/pgwriter.py's way where SQL differs
    registries: dict[str, dict[str, Any]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    _ids: dict[str, int] = field(default_factory=dict)
    _texts: OrderedDict[str, str] = field(default_factory=OrderedDict)
    _normalised: OrderedDict[str, tuple[str, list[int]]] = field(default_factory=OrderedDict)
    _located: tuple = (None, None)  # the last quote located and where
    prepared: dict[str, Any] = field(default_factory=dict)  # what a loader leaves for a later one

    def next_id(self, table: str) -> int:
        """The next integer id for *table*: ids follow seed order, so builds repeat."""
        value = self._ids.get(table, 0) + 1
        self._ids[table] = value
        return value

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
        """Apply explicit earliest/latest days, which must overlap what the
        precision gives (that they lie inside it, and that the precision is the
        finest they allow, is checked by :func:`record_rules.check_bounds`)."""
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
