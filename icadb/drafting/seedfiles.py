"""Editing seed files as text, one record at a time.

``icadb accept`` and ``icadb reject`` move, remove and extend single records
without parsing and re-writing whole files: every other line, comment and
the order of records stay as they were, so a git diff shows exactly the
record that moved. Records are found by the line numbers the project's own
YAML reader gives (``icadb.yamlstream``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from icadb.drafting.yamltext import scalar
from icadb.loaders.errors import Problems
from icadb.loaders.yamlread import YMap, iter_records


@dataclass
class Block:
    path: Path
    first: int  # 1-based line of the item's "- "
    last: int  # 1-based, inclusive
    record: YMap

    @property
    def id(self) -> str | None:
        value = self.record.get("id")
        return value if isinstance(value, str) else None


def blocks(path: Path) -> list[Block]:
    """The records of a seeds file with the lines each spans (trailing blank and comment lines excluded)."""
    problems = Problems()
    items = list(iter_records(path, problems))
    if problems:
        raise ValueError("; ".join(str(p) for p in problems.items))
    lines = path.read_text(encoding="utf-8").splitlines()
    out = []
    for index, (line, record) in enumerate(items):
        end = items[index + 1][0] - 1 if index + 1 < len(items) else len(lines)
        while end > line and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
            end -= 1
        out.append(Block(path, line, end, record))
    return out


def find(paths: list[Path], record_id: str, key: str = "id") -> Block | None:
    for path in paths:
        if not path.exists():
            continue
        for block in blocks(path):
            if block.record.get(key) == record_id:
                return block
    return None


def block_text(block: Block) -> list[str]:
    return block.path.read_text(encoding="utf-8").splitlines()[block.first - 1:block.last]


def remove(block: Block) -> None:
    """Take *block* out of its file, with the blank lines that separated it."""
    lines = block.path.read_text(encoding="utf-8").splitlines()
    first, last = block.first - 1, block.last
    while last < len(lines) and not lines[last].strip():
        last += 1
    if last >= len(lines):  # the last record: drop the blank lines before it instead
        while first > 0 and not lines[first - 1].strip():
            first -= 1
    del lines[first:last]
    block.path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")


def append(path: Path, text_lines: list[str]) -> None:
    """Add a record at the end of a seeds file (a file holding ``[]`` gets it instead)."""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    body = "\n".join(text_lines).rstrip("\n") + "\n"
    stripped = "\n".join(line for line in current.splitlines() if not line.lstrip().startswith("#")).strip()
    if stripped == "[]":
        current = current[:current.rindex("[]")].rstrip("\n") + "\n"
        path.write_text(current + ("\n" if current.strip() else "") + body, encoding="utf-8")
        return
    path.write_text(current.rstrip("\n") + "\n\n" + body, encoding="utf-8")


def _list_end(lines: list[str], block: Block, key: str) -> int | None:
    """The index (0-based) just after the last line of *key*'s list in *block*."""
    start = next((i for i in range(block.first - 1, block.last) if lines[i].startswith(f"  {key}:")), None)
    if start is None:
        return None
    end = start + 1
    while end < block.last and (lines[end].startswith("    ") or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def evidence_lines(items: list[dict]) -> list[str]:
    out = []
    for item in items:
        out.append(f"    - document: {scalar(item['document'])}")
        out.append(f"      quote: {scalar(item['quote'])}")
        if item.get("note"):
            out.append(f"      note: {scalar(item['note'])}")
    return out


def add_evidence(block: Block, items: list[dict]) -> None:
    """Add evidence items at the end of a record's evidence list."""
    lines = block.path.read_text(encoding="utf-8").splitlines()
    end = _list_end(lines, block, "evidence")
    new = evidence_lines(items)
    if end is None:
        end = block.last
        new = ["  evidence:", *new]
    lines[end:end] = new
    block.path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def add_skips(coverage: Path, document_id: str, skips: list[dict]) -> None:
    """Add skipped passages of one document to ``seeds/coverage.yaml``."""
    entry = []
    for skip in skips:
        entry.append(f"    - quote: {scalar(skip['quote'])}")
        entry.append(f"      reason: {scalar(skip['reason'])}")
        if skip.get("note"):
            entry.append(f"      note: {scalar(skip['note'])}")
    block = find([coverage], document_id, key="document")
    if block is None:
        append(coverage, [f"- document: {scalar(document_id)}", "  skips:", *entry])
        return
    lines = coverage.read_text(encoding="utf-8").splitlines()
    end = _list_end(lines, block, "skips")
    lines[end:end] = entry
    coverage.write_text("\n".join(lines) + "\n", encoding="utf-8")
