"""YAML for drafting: one set of rules to read, one library to edit.

- **Reading** (the drafting rules, the office holders, drafts files, gold
  files) is not here: it is the project's one reader,
  :func:`icadb.loaders.yamlread.load`, under YAML
  1.2's core schema. Only ``true`` and ``false`` are booleans (``on``,
  ``off``, ``yes`` and ``no`` stay words), and dates stay text (``2024-04-15``
  is the string the file holds).
- **Editing** (``icadb accept`` and ``icadb reject``, and the drafts files
  ``icadb draft`` writes): ruamel.yaml's round trip, which keeps comments, key
  order, quoting and flow maps. :class:`SeedEmitter` writes the seeds' layout:
  top-level items at column 0 (``- id: ...``), nested lists indented under
  their key (``    - {iso3: IND, role: host}``), so a seed file read and
  written back unchanged is byte-identical.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.emitter import Emitter

from icadb.loaders.drafts import SUGGESTED_DATE


# ------------------------------------------------------------------- editing

class SeedEmitter(Emitter):
    """ruamel's emitter with the seeds' two list indents: a top-level list at
    column 0, nested lists two columns in from their key, dash included."""

    def increase_indent(self, flow=False, sequence=None, indentless=False):
        root_item = (not flow and not sequence and self.indent == 0 and len(self.indents.values) == 1
                     and self.indents.values[0][1])
        super().increase_indent(flow, sequence, indentless)
        if root_item:
            self.indent = 2

    def expect_block_sequence_item(self, first=False):
        saved = self.sequence_dash_offset
        if self.indent == 0:
            self.sequence_dash_offset = 0
        try:
            super().expect_block_sequence_item(first)
        finally:
            self.sequence_dash_offset = saved


def editor() -> YAML:
    """A round-trip YAML instance that writes the seeds' layout."""
    handle = YAML()
    handle.preserve_quotes = True
    handle.width = 1 << 16  # one line per scalar, as the seeds have them
    handle.indent(mapping=2, sequence=4, offset=2)
    handle.Emitter = SeedEmitter
    return handle


class SeedFile:
    """A seeds file (a YAML list) opened for editing; :meth:`save` writes it
    back with everything not edited as it was."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.yaml = editor()
        text = self.path.read_text(encoding="utf-8") if self.path.exists() else ""
        data = self.yaml.load(text) if text.strip() else None
        if data is None:
            data = CommentedSeq()
            if text.strip():  # only comments: keep them as the file's header
                data.yaml_set_start_comment("\n".join(line.lstrip("# ") for line in text.splitlines()
                                                      if line.startswith("#")))
        if not isinstance(data, list):
            raise ValueError(f"{self.path}: expected a YAML list of records")
        self.items: CommentedSeq = data

    def index(self, value: str, key: str = "id") -> int | None:
        return next((n for n, item in enumerate(self.items) if isinstance(item, dict) and item.get(key) == value),
                    None)

    def get(self, value: str, key: str = "id") -> CommentedMap | None:
        n = self.index(value, key)
        return None if n is None else self.items[n]

    def remove(self, value: str, key: str = "id") -> CommentedMap:
        n = self.index(value, key)
        if n is None:
            raise KeyError(value)
        item = self.items[n]
        if n == len(self.items) - 1 and n > 0:
            # the blank line before it belongs to the item before it; what followed it now follows that one
            take_tail(self.items[n - 1])
            put_tail(self.items[n - 1], take_tail(item))
        del self.items[n]
        return item

    def append(self, item: CommentedMap) -> None:
        """Add *item* at the end, a blank line after the item before it."""
        self.items.append(item)
        if len(self.items) > 1:
            self.items.yaml_set_comment_before_after_key(len(self.items) - 1, before="\n")

    def text(self) -> str:
        out = io.StringIO()
        self.yaml.dump(self.items, out)
        return out.getvalue()

    def save(self) -> None:
        self.path.write_text(self.text(), encoding="utf-8")


def _tail_slot(node) -> tuple | None:
    """Where ruamel keeps what follows the last scalar of *node* (its blank
    lines): (container, key, index in the container's comment slot)."""
    while True:
        if isinstance(node, dict) and node:
            key = list(node)[-1]
            index = 2
        elif isinstance(node, list) and node:
            key = len(node) - 1
            index = 0
        else:
            return None
        value = node[key]
        if isinstance(value, (dict, list)) and value:
            node = value
            continue
        return node, key, index


def take_tail(node):
    """Remove and return the blank lines after the last scalar of *node* (None if there are none)."""
    slot = _tail_slot(node)
    if slot is None:
        return None
    container, key, index = slot
    comment = container.ca.items.get(key)
    if not comment or len(comment) <= index or comment[index] is None or comment[index].value.strip():
        return None  # nothing there, or a real comment, which stays on its line
    token, comment[index] = comment[index], None
    return token


def put_tail(node, token) -> None:
    """Put *token* (from :func:`take_tail`) after the last scalar of *node*."""
    slot = _tail_slot(node)
    if token is None or slot is None:
        return
    container, key, index = slot
    comment = container.ca.items.setdefault(key, [None, None, None, None])
    while len(comment) <= index:
        comment.append(None)
    comment[index] = token


def extend(items: CommentedSeq, new: list) -> None:
    """Add *new* at the end of the nested list *items*, moving the blank lines
    that followed it to after the new end."""
    tail = take_tail(items)
    items.extend(new)
    put_tail(items, tail)


# ------------------------------------------------------------- drafts files

ORDER = ("id", "add_evidence_to", "suggest_status", *SUGGESTED_DATE, "kind", "title", "summary", "status",
         "category", "date", "date_precision", "date_basis", "date_note", "end_date", "end_date_precision",
         "date_earliest", "date_latest", "place", "place_note", "review_status", "series", "edition", "meeting_level",
         "agreement_type", "exercise_name", "proposal_type", "facility_type", "activity_type", "format", "frequency",
         "mode", "sidelines_of", "made_at", "note", "countries", "organizations", "people", "figures", "evidence",
         "draft_notes")
FLOW_LISTS = ("countries", "organizations", "people", "figures")  # one flow map per link, as the seeds write them


DATE_FIELDS = ("date", "end_date", "date_earliest", "date_latest")  # written as YAML dates, suggest_ ones too


def _date_value(value):
    """A date as the curated seeds write it: a day unquoted (a YAML date), a year as a number."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return dt.date.fromisoformat(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}", value):
        return int(value)
    return value


def as_seed_item(record: dict) -> CommentedMap:
    """*record* (a draft or suggestion) as a seeds item: keys in the seeds'
    order, links as flow maps, keys starting with ``_`` and empty values left out."""
    keys = [k for k in ORDER if k in record] + [k for k in record if k not in ORDER]
    out = CommentedMap()
    for key in keys:
        value = record[key]
        if key.startswith("_") or value is None:
            continue
        if isinstance(value, list):
            seq = CommentedSeq()
            for element in value:
                if isinstance(element, dict):
                    entry = CommentedMap((k, v) for k, v in element.items() if v is not None and not k.startswith("_"))
                    if key in FLOW_LISTS:
                        entry.fa.set_flow_style()
                    seq.append(entry)
                else:
                    seq.append(element)
            out[key] = seq
        elif isinstance(value, dict):
            out[key] = CommentedMap((k, v) for k, v in value.items() if v is not None)
        else:
            out[key] = _date_value(value) if key.removeprefix("suggest_") in DATE_FIELDS else value
    return out


def drafts_text(records: list[dict], header: str) -> str:
    """A whole drafts file: a comment header, then the items, a blank line apart."""
    items = CommentedSeq()
    for record in records:
        items.append(as_seed_item(record))
        if len(items) > 1:
            items.yaml_set_comment_before_after_key(len(items) - 1, before="\n")
    comment = header.rstrip("\n")
    if not records:
        return comment + "\n\n[]\n"
    out = io.StringIO()
    editor().dump(items, out)
    return comment + "\n\n" + out.getvalue()
