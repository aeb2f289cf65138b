"""Which rows are reviewed data: what exports, ``icadb.read`` and the canned
queries give unless asked to include drafts.

A draft is a record whose ``review_status`` is ``machine_suggested`` (drafted
by ``icadb draft``), and a suggested quote is an evidence row with
``suggested = 1`` (a draft's ``add_evidence_to``). Neither may pass for
reviewed data: every reader that leaves them out asks this module how.

- Tables and views with a ``review_status`` column keep the rows whose status
  is not ``machine_suggested`` (timeline, evidence_trail, india_dyads, ...;
  evidence_trail marks suggested quotes that way too).
- ``evidence`` keeps the quotes that are not suggested, of reviewed records.
- Other tables with a ``record_id`` keep the rows of reviewed records
  (meetings, record_countries, figures, conflict_records, ...).
- ``drafts`` and ``draft_notes`` hold nothing else, so they are left out whole.
- Everything else (reference data, documents, sentences, aggregates that
  already count drafts apart, such as country_activity) is kept as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

DRAFT = "machine_suggested"
DRAFT_TABLES = frozenset({"drafts", "draft_notes"})  # they hold drafts only
REVIEWED_RECORDS = f"select rec.record_id from records as rec where rec.review_status <> '{DRAFT}'"


def reviewed_only(name: str, columns: Iterable[str]) -> str | None:
    """The SQL condition that keeps only reviewed rows of the table or view
    *name* (with *columns*), or None when every row is reviewed data.

    Raises ValueError for a table that holds drafts only (leave it out)."""
    if name in DRAFT_TABLES:
        raise ValueError(f"{name} holds drafts only")
    columns = set(columns)
    if "review_status" in columns:
        return f"review_status <> '{DRAFT}'"
    if name == "evidence":
        return f"suggested = 0 and record_id in ({REVIEWED_RECORDS})"
    if "record_id" in columns:
        return f"record_id in ({REVIEWED_RECORDS})"
    return None


def is_draft_table(name: str) -> bool:
    return name in DRAFT_TABLES
