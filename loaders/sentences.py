"""sentences and mentions: every document split into sentences, and every
mention of a country, organisation, person or series found in them.

Sentences are split by ``icadb.text.sentences`` (robust to initials, "U.S.",
curly quotes and headlines without full stops) and stored with their
offsets. Mentions come from the gazetteer (the ``aliases`` table): whole
words, longest name first. Each sentence also records the cooperation terms
it uses (``seeds/reference/cooperation_terms.yaml``), which the review queue
reads.
"""

from __future__ import annotations

import json
import re

from icadb.loaders.common import Field, LoadContext, Writer, spec
from icadb.text import Gazetteer, sentences
from icadb.yamlstream import iter_records

ID_COLUMN = {"country": "iso3", "organization": "org_id", "person": "person_id", "series": "series_id"}
TERMS_SPEC = spec(Field("group", expected="what the terms are about"), Field("terms", "texts", min_items=1))


def cooperation_terms(ctx: LoadContext) -> re.Pattern | None:
    path = ctx.seeds / "reference" / "cooperation_terms.yaml"
    terms: list[str] = []
    if not path.exists():  # optional: without it the review queue goes by Central Asian states alone
        return None
    for line, record in iter_records(path, ctx.problems):
        values, ok = ctx.check_fields_partly(path, record, TERMS_SPEC)
        if ok:
            terms += [term for term, _line in values["terms"]]
    if not terms:
        return None
    words = sorted({t.strip() for t in terms}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)


def load(ctx: LoadContext, writer: Writer) -> None:
    writer.flush()
    gazetteer = Gazetteer.from_db(ctx.conn)
    terms = cooperation_terms(ctx)
    writer.table("sentences", ("sentence_id", "document_id", "position", "char_start", "char_end", "text",
                               "cooperation_terms"))
    writer.table("mentions", ("document_id", "sentence_id", "entity_type", "iso3", "org_id", "person_id",
                              "series_id", "char_start", "char_end", "surface"))
    documents = ctx.conn.execute("SELECT document_id, text FROM documents ORDER BY document_id")
    origin = (ctx.seeds / "documents", 0)
    with ctx.progress.stage("sentences and mentions") as task:
        for document_id, text in documents:
            task.advance()
            for sentence in sentences(text):
                sentence_id = ctx.next_id("sentences")
                found = sorted({m.group(0).lower() for m in terms.finditer(sentence.text)}) if terms else []
                writer.add("sentences", (sentence_id, document_id, sentence.index + 1, sentence.start, sentence.end,
                                         sentence.text, json.dumps(found)), origin)
                for mention in gazetteer.mentions(text, sentence.start, sentence.end):
                    ids = {column: None for column in ID_COLUMN.values()}
                    ids[ID_COLUMN[mention.entity_type]] = mention.entity_id
                    writer.add("mentions", (document_id, sentence_id, mention.entity_type, ids["iso3"], ids["org_id"],
                                            ids["person_id"], ids["series_id"], mention.start, mention.end,
                                            mention.surface), origin)
    writer.flush()
