"""``icadb diff``: what changed between two builds, record by record.

Each record is compared as a whole: its common fields (records), its kind's
fields (meetings, agreements, ...), who takes part and how (countries,
organisations, people with their roles), its evidence quotes and its figures.
The output is the changelog of a data release.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

KIND_TABLES = ("meetings", "agreements", "exercises", "proposals", "facilities", "activities")


@dataclass
class RecordChange:
    record_id: str
    title: str
    fields: list[tuple[str, object, object]] = field(default_factory=list)


@dataclass
class Diff:
    old_version: str
    new_version: str
    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[RecordChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def snapshot(path: Path) -> tuple[str, dict[str, dict[str, object]]]:
    """(data version, {record_id: {field: value}}) for the database at *path*."""
    from icadb.db import connect

    conn = connect(path, readonly=True)
    conn.row_factory = sqlite3.Row
    try:
        tables = _tables(conn)
        version = conn.execute("SELECT data_version FROM build_info").fetchone()[0] if "build_info" in tables else "?"
        records: dict[str, dict[str, object]] = {}
        for row in conn.execute("SELECT * FROM records"):
            records[row["record_id"]] = {k: row[k] for k in row.keys() if k != "record_id"}
        for table in KIND_TABLES:
            if table not in tables:
                continue
            for row in conn.execute(f"SELECT * FROM {table}"):
                records[row["record_id"]].update({k: row[k] for k in row.keys() if k not in ("record_id", "kind")})
        lists = {
            "countries": "SELECT record_id, iso3 || ' (' || role || ')' FROM record_countries",
            "organizations": "SELECT record_id, org_id || ' (' || role || ')' FROM record_organizations",
            "people": "SELECT record_id, person_id || ' (' || role || ')' FROM record_people",
            "evidence": "SELECT record_id, document_id || ': ' || quote FROM evidence",
            "figures": "SELECT record_id, label || ' = ' || value || ' ' || unit FROM figures",
        }
        for name, sql in lists.items():
            for record in records.values():
                record[name] = []
            if sql.split(" FROM ")[1].split()[0] not in tables:
                continue
            for record_id, value in conn.execute(sql):
                records[record_id][name].append(value)
        for record in records.values():
            for name in lists:
                record[name] = sorted(record[name])
        return version, records
    finally:
        conn.close()


def diff(old: Path, new: Path) -> Diff:
    old_version, before = snapshot(old)
    new_version, after = snapshot(new)
    result = Diff(old_version, new_version)
    result.added = sorted((rid, after[rid]["title"]) for rid in after.keys() - before.keys())
    result.removed = sorted((rid, before[rid]["title"]) for rid in before.keys() - after.keys())
    for rid in sorted(before.keys() & after.keys()):
        change = RecordChange(rid, str(after[rid]["title"]))
        for name in sorted(before[rid].keys() | after[rid].keys()):
            a, b = before[rid].get(name), after[rid].get(name)
            if a != b:
                change.fields.append((name, a, b))
        if change.fields:
            result.changed.append(change)
    return result


def format_text(result: Diff) -> str:
    lines = [f"data version {result.old_version} -> {result.new_version}"]
    if result.empty:
        lines.append("no record added, removed or changed")
        return "\n".join(lines) + "\n"
    lines.append(f"{len(result.added)} added, {len(result.removed)} removed, {len(result.changed)} changed")
    for title, items in (("added", result.added), ("removed", result.removed)):
        if items:
            lines += ["", f"{title}:"] + [f"  {rid}  {name}" for rid, name in items]
    if result.changed:
        lines += ["", "changed:"]
        for change in result.changed:
            lines.append(f"  {change.record_id}  {change.title}")
            for name, a, b in change.fields:
                if isinstance(a, list) and isinstance(b, list):
                    for gone in sorted(set(a) - set(b)):
                        lines.append(f"    {name}: - {gone}")
                    for new in sorted(set(b) - set(a)):
                        lines.append(f"    {name}: + {new}")
                else:
                    lines.append(f"    {name}: {a!r} -> {b!r}")
    return "\n".join(lines) + "\n"
