"""Links wherever a record or a document is named: Datasette's ``render_cell`` hook.

In every table, view and canned query of an icadb database:

- ``record_id``, ``made_at`` and ``sidelines_of`` link to the record page
  (``/<db>/records/<record_id>``), and so does ``title`` in a row that has a
  ``record_id`` (``made_at_title`` links to the ``made_at`` record);
- ``document_id`` and ``document_title`` link to the document page, at the
  quote or sentence (``#at-<char_start>``) when the row has a ``char_start``;
- JSON arrays of record ids (``drafted_as``, ``record_ids``, ``cited_by``)
  become lists of links;
- a conflict's ``title`` (in ``conflicts``) is followed by links to the records it concerns.

Datasette links foreign keys to other tables itself; where such a key names a
record or a document, the link here goes to its page (and the document's, to the place).
"""

from __future__ import annotations

import json
from typing import Any

from datasette.utils import tilde_encode
from markupsafe import Markup, escape

RECORD_COLUMNS = ("record_id", "made_at", "sidelines_of")
RECORD_LISTS = ("drafted_as", "record_ids", "cited_by")
TITLE_COLUMNS = {"title": "record_id", "made_at_title": "made_at"}
# Tables whose own title or document_id is not a record's (their char_start is a place in the document, though).
NOT_RECORD_TITLES = ("documents", "conflicts", "series")


def record_path(datasette, database: str, record_id: str) -> str:
    return datasette.urls.row(database, "records", tilde_encode(str(record_id)))


def document_path(datasette, database: str, document_id: str, at: int | None = None) -> str:
    path = datasette.urls.row(database, "documents", tilde_encode(str(document_id)))
    return path + (f"#at-{int(at)}" if at is not None else "")


def _link(href: str, text: Any, css: str) -> Markup:
    return Markup(f'<a class="{css}" href="{escape(href)}">{escape(text)}</a>')


def _raw(value: Any) -> tuple[Any, Any]:
    """(value, label) of a cell: Datasette gives an expanded foreign key as {"value": ..., "label": ...}."""
    if isinstance(value, dict) and "value" in value:
        return value["value"], value.get("label") or value["value"]
    return value, value


def _field(row, name: str) -> Any:
    try:
        value = row[name]
    except (IndexError, KeyError):
        return None
    return _raw(value)[0]


def _has(row, name: str) -> bool:
    try:
        return name in row.keys()
    except AttributeError:
        return False


def link_cell(row, value, column: str, table: str | None, database: str, datasette) -> Markup | None:
    """The cell as a link (or links), or None to let Datasette render it."""
    raw, label = _raw(value)
    if raw in (None, "") or not isinstance(raw, (str, int)):
        return None
    if column in RECORD_COLUMNS:
        return _link(record_path(datasette, database, raw), label, "icadb-record-link")
    if column in TITLE_COLUMNS and table not in NOT_RECORD_TITLES and _has(row, TITLE_COLUMNS[column]):
        target = _field(row, TITLE_COLUMNS[column])
        return _link(record_path(datasette, database, target), label, "icadb-record-link") if target else None
    if column in ("document_id", "document_title") and table != "documents":
        document_id = raw if column == "document_id" else _field(row, "document_id")
        if not document_id:
            return None
        # A mention's char_start is inside its sentence, where the document page has no anchor.
        at = _field(row, "char_start") if _has(row, "char_start") and table != "mentions" else None
        return _link(document_path(datasette, database, document_id, at), label, "icadb-document-link")
    if column in RECORD_LISTS and isinstance(raw, str) and raw.startswith("["):
        try:
            ids = json.loads(raw)
        except ValueError:
            return None
        return Markup(", ").join(_link(record_path(datasette, database, i), i, "icadb-record-link") for i in ids) \
            or Markup("[]")
    return None


async def conflict_title(value, row, database: str, datasette) -> Markup:
    """A conflict's title, with links to the records it concerns."""
    rows = await datasette.get_database(database).execute(
        "select rec.record_id, rec.title from conflict_records as cr "
        "inner join records as rec on rec.record_id = cr.record_id where cr.conflict_id = ? "
        "order by rec.date_earliest, rec.record_id", [row["conflict_id"]])
    links = Markup("; ").join(_link(record_path(datasette, database, r["record_id"]), r["title"], "icadb-record-link")
                              for r in rows)
    return Markup(f'{escape(value)}<br><small class="icadb-concerns">concerns: {links}</small>') if links else None


EXCERPT = 200  # characters of a document's text a table shows


def text_excerpt(value, row, database: str, datasette) -> Markup:
    """A document's text in a table (a search's results, say): its opening words, cut at a word, and its
    length, linked to the document page. The whole text stays in the .json and .csv."""
    text = " ".join(str(value).split())
    shown = text if len(text) <= EXCERPT else text[:EXCERPT].rsplit(" ", 1)[0] + " …"
    document_id = _field(row, "document_id") if _has(row, "document_id") else None
    more = f"{len(str(value)):,} characters"
    if document_id:
        return Markup("{} ").format(shown) + _link(document_path(datasette, database, document_id), f"({more}: read it)",
                                                    "icadb-document-link")
    return Markup("{} ({})").format(shown, more)
