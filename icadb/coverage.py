"""Coverage: which sentences of the sources still need a curator's decision.

A sentence needs a decision when it names a country, an organisation, a
series or a person (by any name in the gazetteer), or uses a phrase that
stands for the article's parties ("the two sides", "Central Asian states";
``seeds/reference/party_phrases.yaml``), or uses a cooperation term in a
document that names India: every sentence the review queue can hold, and
more. Each must be either cited by an evidence
quote of a reviewed record (or a conflict quote), or skipped in
``seeds/coverage.yaml`` with a reason. A draft does not decide it: a sentence
cited only by machine-suggested records or quotes is listed as drafted, and
stays undecided until a person accepts or rejects the draft. ``icadb
coverage`` lists the rest: the curator's to-do list.

It reads the sentences and mentions the build stored, so it sees exactly
what ``review_queue`` sees.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from icadb.loaders.text import Mention, Sentence

NEEDS_DECISION = """
select sen.sentence_id, sen.document_id, sen.position, sen.char_start, sen.char_end, sen.text
from sentences as sen
inner join documents as doc on doc.document_id = sen.document_id
where (
    exists (select 1 from mentions as men where men.sentence_id = sen.sentence_id)
    or sen.party_phrases <> '[]'
    or (
        sen.cooperation_terms <> '[]'
        and exists (select 1 from mentions as men where men.document_id = sen.document_id and men.iso3 = 'IND')
    )
)
{where}
order by doc.published_earliest, sen.document_id, sen.position
"""


@dataclass
class SentenceStatus:
    document_id: str
    sentence: Sentence
    mentions: list[Mention]
    cited_by: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    drafted_as: list[str] = field(default_factory=list)

    @property
    def decided(self) -> bool:
        return bool(self.cited_by or self.skipped)


def _spans(conn: sqlite3.Connection, sql: str) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for document_id, start, end, label in conn.execute(sql):
        out[document_id].append((start, end, label))
    return out


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def coverage(conn: sqlite3.Connection, document_id: str | None = None) -> list[SentenceStatus]:
    """Every sentence that needs a decision, with how it is settled."""
    drafts = "suggested" in _columns(conn, "evidence")  # a database built before drafts has none
    reviewed = " AND ev.suggested = 0 AND rec.review_status <> 'machine_suggested'" if drafts else ""
    cited = _spans(conn, "SELECT ev.document_id, ev.char_start, ev.char_end, ev.record_id FROM evidence AS ev "
                         f"JOIN records AS rec ON rec.record_id = ev.record_id WHERE 1{reviewed} "
                         "UNION ALL SELECT document_id, char_start, char_end, 'conflict:' || conflict_id FROM conflict_quotes")
    drafted = _spans(conn, "SELECT ev.document_id, ev.char_start, ev.char_end, ev.record_id FROM evidence AS ev "
                           "JOIN records AS rec ON rec.record_id = ev.record_id "
                           "WHERE ev.suggested = 1 OR rec.review_status = 'machine_suggested'") if drafts else {}
    skipped = _spans(conn, "SELECT document_id, char_start, char_end, reason FROM coverage_skips")
    mentions: dict[int, list[Mention]] = defaultdict(list)
    params: tuple = ()
    where = ""
    if document_id is not None:
        where, params = "and sen.document_id = ?", (document_id,)
    for sentence_id, start, end, surface, entity_type, entity_id in conn.execute(
            "SELECT men.sentence_id, men.char_start, men.char_end, men.surface, men.entity_type, "
            "coalesce(men.iso3, men.org_id, men.person_id, men.series_id) FROM mentions AS men "
            + ("WHERE men.document_id = ? " if document_id else "") + "ORDER BY men.sentence_id, men.char_start",
            params):
        mentions[sentence_id].append(Mention(start, end, surface, entity_type, entity_id))
    out: list[SentenceStatus] = []
    for sentence_id, doc_id, position, start, end, text in conn.execute(NEEDS_DECISION.format(where=where), params):
        sentence = Sentence(position - 1, start, end, text)
        status = SentenceStatus(doc_id, sentence, [m for m in mentions.get(sentence_id, ())
                                                   ])

        def overlapping(spans: dict[str, list[tuple[int, int, str]]]) -> list[str]:
            return sorted({label for s, e, label in spans.get(doc_id, ()) if s < end and e > start})
        status.cited_by = overlapping(cited)
        status.skipped = overlapping(skipped)
        status.drafted_as = [d for d in overlapping(drafted) if d not in status.cited_by]
        out.append(status)
    return out
