"""people: the people the sources name, with their position and country as
the sources give them, from ``seeds/reference/people.yaml``."""

from __future__ import annotations

from icadb.loaders.context import LoadContext
from icadb.loaders.fields import SOURCE_SPEC, Field, spec
from icadb.loaders.quotes import check_source
from icadb.loaders.reading import iter_checked
from icadb.loaders.writer import Writer

COLUMNS = ("person_id", "name", "position", "country_iso3", "source_document_id", "source_quote")

SPEC = spec(
    Field("id", "slug"),
    Field("name"),
    Field("position", expected="the position the source gives"),
    Field("country", "ref", ref="countries"),
    Field("source", "list", item=SOURCE_SPEC, min_items=1, expected="a list with one {document, quote}"),
)


def load(ctx: LoadContext, writer: Writer) -> None:
    path = ctx.seeds / "reference" / "people.yaml"
    writer.table("people", COLUMNS)
    with ctx.progress.stage("people") as task:
        for line, _record, values, ok in iter_checked(ctx, path, SPEC, "people", "person"):
            task.advance()
            checked = None
            if values.get("source"):
                source = values["source"][0]
                checked = check_source(ctx, path, source["__line__"], "source[1]", source)
            if not ok or checked is None:
                continue
            writer.add("people", (
                values["id"], values["name"], values["position"], values["country"], checked[0], checked[1],
            ), (path, line))
    writer.flush()
