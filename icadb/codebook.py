"""The codebook (``schema/codebook.yaml``) and what is generated from it:
Datasette metadata and ``docs/codebook.md``."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from icadb.paths import SCHEMA_DIR
from icadb.schema.vocab import VOCABULARIES

CODEBOOK_PATH = SCHEMA_DIR / "codebook.yaml"


@lru_cache(maxsize=1)
def load() -> dict[str, Any]:
    with open(CODEBOOK_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def column_entry(entry: str | dict) -> dict[str, Any]:
    """A column's entry as a dict with description (and unit, vocabulary)."""
    return {"description": entry} if isinstance(entry, str) else dict(entry)


def column_text(entry: str | dict, *, with_values: bool = True) -> str:
    """A column's description with its unit and, for vocabularies, its values."""
    col = column_entry(entry)
    text = col["description"].rstrip()
    if col.get("unit"):
        text += f" Unit: {col['unit']}."
    if with_values and col.get("vocabulary"):
        values = VOCABULARIES[col["vocabulary"]]
        text += " Values: " + "; ".join(f"{k} = {v.rstrip('.')}" for k, v in values.items()) + "."
    return text


def documented_tables() -> dict[str, dict[str, Any]]:
    """Every table and view the codebook describes, hidden ones included."""
    book = load()
    return {**book["tables"], **book.get("hidden_tables", {})}


def datasette_metadata(database: str = "icadb") -> dict[str, Any]:
    """Datasette metadata for a database file named ``<database>.sqlite``."""
    book = load()
    tables: dict[str, Any] = {name: {"hidden": True} for name in book.get("hidden_tables", {})}
    for name, table in book["tables"].items():
        meta: dict[str, Any] = {
            "description": f"{table['grain'].rstrip()} {table['description'].rstrip()}",
            "columns": {col: column_text(entry) for col, entry in table["columns"].items()},
        }
        for key in ("label_column", "sort", "sort_desc"):
            if key in table:
                meta[key] = table[key]
        facets = list(table.get("facets", [])) + [{"array": col} for col in table.get("facets_array", [])]
        if facets:
            meta["facets"] = facets
        tables[name] = meta
    top = {k: book[k] for k in ("title", "description", "license", "license_url", "source", "source_url") if k in book}
    return {**top, "databases": {database: {"tables": tables}}}
