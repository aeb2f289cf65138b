"""Reference data: countries, organisations, people, places."""

from __future__ import annotations

import pycountry

from icadb.schema.vocab import CENTRAL_ASIA


def test_countries_are_all_of_iso_3166(db):
    codes = {r[0] for r in db.execute("SELECT iso3 FROM countries")}
    assert codes == {c.alpha_3 for c in pycountry.countries}


def test_central_asia_is_exactly_the_five(db):
    assert sorted(r[0] for r in db.execute("SELECT iso3 FROM countries WHERE is_central_asia = 1")) == sorted(CENTRAL_ASIA)


def test_codes_stay_text_with_leading_zeros(db):
    assert tuple(db.execute("SELECT iso_numeric, typeof(iso_numeric) FROM countries WHERE iso3 = 'AFG'").fetchone()) == ("004", "text")


def test_every_country_a_record_or_place_mentions_has_capital_coordinates(db):
    missing = db.execute(
        "SELECT iso3 FROM countries WHERE iso3 IN (SELECT iso3 FROM record_countries UNION SELECT country_iso3 FROM places"
        " UNION SELECT country_iso3 FROM people) AND (capital_latitude IS NULL OR capital_longitude IS NULL)"
    ).fetchall()
    assert missing == []


def test_reference_quotes_are_verbatim(db):
    for table in ("organizations", "people"):
        rows = db.execute(f"SELECT t.source_quote, d.text FROM {table} t JOIN documents d ON d.document_id = t.source_document_id")
        for quote, text in rows:
            assert quote in text, f"{table}: {quote!r}"


def test_every_place_has_coordinates_and_a_source(db):
    for row in db.execute("SELECT * FROM places"):
        assert -90 <= row["latitude"] <= 90 and -180 <= row["longitude"] <= 180
        assert row["coordinate_source"]


def test_the_build_reads_the_countries_pycountry_holds():
    """The countries loader reads pycountry's database file itself (faster than
    importing pycountry); it must give exactly what pycountry.countries gives."""
    from icadb.loaders.countries import iso_countries

    assert iso_countries() == {c.alpha_3: dict(c._fields) for c in pycountry.countries}
