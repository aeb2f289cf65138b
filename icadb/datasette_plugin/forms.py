"""The canned queries' forms: each parameter with its label and, where the
codebook gives them, the values to choose from.

Datasette 0.65 draws every parameter of a canned query as a text box
(``templates/query.html``; the metadata's ``params`` only names and orders
them), so icadb's template ``query-icadb.html`` draws the form from what
:func:`query_form` returns: a ``<select>`` for a parameter with options
(from the database, a vocabulary, or listed in the codebook), a text box
otherwise, and, while a parameter the query needs is empty, a hint instead of
"0 results". An address that names a parameter the query does not take
(``?country=KAZ`` where none of the names in the codebook fits) gets a word
saying which it takes; the names a parameter is also known by (``also`` in
the codebook: ``country`` for ``iso3``) are turned into its own by
:func:`canonical_args` before the query runs (icadb.datasette_plugin.addresses).
"""

from __future__ import annotations

from typing import Any

from icadb.codebook import load
from icadb.schema.vocab import VOCABULARIES


async def _options(db, spec: dict[str, Any] | None) -> list[tuple[str, str]] | None:
    """(value, label) pairs for a parameter's options spec, or None for a free text box."""
    if not spec:
        return None
    if "sql" in spec:
        return [(str(r[0]), str(r[1])) for r in (await db.execute(spec["sql"])).rows]
    if "vocabulary" in spec:
        return [(k, f"{k}: {v.rstrip('.')}") for k, v in VOCABULARIES[spec["vocabulary"]].items()]
    return [(str(k), str(v)) for k, v in spec["values"].items()]


def parameter_names(spec: dict[str, Any]) -> dict[str, str]:
    """Every name a query's parameter may be given by, and the parameter it stands for."""
    names: dict[str, str] = {}
    for param, entry in spec.get("params", {}).items():
        names[param] = param
        for other in entry.get("also", []):
            names.setdefault(other, param)
    return names


def _matching(value: str, options: list[tuple[str, str]] | None) -> str:
    """The option value *value* names, as a value or a label, in any case (KAZ, kaz, Kazakhstan), else *value*."""
    wanted = value.strip().casefold()
    for option, label in options or []:
        if wanted and wanted in (option.casefold(), label.casefold()):
            return option
    return value


async def canonical_args(datasette, database: str, name: str, pairs: list[tuple[str, str]]
                         ) -> list[tuple[str, str]] | None:
    """The address's arguments with each name a person tried (``country``) given as the query's
    own parameter (``iso3``, with the value matched to its options); None when nothing needs changing."""
    spec = load()["queries"].get(name)
    if spec is None:
        return None
    names = parameter_names(spec)
    given = {key for key, _ in pairs}
    out, changed = [], False
    for key, value in pairs:
        param = names.get(key, key)
        if param != key and param not in given:
            entry = spec["params"][param]
            value = _matching(value, await _options(datasette.get_database(database), entry.get("options")))
            changed = True
        out.append((param, value))
    return out if changed else None


async def query_form(datasette, database: str, name: str, args) -> dict[str, Any] | None:
    """The form of canned query *name*, filled with the request's *args*; None for a query the codebook does not know."""
    spec = load()["queries"].get(name)
    if spec is None:
        return None
    db = datasette.get_database(database)
    fields = []
    for param, entry in spec.get("params", {}).items():
        value = args.get(param) or ""
        options = await _options(db, entry.get("options"))
        if options is not None:
            if entry.get("empty", True) is not False:
                blank = entry.get("empty") or ("Choose…" if entry.get("required") else "Any")
                options = [("", blank), *options]
            if value and value not in {v for v, _ in options}:
                options.append((value, value))  # keep what the address asked for (e.g. kaz for KAZ)
        fields.append({"name": param, "label": entry.get("label", param), "required": bool(entry.get("required")),
                       "type": entry.get("type", "text"), "options": options, "value": value})
    missing = [f["label"] for f in fields if f["required"] and not f["value"]]
    known = parameter_names(spec)
    unknown = [key for key in args if key not in known and not key.startswith("_")]
    return {"fields": fields, "missing": missing, "unknown": unknown,
            "takes": ", ".join(f"{f['name']} ({f['label']})" for f in fields),
            "hint": spec.get("hint") or f"Fill in {', '.join(missing)}, then press Run SQL."}
