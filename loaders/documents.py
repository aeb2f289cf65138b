"""documents: the source articles, ``seeds/documents/<id>.txt``, each with its
metadata in ``seeds/documents/<id>.yaml``.

The text is stored exactly as given, byte for byte; evidence offsets count
characters in it. The metadata records the SHA-256 of the text, so a text
edited after curation is caught: documents are evidence and are never edited.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from icadb.loaders.context import LoadContext
from icadb.loaders.fields import Field, spec
from icadb.loaders.record_rules import check_bounds
from icadb.loaders.writer import Writer
from icadb.schema import vocab
from icadb.loaders.yamlread import read_mapping

COLUMNS = ("document_id", "title", "title_basis", "publisher", "published_on", "date_precision", "date_basis",
           "date_note", "published_earliest", "published_latest", "url", "original_filename", "sha256",
           "char_count", "note", "text")

META_SPEC = spec(
    Field("id", "slug"),
    Field("title"),
    Field("title_basis", "vocab", vocab=vocab.TITLE_BASIS),
    Field("publisher", required=False),
    Field("published_on", "date", required=False),
    Field("date_precision", "vocab", vocab=vocab.DATE_PRECISION),
    Field("date_basis", "vocab", vocab=vocab.DATE_BASIS),
    Field("date_note", required=False),
    Field("published_earliest", "day", required=False),
    Field("published_latest", "day", required=False),
    Field("url", required=False),
    Field("original_filename"),
    Field("sha256", expected="the SHA-256 of the text file, 64 hex digits"),
    Field("note", required=False),
)


def document_dir(seeds: Path) -> Path:
    return seeds / "documents"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_text(ctx: LoadContext, path: Path) -> tuple[str, str] | None:
    """The text of a document file and its SHA-256, or None (with a problem)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        ctx.problems.add(path, None, "(file)", f"cannot be read ({exc.strerror}); expected the document's text")
        return None
    if not data.strip():
        ctx.problems.add(path, 1, "(file)", "file is empty; expected the document's text")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        ctx.problems.add(path, 1, "(file)", "starts with a byte-order mark; expected UTF-8 text without one "
                         "(evidence offsets count characters, and a BOM is an invisible one)")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        ctx.problems.add(path, line, "(file)", f"not valid UTF-8 text ({exc.reason} at byte {exc.start}); expected UTF-8 text")
        return None
    if "\r\n" in text:
        ctx.problems.note(path, "has CRLF line ends; kept as they are (offsets count the CR characters)")
    return text, sha256_of(data)


def load(ctx: LoadContext, writer: Writer) -> None:
    folder = document_dir(ctx.seeds)
    metas = sorted(folder.glob("*.yaml"))
    texts = {p.stem for p in folder.glob("*.txt")}
    for stem in sorted(texts - {p.stem for p in metas}):
        ctx.problems.add(folder / f"{stem}.txt", None, "(metadata)",
                         f"document metadata missing; expected {stem}.yaml beside it (id, title, publisher, published_on, ...)")
    registry = ctx.registry("documents")
    broken = ctx.registry("documents:broken")
    by_hash: dict[str, str] = {}
    writer.table("documents", COLUMNS)
    with ctx.progress.stage("documents", total=len(metas)) as task:
        for meta_path in metas:
            meta = read_mapping(meta_path, ctx.problems)
            task.advance()
            if meta is None:
                continue
            broken[meta_path.stem] = True  # until it has loaded
            values = ctx.check_fields(meta_path, meta, META_SPEC)
            if values is None:
                continue
            doc_id = values["id"]
            if doc_id != meta_path.stem:
                ctx.problems.add(meta_path, meta.line_of("id"), "id",
                                 f"{doc_id!r} differs from the file name; expected {meta_path.stem!r}")
                continue
            if values["date_basis"] == "inferred" and not values["date_note"]:
                ctx.problems.add(meta_path, meta.line_of("date_basis"), "date_note",
                                 "missing; expected the reasoning behind an inferred date")
                continue
            dated = ctx.dated(meta_path, meta, values["date_precision"], "published_on")
            if dated is None:
                continue
            bounds = ctx.bounds(meta_path, meta, dated, "published_earliest", "published_latest", values)
            if bounds is None or not check_bounds(
                    ctx.problems, meta_path, meta, values["date_precision"], values["published_on"],
                    values["published_earliest"], values["published_latest"], date_key="published_on",
                    earliest_key="published_earliest", latest_key="published_latest"):
                continue
            url = values["url"] or None
            if url and not url.startswith(("https://", "http://")):
                ctx.problems.add(meta_path, meta.line_of("url"), "url", f"{url!r} is not a web address; expected https://… or empty")
                continue
            text_path = folder / f"{doc_id}.txt"
            if not text_path.exists():
                ctx.problems.add(meta_path, meta.line, "(text)", f"text file missing; expected {text_path.name} beside the metadata")
                continue
            read = read_text(ctx, text_path)
            if read is None:
                continue
            text, digest = read
            if values["sha256"] != digest:
                ctx.problems.add(meta_path, meta.line_of("sha256"), "sha256",
                                 f"the text of {text_path.name} has changed since it was recorded (its SHA-256 is now {digest}); "
                                 "expected the text exactly as first added: documents are evidence and are never edited")
                continue
            if digest in by_hash:
                ctx.problems.add(meta_path, meta.line_of("sha256"), "sha256",
                                 f"same text as document {by_hash[digest]!r}; expected each document once")
                continue
            by_hash[digest] = doc_id
            writer.add("documents", (
                doc_id, values["title"], values["title_basis"], values["publisher"], dated["date"],
                values["date_precision"], values["date_basis"], values["date_note"], bounds[0], bounds[1], url,
                values["original_filename"], digest, len(text), values["note"], text,
            ), (meta_path, meta.line))
            registry[doc_id] = {"earliest": bounds[0], "latest": bounds[1], "path": meta_path}
            del broken[doc_id]
    writer.flush()
