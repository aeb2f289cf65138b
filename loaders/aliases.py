"""aliases: the gazetteer, every name by which a text may mention a country,
organisation, person or series.

Names come from the reference data (country names, organisation names and
abbreviations, people's names, series names) and from the curators' list in
``seeds/reference/aliases.yaml`` (demonyms such as "Kazakh", capitals such as
"Dushanbe", other forms such as "Kyrgyz Republic", and phrases to ignore such
as "Indian Ocean").
"""

from __future__ import annotations

from pathlib import Path

from icadb.loaders.context import LoadContext
from icadb.loaders.fields import Field, spec
from icadb.loaders.writer import Writer
from icadb.schema import vocab
from icadb.loaders.yamlread import iter_records

COLUMNS = ("alias", "entity_type", "iso3", "org_id", "person_id", "series_id", "origin")
REGISTRY = {"country": "countries", "organization": "organizations", "person": "people", "series": "series"}

SPEC = spec(
    Field("entity_type", "vocab", vocab=vocab.ENTITY_TYPE),
    Field("id", "text", required=False, expected="the entity's id (iso3, org id, person id or series id)"),
    Field("aliases", "texts", min_items=1),
)


def _row(alias: str, entity_type: str, entity_id: str | None, origin: str) -> tuple:
    ids = {name: None for name in ("country", "organization", "person", "series")}
    if entity_type in ids:
        ids[entity_type] = entity_id
    return (alias, entity_type, ids["country"], ids["organization"], ids["person"], ids["series"], origin)


def derived_names(ctx: LoadContext):
    """(alias, entity_type, id, origin) from the reference tables already loaded."""
    conn = ctx.conn
    for iso3, name, iso_name, official in conn.execute(
            "SELECT iso3, name, iso_name, official_name FROM countries ORDER BY iso3"):
        for alias, origin in ((name, "name"), (iso_name, "iso_name"), (official, "official_name")):
            if alias:
                yield alias, "country", iso3, origin
    for org_id, name, abbreviation in conn.execute("SELECT org_id, name, abbreviation FROM organizations ORDER BY org_id"):
        yield name, "organization", org_id, "name"
        if abbreviation:
            yield abbreviation, "organization", org_id, "abbreviation"
    for person_id, name in conn.execute("SELECT person_id, name FROM people ORDER BY person_id"):
        yield name, "person", person_id, "name"
    for series_id, name in conn.execute("SELECT series_id, name FROM series ORDER BY series_id"):
        yield name, "series", series_id, "name"


def load(ctx: LoadContext, writer: Writer) -> None:
    writer.flush()  # the reference rows must be in the database to read them back
    path: Path = ctx.seeds / "reference" / "aliases.yaml"
    writer.table("aliases", COLUMNS)
    owner: dict[str, tuple[str, str | None, Path | None, int | None]] = {}

    def add(alias: str, entity_type: str, entity_id: str | None, origin: str, where: tuple[Path, int] | None) -> None:
        previous = owner.get(alias)
        if previous is not None:
            if previous[:2] == (entity_type, entity_id):
                return  # the same name twice for one entity (e.g. name = ISO name)
            if where is not None:
                first = f" (already the {previous[0]} {previous[1]!r})" if previous[1] else f" (already listed to {previous[0]})"
                ctx.problems.add(where[0], where[1], "aliases", f"{alias!r} names two entities{first}; expected each name once")
            return
        owner[alias] = (entity_type, entity_id, *(where or (None, None)))
        writer.add("aliases", _row(alias, entity_type, entity_id, origin), where or (path, 0))

    with ctx.progress.stage("aliases (gazetteer)") as task:
        for alias, entity_type, entity_id, origin in derived_names(ctx):
            add(alias, entity_type, entity_id, origin, None)
        for line, record in iter_records(path, ctx.problems):
            task.advance()
            values, ok = ctx.check_fields_partly(path, record, SPEC)
            entity_type, entity_id = values.get("entity_type"), values.get("id")
            if entity_type in REGISTRY:
                known = ctx.registry(REGISTRY[entity_type])
                if entity_id is None:
                    ctx.problems.add(path, line, "id", f"missing; expected the id of the {entity_type}")
                    ok = False
                elif entity_id not in known:
                    from icadb.loaders.errors import did_you_mean

                    ctx.problems.add(path, record.line_of("id"), "id", f"unknown {entity_type} id {entity_id!r}; "
                                     f"expected an id from the {REGISTRY[entity_type]}", did_you_mean(entity_id, known))
                    ok = False
            elif entity_type == "ignore" and entity_id is not None:
                ctx.problems.add(path, record.line_of("id"), "id", "given for entity_type ignore; expected no id")
                ok = False
            if not ok:
                continue
            for name, item_line in values["aliases"]:
                add(name, entity_type, entity_id, "curated", (path, item_line))
    writer.flush()
