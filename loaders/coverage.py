"""coverage_skips: passages the curators read and decided hold no record,
each with a reason, from ``seeds/coverage.yaml``.

Together with the evidence quotes they settle every sentence that mentions a
country or organisation: ``icadb coverage`` lists the ones still undecided.
"""

from __future__ import annotations

from icadb.loaders.context import LoadContext
from icadb.loaders.fields import Field, spec
from icadb.loaders.quotes import check_source
from icadb.loaders.writer import Writer
from icadb.schema import vocab
from icadb.loaders.yamlread import iter_records

SPEC = spec(
    Field("document", "ref", ref="documents"),
    Field("skips", "list", min_items=1, expected="a list of {quote, reason, note}", item=spec(
        Field("quote", expected="a verbatim passage from the document (a sentence or a distinctive part of it)"),
        Field("reason", "vocab", vocab=vocab.SKIP_REASON),
        Field("note", required=False),
    )),
)


def load(ctx: LoadContext, writer: Writer) -> None:
    path = ctx.seeds / "coverage.yaml"
    writer.table("coverage_skips", ("document_id", "quote", "char_start", "char_end", "reason", "note"))
    seen: dict[tuple[str, int, int], int] = {}
    with ctx.progress.stage("coverage decisions") as task:
        for _line, record in iter_records(path, ctx.problems):
            task.advance()
            values, ok = ctx.check_fields_partly(path, record, SPEC)
            document = values.get("document")
            if document is None:
                continue
            for index, item in enumerate(values.get("skips") or (), start=1):
                item["document"] = document
                checked = check_source(ctx, path, item["__line__"], f"skips[{index}]", item)
                if checked is None:
                    continue
                start, end = ctx.locate_quote(document, item["quote"])
                key = (document, start, end)
                if key in seen:
                    ctx.problems.add(path, item["__line__"], f"skips[{index}]",
                                     f"the same passage is already skipped at line {seen[key]}; expected each passage once")
                    continue
                seen[key] = item["__line__"]
                writer.add("coverage_skips", (document, checked[1], start, end, item["reason"], item["note"]),
                           (path, item["__line__"]))
    writer.flush()
