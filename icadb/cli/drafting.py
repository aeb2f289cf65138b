"""Commands for drafting: a program drafts records, a person accepts or rejects each."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from icadb.cli.options import (CONTEXT, db_option, echo_err, project_seeds, report_problems, resolve_db, run_build,
                               seeds_option)
from icadb.schema.vocab import SKIP_REASON


def _seeds(seeds_dir: Path | None) -> Path:
    return project_seeds(seeds_dir)


def run_drafting(seeds: Path, document_ids: list[str]) -> int:
    """Draft the documents; print what was written; return the exit code."""
    from icadb.drafting.workflow import WorkflowError, draft_documents
    from icadb.loaders.errors import SeedError, display_path

    try:
        written = draft_documents(seeds, document_ids)
    except WorkflowError as exc:
        echo_err(f"icadb: {exc}; nothing was drafted")
        return 1
    except SeedError as exc:
        report_problems(exc)
        echo_err(f"icadb: the drafts did not pass the checks ({exc}); nothing was drafted")
        return 1
    for done in written:
        result = done.result
        echo_err(f"wrote {display_path(done.path)}: {len(result.drafts)} draft record(s), "
                 f"{len(result.suggestions)} suggestion(s) to add evidence to records already there"
                 + (f"; places to add to the gazetteer: {', '.join(result.places)}" if result.places else "")
                 + (f"; {done.furniture_skipped} line(s) of page furniture skipped in seeds/coverage.yaml"
                    if done.furniture_skipped else ""))
    return 0


@click.command(context_settings=CONTEXT)
@click.argument("document_ids", nargs=-1, required=True)
@seeds_option
def draft(document_ids: tuple[str, ...], seeds_dir: Path | None) -> None:
    """Draft records from documents, for a person to review (seeds/drafts/).

    For each document in seeds/documents/, writes seeds/drafts/<id>.yaml:
    draft records in the format of seeds/records/*.yaml (any kind), each
    machine_suggested, with draft_notes saying how every field was read, and
    suggestions to add evidence to records already there (add_evidence_to)
    where the document retells an event already recorded. The drafts pass
    icadb check, or nothing is written. Drafting a document again replaces
    its drafts. Rebuild (icadb build) to see them in Datasette.

    \b
    Example:
        icadb draft 2026-11-20-india-and-kazakhstan-hold-talks
        icadb review --document 2026-11-20-india-and-kazakhstan-hold-talks
    """
    sys.exit(run_drafting(_seeds(seeds_dir), list(document_ids)))


def _review_step(func, seeds: Path, *args, db_path=None, no_build: bool = False) -> None:
    """Run an accept or reject step, then rebuild the database (as add-document
    does), so that Datasette and icadb review show the change at once."""
    from icadb.drafting.workflow import WorkflowError
    from icadb.loaders.errors import SeedError

    try:
        step = func(seeds, *args)
    except WorkflowError as exc:
        for line in exc.located:
            echo_err(line)
        echo_err(f"icadb: {exc}; nothing was changed")
        sys.exit(1)
    except SeedError as exc:
        report_problems(exc)
        echo_err(f"icadb: the seeds would not pass icadb check afterwards ({exc}); nothing was changed")
        sys.exit(1)
    if no_build:
        echo_err(step.message + "; icadb check passes. Rebuild (icadb build) to see it.")
        return
    echo_err(step.message + "; icadb check passes.")
    code = run_build(resolve_db(db_path), quiet=False, seeds_dir=seeds)
    if code:
        echo_err("icadb: the change is in the seeds, but the rebuild failed; run icadb build")
        sys.exit(code)


@click.command(context_settings=CONTEXT)
@click.argument("draft_id")
@click.option("--as", "new_id", default=None, help="Give the reviewed record this id instead of the draft's.")
@click.option("--no-build", is_flag=True, help="Only change the seeds; do not rebuild the database.")
@db_option
@seeds_option
def accept(draft_id: str, new_id: str | None, no_build: bool, db_path: str | None, seeds_dir: Path | None) -> None:
    """Accept a draft as a reviewed record (or a suggestion's quotes for its record).

    A draft moves from seeds/drafts/ to the end of seeds/records/<kind>s.yaml
    with review_status reviewed, without its kind and draft_notes; every other
    line stays as written. Edit it first: a draft whose title still starts
    "Draft:" or whose summary still starts "Machine-drafted", or whose made_at
    or sidelines_of names a record that is still a draft, is refused with the
    line to edit. An add_evidence_to suggestion adds its quotes to the record
    it names, and sets that record's status to its suggest_status if it has
    one; a planned record reported as held (or signed ...) also takes the
    suggested date, since the date it was planned for is not the date it took
    place, and the old one is kept in its date_note. Comments, key order and the other records stay as they were, so a git
    diff shows one change. icadb check must pass afterwards, or nothing is
    changed; then the database is rebuilt (--no-build: not).

    \b
    Example:
        icadb accept dustlik-5-2024-04-15 --as dustlik-2024-termez
        icadb accept ica-nsa-2023-kazakhstan-evidence-2023-10-25 --db icadb.sqlite
    """
    from icadb.drafting.workflow import accept as run_accept

    _review_step(run_accept, _seeds(seeds_dir), draft_id, new_id, db_path=db_path, no_build=no_build)


@click.command(context_settings=CONTEXT)
@click.argument("draft_id")
@click.option("--reason", required=True, type=click.Choice(list(SKIP_REASON)),
              help="Why its sentences hold no record (the reasons of seeds/coverage.yaml).")
@click.option("--note", default=None, help="A sentence on why the draft was wrong, kept with the skip.")
@click.option("--no-build", is_flag=True, help="Only change the seeds; do not rebuild the database.")
@db_option
@seeds_option
def reject(draft_id: str, reason: str, note: str | None, no_build: bool, db_path: str | None,
           seeds_dir: Path | None) -> None:
    """Reject a draft or suggestion; its sentences are skipped with the reason.

    The draft leaves seeds/drafts/, and each of its sentences that no
    reviewed record cites is added to seeds/coverage.yaml as skipped, with
    the reason and a note naming the rejected draft, so the sentence is
    decided and leaves the review queue. icadb check must pass afterwards, or
    nothing is changed; then the database is rebuilt (--no-build: not).

    \b
    Example:
        icadb reject afg-uzb-exercise-undated --reason background --note "Termez as a venue, no exercise"
    """
    from icadb.drafting.workflow import reject as run_reject

    _review_step(run_reject, _seeds(seeds_dir), draft_id, reason, note, db_path=db_path, no_build=no_build)
