"""Commands for drafting: a program drafts records, a person accepts or rejects each."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from icadb.cli.options import CONTEXT, echo_err, project_seeds, report_problems, seeds_option
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
                 + (f"; places to add to the gazetteer: {', '.join(result.places)}" if result.places else ""))
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


def _review_step(func, *args) -> None:
    from icadb.drafting.workflow import WorkflowError
    from icadb.loaders.errors import SeedError

    try:
        step = func(*args)
    except WorkflowError as exc:
        echo_err(f"icadb: {exc}; nothing was changed")
        sys.exit(1)
    except SeedError as exc:
        report_problems(exc)
        echo_err(f"icadb: the seeds would not pass icadb check afterwards ({exc}); nothing was changed")
        sys.exit(1)
    echo_err(step.message + "; icadb check passes. Rebuild (icadb build) to see it.")


@click.command(context_settings=CONTEXT)
@click.argument("draft_id")
@click.option("--as", "new_id", default=None, help="Give the reviewed record this id instead of the draft's.")
@seeds_option
def accept(draft_id: str, new_id: str | None, seeds_dir: Path | None) -> None:
    """Accept a draft as a reviewed record (or a suggestion's quotes for its record).

    A draft moves from seeds/drafts/ to the end of seeds/records/<kind>s.yaml
    with review_status reviewed, without its kind and draft_notes and without
    the "Draft:" prefix of its title; every other line stays as written (edit
    the draft first if it needs it). An add_evidence_to suggestion adds its
    quotes to the record it names. Nothing else in either file changes, so a
    git diff shows one added record. icadb check must pass afterwards, or
    nothing is changed.

    \b
    Example:
        icadb accept dustlik-5-2024-04-15 --as dustlik-2024-termez
        icadb accept ica-nsa-2023-kazakhstan-evidence-2023-10-25
    """
    from icadb.drafting.workflow import accept as run_accept

    _review_step(run_accept, _seeds(seeds_dir), draft_id, new_id)


@click.command(context_settings=CONTEXT)
@click.argument("draft_id")
@click.option("--reason", required=True, type=click.Choice(list(SKIP_REASON)),
              help="Why its sentences hold no record (the reasons of seeds/coverage.yaml).")
@click.option("--note", default=None, help="A sentence on why the draft was wrong, kept with the skip.")
@seeds_option
def reject(draft_id: str, reason: str, note: str | None, seeds_dir: Path | None) -> None:
    """Reject a draft or suggestion; its sentences are skipped with the reason.

    The draft leaves seeds/drafts/, and each of its sentences that no
    reviewed record cites is added to seeds/coverage.yaml as skipped, with
    the reason and a note naming the rejected draft, so the sentence is
    decided and leaves the review queue. icadb check must pass afterwards, or
    nothing is changed.

    \b
    Example:
        icadb reject afg-uzb-exercise-undated --reason background --note "Termez as a venue, no exercise"
    """
    from icadb.drafting.workflow import reject as run_reject

    _review_step(run_reject, _seeds(seeds_dir), draft_id, reason, note)
