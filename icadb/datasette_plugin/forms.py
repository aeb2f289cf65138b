"""The canned queries' forms: each parameter with its label and, where the
codebook gives them, the values to choose from.

Datasette 0.65 draws every parameter of a canned query as a text box
(``templates/query.html``; the metadata's ``params`` only names and orders
them), so icadb's template ``query-icadb.html`` draws the form from what
:func:`query_form` returns: a ``<select>`` for a parameter with options
(from the database, a vocabulary, or listed in the codebook), a text box
otherwise, and, while a parameter the query needs is empty, a hint instead of
"0 results".
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
    return {"fields": fields, "missing": missing,
            "hint": spec.get("hint") or f"Fill in {', '.join(missing)}, then press Run SQL."}
