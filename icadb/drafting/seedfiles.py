"""Finding and editing single records in seed files, with ruamel.yaml's round trip.

``icadb accept`` and ``icadb reject`` move, remove and extend single records:
every other record, comment, key order and flow map stays as it was, so a git
diff shows exactly the record that moved (:class:`icadb.drafting.yamlio.SeedFile`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from icadb.drafting.yamlio import SeedFile, extend


@dataclass
class Found:
    file: SeedFile
    item: CommentedMap

    @property
    def path(self) -> Path:
        return self.file.path

    def line(self, key: str | None = None) -> int:
        """The 1-based line of *key* in the item (of the item itself without one)."""
        if key is not None and key in self.item:
            return self.item.lc.key(key)[0] + 1
        return self.item.lc.line + 1


def find(paths: list[Path], value: str, key: str = "id") -> Found | None:
    """The item whose *key* is *value*, in the first of *paths* that holds one."""
    for path in paths:
        if not path.exists():
            continue
        file = SeedFile(path)
        item = file.get(value, key)
        if item is not None:
            return Found(file, item)
    return None


def evidence_items(items: list[dict]) -> CommentedSeq:
    out = CommentedSeq()
    for item in items:
        entry = CommentedMap([("document", item["document"]), ("quote", item["quote"])])
        if item.get("note"):
            entry["note"] = item["note"]
        out.append(entry)
    return out


def add_evidence(found: Found, items: list[dict]) -> None:
    """Add evidence items at the end of a record's evidence list (not saved)."""
    evidence = found.item.get("evidence")
    if evidence is None:
        found.item["evidence"] = evidence_items(items)
        return
    extend(evidence, evidence_items(items))


def add_skips(coverage: Path, document_id: str, skips: list[dict]) -> None:
    """Add skipped passages of one document to ``seeds/coverage.yaml`` (saved)."""
    file = SeedFile(coverage)
    entries = CommentedSeq()
    for skip in skips:
        entry = CommentedMap([("quote", skip["quote"]), ("reason", skip["reason"])])
        if skip.get("note"):
            entry["note"] = skip["note"]
        entries.append(entry)
    document = file.get(document_id, key="document")
    if document is None:
        file.append(CommentedMap([("document", document_id), ("skips", entries)]))
    else:
        extend(document.setdefault("skips", CommentedSeq()), entries)
    file.save()
