"""What the record page (``/icadb/records/<record_id>``) shows, gathered from
the database: every fact of one record on one page, with its evidence in
context, as plain dicts for the template (``icadb/datasette_plugin/templates``).

Everything is read through one SQLite connection, by key, so a page costs the
same at any size. The document page's data is in :mod:`icadb.document_page`.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from icadb.codebook import column_entry, load
from icadb.db import dicts, first
from icadb.passages import Span, marked, overlapping, paragraphs
from icadb.reviewed import DRAFT
from icadb.schema.models import kinds
from icadb.schema.vocab import ROLE, STATUS_OCCURRENCE, VOCABULARIES

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def meaning(vocabulary: str, value: str | None) -> str:
    """What a vocabulary's value means ('' for an empty value)."""
    return VOCABULARIES[vocabulary].get(value, "") if value else ""


def written_date(date: str | None, precision: str | None) -> str:
    """A date as a reader writes it, at its precision: 17 October 2023, October 2023, 2023."""
    if not date:
        return "date unknown"
    parts = date.split("-")
    if precision == "day" and len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if precision == "month" and len(parts) >= 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return date


def coordinates_text(latitude: float | None, longitude: float | None) -> str:
    """51.1801° N, 71.4460° E."""
    if latitude is None or longitude is None:
        return ""
    return (f"{abs(latitude):.4f}° {'N' if latitude >= 0 else 'S'}, "
            f"{abs(longitude):.4f}° {'E' if longitude >= 0 else 'W'}")


def date_facts(row: dict[str, Any]) -> dict[str, Any]:
    """The date of a record (or document) at its precision, with basis, note and bounds."""
    precision = row.get("date_precision")
    earliest = row.get("date_earliest", row.get("published_earliest"))
    latest = row.get("date_latest", row.get("published_latest"))
    date = row.get("date", row.get("published_on"))
    return {
        "written": written_date(date, precision),
        "value": date,
        "precision": precision,
        "precision_meaning": meaning("date_precision", precision),
        "basis": row.get("date_basis"),
        "basis_meaning": meaning("date_basis", row.get("date_basis")),
        "note": row.get("date_note"),
        "earliest": earliest,
        "latest": latest,
        "bounded": bool(earliest or latest) and earliest != latest,
        "end": written_date(row["end_date"], row.get("end_date_precision")) if row.get("end_date") else None,
    }


def _details(conn: sqlite3.Connection, kind: str, record_id: str) -> list[dict[str, Any]]:
    """The kind table's own columns, each with its codebook description and vocabulary meaning."""
    model = kinds()[kind]
    table = model.__tablename__
    links = {column.name for column in model.fields() if column.info.get("meeting")}  # columns naming another record
    row = first(conn, f'select * from "{table}" where record_id = ?', record_id)
    if row is None:
        return []
    columns = load()["tables"][table]["columns"]
    out = []
    for name, value in row.items():
        if name in ("record_id", "kind") or value is None:
            continue
        entry = column_entry(columns.get(name, ""))
        fact = {"name": name, "label": name.replace("_", " "), "value": value,
                "description": entry.get("description", ""), "meaning": "", "record": None}
        if entry.get("vocabulary"):
            fact["meaning"] = meaning(entry["vocabulary"], value)
        if name in links:
            fact["record"] = first(conn, "select record_id, title, review_status from records where record_id = ?", value)
        out.append(fact)
    return out


def _countries(conn: sqlite3.Connection, record_id: str) -> list[dict[str, Any]]:
    """Each country once, by name, with its roles (in the vocabulary's order) and notes."""
    rows = dicts(conn, """
        select rc.iso3, cou.name, rc.role, rc.note
        from record_countries as rc inner join countries as cou on cou.iso3 = rc.iso3
        where rc.record_id = ?""", record_id)
    order = list(ROLE)
    rows.sort(key=lambda r: (order.index(r["role"]) if r["role"] in order else len(order), r["name"]))
    countries: dict[str, dict[str, Any]] = {}
    for row in rows:
        country = countries.setdefault(row["iso3"], {"iso3": row["iso3"], "name": row["name"], "roles": []})
        country["roles"].append({"role": row["role"], "meaning": meaning("role", row["role"]), "note": row["note"]})
    return list(countries.values())


def _with_roles(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row["role_meaning"] = meaning("role", row["role"])
    return rows


def _series(conn: sqlite3.Connection, record: dict[str, Any]) -> dict[str, Any] | None:
    if not record["series_id"]:
        return None
    series = first(conn, "select * from series where series_id = ?", record["series_id"])
    editions = dicts(conn, """
        select position, edition, record_id, title, date, date_precision, status, review_status
        from series_history where series_id = ? order by position""", record["series_id"])
    here = next(i for i, e in enumerate(editions) if e["record_id"] == record["record_id"])
    for e in editions:
        e["written_date"] = written_date(e["date"], e["date_precision"])
    return {**series, "frequency_meaning": meaning("frequency", series["frequency"]), "editions": editions,
            "position": editions[here]["position"], "count": len(editions),
            "previous": editions[here - 1] if here > 0 else None,
            "next": editions[here + 1] if here + 1 < len(editions) else None}


def quotes_in_context(conn: sqlite3.Connection, quotes: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """Quotes grouped by document, oldest document first, each document's
    paragraphs that hold them with the quotes marked as spans of *kind*."""
    by_document: dict[str, list[dict[str, Any]]] = {}
    for quote in quotes:
        by_document.setdefault(quote["document_id"], []).append(quote)
    out = []
    for document_id, its_quotes in by_document.items():
        doc = first(conn, """
            select document_id, title, publisher, published_on, date_precision, published_earliest, url, text
            from documents where document_id = ?""", document_id)
        paras = paragraphs(doc.pop("text"))
        spans = [Span(q["char_start"], q["char_end"], kind, q, key=str(q["evidence_id"])) for q in its_quotes]
        shown: dict[int, Any] = {}
        for span in spans:
            for para in overlapping(paras, span.start, span.end):
                shown[para.position] = para
        doc["written_date"] = written_date(doc["published_on"], doc["date_precision"])
        doc["quotes"] = sorted(its_quotes, key=lambda q: q["char_start"])
        doc["paragraphs"] = [{"position": p.position, "start": p.start, "kind": p.kind, "runs": marked(p, spans)}
                             for _, p in sorted(shown.items())]
        out.append(doc)
    out.sort(key=lambda d: (d["published_earliest"] or "", d["document_id"]))
    return out


def _conflict_facts(conn: sqlite3.Connection, conflict: dict[str, Any], besides: str | None = None) -> dict[str, Any]:
    """*conflict* (a conflicts row) with the meaning of its type, the words each side quotes (with their
    documents) and the records it concerns, *besides* the one whose page shows it."""
    conflict["type_meaning"] = meaning("conflict_type", conflict["conflict_type"])
    conflict["quotes"] = dicts(conn, """
        select cq.quote_id, cq.quote, cq.claim, cq.char_start, cq.char_end, cq.document_id,
            doc.title as document_title, doc.publisher, doc.published_on, doc.date_precision
        from conflict_quotes as cq inner join documents as doc on doc.document_id = cq.document_id
        where cq.conflict_id = ? order by doc.published_earliest, cq.quote_id""", conflict["conflict_id"])
    for quote in conflict["quotes"]:
        quote["written_date"] = written_date(quote["published_on"], quote["date_precision"])
    conflict["other_records"] = dicts(conn, """
        select rec.record_id, rec.title, rec.kind, rec.review_status from conflict_records as cr
        inner join records as rec on rec.record_id = cr.record_id
        where cr.conflict_id = ? and cr.record_id is not ? order by rec.date_earliest, rec.record_id""",
                                      conflict["conflict_id"], besides)
    return conflict


def _conflicts(conn: sqlite3.Connection, record_id: str) -> list[dict[str, Any]]:
    conflicts = dicts(conn, """
        select con.* from conflicts as con
        inner join conflict_records as cr on cr.conflict_id = con.conflict_id
        where cr.record_id = ? order by con.conflict_id""", record_id)
    return [_conflict_facts(conn, conflict, besides=record_id) for conflict in conflicts]


def conflict_page(conn: sqlite3.Connection, conflict_id: str) -> dict[str, Any] | None:
    """Everything the conflict page (``/icadb/conflicts/<conflict_id>``) shows: what the disagreement or
    vague point is, the words each side quotes, each in its paragraph, how it is recorded and the records
    it concerns (None if there is no such conflict)."""
    conflict = first(conn, "select * from conflicts where conflict_id = ?", conflict_id)
    if conflict is None:
        return None
    conflict = _conflict_facts(conn, conflict)
    return {
        "conflict": conflict,
        "in_context": quotes_in_context(conn, [{**q, "evidence_id": q["quote_id"]} for q in conflict["quotes"]],
                                        "cited"),
        "data_version": (first(conn, "select data_version from build_info") or {}).get("data_version"),
    }


def _related(conn: sqlite3.Connection, record_id: str) -> list[dict[str, Any]]:
    """Records that name this one: made at this meeting, or held on its sidelines."""
    return dicts(conn, """
        select 'made at this meeting' as how, rec.record_id, rec.kind, rec.title, rec.review_status
        from records as rec
        where rec.record_id in (select pro.record_id from proposals as pro where pro.made_at = ?1
                                union select agr.record_id from agreements as agr where agr.made_at = ?1)
        union all
        select 'held on its sidelines' as how, rec.record_id, rec.kind, rec.title, rec.review_status
        from records as rec
        where rec.record_id in (select mtg.record_id from meetings as mtg where mtg.sidelines_of = ?1)
        order by how, record_id""", record_id)


def _draft(conn: sqlite3.Connection, record_id: str) -> dict[str, Any] | None:
    draft = first(conn, """
        select dra.*, doc.title as document_title from drafts as dra
        left join documents as doc on doc.document_id = dra.document_id where dra.record_id = ?""", record_id)
    if draft is not None:
        draft["notes"] = dicts(conn, "select field, note from draft_notes where record_id = ? order by draft_note_id",
                               record_id)
    return draft


def record_page(conn: sqlite3.Connection, record_id: str) -> dict[str, Any] | None:
    """Everything the record page shows about *record_id* (None if there is no such record)."""
    record = first(conn, "select * from records where record_id = ?", record_id)
    if record is None:
        return None
    evidence = dicts(conn, """
        select evidence_id, document_id, quote, char_start, char_end, note, suggested
        from evidence where record_id = ? order by evidence_id""", record_id)
    is_draft = record["review_status"] == DRAFT
    place = first(conn, """
        select pla.*, cou.name as country_name from places as pla
        left join countries as cou on cou.iso3 = pla.country_iso3 where pla.place_id = ?""", record["place_id"])
    if place:
        place["type_meaning"] = meaning("place_type", place["place_type"])
        place["precision_meaning"] = meaning("coordinate_precision", place["coordinate_precision"])
        place["coordinates"] = coordinates_text(place["latitude"], place["longitude"])
    figures = dicts(conn, "select label, value, unit, approximate, source_text from figures where record_id = ? "
                          "order by figure_id", record_id)
    for figure in figures:
        figure["value_text"] = f"{figure['value']:,.0f}" if float(figure["value"]).is_integer() else str(figure["value"])
    reviewed_quotes = [q for q in evidence if not q["suggested"]]
    suggested_quotes = [q for q in evidence if q["suggested"]]
    return {
        "record": record,
        "is_draft": is_draft,
        "review_meaning": meaning("review_status", record["review_status"]),
        "draft": _draft(conn, record_id) if is_draft else None,
        "kind_meaning": meaning("kind", record["kind"]),
        "status_meaning": meaning("status", record["status"]),
        "occurrence": STATUS_OCCURRENCE.get(record["status"]),
        "occurrence_meaning": meaning("occurrence", STATUS_OCCURRENCE.get(record["status"])),
        "category_meaning": meaning("category", record["category"]),
        "date": date_facts(record),
        "details": _details(conn, record["kind"], record_id),
        "place": place,
        "countries": _countries(conn, record_id),
        "organizations": _with_roles(dicts(conn, """
            select org.org_id, org.name, org.abbreviation, ro.role, ro.note
            from record_organizations as ro inner join organizations as org on org.org_id = ro.org_id
            where ro.record_id = ? order by org.name, ro.role""", record_id)),
        "people": _with_roles(dicts(conn, """
            select per.person_id, per.name, per.position, cou.name as country, rp.role, rp.note
            from record_people as rp inner join people as per on per.person_id = rp.person_id
            left join countries as cou on cou.iso3 = per.country_iso3
            where rp.record_id = ? order by per.name, rp.role""", record_id)),
        "series": _series(conn, record),
        "figures": figures,
        "evidence": quotes_in_context(conn, reviewed_quotes, "suggested" if is_draft else "cited"),
        "evidence_count": len(reviewed_quotes),
        "suggested": quotes_in_context(conn, suggested_quotes, "suggested"),
        "suggested_count": len(suggested_quotes),
        "conflicts": _conflicts(conn, record_id),
        "related": _related(conn, record_id),
        "data_version": (first(conn, "select data_version from build_info") or {}).get("data_version"),
    }
