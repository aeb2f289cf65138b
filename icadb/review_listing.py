"""What ``icadb review`` prints: each document's drafts and suggestions, then
the sentences of the review queue, newest documents first."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from icadb.drafting.compose import STATUS_NOTE


def _has(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (table,)).fetchone() is not None


def drafts_by_document(conn: sqlite3.Connection, document_id: str | None) -> dict[str, list[dict]]:
    if not _has(conn, "drafts"):
        return {}
    sql = ("SELECT d.document_id, d.record_id, d.confidence, r.kind, r.status, r.date, r.date_precision, r.title "
           "FROM drafts AS d JOIN records AS r USING (record_id)" + (" WHERE d.document_id = ?" if document_id else "")
           + " ORDER BY d.document_id, d.confidence DESC, d.record_id")
    out: dict[str, list[dict]] = {}
    for doc, record_id, confidence, kind, status, date, precision, title in conn.execute(
            sql, (document_id,) if document_id else ()):
        countries = [f"{iso3} {role}" for iso3, role in conn.execute(
            "SELECT iso3, role FROM record_countries WHERE record_id = ? ORDER BY rowid", (record_id,))]
        quotes = [q for (q,) in conn.execute("SELECT quote FROM evidence WHERE record_id = ? ORDER BY char_start",
                                             (record_id,))]
        notes = conn.execute("SELECT field, note FROM draft_notes WHERE record_id = ? ORDER BY draft_note_id",
                             (record_id,)).fetchall()
        out.setdefault(doc, []).append({"id": record_id, "confidence": confidence, "kind": kind, "status": status,
                                        "date": date or f"({precision})", "title": title, "countries": countries,
                                        "quotes": quotes, "notes": notes})
    return out


def suggestions_by_document(conn: sqlite3.Connection, document_id: str | None) -> dict[str, list[tuple]]:
    if not _has(conn, "drafts"):
        return {}
    sql = ("SELECT ev.document_id, ev.record_id, r.title, r.status, ev.quote, ev.note FROM evidence AS ev "
           "JOIN records AS r USING (record_id) WHERE ev.suggested = 1"
           + (" AND ev.document_id = ?" if document_id else "") + " ORDER BY ev.document_id, ev.record_id, ev.char_start")
    out: dict[str, list[tuple]] = {}
    for doc, record_id, title, status, quote, note in conn.execute(sql, (document_id,) if document_id else ()):
        out.setdefault(doc, []).append((record_id, title, status, quote, note))
    return out


def print_review(conn: sqlite3.Connection, echo: Callable[[str], None], *, document_id: str | None = None,
                 limit: int = 200, notes: bool = True) -> None:
    drafts = drafts_by_document(conn, document_id)
    suggestions = suggestions_by_document(conn, document_id)
    titles = dict(conn.execute("SELECT document_id, title FROM documents"))
    for doc in sorted(set(drafts) | set(suggestions)):
        echo(f"\n{titles.get(doc, doc)} [{doc}]: drafts, MACHINE-SUGGESTED, not reviewed (seeds/drafts/{doc}.yaml)")
        for d in drafts.get(doc, []):
            echo(f"  {d['id']}  {d['kind']}, {d['status']}, {d['date']}, confidence {d['confidence']:.2f}")
            echo(f"      {d['title']}")
            echo(f"      countries: {', '.join(d['countries']) or 'none'}")
            for quote in d["quotes"]:
                echo(f"      > {quote}")
            if notes:
                for field, note in d["notes"]:
                    echo(f"      - {field}: {note}")
        for record_id, title, status, quote, note in suggestions.get(doc, []):
            echo(f"  add evidence to {record_id} ({title}; recorded as {status}):")
            echo(f"      > {quote}")
            suggests = bool(note) and note.startswith(STATUS_NOTE)  # a change of status: shown even with --no-notes
            if note and (notes or suggests):
                echo(f"      - {'suggests' if suggests else 'why'}: {note}")
    sql = ("SELECT document_id, document_title, published_on, position, char_start, char_end, text, countries, "
           "cooperation_terms, drafted_as FROM review_queue") + (" WHERE document_id = ?" if document_id else "")
    sql += " ORDER BY published_earliest DESC, document_id, position LIMIT ?"
    rows = conn.execute(sql, ((document_id,) if document_id else ()) + (limit,)).fetchall()
    total = conn.execute("SELECT count(*) FROM review_queue" + (" WHERE document_id = ?" if document_id else ""),
                         (document_id,) if document_id else ()).fetchone()[0]
    current = None
    for (doc_id, doc_title, published_on, position, start, end, text, countries, terms, drafted) in rows:
        if doc_id != current:
            current = doc_id
            echo(f"\n{doc_title} ({published_on or 'undated'}) [{doc_id}]: sentences still to decide")
        names = ", ".join(json.loads(countries))
        found = ", ".join(json.loads(terms))
        as_drafts = json.loads(drafted)
        echo(f"  #{position} [{start}:{end}] {names}" + (f"; terms: {found}" if found else "")
             + (f"; drafted as {', '.join(as_drafts)}" if as_drafts else ""))
        echo(f"      {text}")
    count = sum(len(v) for v in drafts.values())
    shown = f"{len(rows)} of {total}" if total > len(rows) else str(total)
    echo(f"\n{count} draft(s) and {sum(len(v) for v in suggestions.values())} suggested quote(s) to accept or reject "
         f"(icadb accept ID / icadb reject ID --reason R); {shown} sentences to review"
         + (" (cite them in seeds/records/ or skip them in seeds/coverage.yaml)" if total else ""))
