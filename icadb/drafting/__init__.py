"""Drafting: a new article becomes draft records for a person to review.

The pipeline, one step per module, each testable on its own::

    sentences  -> reading.read_sentences   the project's splitter; headline and page furniture marked
    mentions   -> reading.read_sentences   the gazetteer: countries, people, organisations, series
    triggers   -> triggers.find_triggers   the words that mark an event, and the status their tense gives
    context    -> context.build            the article's parties and the event in focus, for "the two sides"
    frames     -> frames.frames_of         per event a predicate tells (frame.py), one module per step:
                                           clauses, roles, references, names (office holders: people.py),
                                           places, editions, figures, event_dates, splits
    events     -> events.merge             one event, one record: frames that tell the same event, merged
    decisions  -> decisions.link           proposals and decisions made at a meeting: its parties, made_at
               -> events.match_existing    events a record already holds become add_evidence_to
    drafts     -> compose.compose          records in the seeds' format, with draft_notes

The rules are data (``seeds/reference/drafting_rules.yaml``); what the
drafter knows beforehand (gazetteer, places, series, the records already
there) is read from a build of the seeds (``knowledge.from_database``).
Nothing is downloaded and no model is loaded: rules over the project's own
gazetteer and vocabularies, measured by ``benchmarks/drafting.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icadb.drafting import decisions
from icadb.drafting import events as event_steps
from icadb.drafting.compose import DraftSet, compose
from icadb.drafting.frames import frames_of
from icadb.drafting.knowledge import Knowledge
from icadb.drafting.reading import read_sentences
from icadb.drafting.rules import Rules

PIPE_NAMES = ("sentences", "mentions", "triggers", "frames", "events", "drafts")


@dataclass(frozen=True)
class Article:
    document_id: str
    text: str
    published_earliest: dt.date
    published_latest: dt.date
    publisher: str | None = None


def draft(article: Article, kb: Knowledge, rules: Rules, *, match_existing: bool = True,
          taken: set[str] | None = None) -> DraftSet:
    """Draft records from *article*: the whole pipeline. *taken*: ids already
    given to drafts of other documents drafted with the same knowledge."""
    readings = read_sentences(article.text, kb, rules, article.publisher, article.published_latest)
    frames = frames_of(readings, rules, kb, article.published_latest, article.text)
    events = event_steps.merge(frames)
    decisions.link(events, article.published_latest)
    event_steps.infer_series(events, kb, rules)
    kept = []
    skipped = []
    for event in events:
        if match_existing:
            event_steps.match_existing(event, kb, article.document_id, rules, article.published_latest.isoformat())
        if event_steps.mere_mention(event, rules):
            skipped.append(f"sentence {event.main.reading.position}: names the series {event.existing.record_id} "
                           "without telling it as a standing activity (no evidence for that record)")
            continue
        if event.existing is None and not event_steps.standalone(event):
            skipped.append(f"sentence {event.main.reading.position}: a {event.kind} without the countries to draft it")
            continue
        kept.append(event)
    result = compose(kept, article.document_id, article.text, article.published_latest, article.published_earliest,
                     kb, rules, taken)
    result.skipped = skipped
    result.furniture = [(r.text, r.furniture_why) for r in readings if r.furniture]
    return result
