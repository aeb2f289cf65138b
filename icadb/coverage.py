"""Coverage: which sentences of the sources still need a curator's decision.

A sentence that mentions a country or an organisation (by any name in the
gazetteer) must be either cited by an evidence quote (or a conflict quote),
or skipped in ``seeds/coverage.yaml`` with a reason. ``icadb coverage``
lists the rest: the curator's to-do list.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from icadb.text import Gazetteer, Mention, Sentence, sentences


@dataclass
class SentenceStatus:
    document_id: str
    sentence: Sentence
    mentions: list[Mention]
    cited_by: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def decided(self) -> bool:
        return bool(self.cited_by or self.skipped)


def _spans(conn: sqlite3.Connection, sql: str) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for document_id, start, end, label in conn.execute(sql):
        out[document_id].append((start, end, label))
    return out


def coverage(conn: sqlite3.Connection, document_id: str | None = None) -> list[SentenceStatus]:
    """Every sentence that mentions a country or organisation, with how it is settled."""
    gazetteer = Gazetteer.from_db(conn)
    cited = _spans(conn, "SELECT document_id, char_start, char_end, record_id FROM evidence "
                         "UNION ALL SELECT document_id, char_start, char_end, 'conflict:' || conflict_id FROM conflict_quotes")
    skipped = _spans(conn, "SELECT document_id, char_start, char_end, reason FROM coverage_skips")
    rows = conn.execute("SELECT document_id, text FROM documents ORDER BY published_earliest, document_id").fetchall()
    out: list[SentenceStatus] = []
    for doc_id, text in rows:
        if document_id is not None and doc_id != document_id:
            continue
        for sentence in sentences(text):
            found = [m for m in gazetteer.mentions(text, sentence.start, sentence.end)
                     if m.entity_type in ("country", "organization")]
            if not found:
                continue
            status = SentenceStatus(doc_id, sentence, found)
            overlaps = lambda span: span[0] < sentence.end and span[1] > sentence.start  # noqa: E731
            status.cited_by = sorted({label for *span, label in cited.get(doc_id, ()) if overlaps(span)})
            status.skipped = sorted({label for *span, label in skipped.get(doc_id, ()) if overlaps(span)})
            out.append(status)
    return out
