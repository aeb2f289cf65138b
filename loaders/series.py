"""series: recurring formats (the India–Central Asia NSA meetings, the
India–Central Asia Dialogue, annual exercises), from ``seeds/series.yaml``.
Records name their series and, where a source gives it, their edition."""

from __future__ import annotations

from icadb.loaders.context import LoadContext
from icadb.loaders.fields import Field, spec
from icadb.loaders.reading import iter_checked
from icadb.loaders.writer import Writer
from icadb.schema import vocab

COLUMNS = ("series_id", "name", "kind", "frequency", "description")

SPEC = spec(
    Field("id", "slug"),
    Field("name"),
    Field("kind", "vocab", vocab=vocab.RECORD_KIND),
    Field("frequency", "vocab", vocab=vocab.FREQUENCY),
    Field("description"),
)


def load(ctx: LoadContext, writer: Writer) -> None:
    path = ctx.seeds / "series.yaml"
    writer.table("series", COLUMNS)
    kinds = ctx.registry("series_kinds")
    with ctx.progress.stage("series") as task:
        for line, _record, values, ok in iter_checked(ctx, path, SPEC, "series", "series"):
            task.advance()
            if not ok:
                continue
            kinds[values["id"]] = values["kind"]
            writer.add("series", tuple(values[k] for k in ("id", "name", "kind", "frequency", "description")),
                       (path, line))
    writer.flush()
