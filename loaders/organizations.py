"""organizations: every organisation, format, initiative and group the sources
name, from ``seeds/reference/organizations.yaml``, each with the quote that
names it."""

from __future__ import annotations

from icadb.loaders.context import LoadContext
from icadb.loaders.fields import SOURCE_SPEC, Field, spec
from icadb.loaders.quotes import check_source
from icadb.loaders.reading import iter_checked
from icadb.loaders.writer import Writer
from icadb.schema import vocab

COLUMNS = ("org_id", "name", "abbreviation", "org_type", "parent_org_id", "country_iso3", "description",
           "source_document_id", "source_quote")

SPEC = spec(
    Field("id", "slug"),
    Field("name"),
    Field("abbreviation", required=False),
    Field("org_type", "vocab", vocab=vocab.ORG_TYPE),
    Field("parent", "slug", required=False, expected="the id of another organisation in this file"),
    Field("country", "ref", required=False, ref="countries"),
    Field("description"),
    Field("source", "list", item=SOURCE_SPEC, min_items=1, expected="a list with one {document, quote}"),
)


def load(ctx: LoadContext, writer: Writer) -> None:
    path = ctx.seeds / "reference" / "organizations.yaml"
    writer.table("organizations", COLUMNS)
    parents: list[tuple[int, str, str]] = []
    with ctx.progress.stage("organizations") as task:
        for line, record, values, ok in iter_checked(ctx, path, SPEC, "organizations", "organisation"):
            task.advance()
            checked = None
            if values.get("source"):
                source = values["source"][0]
                checked = check_source(ctx, path, source["__line__"], "source[1]", source)
            if values.get("parent"):
                parents.append((record.line_of("parent"), values["id"], values["parent"]))
            if not ok or checked is None:
                continue
            writer.add("organizations", (
                values["id"], values["name"], values["abbreviation"], values["org_type"], values["parent"],
                values["country"], values["description"], checked[0], checked[1],
            ), (path, line))
    known = ctx.registry("organizations")
    for line, org_id, parent in parents:
        if parent not in known:
            from icadb.loaders.errors import did_you_mean

            ctx.problems.add(path, line, "parent", f"unknown organisation id {parent!r}; expected an id from this file",
                             did_you_mean(parent, known))
    writer.flush()
