"""records: meetings, agreements, exercises, proposals and facilities from
``seeds/records/<kind>s.yaml``, with the countries, organisations and people
involved, the evidence quotes that back them and the figures they give.
Drafts (``loaders/drafts.py``, loaded next) go through the same checks
(:func:`load_record`); the meetings that made_at and sidelines_of name are
checked once both are read, since either may name the other's.

Every record needs at least one evidence quote, found verbatim in its
document (runs of whitespace may differ); the stored quote is the document's
own text and its character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from icadb.loaders import dates
from icadb.loaders.errors import did_you_mean
from icadb.loaders.context import LoadContext
from icadb.loaders.fields import NOTE_FIELD, ROLE_FIELD, Field, spec
from icadb.loaders.quotes import check_source
from icadb.loaders.reading import iter_checked
from icadb.loaders.record_rules import check_record
from icadb.loaders.writer import Writer
from icadb.schema import vocab
from icadb.schema.models import kinds

RECORD_COLUMNS = ("record_id", "kind", "title", "summary", "status", "category", "date", "date_precision",
                  "date_basis", "date_note", "end_date", "end_date_precision", "date_earliest", "date_latest",
                  "year", "month", "place_id", "place_note", "review_status", "note", "series_id", "edition")

COMMON = (
    Field("id", "slug", expected="a stable id of lowercase letters, digits and hyphens"),
    Field("title"),
    Field("summary", expected="one line in the curators' own words"),
    Field("status", "vocab", vocab=vocab.STATUS),
    Field("category", "vocab", vocab=vocab.CATEGORY),
    Field("date", "date", required=False),
    Field("date_precision", "vocab", vocab=vocab.DATE_PRECISION),
    Field("date_basis", "vocab", required=False, vocab=vocab.DATE_BASIS),
    Field("date_note", required=False),
    Field("end_date", "date", required=False),
    Field("end_date_precision", "vocab", required=False, vocab={k: v for k, v in vocab.DATE_PRECISION.items() if k != "unknown"}),
    Field("date_earliest", "day", required=False),
    Field("date_latest", "day", required=False),
    Field("place", "ref", required=False, ref="places"),
    Field("place_note", required=False),
    Field("review_status", "vocab", vocab=vocab.REVIEW_STATUS),
    Field("note", required=False),
    Field("series", "ref", required=False, ref="series"),
    Field("edition", "int", required=False, expected="the edition number a source gives (1, 2, ...)"),
    Field("countries", "list", required=False,
          item=spec(Field("iso3", "ref", ref="countries"), ROLE_FIELD, NOTE_FIELD)),
    Field("organizations", "list", required=False,
          item=spec(Field("org", "ref", ref="organizations"), ROLE_FIELD, NOTE_FIELD)),
    Field("people", "list", required=False, item=spec(Field("person", "ref", ref="people"), ROLE_FIELD, NOTE_FIELD)),
    Field("evidence", "list", min_items=1, expected="a list of {document, quote} (at least one)",
          item=spec(Field("document", "ref", ref="documents"),
                    Field("quote", expected="a verbatim quote from the document"), NOTE_FIELD)),
    Field("figures", "list", required=False, expected="a list of {label, value, unit, approximate, text}", item=spec(
        Field("label", expected="what the number is (e.g. refurbishment cost)"),
        Field("value", "number"),
        Field("unit", expected="what the number counts (e.g. USD, students)"),
        Field("approximate", "bool"),
        Field("text", expected="the number as the evidence writes it (e.g. about US$70 million)"),
    )),
)
DATE_FIELDS = tuple(f.name for f in COMMON if f.name.startswith(("date", "end_date")))  # a record's dates


@dataclass(frozen=True)
class Kind:
    """A kind of record as the loaders read it: its seed file and its own fields, from its model."""

    kind: str
    file: str
    table: str
    fields: tuple[Field, ...]
    meeting_refs: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return ("record_id", *(f.name for f in self.fields))

    @classmethod
    def of(cls, kind: str, model) -> Kind:
        fields = []
        for column in model.fields():
            info = column.info
            if "vocab" in info:
                fields.append(Field(column.name, "vocab", required=not column.nullable, vocab=info["vocab"]))
            elif info.get("meeting"):
                fields.append(Field(column.name, "slug", required=False, expected=info["expected"]))
            else:
                fields.append(Field(column.name, required=not column.nullable, expected=info.get("expected")))
        refs = tuple(column.name for column in model.fields() if column.info.get("meeting"))
        return cls(kind, f"{model.__tablename__}.yaml", model.__tablename__, tuple(fields), refs)


KINDS = tuple(Kind.of(kind, model) for kind, model in kinds().items())

LINKS = (  # (seed field, id key, table, id column)
    ("countries", "iso3", "record_countries", "iso3"),
    ("organizations", "org", "record_organizations", "org_id"),
    ("people", "person", "record_people", "person_id"),
)


def _check_dates(ctx: LoadContext, path: Path, record, values: dict) -> dict | None:
    needed = ("date_precision", "date_basis", "date_note", "end_date", "end_date_precision",
              "date_earliest", "date_latest")
    if any(name not in values for name in needed):
        return None  # a date field failed its own check, already reported
    precision = values["date_precision"]
    dated = ctx.dated(path, record, precision)
    if dated is None:
        return None
    if precision != "unknown" and not values["date_basis"]:
        ctx.problems.add(path, record.line_of("date_precision"), "date_basis",
                         "missing; expected stated or inferred for a dated record")
        return None
    if values["date_basis"] == "inferred" and not values["date_note"]:
        ctx.problems.add(path, record.line_of("date_basis"), "date_note",
                         "missing; expected the reasoning behind an inferred date")
        return None
    end, end_precision = values["end_date"], values["end_date_precision"]
    if (end is None) != (end_precision is None):
        missing = "end_date_precision" if end_precision is None else "end_date"
        ctx.problems.add(path, record.line_of("end_date" if end is not None else "end_date_precision"), missing,
                         "missing; expected end_date and end_date_precision together")
        return None
    if end is not None:
        if precision == "unknown":
            ctx.problems.add(path, record.line_of("end_date"), "end_date",
                             "given for a record without a date; expected a start date first")
            return None
        try:
            end, _, end_latest = dates.parse(end, end_precision)
        except dates.DateError as exc:
            ctx.problems.add(path, record.line_of("end_date"), "end_date", str(exc))
            return None
        if end_latest < dated["earliest"]:
            ctx.problems.add(path, record.line_of("end_date"), "end_date",
                             f"{end} is before the date {dated['date']}; expected an end on or after the start")
            return None
        dated["latest"] = end_latest
    dated["end"] = end
    if precision == "unknown":
        earliest, latest = values["date_earliest"], values["date_latest"]
        if earliest and latest and earliest > latest:
            ctx.problems.add(path, record.line_of("date_latest"), "date_latest",
                             f"{latest} is before date_earliest {earliest}; expected earliest <= latest")
            return None
        dated["earliest"], dated["latest"] = earliest, latest
    else:
        bounds = ctx.bounds(path, record, dated, "date_earliest", "date_latest", values)
        if bounds is None:
            return None
        dated["earliest"], dated["latest"] = bounds
    return dated


def _queue_links(ctx: LoadContext, writer: Writer, path: Path, record_id: str, values: dict) -> bool:
    ok = True
    for field_name, key, table, _column in LINKS:
        seen: set[tuple[str, str]] = set()
        for index, item in enumerate(values.get(field_name) or (), start=1):
            pair = (item[key], item["role"])
            if pair in seen:
                ctx.problems.add(path, item["__line__"], f"{field_name}[{index}]",
                                 f"{item[key]} is listed twice as {item['role']}; expected each entity once per role")
                ok = False
                continue
            seen.add(pair)
            writer.add(table, (record_id, item[key], item["role"], item["note"]), (path, item["__line__"]))
    return ok


EVIDENCE_COLUMNS = ("evidence_id", "record_id", "document_id", "quote", "char_start", "char_end", "note", "suggested")


def _queue_evidence(ctx: LoadContext, writer: Writer, path: Path, record_id: str, values: dict,
                    suggested: int = 0) -> list | None:
    """Queue the evidence rows; return [(evidence_id, quote)], or None on problems."""
    ok = True
    queued = []
    seen: set[tuple[str, int, int]] = set()
    for index, item in enumerate(values.get("evidence") or (), start=1):
        label = f"evidence[{index}]"
        checked = check_source(ctx, path, item["__line__"], label, item)
        if checked is None:
            ok = False
            continue
        start, end = ctx.locate_quote(item["document"], item["quote"])
        if (item["document"], start, end) in seen:
            ctx.problems.add(path, item["__line__"], label,
                             f"duplicate evidence: the same quote from {item['document']!r} is already cited by this record; "
                             "expected each quote once")
            ok = False
            continue
        seen.add((item["document"], start, end))
        evidence_id = ctx.next_id("evidence")
        writer.add("evidence", (evidence_id, record_id, item["document"], checked[1], start, end, item["note"],
                                suggested), (path, item["__line__"]))
        queued.append((evidence_id, checked[1]))
    return queued if ok else None


def _queue_figures(ctx: LoadContext, writer: Writer, path: Path, record_id: str, values: dict, quotes: list) -> bool:
    """Each figure's text must appear in one of the record's evidence quotes."""
    ok = True
    labels = set()
    for index, item in enumerate(values.get("figures") or (), start=1):
        label = f"figures[{index}]"
        if item["label"] in labels:
            ctx.problems.add(path, item["__line__"], f"{label}.label", f"{item['label']!r} is given twice; expected each label once")
            ok = False
            continue
        labels.add(item["label"])
        evidence_id = next((eid for eid, quote in quotes if item["text"] in quote), None)
        if evidence_id is None:
            ctx.problems.add(path, item["__line__"], f"{label}.text",
                             f"{item['text']!r} is in none of this record's evidence quotes; expected the number as a quote writes it")
            ok = False
            continue
        writer.add("figures", (record_id, item["label"], item["value"], item["unit"], int(item["approximate"]),
                               item["text"], evidence_id), (path, item["__line__"]))
    return ok


def prepare_tables(writer: Writer) -> None:
    """The tables records fill (the drafts loader fills the same ones)."""
    writer.table("records", RECORD_COLUMNS)
    for _field, _key, table, column in LINKS:
        writer.table(table, ("record_id", column, "role", "note"))
    writer.table("evidence", EVIDENCE_COLUMNS)
    writer.table("figures", ("record_id", "label", "value", "unit", "approximate", "source_text", "evidence_id"))
    for kind in KINDS:
        writer.table(kind.table, kind.columns)


def load_record(ctx: LoadContext, writer: Writer, kind: Kind, path: Path, line: int, record, values: dict, ok: bool,
                meeting_refs: list[tuple[Path, int, str, str]]) -> bool:
    """Check one record of *kind* across its fields and queue its rows; return
    whether it was loaded. (Its fields were checked one by one already: *ok*.)"""
    series_kinds = ctx.registry("series_kinds")
    kinds = ctx.registry("record_kinds")
    allowed = vocab.KIND_STATUSES[kind.kind]
    record_id = values["id"]
    kinds[record_id] = kind.kind
    status = values.get("status")
    if status is not None and status not in allowed:
        ctx.problems.add(path, record.line_of("status"), "status",
                         f"{status!r} does not fit a {kind.kind}; expected one of {', '.join(allowed)}",
                         did_you_mean(status, allowed))
        ok = False
    dated = _check_dates(ctx, path, record, values)
    ok = check_record(ctx, path, record, values, dated, kind.kind) and ok
    for ref in kind.meeting_refs:
        if values.get(ref):
            meeting_refs.append((path, record.line_of(ref), ref, values[ref]))
    if values.get("edition") is not None and (values["edition"] < 1 or not values.get("series")):
        problem = "is below 1" if values["edition"] < 1 else "is given without a series"
        ctx.problems.add(path, record.line_of("edition"), "edition", f"{values['edition']} {problem}; "
                         "expected an edition number of 1 or more, with the series it belongs to")
        ok = False
    series = values.get("series")
    if series and series_kinds.get(series) not in (None, kind.kind):
        ctx.problems.add(path, record.line_of("series"), "series",
                         f"{series!r} is a series of {series_kinds[series]}s; expected a series of {kind.kind}s")
        ok = False
    if not record.get("countries") and not record.get("organizations"):
        ctx.problems.add(path, line, "countries", "missing; expected at least one country "
                         "(or, where a source names none, an organisation)")
        ok = False
    links_ok = _queue_links(ctx, writer, path, record_id, values)
    quotes = _queue_evidence(ctx, writer, path, record_id, values)
    figures_ok = quotes is not None and _queue_figures(ctx, writer, path, record_id, values, quotes)
    if not (ok and dated and links_ok and quotes is not None and figures_ok):
        return False
    writer.add("records", (
        record_id, kind.kind, values["title"], values["summary"], values["status"], values["category"],
        dated["date"], values["date_precision"], values["date_basis"], values["date_note"],
        dated["end"], values["end_date_precision"], dated["earliest"], dated["latest"],
        dated["year"], dated["month"], values["place"], values["place_note"], values["review_status"],
        values["note"], series, values["edition"],
    ), (path, line))
    writer.add(kind.table, (record_id, *(values[f.name] for f in kind.fields)), (path, line))
    return True


def check_meeting_refs(ctx: LoadContext, meeting_refs: list[tuple[Path, int, str, str]]) -> None:
    """made_at and sidelines_of name a meeting: checked once every record is read."""
    kinds = ctx.registry("record_kinds")
    for path, line, field_name, target in meeting_refs:
        if target not in kinds and ctx.problems.unreadable:
            continue  # it may be in a records file that could not be read; that file's problem is reported
        if kinds.get(target) != "meeting":
            meetings = [r for r, k in kinds.items() if k == "meeting"]
            if target in kinds:
                article = "an" if kinds[target][0] in "aeiou" else "a"
                what = f"is {article} {kinds[target]}, not a meeting"
            else:
                what = "is not a record id"
            ctx.problems.add(path, line, field_name, f"{target!r} {what}; expected the id of a meeting",
                             did_you_mean(target, meetings))


def load(ctx: LoadContext, writer: Writer) -> None:
    prepare_tables(writer)
    meeting_refs: list[tuple[Path, int, str, str]] = []
    for kind in KINDS:
        path = ctx.seeds / "records" / kind.file
        if not path.exists():
            ctx.problems.add(path, None, "(file)", f"missing; expected the {kind.table} seed file (an empty list [] if there are none)")
            ctx.problems.mark_unreadable(path)
            continue
        fields = spec(*COMMON, *kind.fields)
        with ctx.progress.stage(f"records: {kind.table}") as task:
            for line, record, values, ok in iter_checked(ctx, path, fields, "records", "record id"):
                task.advance()
                load_record(ctx, writer, kind, path, line, record, values, ok, meeting_refs)
    # Drafts (loaders/drafts.py) may point at meetings too; their references are checked with these.
    ctx.prepared["meeting_refs"] = meeting_refs
    writer.flush()
