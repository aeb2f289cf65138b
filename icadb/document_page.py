"""What the document page (``/icadb/documents/<document_id>``) shows: the
article as paragraphs, every quote a record cites marked and linked to its
records, the sentences the review queue still holds (no record cites them)
marked as uncited, quotes a program suggested marked as suggested, and the
words each side of a conflict quotes, named by the kind of conflict.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from icadb.passages import Span, marked, paragraphs
from icadb.db import dicts, first
from icadb.record_page import date_facts, meaning, written_date
from icadb.reviewed import DRAFT


# What a quote in a conflict is, in a word (CONFLICT_TYPE in schema/vocab.py says it in a sentence): only a
# contradiction disputes what the quote says; most conflicts record a vague reference or a judgement.
CONFLICT_WORDS = {"contradiction": "contradicted", "vague_reference": "vague", "attendance": "attendance unclear",
                  "possible_duplicate": "possible duplicate", "unverified_claim": "unverified",
                  "inference": "inferred", "one_sided_account": "one side's account"}


# The review queue's sentences in one document. The view looks at every mention to decide, so on a large
# corpus it is the page's one slow query: Datasette runs it under its time limit and passes the rows in.
QUEUE_SQL = """
    select sentence_id, position, char_start, char_end, countries, cooperation_terms, party_phrases, drafted_as
    from review_queue where document_id = ? order by position"""


def document_page(conn: sqlite3.Connection, document_id: str, queue: list[dict[str, Any]] | None = None,
                  *, queue_shown: bool = True) -> dict[str, Any] | None:
    """Everything the document page shows about *document_id* (None if there is no such document).

    *queue* is the document's rows of review_queue (QUEUE_SQL), read here when not given;
    *queue_shown* False says they could not be read in time, so none are marked."""
    doc = first(conn, "select * from documents where document_id = ?", document_id)
    if doc is None:
        return None
    quotes = dicts(conn, """
        select ev.evidence_id, ev.record_id, ev.quote, ev.char_start, ev.char_end, ev.note, ev.suggested,
            rec.title, rec.kind, rec.review_status
        from evidence as ev inner join records as rec on rec.record_id = ev.record_id
        where ev.document_id = ? order by ev.char_start, ev.record_id""", document_id)
    if queue is None and queue_shown:
        queue = dicts(conn, QUEUE_SQL, document_id)
    queue = [dict(row) for row in queue or []]
    in_conflicts = dicts(conn, """
        select cq.conflict_id, cq.char_start, cq.char_end, cq.claim, con.title, con.conflict_type
        from conflict_quotes as cq inner join conflicts as con on con.conflict_id = cq.conflict_id
        where cq.document_id = ? order by cq.char_start""", document_id)
    spans = []
    for quote in quotes:
        suggested = bool(quote["suggested"]) or quote["review_status"] == DRAFT
        spans.append(Span(quote["char_start"], quote["char_end"], "suggested" if suggested else "cited", quote,
                          key=quote["record_id"]))
    for sentence in queue:
        for name in ("countries", "cooperation_terms", "party_phrases", "drafted_as"):
            sentence[name] = json.loads(sentence[name] or "[]")
        spans.append(Span(sentence["char_start"], sentence["char_end"], "uncited", sentence,
                          key=str(sentence["sentence_id"])))
    for quote in in_conflicts:
        quote["type_meaning"] = meaning("conflict_type", quote["conflict_type"])
        quote["word"] = CONFLICT_WORDS.get(quote["conflict_type"], quote["conflict_type"].replace("_", " "))
        spans.append(Span(quote["char_start"], quote["char_end"], "conflict", quote, key=quote["conflict_id"]))
    # Every sentence and every skipped passage starts with an anchor (#at-<char_start>), so that links from
    # sentences, coverage_skips or the review queue land on it; "sentence" spans mark nothing.
    spans += [Span(start, end, "sentence") for start, end in conn.execute(
        "select char_start, char_end from sentences where document_id = ? union "
        "select char_start, char_end from coverage_skips where document_id = ? order by 1", (document_id, document_id))]

    records: dict[str, dict[str, Any]] = {}
    for quote in quotes:
        entry = records.setdefault(quote["record_id"], {
            "record_id": quote["record_id"], "title": quote["title"], "kind": quote["kind"],
            "review_status": quote["review_status"], "quotes": 0, "suggested": 0, "first": quote["char_start"]})
        entry["suggested" if quote["suggested"] else "quotes"] += 1

    ordered = sorted(records.values(), key=lambda r: (r["first"], r["record_id"]))
    for number, entry in enumerate(ordered, 1):
        entry["number"] = number  # the page shows it after every quote of the record
    for span in spans:
        if span.kind in ("cited", "suggested"):
            span.info["number"] = records[span.key]["number"]

    text = doc.pop("text")
    doc["written_date"] = written_date(doc["published_on"], doc["date_precision"])
    return {
        "document": doc,
        "date": date_facts(doc),
        "title_meaning": meaning("title_basis", doc["title_basis"]),
        "paragraphs": [{"position": p.position, "start": p.start, "kind": p.kind, "runs": marked(p, spans)}
                       for p in paragraphs(text)],
        "records": ordered,
        "cited": sum(1 for s in spans if s.kind == "cited"),
        "suggested": sum(1 for s in spans if s.kind == "suggested"),
        "uncited": len(queue),
        "queue_shown": queue_shown,
        "in_conflicts": len(in_conflicts),
        "data_version": (first(conn, "select data_version from build_info") or {}).get("data_version"),
    }
