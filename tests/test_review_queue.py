"""The review queue and coverage reach every sentence that may report an event,
even one that names no country, and the longest name wins in tagging."""

from __future__ import annotations

import sqlite3

import pytest

from icadb.schema.vocab import STATUS_OCCURRENCE
from tests.helpers import run_icadb

ARTICLE = """India and Uzbekistan hold defence talks in Tashkent

India and Uzbekistan held defence talks in Tashkent on Tuesday, officials said.
The two sides agreed to expand the Dustlik joint military exercise and to step up counter-terrorism training.
The weather was mild.
"""
DUSTLIK = "The two sides agreed to expand the Dustlik joint military exercise and to step up counter-terrorism training."


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    import shutil

    from icadb.paths import SEEDS_DIR

    folder = tmp_path_factory.mktemp("queue")
    seeds = folder / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    article = folder / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = folder / "icadb.sqlite"
    result = run_icadb("add-document", str(article), "--title", "India and Uzbekistan hold defence talks",
                       "--published-on", "2026-11-24", "--seeds", str(seeds), db=db)
    assert result.returncode == 0, result.stderr
    return db


def test_a_sentence_that_names_no_country_but_the_two_sides_is_queued(added):
    conn = sqlite3.connect(added)
    queued = {text: (terms, parties) for text, terms, parties in conn.execute(
        "SELECT text, cooperation_terms, party_phrases FROM review_queue")}
    assert DUSTLIK in queued, sorted(queued)
    assert "the two sides" in queued[DUSTLIK][1]
    assert not any(t.startswith("The weather") for t in queued), "a sentence with no name, term or party is not queued"


def test_coverage_lists_it_as_undecided(added):
    result = run_icadb("coverage", db=added)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if DUSTLIK in line)
    assert "UNDECIDED (dustlik)" in lines[at - 1]


def test_a_capital_inside_an_agreements_name_is_no_mention_of_its_country(db):
    rows = db.execute("SELECT surface, entity_type, coalesce(iso3, org_id) FROM mentions "
                      "WHERE document_id = '2023-10-17-doval-offers-central-asia-assistance' "
                      "AND char_start <= 2912 AND char_end >= 2920").fetchall()
    assert [tuple(r) for r in rows] == [("Ashgabat Agreement", "organization", "ashgabat-agreement")]


def test_a_capital_on_its_own_still_names_its_country():
    from icadb.loaders.text import Gazetteer

    g = Gazetteer({"Ashgabat": ("country", "TKM"), "Ashgabat Agreement": ("organization", "ashgabat-agreement"),
                   "India-Turkmenistan Forum": ("organization", "forum"), "Turkmenistan": ("country", "TKM")},
                  places=["Ashgabat"])
    found = [(m.surface, m.entity_id) for m in g.mentions("Talks in Ashgabat on the Ashgabat Agreement; "
                                                             "the India-Turkmenistan Forum")]
    assert found == [("Ashgabat", "TKM"), ("Ashgabat Agreement", "ashgabat-agreement"),
                     ("India-Turkmenistan Forum", "forum"), ("Turkmenistan", "TKM")]


@pytest.mark.parametrize("status", sorted(STATUS_OCCURRENCE))
def test_each_status_is_split_by_what_it_says_happened(built_db, tmp_path, status):
    """The views' occurrence for every status is the vocabulary's
    (schema/vocab.py STATUS_OCCURRENCE): set every record to the status,
    compute the views' SQL again, and read what they say."""
    import shutil

    from icadb.views import refresh_materialized

    db = tmp_path / "copy.sqlite"
    shutil.copy(built_db, db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE records SET status = ?", (status,))
    refresh_materialized(conn)  # as the end of a build does
    timeline = {r[0] for r in conn.execute("SELECT occurrence FROM timeline")}
    dyads = {r[0] for r in conn.execute("SELECT occurrence FROM india_dyads")}
    assert timeline == dyads == {STATUS_OCCURRENCE[status]}
    activity = conn.execute("SELECT sum(meetings), sum(planned), sum(rumoured) FROM country_activity").fetchone()
    expected = {"occurred": (True, False, False), "intended": (False, True, False), "unverified": (False, False, True)}
    assert tuple(bool(n) for n in activity) == expected[STATUS_OCCURRENCE[status]]
    conn.close()


def test_every_status_has_an_occurrence():
    from icadb.schema.vocab import OCCURRENCE, STATUS

    assert set(STATUS_OCCURRENCE) == set(STATUS)
    assert set(STATUS_OCCURRENCE.values()) == set(OCCURRENCE)
