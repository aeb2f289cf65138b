"""What the commands do: draft documents, accept or reject a draft.

Each step leaves the seeds so that ``icadb check`` passes, or leaves them as
they were: the files a step writes are checked by a build of the seeds
before the step returns, and put back when that build fails.

Drafting is never all or nothing: a draft field that would fail the checks
(an edition out of order, a link to a record that does not exist, bounds that
contradict the date) is left out of that draft, with a note saying why, and
the article's other drafts are written (:func:`settle`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from icadb.drafting import Article, draft, seedfiles
from icadb.drafting.compose import DRAFT_SUMMARY_PREFIX, DRAFT_TITLE_PREFIX, STATUS_NOTE, DraftSet, rules_version
from icadb.drafting.knowledge import from_database
from icadb.drafting.rules import load as load_rules
from icadb.drafting.yamlio import SeedFile, drafts_text, editor, take_tail
from icadb.loaders.drafts import SUGGESTED_DATE
from icadb.loaders.errors import SeedError, display_path
from icadb.loaders.records import DATE_FIELDS
from icadb.schema.vocab import KIND_STATUSES, STATUS_OCCURRENCE


class WorkflowError(Exception):
    """A step that could not be done; nothing was changed. *located*: one
    ``path:line: field: problem; expected ...`` line per thing to edit."""

    def __init__(self, message: str, located: list[str] | None = None):
        super().__init__(message)
        self.located = located or []


def drafts_path(seeds: Path, document_id: str) -> Path:
    return seeds / "drafts" / f"{document_id}.yaml"


def records_file(seeds: Path, kind: str) -> Path:
    """``seeds/records/<kind>s.yaml``: the file of a kind's records (facility: facilities.yaml)."""
    plural = kind[:-1] + "ies" if kind.endswith("y") else kind + "s"
    return seeds / "records" / f"{plural}.yaml"


def kind_of_file(path: Path) -> str | None:
    """The kind of the records a ``seeds/records/`` file holds (None for a drafts file)."""
    if path.parent.name != "records":
        return None
    stem = path.stem
    return stem[:-3] + "y" if stem.endswith("ies") else stem[:-1]


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
        "#   edit its title and summary (take out 'Draft: ' and 'Machine-drafted, not reviewed: '), then",
        "#   icadb accept ID [--as NEW_ID]       (moves it into seeds/records/ as reviewed), or",
        "#   icadb reject ID --reason REASON     (removes it; its sentences are skipped in seeds/coverage.yaml).",
        "# draft_notes says how each field was read, and why a field was left out.",
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
    furniture_skipped: int = 0


def draft_documents(seeds: Path, document_ids: list[str]) -> list[Drafted]:
    """Write ``seeds/drafts/<id>.yaml`` for each document, checked by a build
    (a field that fails the checks is left out of its draft, :func:`settle`);
    when the seeds themselves fail, every drafts file is as it was."""
    rules = load_rules(seeds)
    drafter = f"icadb draft 1 (rules {rules_version(rules)})"
    results = []
    try:
        with built(seeds, leave_out=set(document_ids)) as conn:
            taken: set[str] = set()  # ids across the documents of this run
            kb = from_database(conn, seeds=seeds)
            drafted_here = {r for (r,) in conn.execute(
                "SELECT record_id FROM drafts WHERE document_id IN (%s)" % ",".join("?" * len(document_ids)),
                document_ids)} if document_ids else set()
            kb.records = [r for r in kb.records if r.record_id not in drafted_here]
            for document_id in document_ids:
                article = article_of(seeds, conn, document_id)
                result = draft(article, kb, rules, taken=taken)
                kb.add_drafts(result.drafts)  # the next document may retell their events
                results.append(result)
    except SeedError as exc:
        raise WorkflowError(f"the seeds do not build, so there is nothing to draft against: {exc}") from exc
    written = write_drafts(seeds, results, drafter)
    skipped = skip_furniture(seeds, results)
    for done in written:
        done.furniture_skipped = skipped.get(done.document_id, 0)
    return written


FURNITURE_NOTE = "Page furniture, skipped by icadb draft ({why}); take this skip out to review the line."


def skip_furniture(seeds: Path, results: list[DraftSet]) -> dict[str, int]:
    """Skip in ``seeds/coverage.yaml`` (page_furniture) every line of the
    drafted documents that the drafter read as page furniture and that the
    review queue would otherwise list, so that it leaves the queue; return how
    many per document. The seeds stay as they were if the checks then fail."""
    wanted = {r.document_id: dict(r.furniture) for r in results if r.furniture}
    if not wanted:
        return {}
    with built(seeds) as conn:
        queued = conn.execute(
            "SELECT document_id, text FROM review_queue WHERE document_id IN (%s)" % ",".join("?" * len(wanted)),
            list(wanted)).fetchall()
    by_document: dict[str, list[dict]] = {}
    for document_id, text in queued:
        why = wanted[document_id].get(text)
        if why:
            by_document.setdefault(document_id, []).append(
                {"quote": text, "reason": "page_furniture", "note": FURNITURE_NOTE.format(why=why)})
    coverage = seeds / "coverage.yaml"
    with _undo_on_failure([coverage]):
        for document_id, skips in by_document.items():
            seedfiles.add_skips(coverage, document_id, skips)
        if by_document:
            check(seeds)
    return {document_id: len(skips) for document_id, skips in by_document.items()}


def write_drafts(seeds: Path, results: list[DraftSet], drafter: str) -> list[Drafted]:
    """Write each result's drafts file, then :func:`settle` them; on a
    problem outside the drafts, put every file back and raise SeedError."""
    originals = {}
    written = []
    for result in results:
        path = drafts_path(seeds, result.document_id)
        originals[path] = path.read_bytes() if path.exists() else None
        written.append(Drafted(result.document_id, path, result))
    try:
        settle(seeds, written, drafter)
    except BaseException:
        for path, data in originals.items():
            if data is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(data)
        raise
    return written


# ---------------------------------------------------------------- never all or nothing

MAX_ROUNDS = 6


def _write(done: Drafted, drafter: str) -> list[tuple[int, dict]]:
    """Write *done*'s drafts file; return each item's first line (1-based) with the item."""
    items = done.result.suggestions + done.result.drafts
    text = drafts_text(items, header(done.result, drafter))
    done.path.parent.mkdir(parents=True, exist_ok=True)
    done.path.write_text(text, encoding="utf-8")
    if not items:
        return []
    loaded = editor().load(text)
    return [(node.lc.line + 1, item) for node, item in zip(loaded, items)]


def settle(seeds: Path, written: list[Drafted], drafter: str) -> None:
    """Check the seeds with the drafts written; for each problem located in a
    draft, leave out the field it names (or the draft, when the field is one it
    cannot be without) with a note saying why, write again and check again,
    until the checks pass. A problem outside the drafts raises SeedError."""
    for _round in range(MAX_ROUNDS):
        starts = {display_path(done.path): (done, _write(done, drafter)) for done in written}
        try:
            check(seeds)
            return
        except SeedError as exc:
            problems = exc.problems.items
            if not problems or any(p.path not in starts for p in problems):
                raise
            for problem in problems:
                done, items = starts[problem.path]
                item = next((it for line, it in reversed(items) if problem.line and line <= problem.line), None)
                if item is None:
                    raise
                _leave_out(done.result, item, problem)
    check(seeds)  # pragma: no cover - the rounds above always end in a pass or a raise


def _leave_out(result: DraftSet, item: dict, problem) -> None:
    """Take out of *item* what *problem* (a located problem of the checks) is about."""
    what = problem.field
    why = f"{what}: left out: {problem.message}"
    if problem.hint:
        why += f" (did you mean {problem.hint!r}?)"
    base = re.match(r"[a-z_]+", what).group(0) if re.match(r"[a-z_]+", what) else what
    index = re.match(r"[a-z_]+\[(\d+)\]", what)
    notes = item.get("draft_notes")

    def note() -> None:
        if isinstance(notes, dict):
            notes["left_out"] = f"{notes['left_out']}; {why}" if notes.get("left_out") else why

    def drop_item() -> None:
        if item in result.drafts:
            result.drafts.remove(item)
        elif item in result.suggestions:
            result.suggestions.remove(item)
        result.skipped.append(f"{item.get('id')}, which would fail the checks ({problem})")
    if base in ("edition",):
        item.pop("edition", None)
    elif base == "series":
        item.pop("series", None)
        item.pop("edition", None)
    elif base in ("made_at", "sidelines_of", "place", "place_note", "note", "exercise_name"):
        item.pop(base, None)
        if base == "place":
            item.pop("place_note", None)
    elif base in ("date_earliest", "date_latest") and not item.get("_bounds_dropped"):
        item.pop("date_earliest", None)
        item.pop("date_latest", None)
        item["_bounds_dropped"] = True
    elif base in DATE_FIELDS:
        _redate(item, {"date_precision": "unknown",
                       "date_note": "The date the text gives fails the checks (see draft_notes.left_out)."})
    elif base in ("countries", "organizations", "people", "figures") and index and item.get(base):
        n = int(index.group(1)) - 1
        if 0 <= n < len(item[base]):
            del item[base][n]
        if not item[base]:
            item.pop(base)
    elif base == "evidence" and index and len(item.get("evidence") or ()) > 1:
        del item["evidence"][int(index.group(1)) - 1]
    else:
        drop_item()
        return
    note()


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


def _save_or_drop(file: SeedFile) -> None:
    """Save a drafts file, or remove it when nothing is left in it."""
    if len(file.items):
        file.save()
    else:
        file.path.unlink()


def _where(found: seedfiles.Found, key: str | None = None) -> str:
    return f"{display_path(found.path)}:{found.line(key)}"


LINKS = ("made_at", "sidelines_of")


def guard(found: seedfiles.Found, drafts: list[Path]) -> None:
    """Refuse to accept a draft a person has not finished: its title or
    summary is still the drafter's, or it links to a record that is still a draft."""
    item = found.item
    problems = []
    title, summary = str(item.get("title") or ""), str(item.get("summary") or "")
    if title.startswith(DRAFT_TITLE_PREFIX.strip()):
        problems.append(f"{_where(found, 'title')}: title: still the drafter's ({title!r}); expected a title you have "
                        f"checked against its quotes: edit it and take out {DRAFT_TITLE_PREFIX.strip()!r}")
    if summary.startswith(DRAFT_SUMMARY_PREFIX.split(":")[0]):
        problems.append(f"{_where(found, 'summary')}: summary: still the drafter's; expected a summary you have "
                        f"checked against its quotes: edit it and take out {DRAFT_SUMMARY_PREFIX.strip()!r}")
    for key in LINKS:
        target = item.get(key)
        if not target:
            continue
        pending = seedfiles.find(drafts, str(target))
        if pending is not None:
            problems.append(f"{_where(found, key)}: {key}: {target!r} is still a draft ({_where(pending)}); "
                            f"expected a reviewed record: accept it first (icadb accept {target}), or take "
                            f"{key} out of {found.item.get('id')}")
    if problems:
        raise WorkflowError(f"{item.get('id')} is not ready to be accepted ({len(problems)} thing(s) to edit)",
                            problems)


def _rename(drafts: list[Path], old: str, new: str) -> list[Path]:
    """Point every reference to *old* in the drafts files at *new* (links and
    draft_notes); return the files changed."""
    changed = []
    pattern = re.compile(rf"(?<![\w-]){re.escape(old)}(?![\w-])")
    for path in drafts:
        if not path.exists():
            continue
        file = SeedFile(path)
        touched = False
        for item in file.items:
            for key in (*LINKS, "add_evidence_to"):
                if item.get(key) == old:
                    item[key] = new
                    touched = True
            notes = item.get("draft_notes")
            for key, value in (notes or {}).items():
                if isinstance(value, str) and pattern.search(value):
                    notes[key] = pattern.sub(new, value)
                    touched = True
        if touched:
            file.save()
            changed.append(path)
    return changed


def accept(seeds: Path, draft_id: str, new_id: str | None = None) -> Step:
    """Move a draft into ``seeds/records/<kind>s.yaml`` as reviewed, or add a
    suggestion's quotes (and its suggested status) to its record."""
    drafts = _drafts_files(seeds)
    found = seedfiles.find(drafts, draft_id)
    if found is None:
        raise WorkflowError(f"no draft or suggestion {draft_id!r} in {seeds / 'drafts'}; expected an id that "
                            "icadb review lists")
    if "add_evidence_to" in found.item:
        return _accept_suggestion(seeds, found, drafts)
    kind = found.item.get("kind")
    if kind not in KIND_STATUSES:
        raise WorkflowError(f"{_where(found, 'kind')}: kind: {kind!r}; expected one of {', '.join(KIND_STATUSES)}")
    guard(found, drafts)
    target = records_file(seeds, kind)
    record_id = new_id or draft_id
    with _undo_on_failure([target, *drafts]):
        item = found.file.remove(draft_id)
        for key in ("kind", "draft_notes"):
            item.pop(key, None)
        item["review_status"] = "reviewed"
        if new_id:
            item["id"] = new_id
        take_tail(item)
        records = SeedFile(target)
        records.append(item)
        records.save()
        _save_or_drop(found.file)
        renamed = _rename(drafts, draft_id, new_id) if new_id else []
        check(seeds)
    message = f"accepted {record_id} into {display_path(target)} as reviewed"
    if renamed:
        message += f"; {len(renamed)} drafts file(s) now refer to {record_id}"
    return Step(message, [target, found.path, *renamed])


def _accept_suggestion(seeds: Path, found: seedfiles.Found, drafts: list[Path]) -> Step:
    suggestion = found.item
    target_id = str(suggestion["add_evidence_to"])
    if found.file.get(target_id) is not None:  # a draft of the same file: edit it through the same file
        target = seedfiles.Found(found.file, found.file.get(target_id))
    else:
        target = seedfiles.find(_records_files(seeds), target_id) or seedfiles.find(drafts, target_id)
    if target is None:
        raise WorkflowError(f"{_where(found, 'add_evidence_to')}: add_evidence_to: {target_id!r} is no record; "
                            "reject the suggestion instead")
    status = suggestion.get("suggest_status")
    kind = kind_of_file(target.path) or target.item.get("kind")
    if status is not None and status not in KIND_STATUSES.get(kind, ()):
        raise WorkflowError(f"{_where(found, 'suggest_status')}: suggest_status: {status!r} is no status of a "
                            f"{kind}; expected one of {', '.join(KIND_STATUSES.get(kind, ()))}")
    was = target.item.get("status")
    items = [{"document": e["document"], "quote": e["quote"], "note": _accepted_note(e.get("note"), status, was)}
             for e in suggestion["evidence"]]
    happened = (status is not None and STATUS_OCCURRENCE.get(status) == "occurred"
                and STATUS_OCCURRENCE.get(was) != "occurred")
    when = {key.removeprefix("suggest_"): suggestion[key] for key in SUGGESTED_DATE if suggestion.get(key) is not None}
    if happened and not when:
        raise WorkflowError(
            f"{_where(found, 'suggest_status')}: suggest_status: {status!r} says {target_id} took place, but its "
            f"date ({_said_date(target.item)}) is the date it was {was} for; expected suggest_date and "
            "suggest_date_precision as the text gives them (and suggest_date_note), or take suggest_status out and "
            f"edit {target_id} by hand")
    with _undo_on_failure([found.path, target.path]):
        seedfiles.add_evidence(target, items)
        if status is not None:
            target.item["status"] = status
        if happened:
            documents = sorted({str(e["document"]) for e in suggestion["evidence"]})
            before = f"Recorded before as {was}, {_said_date(target.item)}; {', '.join(documents)} reports it {status}."
            when["date_note"] = f"{str(when['date_note']).rstrip('.')}. {before}" if when.get("date_note") else before
            _redate(target.item, when)
        found.file.remove(str(suggestion["id"]))
        if target.path != found.path:
            target.file.save()
        _save_or_drop(found.file)
        check(seeds)
    message = f"added {len(items)} quote(s) to {target_id} in {display_path(target.path)}"
    if status is not None and status != was:
        message += f"; its status is now {status} (was {was})"
    if happened:
        message += (f", dated {_said_date(target.item)} as the text gives it; check that its title and summary, "
                    f"written when it was {was}, still hold")
    return Step(message, [target.path, found.path])


def _accepted_note(note, status, was):
    """An evidence note as the reviewed record keeps it: the drafter's "Suggested status ... icadb accept sets
    both" becomes what the quote shows once accepted."""
    if note and str(note).startswith(STATUS_NOTE) and status is not None:
        return f"The sentence that reports it {status} (it was recorded as {was} before)."
    return note


def _said_date(item) -> str:
    """A record's date as a person says it: '2024 (year precision)', 'undated, before 2022-01-25'."""
    if item.get("date") is not None:
        return f"{item['date']} ({item.get('date_precision')} precision)"
    bounds = [f"{word} {item[key]}" for word, key in (("after", "date_earliest"), ("before", "date_latest"))
              if item.get(key)]
    return ", ".join(["undated", *bounds])


def _redate(item, when: dict) -> None:
    """Put the dates *when* in place of the record's own, where its dates were
    (its end date, of what was planned, goes too)."""
    keys = list(item)
    at = min((keys.index(key) for key in DATE_FIELDS if key in item), default=keys.index("status") + 1)
    for key in DATE_FIELDS:
        item.pop(key, None)
    for offset, key in enumerate(key for key in DATE_FIELDS if key in when):
        item.insert(at + offset, key, when[key])


def reject(seeds: Path, draft_id: str, reason: str, note: str | None = None) -> Step:
    """Remove a draft or suggestion; its sentences no reviewed record cites are
    skipped in ``seeds/coverage.yaml`` with *reason*."""
    drafts = _drafts_files(seeds)
    found = seedfiles.find(drafts, draft_id)
    if found is None:
        raise WorkflowError(f"no draft or suggestion {draft_id!r} in {seeds / 'drafts'}; expected an id that "
                            "icadb review lists")
    evidence = [(e["document"], e["quote"]) for e in found.item.get("evidence") or ()]
    coverage = seeds / "coverage.yaml"
    with _undo_on_failure([found.path, coverage]):
        found.file.remove(draft_id)
        _save_or_drop(found.file)
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
                [found.path, coverage])
