"""The SQL of the analyst views, kept one SELECT per file in ``schema/views/``.

Migrations freeze a copy of this text when they create a view;
``tests/test_views.py`` checks the live view still equals its file.
"""

from __future__ import annotations

from icadb.paths import SCHEMA_DIR

VIEWS_DIR = SCHEMA_DIR / "views"


def view_sql(name: str) -> str:
    return (VIEWS_DIR / f"{name}.sql").read_text(encoding="utf-8")


def normalise(sql: str) -> str:
    """SQL without comments and with single spaces, for comparing view texts."""
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return " ".join(" ".join(lines).split())
