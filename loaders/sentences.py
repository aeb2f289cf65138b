"""sentences and mentions: every document split into sentences, and every
mention of a country, organisation, person or series found in them.

Sentences are split by ``icadb.loaders.text.sentences`` (robust to initials, "U.S.",
curly quotes and headlines without full stops) and stored with their
offsets. Mentions come from the gazetteer (the ``aliases`` table): whole
words, longest name first. Each sentence also records the cooperation terms
it uses (``seeds/reference/cooperation_terms.yaml``) and the phrases that
stand for the article's parties ("the two sides";
``seeds/reference/party_phrases.yaml``), which the review queue reads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator

from icadb.loaders.context import LoadContext
from icadb.loaders.fields import Field, spec
from icadb.loaders.text import Gazetteer, sentences, trie_pattern
from icadb.loaders.writer import Writer
from icadb.loaders.yamlread import iter_records

ID_COLUMN = {"country": "iso3", "organization": "org_id", "person": "person_id", "series": "series_id"}
TERMS_SPEC = spec(Field("group", expected="what the terms are about"), Field("terms", "texts", min_items=1))
SENTENCE_COLUMNS = ("sentence_id", "document_id", "position", "char_start", "char_end", "text", "cooperation_terms",
                    "party_phrases")
MENTION_COLUMNS = ("document_id", "sentence_id", "entity_type", "iso3", "org_id", "person_id", "series_id",
                   "char_start", "char_end", "surface")
TABLES = {"sentences": SENTENCE_COLUMNS, "mentions": MENTION_COLUMNS}  # what this loader fills, in order


def terms_pattern(ctx: LoadContext, filename: str) -> re.Pattern | None:
    """One pattern for the terms of ``seeds/reference/<filename>`` (groups of
    terms), or None when the file is missing or lists none (both files are
    optional: without them the review queue goes by countries alone)."""
    path = ctx.seeds / "reference" / filename
    terms: list[str] = []
    if not path.exists():
        return None
    for line, record in iter_records(path, ctx.problems):
        values, ok = ctx.check_fields_partly(path, record, TERMS_SPEC)
        if ok:
            terms += [term for term, _line in values["terms"]]
    if not terms:
        return None
    # One trie-shaped alternation (the longest term first at each position, as
    # a plain longest-first alternation would): about twice as fast to scan.
    words = sorted({t.strip().lower() for t in terms}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + trie_pattern(words) + r")(?![\w-])", re.IGNORECASE)


def cooperation_terms(ctx: LoadContext) -> re.Pattern | None:
    """The words that mark a sentence as being about security cooperation."""
    return terms_pattern(ctx, "cooperation_terms.yaml")


def party_phrases(ctx: LoadContext) -> re.Pattern | None:
    """The phrases that stand for an article's parties without naming them ("the two sides")."""
    return terms_pattern(ctx, "party_phrases.yaml")


def _found(pattern: re.Pattern | None, text: str) -> str:
    """The JSON array of what *pattern* finds in *text*, lower-cased, sorted, once each."""
    return json.dumps(sorted({m.group(0).lower() for m in pattern.finditer(text)}) if pattern else [])


def sentence_rows(documents: Iterable[tuple[str, str]], gazetteer: Gazetteer,
                  terms: re.Pattern | None, parties: re.Pattern | None = None) -> Iterator[tuple[str, tuple]]:
    """("sentences" or "mentions", row) for every sentence and mention of
    *documents* ((document_id, text) in document_id order); sentence ids count from 1."""
    sentence_id = 0
    for document_id, text in documents:
        for sentence in sentences(text):
            sentence_id += 1
            yield "sentences", (sentence_id, document_id, sentence.index + 1, sentence.start, sentence.end,
                                sentence.text, _found(terms, sentence.text), _found(parties, sentence.text))
            for mention in gazetteer.mentions(text, sentence.start, sentence.end):
                ids = dict.fromkeys(ID_COLUMN.values())
                ids[ID_COLUMN[mention.entity_type]] = mention.entity_id
                yield "mentions", (document_id, sentence_id, mention.entity_type, ids["iso3"], ids["org_id"],
                                   ids["person_id"], ids["series_id"], mention.start, mention.end, mention.surface)


def load(ctx: LoadContext, writer: Writer) -> None:
    """Tag every document, in document_id order."""
    writer.flush()
    for table, columns in TABLES.items():
        writer.table(table, columns)
    gazetteer = Gazetteer.from_db(ctx.conn)
    terms, parties = cooperation_terms(ctx), party_phrases(ctx)
    documents = ctx.conn.execute("SELECT document_id, text FROM documents ORDER BY document_id").fetchall()
    origin = (ctx.seeds / "documents", 0)
    with ctx.progress.stage("sentences and mentions", total=len(documents)) as task:
        last = None
        for table, row in sentence_rows(documents, gazetteer, terms, parties):
            writer.add(table, row, origin)
            if row[1] != last and table == "sentences":
                last = row[1]
                task.advance()
