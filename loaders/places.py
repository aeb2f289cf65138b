"""places: the cities, districts, ports and bases where records happen, with
coordinates for the map, from ``seeds/reference/places.yaml``."""

from __future__ import annotations

from icadb.loaders.context import LoadContext
from icadb.loaders.fields import Field, spec
from icadb.loaders.reading import iter_checked
from icadb.loaders.writer import Writer
from icadb.schema import vocab

COLUMNS = ("place_id", "name", "place_type", "country_iso3", "latitude", "longitude", "coordinate_precision",
           "coordinate_source")

SPEC = spec(
    Field("id", "slug"),
    Field("name"),
    Field("place_type", "vocab", vocab=vocab.PLACE_TYPE),
    Field("country", "ref", ref="countries"),
    Field("latitude", "number", expected="decimal degrees north, -90 to 90"),
    Field("longitude", "number", expected="decimal degrees east, -180 to 180"),
    Field("coordinate_precision", "vocab", vocab=vocab.COORDINATE_PRECISION),
    Field("coordinate_source", expected="where the coordinates come from"),
)


def load(ctx: LoadContext, writer: Writer) -> None:
    path = ctx.seeds / "reference" / "places.yaml"
    writer.table("places", COLUMNS)
    with ctx.progress.stage("places") as task:
        for line, record, values, ok in iter_checked(ctx, path, SPEC, "places", "place"):
            task.advance()
            for key, limit in (("latitude", 90), ("longitude", 180)):
                if key in values and not -limit <= values[key] <= limit:
                    ctx.problems.add(path, record.line_of(key), key, f"{values[key]} is out of range; expected -{limit} to {limit}")
                    ok = False
            if not ok:
                continue
            writer.add("places", tuple(values[k] for k in (
                "id", "name", "place_type", "country", "latitude", "longitude", "coordinate_precision", "coordinate_source",
            )), (path, line))
    writer.flush()
