"""drafts: the records a program drafted (``seeds/drafts/<document_id>.yaml``),
loaded beside the reviewed ones so that a curator sees them in context, and
never mistaken for them.

A drafts file is a list in the format of ``seeds/records/*.yaml``, plus, on
each record, ``kind`` (the file mixes kinds) and ``draft_notes`` (a mapping:
``confidence`` from 0 to 1, ``drafter``, and a note per inferred field). Every
draft must say ``review_status: machine_suggested``: a reviewed record
belongs in ``seeds/records/`` (``icadb accept`` moves it). An item with
``add_evidence_to: RECORD_ID`` instead suggests quotes for a record already
there; they are loaded as evidence rows with ``suggested = 1``. It may say
``suggest_status: STATUS``: a status of the record's kind that the quotes
report it has reached (a planned meeting reported as held); ``icadb accept``
sets it. A planned date is not the date an event took place, so a suggestion
that moves a record from planned, proposed or offered to a status that
happened also says when, as the text gives it: ``suggest_date``,
``suggest_date_precision`` and, as on a record, ``suggest_date_basis``,
``suggest_date_note``, ``suggest_date_earliest``, ``suggest_date_latest``;
``icadb accept`` puts them in place of the record's dates.

Each draft is checked exactly as a reviewed record is (``loaders/records.py``),
so a bad draft fails the build with ``path:line: field: ...`` like any record.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from icadb.loaders.errors import did_you_mean
from icadb.loaders.context import LoadContext
from icadb.loaders.fields import NOTE_FIELD, Field, spec
from icadb.loaders.record_rules import check_series
from icadb.loaders.records import COMMON, KINDS, _queue_evidence, check_meeting_refs, load_record
from icadb.loaders.writer import Writer
from icadb.schema import vocab
from icadb.loaders.yamlread import YMap, iter_records

DRAFTS_DIR = "drafts"
KINDS_BY_NAME = {kind.kind: kind for kind in KINDS}
KIND_FIELD = Field("kind", "vocab", vocab=vocab.RECORD_KIND)
EVIDENCE_FIELD = Field("evidence", "list", min_items=1, expected="a list of {document, quote} (at least one)",
                       item=spec(Field("document", "ref", ref="documents"),
                                 Field("quote", expected="a verbatim quote from the document"), NOTE_FIELD))
# a suggested status that says the event happened says when: a record's date fields, each prefixed suggest_
SUGGESTED_DATE_FIELDS = tuple(replace(f, name=f"suggest_{f.name}", required=False) for f in COMMON
                              if f.name.startswith("date"))
SUGGESTED_DATE = tuple(f.name for f in SUGGESTED_DATE_FIELDS)
SUGGESTION_SPEC = spec(
    Field("id", "slug", expected="a stable id of lowercase letters, digits and hyphens"),
    Field("add_evidence_to", "slug", expected="the id of the record the quotes back"),
    Field("suggest_status", "vocab", vocab=vocab.STATUS, required=False),
    *SUGGESTED_DATE_FIELDS,
    EVIDENCE_FIELD,
    Field("note", expected="why the quotes tell that record's event"),
)


def drafts_dir(seeds: Path) -> Path:
    return seeds / DRAFTS_DIR


def _notes(ctx: LoadContext, path: Path, record: YMap) -> tuple[float, str, list[tuple[str, str]]] | None:
    """The draft's confidence, drafter and per-field notes, or None (reported)."""
    notes = record.get("draft_notes")
    line = record.line_of("draft_notes") if "draft_notes" in record else record.line
    if not isinstance(notes, YMap):
        what = "missing" if notes is None else "not a mapping"
        ctx.problems.add(path, line, "draft_notes", f"{what}; expected a mapping with confidence (0-1), drafter "
                         "and a note for each inferred field")
        return None
    confidence = notes.get("confidence")
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        ctx.problems.add(path, notes.line_of("confidence") if "confidence" in notes else line,
                         "draft_notes.confidence", f"{confidence!r} is not a number from 0 to 1; expected the "
                         "drafter's confidence, e.g. 0.6")
        return None
    drafter = notes.get("drafter")
    if not isinstance(drafter, str) or not drafter.strip():
        ctx.problems.add(path, notes.line_of("drafter") if "drafter" in notes else line, "draft_notes.drafter",
                         "missing; expected the program that drafted it")
        return None
    fields = []
    for key, value in notes.items():
        if key in ("confidence", "drafter"):
            continue
        if not isinstance(value, str) or not value.strip():
            ctx.problems.add(path, notes.line_of(key), f"draft_notes.{key}", "not text; expected how the field "
                             "was inferred (the trigger, the rule, the sentence)")
            return None
        fields.append((key, value))
    return float(confidence), drafter, fields


def _without(record: YMap, key: str) -> YMap:
    """*record* without *key* (lines kept), to check its other fields against a spec."""
    out = YMap(record.line)
    out.key_lines = record.key_lines
    out.update((k, v) for k, v in record.items() if k != key)
    return out


def _load_draft(ctx: LoadContext, writer: Writer, path: Path, document_id: str, line: int, record: YMap,
                meeting_refs: list) -> None:
    kind_name = record.get("kind")
    if kind_name not in KINDS_BY_NAME:
        if kind_name is None:
            ctx.problems.add(path, line, "kind", f"missing; expected the kind of the draft: {', '.join(KINDS_BY_NAME)}")
        else:
            ctx.check_value(path, record.line_of("kind"), "kind", kind_name, KIND_FIELD)
        return
    kind = KINDS_BY_NAME[kind_name]
    # draft_notes is a mapping, checked by _notes; every other field as in seeds/records/.
    values, ok = ctx.check_fields_partly(path, _without(record, "draft_notes"), spec(*COMMON, *kind.fields, KIND_FIELD))
    notes = _notes(ctx, path, record)
    record_id = values.get("id")
    if record_id is None or not ctx.check_unique("records", record_id, path, record.line_of("id"), "id", "record id"):
        return
    ctx.registry("records")[record_id] = (path, line)
    if values.get("review_status") not in (None, "machine_suggested"):
        ctx.problems.add(path, record.line_of("review_status"), "review_status",
                         f"{values['review_status']!r} in a drafts file; expected machine_suggested (accept a draft "
                         "with icadb accept, which moves it into seeds/records/ as reviewed)")
        values["review_status"] = "machine_suggested"  # still a draft: not held to the rules of review as well
        ok = False
    loaded = load_record(ctx, writer, kind, path, line, record, values, ok and notes is not None, meeting_refs)
    if loaded and notes is not None:
        confidence, drafter, fields_notes = notes
        writer.add("drafts", (record_id, document_id, confidence, drafter), (path, line))
        for key, note in fields_notes:
            writer.add("draft_notes", (ctx.next_id("draft_notes"), record_id, key, note),
                       (path, record["draft_notes"].line_of(key)))


def _load_suggestion(ctx: LoadContext, writer: Writer, path: Path, line: int, record: YMap,
                     suggestions: list) -> None:
    values, ok = ctx.check_fields_partly(path, record, SUGGESTION_SPEC)
    suggestion_id = values.get("id")
    if suggestion_id is None or not ctx.check_unique("suggestions", suggestion_id, path, record.line_of("id"), "id",
                                                     "suggestion id"):
        return
    ok = _check_suggested_date(ctx, path, record, values) and ok
    if ok:
        suggestions.append((path, line, record, values))


def _check_suggested_date(ctx: LoadContext, path: Path, record: YMap, values: dict) -> bool:
    """A suggested date goes with a suggested status, and is checked as a record's date is."""
    given = [key for key in SUGGESTED_DATE if values.get(key) is not None]
    if not given:
        return True
    if values.get("suggest_status") is None:
        ctx.problems.add(path, record.line_of(given[0]), given[0], "given without suggest_status; expected a "
                         "suggested date only where the suggestion changes the record's status")
        return False
    precision = values.get("suggest_date_precision")
    if precision is None:
        ctx.problems.add(path, record.line_of(given[0]), "suggest_date_precision", "missing; expected the precision "
                         "the text gives suggest_date (day, month, year, ... or unknown)")
        return False
    dated = ctx.dated(path, record, precision, "suggest_date")
    return dated is not None and ctx.bounds(path, record, dated, "suggest_date_earliest", "suggest_date_latest",
                                            values) is not None


def _queue_suggestions(ctx: LoadContext, writer: Writer, suggestions: list) -> None:
    """Suggested quotes, once every record (reviewed or drafted) is known."""
    kinds = ctx.registry("record_kinds")
    writer.flush()  # the records' own evidence is in the database, to compare with
    for path, _line, record, values in suggestions:
        target = values["add_evidence_to"]
        if target not in kinds:
            ctx.problems.add(path, record.line_of("add_evidence_to"), "add_evidence_to",
                             f"{target!r} is not a record id; expected the id of the record the quotes back",
                             did_you_mean(target, kinds))
            continue
        status = values.get("suggest_status")
        if status is not None and status not in vocab.KIND_STATUSES[kinds[target]]:
            ctx.problems.add(path, record.line_of("suggest_status"), "suggest_status",
                             f"{status!r} is no status of a {kinds[target]}; expected one of "
                             f"{', '.join(vocab.KIND_STATUSES[kinds[target]])}")
            continue
        fresh = []
        for index, item in enumerate(values["evidence"], start=1):
            located = ctx.locate_quote(item["document"], item["quote"])
            if located and ctx.conn.execute(
                    "SELECT 1 FROM evidence WHERE record_id = ? AND document_id = ? AND char_start = ? AND char_end = ?",
                    (target, item["document"], *located)).fetchone():
                ctx.problems.add(path, item["__line__"], f"evidence[{index}]",
                                 f"{target} already cites this quote; expected a quote the record does not have yet "
                                 "(take the suggestion out)")
                continue
            fresh.append(item)
        if len(fresh) == len(values["evidence"]):
            _queue_evidence(ctx, writer, path, target, {"evidence": fresh}, suggested=1)


def load(ctx: LoadContext, writer: Writer) -> None:
    writer.table("drafts", ("record_id", "document_id", "confidence", "drafter"))
    writer.table("draft_notes", ("draft_note_id", "record_id", "field", "note"))
    meeting_refs = ctx.prepared.pop("meeting_refs", [])
    folder = drafts_dir(ctx.seeds)
    suggestions: list = []
    documents = ctx.registry("documents")
    paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    with ctx.progress.stage("drafts", total=len(paths)) as task:
        for path in paths:
            task.advance()
            document_id = path.stem
            if document_id not in documents:
                ctx.problems.add(path, None, "(file)", f"no document {document_id!r}; expected a drafts file named "
                                 "after a document in seeds/documents/ (<document_id>.yaml)",
                                 did_you_mean(document_id, documents))
                continue
            for line, record in iter_records(path, ctx.problems):
                if "add_evidence_to" in record:
                    _load_suggestion(ctx, writer, path, line, record, suggestions)
                else:
                    _load_draft(ctx, writer, path, document_id, line, record, meeting_refs)
    check_meeting_refs(ctx, meeting_refs)
    check_series(ctx)  # the editions of reviewed records and drafts, once all are read
    _queue_suggestions(ctx, writer, suggestions)
    writer.flush()
