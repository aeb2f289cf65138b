"""``icadb diff``: what changed between two builds, record by record.

Each record is compared as a whole: its common fields (records), its kind's
fields (meetings, agreements, ...), who takes part and how (countries,
organisations, people with their roles), its evidence quotes and its figures.
The output is the changelog of a data release.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from icadb.schema.models import kinds



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


def _tables(conn) -> set[str]:
    from icadb.db import dialect

    if dialect(conn) == "postgresql":
        return {r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")}
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def real_text(value) -> str:
    """A number as SQLite writes a REAL as text (``70000000.0``, ``1.0e+20``): a
    figure reads the same from the SQLite file and from PostgreSQL."""
    if not isinstance(value, float):
        return str(value)
    text = "%.15g" % value
    if "e" in text:
        mantissa, exponent = text.split("e")
        return (mantissa if "." in mantissa else mantissa + ".0") + "e" + exponent
    return text if "." in text or "n" in text else text + ".0"


def snapshot(path) -> tuple[str, dict[str, dict[str, object]]]:
    """(data version, {record_id: {field: value}}) for the database at *path*
    (a file, or a PostgreSQL URL or :class:`icadb.dburl.Database`)."""
    from icadb.db import connect, dialect, dicts

    raw = connect(path, readonly=True)
    try:
        tables = _tables(raw)
        version = dicts(raw, "SELECT data_version FROM build_info")[0]["data_version"] if "build_info" in tables else "?"
        records: dict[str, dict[str, object]] = {}
        for row in dicts(raw, "SELECT * FROM records"):
            records[row["record_id"]] = {k: v for k, v in row.items() if k != "record_id"}
        for table in (model.__tablename__ for model in kinds().values()):
            if table not in tables:
                continue
            for row in dicts(raw, f"SELECT * FROM {table}"):
                records[row["record_id"]].update({k: v for k, v in row.items() if k not in ("record_id", "kind")})
        lists = {
            "countries": "SELECT record_id, iso3 || ' (' || role || ')' FROM record_countries",
            "organizations": "SELECT record_id, org_id || ' (' || role || ')' FROM record_organizations",
            "people": "SELECT record_id, person_id || ' (' || role || ')' FROM record_people",
            "evidence": "SELECT record_id, document_id || ': ' || quote FROM evidence",
            "figures": "SELECT record_id, label || ' = ' || value || ' ' || unit FROM figures",
        }
        if dialect(raw) == "postgresql":  # the REAL as SQLite writes it (real_text), so both engines agree
            lists["figures"] = "SELECT record_id, label, value, unit FROM figures"
        for name, sql in lists.items():
            for record in records.values():
                record[name] = []
            if sql.split(" FROM ")[1].split()[0] not in tables:
                continue
            for row in raw.execute(sql):
                record_id, value = row[0], (row[1] if len(row) == 2 else
                                            f"{row[1]} = {real_text(row[2])} {row[3]}")
                records[record_id][name].append(value)
        for record in records.values():
            for name in lists:
                record[name] = sorted(record[name])
        return version, records
    finally:
        raw.close()


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
