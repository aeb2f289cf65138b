"""conflicts: where the sources disagree or are vague, kept as data.

Each entry in ``seeds/conflicts.yaml`` names the records it concerns and
quotes every source on each side (verified like evidence), and says how the
curators handled it. Nothing is silently resolved.
"""

from __future__ import annotations

from icadb.loaders.errors import did_you_mean
from icadb.loaders.context import LoadContext
from icadb.loaders.fields import Field, spec
from icadb.loaders.quotes import check_source
from icadb.loaders.reading import iter_checked
from icadb.loaders.writer import Writer
from icadb.schema import vocab

SPEC = spec(
    Field("id", "slug"),
    Field("conflict_type", "vocab", vocab=vocab.CONFLICT_TYPE),
    Field("title"),
    Field("description"),
    Field("handling", expected="how the curators recorded it"),
    Field("records", "texts", min_items=1, expected="a list of the record ids concerned"),
    Field("quotes", "list", min_items=1, expected="a list of {document, quote, claim}", item=spec(
        Field("document", "ref", ref="documents"),
        Field("quote", expected="a verbatim quote from the document"),
        Field("claim", expected="what this source says, in a few words"),
    )),
)


def load(ctx: LoadContext, writer: Writer) -> None:
    path = ctx.seeds / "conflicts.yaml"
    writer.table("conflicts", ("conflict_id", "conflict_type", "title", "description", "handling"))
    writer.table("conflict_records", ("conflict_id", "record_id"))
    writer.table("conflict_quotes", ("conflict_id", "document_id", "quote", "char_start", "char_end", "claim"))
    records = ctx.registry("record_kinds")
    with ctx.progress.stage("conflicts") as task:
        for line, record, values, ok in iter_checked(ctx, path, SPEC, "conflicts", "conflict id"):
            task.advance()
            conflict_id = values["id"]
            rows = []
            for record_id, item_line in values.get("records") or ():
                if record_id not in records and ctx.problems.unreadable:
                    ok = False  # perhaps in a file that could not be read, whose problem is reported
                elif record_id not in records:
                    ctx.problems.add(path, item_line, "records", f"unknown record id {record_id!r}; expected an id from seeds/records/",
                                     did_you_mean(record_id, records))
                    ok = False
                elif ("conflict_records", record_id) in rows:
                    ctx.problems.add(path, item_line, "records", f"{record_id!r} is listed twice; expected each record once")
                    ok = False
                else:
                    rows.append(("conflict_records", record_id))
            seen = set()
            for index, item in enumerate(values.get("quotes") or (), start=1):
                checked = check_source(ctx, path, item["__line__"], f"quotes[{index}]", item)
                if checked is None:
                    ok = False
                    continue
                start, end = ctx.locate_quote(item["document"], item["quote"])
                if (item["document"], start) in seen:
                    ctx.problems.add(path, item["__line__"], f"quotes[{index}]", "duplicate quote; expected each quote once")
                    ok = False
                    continue
                seen.add((item["document"], start))
                rows.append(("conflict_quotes", (item["document"], checked[1], start, end, item["claim"])))
            if not ok:
                continue
            writer.add("conflicts", (conflict_id, values["conflict_type"], values["title"], values["description"],
                                     values["handling"]), (path, line))
            for table, data in rows:
                row = (conflict_id, data) if table == "conflict_records" else (conflict_id, *data)
                writer.add(table, row, (path, line))
    writer.flush()
