"""Located checks of seed values against their field specs.

:class:`FieldChecks` holds a record's values against a spec and reports each
problem as ``path:line: field: problem; expected ...``; a good value is
decided without building a label or looking up a line (those are for
problems).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from icadb.loaders import dates
from icadb.loaders.errors import Problems, did_you_mean
from icadb.loaders.fields import Field, is_slug, type_name
from icadb.loaders.yamlread import YMap, YSeq

if TYPE_CHECKING:  # pragma: no cover
    from icadb.loaders.context import LoadContext

class FieldChecks:
    """The checks of values against field specs. They need only ``problems``
    and ``registries`` (the ids loaded so far)."""

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
                    if is_slug(value):
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
            if checked is BAD:
                ok = False
            elif isinstance(checked, Partial):
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
                    add(path, line, label, f"wrong type: {type_name(value)}; expected {f.describe()}"
                        + (" (put it in quotes)" if isinstance(value, (int, float, bool)) else ""))
                    return BAD
        if kind == "text":
            if not value.strip():
                if f.required:
                    add(path, line, label, f"empty; expected {f.describe()}")
                    return BAD
                return None
            return value
        if kind == "slug":
            if not is_slug(value):
                add(path, line, label, f"{value!r} is not a valid id; expected {f.describe()}")
                return BAD
            return value
        if kind == "vocab":
            assert f.vocab is not None
            if value not in f.vocab:
                add(path, line, label, f"{value!r} is not an allowed value; expected {f.describe()}",
                    did_you_mean(value, f.vocab))
                return BAD
            return value
        if kind == "ref":
            assert f.ref is not None
            known = self.registry(f.ref)
            if value in self.registry(f"{f.ref}:broken"):
                return BAD  # its own problem is already reported; don't repeat it for every reference
            if not isinstance(value, str) or value not in known:
                noun = {"countries": "country code", "documents": "document id", "organizations": "organisation id",
                        "people": "person id", "places": "place id"}.get(f.ref, "id")
                add(path, line, label, f"unknown {noun} {value!r}; expected {f.describe()}",
                    did_you_mean(value, known))
                return BAD
            return value
        if kind == "date":  # checked with its precision by LoadContext.dated
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                add(path, line, label, f"wrong type: {type_name(value)}; expected {f.describe()}")
                return BAD
            return value
        if kind == "day":
            try:
                return dates.parse_day(value)
            except dates.DateError as exc:
                add(path, line, label, str(exc))
                return BAD
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                add(path, line, label, f"wrong type: {type_name(value)}; expected {f.describe()}")
                return BAD
            return value
        if kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                add(path, line, label, f"wrong type: {type_name(value)}; expected {f.describe()}")
                return BAD
            return float(value)
        if kind == "bool":
            if not isinstance(value, bool):
                add(path, line, label, f"wrong type: {type_name(value)}; expected true or false")
                return BAD
            return value
        if kind == "texts":
            if not isinstance(value, YSeq):
                add(path, line, label, f"wrong type: {type_name(value)}; expected a list of text ('- ' items)")
                return BAD
            good_items = []
            for index, item in enumerate(value):
                if not isinstance(item, str) or not item.strip():
                    add(path, value.line_of(index), f"{label}[{index + 1}]",
                        f"wrong type: {type_name(item)}; expected text" + (" (put it in quotes)" if isinstance(item, (int, float, bool)) else ""))
                else:
                    good_items.append((item, value.line_of(index)))
            if len(value) < f.min_items:
                add(path, line, label, f"has {len(value)} items; expected at least {f.min_items}")
                return BAD
            return good_items if len(good_items) == len(value) else Partial(good_items)
        if kind == "list":
            if not isinstance(value, YSeq):
                add(path, line, label, f"wrong type: {type_name(value)}; expected a list ('- ' items)")
                return BAD
            if len(value) < f.min_items:
                add(path, line, label, f"has {len(value)} items; expected at least {f.min_items}")
                return BAD
            items = []
            good = True
            for index, item in enumerate(value):
                item_line = value.line_of(index)
                if not isinstance(item, YMap):
                    add(path, item_line, f"{label}[{index + 1}]",
                        f"wrong type: {type_name(item)}; expected a mapping (field: value)")
                    good = False
                    continue
                assert f.item is not None
                checked = self.check_fields(path, item, f.item, where=f"{label}[{index + 1}]")
                if checked is None:
                    good = False
                else:
                    checked["__line__"] = item.line
                    checked["__lines__"] = item.key_lines  # where each field is, for a problem found later
                    items.append(checked)
            return items if good else Partial(items)
        raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover


BAD = object()


@dataclass
class Partial:
    """A list some of whose items failed their checks: the good ones, to check further."""

    items: list

