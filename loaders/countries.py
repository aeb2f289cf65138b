"""countries: every ISO 3166-1 country from pycountry, with region and capital
from ``seeds/reference/countries.csv``."""

from __future__ import annotations

import math
import os

from icadb.schema.vocab import CENTRAL_ASIA
from icadb.loaders.context import LoadContext
from icadb.loaders.reading import iter_csv
from icadb.loaders.writer import Writer

CSV_HEADER = ["iso3", "region", "subregion", "capital", "capital_latitude", "capital_longitude"]
COLUMNS = ("iso3", "iso2", "iso_numeric", "name", "iso_name", "official_name", "region", "subregion",
           "is_central_asia", "capital", "capital_latitude", "capital_longitude")


def _coordinate(ctx: LoadContext, path, line, label, text: str, limit: float):
    if text == "":
        return None
    try:
        value = float(text)
    except ValueError:
        ctx.problems.add(path, line, label, f"{text!r} is not a number; expected decimal degrees")
        return False
    if not math.isfinite(value) or not -limit <= value <= limit:
        ctx.problems.add(path, line, label, f"{text} is out of range; expected -{limit:g} to {limit:g}")
        return False
    return value


def iso_countries() -> dict[str, dict[str, str]]:
    """pycountry's ISO 3166-1 entries by alpha-3 code, as its fields (alpha_2,
    numeric, name, common_name, official_name...).

    Read straight from pycountry's own database file, which is what
    ``pycountry.countries`` holds, without importing pycountry (whose import
    looks up its own version and resources: a tenth of a build of the seeds).
    ``tests/test_reference.py`` checks the two agree."""
    import importlib.util
    import json

    spec = importlib.util.find_spec("pycountry")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(folder, "databases", "iso3166-1.json")
        if os.path.exists(path):
            with open(path, encoding="utf-8") as fh:
                return {entry["alpha_3"]: entry for entry in json.load(fh)["3166-1"]}
    import pycountry  # pragma: no cover - a pycountry that keeps its data elsewhere

    return {c.alpha_3: dict(c._fields) for c in pycountry.countries}  # pragma: no cover


def load(ctx: LoadContext, writer: Writer) -> None:
    path = ctx.seeds / "reference" / "countries.csv"
    iso = iso_countries()
    extras: dict[str, tuple] = {}
    problems_before = len(ctx.problems)
    for line, row in iter_csv(path, ctx.problems, CSV_HEADER):
        code = row["iso3"]
        if code not in iso:
            from icadb.loaders.errors import did_you_mean

            ctx.problems.add(path, line, "iso3", f"unknown country code {code!r}; expected an ISO 3166-1 alpha-3 code",
                             did_you_mean(code.upper(), iso))
            continue
        if code in extras:
            ctx.problems.add(path, line, "iso3", f"duplicate country {code!r}; expected each country once")
            continue
        lat = _coordinate(ctx, path, line, "capital_latitude", row["capital_latitude"], 90)
        lon = _coordinate(ctx, path, line, "capital_longitude", row["capital_longitude"], 180)
        if lat is False or lon is False:
            continue
        if (lat is None) != (lon is None):
            ctx.problems.add(path, line, "capital_longitude", "only one of latitude and longitude is given; expected both or neither")
            continue
        extras[code] = (row["region"] or None, row["subregion"] or None, row["capital"] or None, lat, lon)
    registry = ctx.registry("countries")
    writer.table("countries", COLUMNS)
    with ctx.progress.stage("countries", total=len(iso)) as task:
        for code in sorted(iso):
            c = iso[code]
            region, subregion, capital, lat, lon = extras.get(code, (None, None, None, None, None))
            name = c.get("common_name") or c["name"]
            writer.add("countries", (
                code, c["alpha_2"], c["numeric"], name, c["name"], c.get("official_name"),
                region, subregion, int(code in CENTRAL_ASIA), capital, lat, lon,
            ), (path, 0))
            registry[code] = name
            task.advance()
    if len(ctx.problems) > problems_before:
        writer.flush()
        return  # a row with a problem may be the missing one; that problem is reported
    for code in CENTRAL_ASIA:
        if code not in extras or extras[code][3] is None:
            ctx.problems.add(path, None, "capital_latitude", f"{code} has no capital coordinates; expected them for every Central Asian state")
    writer.flush()
