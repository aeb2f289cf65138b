"""What the commands do: draft documents, accept or reject a draft.

Each step leaves the seeds so that ``icadb check`` passes, or leaves them as
they were: the files a step writes are checked by a build of the seeds
before the step returns, and put back when that build fails.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from icadb.drafting import Article, draft
from icadb.drafting import seedfiles
from icadb.drafting.compose import DraftSet, rules_version
from icadb.drafting.knowledge import from_database
from icadb.drafting.rules import load as load_rules
from icadb.drafting.yamltext import scalar
from icadb.drafting.yamltext import document as yaml_document
from icadb.loaders.errors import SeedError


class WorkflowError(Exception):
    """A step that could not be done; nothing was changed."""


def drafts_path(seeds: Path, document_id: str) -> Path:
    return seeds / "drafts" / f"{document_id}.yaml"


@contextlib.contextmanager
def built(seeds: Path, *, leave_out: set[str] = frozenset()) -> Iterator[sqlite3.Connection]:
    """A throw-away build of *seeds*, without the drafts of the documents in
    *leave_out* (they are about to be drafted again); raises SeedError."""
    from icadb.build import build

    with tempfile.TemporaryDirectory(prefix="icadb-draft-") as folder:
        source = seeds
        if leave_out and (seeds / "drafts").is_dir():
            source = Path(folder) / "seeds"
            source.mkdir()
            for entry in seeds.iterdir():
                if entry.name != "drafts":
                    os.symlink(entry.resolve(), source / entry.name)
            (source / "drafts").mkdir()
            for path in (seeds / "drafts").glob("*.yaml"):
                if path.stem not in leave_out:
                    os.symlink(path.resolve(), source / "drafts" / path.name)
        db = Path(folder) / "knowledge.sqlite"
        build(db, seeds=source)
        conn = sqlite3.connect(db)
        try:
            yield conn
        finally:
            conn.close()


def check(seeds: Path) -> None:
    from icadb.build import check as run_check

    run_check(seeds)


def article_of(seeds: Path, conn: sqlite3.Connection, document_id: str) -> Article:
    row = conn.execute("SELECT text, published_earliest, published_latest, publisher FROM documents "
                       "WHERE document_id = ?", (document_id,)).fetchone()
    if row is None:
        raise WorkflowError(f"no document {document_id!r} in {seeds / 'documents'}; add it first with "
                            "icadb add-document")
    text, earliest, latest, publisher = row
    return Article(document_id, text, dt.date.fromisoformat(earliest), dt.date.fromisoformat(latest), publisher)


def header(result: DraftSet, drafter: str) -> str:
    lines = [
        f"# Drafts of document {result.document_id}, written by {drafter}.",
        "# MACHINE-SUGGESTED, NOT REVIEWED: every record says review_status: machine_suggested, and",
        "# every view, export and query keeps them apart from reviewed records.",
        f"# Review them: icadb review --document {result.document_id}; then, for each,",
        "#   icadb accept ID [--as NEW_ID]       (moves it into seeds/records/ as reviewed), or",
        "#   icadb reject ID --reason REASON     (removes it; its sentences are skipped in seeds/coverage.yaml).",
        "# Edit a draft here before accepting it, if it needs it; draft_notes says how each field was read.",
    ]
    if result.places:
        lines.append("# Places the text names that seeds/reference/places.yaml lacks (add them there): "
                     + ", ".join(result.places) + ".")
    if result.series:
        lines.append("# Series the text names that seeds/series.yaml lacks (add them there): "
                     + "; ".join(result.series) + ".")
    for skipped in result.skipped:
        lines.append(f"# Not drafted: {skipped}.")
    return "\n".join(lines) + "\n"


@dataclass
class Drafted:
    document_id: str
    path: Path
    result: DraftSet


def draft_documents(seeds: Path, document_ids: list[str]) -> list[Drafted]:
    """Write ``seeds/drafts/<id>.yaml`` for each document, checked by a build;
    on any failure every drafts file is as it was."""
    rules = load_rules(seeds)
    drafter = f"icadb draft 1 (rules {rules_version(rules)})"
    results = []
    try:
        with built(seeds, leave_out=set(document_ids)) as conn:
            taken: set[str] = set()  # ids across the documents of this run
            kb = from_database(conn)
            drafted_here = {r for (r,) in conn.execute(
                "SELECT record_id FROM drafts WHERE document_id IN (%s)" % ",".join("?" * len(document_ids)),
                document_ids)} if document_ids else set()
            kb.records = [r for r in kb.records if r.record_id not in drafted_here]
            for document_id in document_ids:
                article = article_of(seeds, conn, document_id)
                result = draft(article, kb, rules, taken=taken)
                kb.add_drafts(result.drafts)  # the next document may retell their events
                results.append((article, result))
    except SeedError as exc:
        raise WorkflowError(f"the seeds do not build, so there is nothing to draft against: {exc}") from exc
    originals = {}
    written = []
    for article, result in results:
        path = drafts_path(seeds, article.document_id)
        originals[path] = path.read_bytes() if path.exists() else None
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml_document(result.suggestions + result.drafts, header(result, drafter)), encoding="utf-8")
        written.append(Drafted(article.document_id, path, result))
    try:
        check(seeds)
    except SeedError:
        for path, data in originals.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)
        raise
    return written


# ---------------------------------------------------------------- review steps

@dataclass
class Step:
    """What accept or reject changed (paths, for the message and the undo)."""

    message: str
    changed: list[Path] = field(default_factory=list)


def _drafts_files(seeds: Path) -> list[Path]:
    return sorted((seeds / "drafts").glob("*.yaml")) if (seeds / "drafts").is_dir() else []


def _records_files(seeds: Path) -> list[Path]:
    return sorted((seeds / "records").glob("*.yaml"))


@contextlib.contextmanager
def _undo_on_failure(paths: list[Path]) -> Iterator[None]:
    saved = {p: (p.read_bytes() if p.exists() else None) for p in paths}
    try:
        yield
    except BaseException:
        for path, data in saved.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)
        raise


def _drop_if_empty(path: Path) -> bool:
    if not seedfiles.blocks(path):
        path.unlink()
        return True
    return False


def _reviewed(lines: list[str], new_id: str | None, old_id: str) -> list[str]:
    """A draft's block as a reviewed record: no kind, no draft_notes, reviewed,
    its title and summary without the draft's prefixes, its new id."""
    out = []
    skipping = False
    for line in lines:
        if skipping:
            if line.startswith("    ") or not line.strip():
                continue
            skipping = False
        if line.startswith("  draft_notes:"):
            skipping = True
            continue
        if line.startswith("  kind:"):
            continue
        if line.strip() == "review_status: machine_suggested":
            line = line.replace("machine_suggested", "reviewed")
        if new_id and line.startswith("- id:"):
            line = f"- id: {new_id}"
        for prefix in ("title: ", "summary: "):
            if line.startswith(f"  {prefix}"):
                value = yaml.safe_load(line.split(": ", 1)[1])
                for draft_prefix in ("Draft: ", "Machine-drafted, not reviewed: "):
                    value = value.removeprefix(draft_prefix) if isinstance(value, str) else value
                line = f"  {prefix}{scalar(value)}"
        out.append(line)
    return out


def accept(seeds: Path, draft_id: str, new_id: str | None = None) -> Step:
    """Move a draft into ``seeds/records/<kind>s.yaml`` as reviewed, or add a
    suggestion's quotes to its record."""
    from icadb.loaders.records import KINDS

    drafts = _drafts_files(seeds)
    block = seedfiles.find(drafts, draft_id)
    if block is None:
        raise WorkflowError(f"no draft or suggestion {draft_id!r} in {seeds / 'drafts'}; expected an id that "
                            "icadb review lists")
    if "add_evidence_to" in block.record:
        target_id = block.record["add_evidence_to"]
        target = seedfiles.find(_records_files(seeds), target_id) or seedfiles.find(drafts, target_id)
        if target is None:
            raise WorkflowError(f"{draft_id} adds evidence to {target_id!r}, which is no record; reject it instead")
        items = [{"document": e["document"], "quote": e["quote"], "note": e.get("note")}
                 for e in block.record["evidence"]]
        with _undo_on_failure([block.path, target.path]):
            seedfiles.add_evidence(target, items)
            block = seedfiles.find([block.path], draft_id)
            seedfiles.remove(block)
            _drop_if_empty(block.path)
            check(seeds)
        return Step(f"added {len(items)} quote(s) to {target_id} in {target.path.relative_to(seeds.parent)}",
                    [target.path, block.path])
    kind = block.record.get("kind")
    file = next((k.file for k in KINDS if k.kind == kind), None)
    if file is None:
        raise WorkflowError(f"{draft_id} has kind {kind!r}; expected one of {', '.join(k.kind for k in KINDS)}")
    target = seeds / "records" / file
    lines = _reviewed(seedfiles.block_text(block), new_id, draft_id)
    record_id = new_id or draft_id
    others = [p for p in drafts if p != block.path]
    with _undo_on_failure([block.path, target, *others]):
        seedfiles.append(target, lines)
        seedfiles.remove(block)
        _drop_if_empty(block.path)
        if new_id:
            for path in [p for p in drafts if p.exists()]:
                text = path.read_text(encoding="utf-8")
                renamed = text.replace(f"made_at: {draft_id}\n", f"made_at: {new_id}\n").replace(
                    f"add_evidence_to: {draft_id}\n", f"add_evidence_to: {new_id}\n")
                if renamed != text:
                    path.write_text(renamed, encoding="utf-8")
        check(seeds)
    return Step(f"accepted {record_id} into {target.relative_to(seeds.parent)} as reviewed", [target, block.path])


def reject(seeds: Path, draft_id: str, reason: str, note: str | None = None) -> Step:
    """Remove a draft or suggestion; its sentences no reviewed record cites are
    skipped in ``seeds/coverage.yaml`` with *reason*."""
    drafts = _drafts_files(seeds)
    block = seedfiles.find(drafts, draft_id)
    if block is None:
        raise WorkflowError(f"no draft or suggestion {draft_id!r} in {seeds / 'drafts'}; expected an id that "
                            "icadb review lists")
    evidence = [(e["document"], e["quote"]) for e in block.record.get("evidence") or ()]
    coverage = seeds / "coverage.yaml"
    with _undo_on_failure([block.path, coverage]):
        seedfiles.remove(block)
        _drop_if_empty(block.path)
        with built(seeds) as conn:
            undecided = []
            for document_id, quote in evidence:
                row = conn.execute("SELECT text FROM documents WHERE document_id = ?", (document_id,)).fetchone()
                start = row[0].find(quote) if row else -1
                end = start + len(quote)
                settled = start < 0 or conn.execute(
                    "SELECT 1 FROM evidence AS ev JOIN records AS rec USING (record_id) WHERE ev.document_id = ? AND "
                    "ev.char_start < ? AND ev.char_end > ? AND ev.suggested = 0 AND rec.review_status <> "
                    "'machine_suggested' UNION ALL SELECT 1 FROM coverage_skips WHERE document_id = ? AND "
                    "char_start < ? AND char_end > ? UNION ALL SELECT 1 FROM conflict_quotes WHERE document_id = ? "
                    "AND char_start < ? AND char_end > ?",
                    (document_id, end, start) * 3).fetchone()
                if not settled:
                    undecided.append((document_id, quote))
        by_document: dict[str, list[dict]] = {}
        for document_id, quote in undecided:
            by_document.setdefault(document_id, []).append(
                {"quote": quote, "reason": reason, "note": f"Rejected draft {draft_id}" + (f": {note}" if note else ".")})
        for document_id, skips in by_document.items():
            seedfiles.add_skips(coverage, document_id, skips)
        check(seeds)
    skipped = sum(len(s) for s in by_document.values())
    return Step(f"rejected {draft_id}; {skipped} sentence(s) skipped in seeds/coverage.yaml as {reason}",
                [block.path, coverage])

