"""Commands for the curators: what still needs a record."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from icadb.cli.options import (
    CONTEXT,
    db_option,
    open_database,
    resolve_db,
)


@click.command(context_settings=CONTEXT)
@db_option
@click.option("--document", "document_id", default=None, help="Only this document (its id).")
@click.option("--all", "show_all", is_flag=True, help="Also list the sentences already cited or skipped.")
def coverage(db_path: Path | None, document_id: str | None, show_all: bool) -> None:
    """List source sentences that may report an event but no reviewed record cites.

    The curator's to-do list: every sentence that names a country, an
    organisation or a series (or uses a cooperation term with "the two sides"
    or the like in an article that names India) should either back a record
    (an evidence quote in seeds/records/) or be skipped with a reason in
    seeds/coverage.yaml. A draft (seeds/drafts/) does not decide a sentence:
    it is listed as drafted until accepted or rejected. Exits 1 while any
    sentence is undecided.

    \b
    Example:
        icadb coverage
        icadb coverage --document 2022-12-diplomat-india-central-asia-relations --all
    """
    from icadb.coverage import coverage as compute

    conn = open_database(resolve_db(db_path, sqlite_only="coverage"))
    statuses = compute(conn, document_id)
    undecided = [s for s in statuses if not s.decided]
    current = None
    for status in statuses:
        if not (show_all or not status.decided):
            continue
        if status.document_id != current:
            current = status.document_id
            click.echo(f"\n{current}")
        sentence = status.sentence
        names = ", ".join(sorted({m.entity_id for m in status.mentions}))
        if status.cited_by:
            state = "cited by " + ", ".join(status.cited_by)
        elif status.skipped:
            state = "skipped: " + ", ".join(status.skipped)
        elif status.drafted_as:
            state = "UNDECIDED, drafted as " + ", ".join(status.drafted_as) + " (not reviewed)"
        else:
            state = "UNDECIDED"
        click.echo(f"  [{sentence.start}:{sentence.end}] {state} ({names})")
        click.echo(f"      {sentence.text}")
    documents = len({s.document_id for s in statuses})
    click.echo(f"\n{len(statuses)} sentences in {documents} documents need a decision: "
               f"{sum(bool(s.cited_by) for s in statuses)} cited, "
               f"{sum(bool(s.skipped) and not s.cited_by for s in statuses)} skipped, {len(undecided)} undecided")
    sys.exit(1 if undecided else 0)


@click.command(context_settings=CONTEXT)
@db_option
@click.option("--document", "document_id", default=None, help="Only this document (its id).")
@click.option("-n", "--limit", default=200, show_default=True, help="Show at most this many queued sentences.")
@click.option("--notes/--no-notes", default=True, show_default=True, help="Show how each draft's fields were read.")
def review(db_path: Path | None, document_id: str | None, limit: int, notes: bool) -> None:
    """Print what awaits review: each document's drafts, then its queued sentences.

    Drafts (seeds/drafts/, from icadb draft) are listed per document with
    their kind, status, date, countries and roles, quotes and draft_notes;
    suggestions to add quotes to a record already there, with their quotes.
    Accept or reject each (icadb accept / icadb reject). Then the review
    queue: sentences that may report an event and that no reviewed record
    cites yet, nor seeds/coverage.yaml skips (Datasette's review_queue view).

    \b
    Example:
        icadb review
        icadb review --document 2026-11-20-india-and-kazakhstan-hold-talks --no-notes
    """
    from icadb.review_listing import print_review

    conn = open_database(resolve_db(db_path, sqlite_only="review"))
    print_review(conn, click.echo, document_id=document_id, limit=limit, notes=notes)
