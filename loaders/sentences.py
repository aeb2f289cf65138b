"""sentences and mentions: every document split into sentences, and every
mention of a country, organisation, person or series found in them.

Sentences are split by ``icadb.text.sentences`` (robust to initials, "U.S.",
curly quotes and headlines without full stops) and stored with their
offsets. Mentions come from the gazetteer (the ``aliases`` table): whole
words, longest name first. Each sentence also records the cooperation terms
it uses (``seeds/reference/cooperation_terms.yaml``) and the phrases that
stand for the article's parties ("the two sides";
``seeds/reference/party_phrases.yaml``), which the review queue reads.

A large corpus (``icadb.yamlstream.process_min_bytes()`` of text or more) is
split and tagged in a process of its own, started as soon as the documents
and aliases are loaded (:func:`prepare`), so that it runs on the second core
while the records load; it writes its rows to a scratch SQLite file beside
the build, which :func:`load` then copies in whole. A smaller corpus is
tagged in the building process into the same scratch file, copied the same
way: both ways give the same rows (they share :func:`sentence_rows`) and the
same bytes of the built file.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from icadb.loaders import pgwriter
from icadb.loaders.context import LoadContext, start_process
from icadb.loaders.fields import Field, spec
from icadb.loaders.writer import Writer, insert_sql
from icadb.loaders.documents import document_dir
from icadb.text import Gazetteer, sentences, trie_pattern
from icadb.yamlstream import iter_records, process_min_bytes

ID_COLUMN = {"country": "iso3", "organization": "org_id", "person": "person_id", "series": "series_id"}
TERMS_SPEC = spec(Field("group", expected="what the terms are about"), Field("terms", "texts", min_items=1))
SENTENCE_COLUMNS = ("sentence_id", "document_id", "position", "char_start", "char_end", "text", "cooperation_terms",
                    "party_phrases")
MENTION_COLUMNS = ("document_id", "sentence_id", "entity_type", "iso3", "org_id", "person_id", "series_id",
                   "char_start", "char_end", "surface")
TABLES = {"sentences": SENTENCE_COLUMNS, "mentions": MENTION_COLUMNS}  # what this loader fills, in order
PREPARE_AFTER = ("documents", "aliases")  # what prepare() needs loaded


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


# -------------------------------------------------- in a process of its own

def _tag_into(scratch: str, documents: Iterable[tuple[str, str]], gazetteer: Gazetteer, terms: re.Pattern | None,
              parties: re.Pattern | None, schema: dict[str, tuple[str, list[str]]],
              digests: list[tuple[str, str]]) -> None:
    """Write the sentences and mentions of *documents* into a new SQLite file at *scratch*.

    The tables are made by the build's own CREATE TABLE and CREATE INDEX
    statements (*schema*: table -> (table sql, index sqls)), so the build can
    copy them whole (see :func:`_copy_tagged`); *digests* ((document_id,
    SHA-256 of its text), filled while *documents* is read) go in a table
    ``texts``, and a table ``finished`` is written last."""
    conn = sqlite3.connect(scratch, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    for table_sql, _indexes in schema.values():
        conn.execute(table_sql)
    conn.execute("CREATE TABLE texts (document_id, sha256)")
    conn.execute("BEGIN")
    batches: dict[str, list] = {table: [] for table in TABLES}
    sql = {table: insert_sql(table, columns) for table, columns in TABLES.items()}
    for table, row in sentence_rows(documents, gazetteer, terms, parties):
        batch = batches[table]
        batch.append(row)
        if len(batch) >= 5000:
            conn.executemany(sql[table], batch)
            batch.clear()
    for table, batch in batches.items():
        conn.executemany(sql[table], batch)
    for _table_sql, indexes in schema.values():  # built once, after the rows (one sort each)
        for index_sql in indexes:
            conn.execute(index_sql)
    conn.executemany("INSERT INTO texts VALUES (?, ?)", digests)
    conn.execute("CREATE TABLE finished (ok)")  # written last: the file is complete
    conn.execute("COMMIT")
    conn.close()


def _tagger_process(scratch: str, files: list[tuple[str, str]], gazetteer: tuple, terms: tuple | None,
                    parties: tuple | None, schema: dict[str, tuple[str, list[str]]]) -> None:
    """Read each document's text file, write its sentences and mentions to *scratch*
    (with each text's SHA-256, so the build can make sure it tagged the very
    text it stored)."""
    import gc
    import os

    gc.set_threshold(50_000, 20, 100)  # many objects, no cycles
    try:  # the build waits on the seed readers first; tagging can fill the gaps (it is needed later)
        os.nice(10)
    except (AttributeError, OSError):  # pragma: no cover - platforms without nice
        pass
    digests: list[tuple[str, str]] = []

    def documents() -> Iterator[tuple[str, str]]:
        for document_id, path in files:
            data = Path(path).read_bytes()
            digests.append((document_id, hashlib.sha256(data).hexdigest()))
            yield document_id, data.decode("utf-8")

    _tag_into(scratch, documents(), Gazetteer(*gazetteer), re.compile(*terms) if terms else None,
              re.compile(*parties) if parties else None, schema, digests)


def _schema(ctx: LoadContext) -> dict[str, tuple[str, list[str]]]:
    """Each tagged table's CREATE TABLE and CREATE INDEX statements, as the migrations made them."""
    if ctx.dialect != "sqlite":
        return pgwriter.tagged_schema(TABLES)
    return {table: (ctx.conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                     (table,)).fetchone()[0],
                    [sql for (sql,) in ctx.conn.execute(
                        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL "
                        "ORDER BY name", (table,))])
            for table in TABLES}


def _scratch_path(ctx: LoadContext) -> Path:
    if ctx.dialect != "sqlite":
        return pgwriter.scratch_path(ctx)
    main = next(row[2] for row in ctx.conn.execute("PRAGMA database_list") if row[1] == "main")
    return Path(main).with_name(Path(main).name + ".sentences")


def prepare(ctx: LoadContext) -> None:
    """Start tagging in a process of its own when the corpus is large enough to gain from it."""
    total = (pgwriter.text_bytes(ctx) if ctx.dialect != "sqlite" else
             ctx.conn.execute("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM documents").fetchone()[0])
    if total < process_min_bytes(total):
        return
    folder = document_dir(ctx.seeds)
    files = [(document_id, str(folder / f"{document_id}.txt"))
             for (document_id,) in ctx.conn.execute("SELECT document_id FROM documents ORDER BY document_id")]
    terms, parties = cooperation_terms(ctx), party_phrases(ctx)
    gazetteer = Gazetteer.from_db(ctx.conn)
    scratch = _scratch_path(ctx)
    scratch.unlink(missing_ok=True)
    process = start_process(ctx, _tagger_process,
                            (str(scratch), files, gazetteer.arguments(), (terms.pattern, terms.flags) if terms else None,
                             (parties.pattern, parties.flags) if parties else None, _schema(ctx)),
                            "icadb-tagger", after=lambda: scratch.unlink(missing_ok=True))
    ctx.prepared["sentences"] = (process, scratch)


def _load_from_process(ctx: LoadContext, writer: Writer, process, scratch: Path) -> None:
    origin = (ctx.seeds / "documents", 0)
    with ctx.progress.stage("sentences and mentions (tagger process)", total=1) as task:
        process.join()
        if process.exitcode != 0:
            raise RuntimeError(f"the tagging process failed (exit code {process.exitcode}); run the build again "
                               f"with ICADB_PROCESS_MIN_BYTES=-1 to tag in this process and see the error")
        task.advance()
    source = sqlite3.connect(f"file:{scratch}?mode=ro", uri=True)
    try:
        if not source.execute("SELECT count(*) FROM sqlite_master WHERE name = 'finished'").fetchone()[0]:
            raise RuntimeError(f"the tagging process left {scratch} unfinished")
        stored = dict(ctx.conn.execute("SELECT document_id, sha256 FROM documents"))
        for document_id, digest in source.execute("SELECT document_id, sha256 FROM texts"):
            if stored.get(document_id) != digest:
                ctx.problems.add(origin[0] / f"{document_id}.txt", None, "(text)",
                                 "changed while the build was running; expected the text to stay as it was "
                                 "during a build (build again)")
    finally:
        source.close()
    _copy_tagged(ctx, writer, scratch, origin)


def _copy_tagged(ctx: LoadContext, writer: Writer, scratch: Path, origin: tuple[Path, int]) -> None:
    """Copy the tagger's tables into the build's.

    They were made by the same statements, so ``INSERT INTO t SELECT * FROM
    tagged.t`` into the empty table is SQLite's transfer optimisation: rows
    and index entries are copied in order, not inserted one by one (it needs
    foreign keys off, as they are during a build; icadb.verify checks them after).
    The scratch file stays attached until the build commits (SQLite cannot
    detach it inside the transaction); the build detaches it and runs its
    whole-database checks on ``main`` only. Should the copy be refused, the
    rows go in one by one through the writer, which locates the refused ones.
    """
    if ctx.dialect != "sqlite":
        pgwriter.copy_tagged(ctx, writer, scratch, TABLES, origin)
        return
    conn = ctx.conn
    conn.execute("ATTACH DATABASE ? AS tagged", (str(scratch),))
    for table, columns in TABLES.items():
        started = time.perf_counter()
        before = conn.total_changes
        try:
            conn.execute("SAVEPOINT copy")
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM tagged.{table}")
            conn.execute("RELEASE copy")
        except sqlite3.DatabaseError:
            conn.execute("ROLLBACK TO copy")
            conn.execute("RELEASE copy")
            writer.insert_all(table, columns, conn.execute(
                f"SELECT {', '.join(columns)} FROM tagged.{table} ORDER BY rowid"), origin)
            continue
        writer.insert_seconds += time.perf_counter() - started
        ctx.counts[table] = ctx.counts.get(table, 0) + conn.total_changes - before


def load(ctx: LoadContext, writer: Writer) -> None:
    """Tag the documents (or take what the tagger process tagged) and copy the
    tables in whole. Tagged here, the rows go through the same scratch file
    and the same copy as the tagger process's, so both ways give the same
    bytes, not only the same rows (a table written row by row and indexed
    after lays its pages out differently from a copied one)."""
    writer.flush()
    prepared = ctx.prepared.pop("sentences", None)
    if prepared is not None:
        process, scratch = prepared
        _load_from_process(ctx, writer, process, scratch)
        return
    scratch = _scratch_path(ctx)
    scratch.unlink(missing_ok=True)
    ctx.cleanups.append(lambda: scratch.unlink(missing_ok=True))
    gazetteer = Gazetteer.from_db(ctx.conn)
    terms, parties = cooperation_terms(ctx), party_phrases(ctx)
    documents = ctx.conn.execute("SELECT document_id, text FROM documents ORDER BY document_id")
    with ctx.progress.stage("sentences and mentions") as task:
        def counted(rows):
            for row in rows:
                task.advance()
                yield row
        _tag_into(str(scratch), counted(documents), gazetteer, terms, parties, _schema(ctx), [])
    _copy_tagged(ctx, writer, scratch, (ctx.seeds / "documents", 0))
