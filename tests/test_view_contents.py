"""What the analyst views and canned queries hold, checked against expectations
worked out by hand from seeds/ (the reasoning is beside each), never against
the SQL that fills them."""

from __future__ import annotations

import json
import sqlite3

from icadb.codebook import query_sql
from icadb.paths import SEEDS_DIR

NSA_2023 = "ica-nsa-2023-kazakhstan"
CENTRAL_ASIA = ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
DOVAL_ARTICLE = "2023-10-17-doval-offers-central-asia-assistance"


def query(db: sqlite3.Connection, name: str, **params) -> list[dict]:
    """Run canned query NAME (schema/queries/NAME.sql) as its form would, blank fields ''."""
    blank = {"include_drafts": "", "status": "", "series": "", "iso3": "", "record_id": ""}
    return [dict(r) for r in db.execute(query_sql(name), {**blank, **params})]


# -- proposal_tracker ---------------------------------------------------------------

def test_the_proposals_made_at_the_2023_nsa_meeting(db):
    """seeds/records/proposals.yaml: seven records say ``made_at:
    ica-nsa-2023-kazakhstan``, all dated 2023-10-17; India proposes each, the
    five Central Asian states are the targets of each ("addressed to the Central
    Asian states as a group") but the Rare Earths Forum's, whose sentence names
    no addressee; every quote of theirs is from the one article of 2023-10-17,
    so none has a later mention. Their types and statuses are as written there."""
    rows = db.execute("SELECT record_id, proposal_type, status, proposers, targets, made_at_title, made_at_date, "
                      "first_reported, later_mentions, later_mention_quotes FROM proposal_tracker "
                      "WHERE made_at = ? ORDER BY record_id", (NSA_2023,)).fetchall()
    meeting = ("Second India–Central Asia meeting of security officials, Kazakhstan", "2023-10-17")
    expected = [
        ("chabahar-in-instc-request-2023", "request", "proposed"),
        ("chabahar-port-invitation-2023", "invitation", "offered"),
        ("ica-rare-earths-forum-proposal-2023", "proposal", "proposed"),
        ("india-ct-drug-capacity-building-offer-2023", "offer", "offered"),
        ("india-cyber-agency-heads-invitation-2023", "invitation", "offered"),
        ("india-cyber-defence-offer-2023", "offer", "offered"),
        ("india-upi-offer-2023", "offer", "offered"),
    ]
    assert [(r["record_id"], r["proposal_type"], r["status"]) for r in rows] == expected
    for r in rows:
        assert json.loads(r["proposers"]) == ["IND"], r["record_id"]
        no_addressee = r["record_id"] == "ica-rare-earths-forum-proposal-2023"
        assert json.loads(r["targets"]) == ([] if no_addressee else CENTRAL_ASIA), r["record_id"]
        assert (r["made_at_title"], r["made_at_date"]) == meeting, r["record_id"]
        assert (r["first_reported"], r["later_mentions"], json.loads(r["later_mention_quotes"])) == \
            ("2023-10-17", 0, []), r["record_id"]


def test_a_proposal_made_at_no_meeting_has_no_meeting_title(db):
    """ica-nsa-capacity-building-proposal names no made_at (the 2025 article
    names no meeting); both its quotes are from that one article (published
    "2025")."""
    row = db.execute("SELECT made_at, made_at_title, first_reported, later_mentions, date FROM proposal_tracker "
                     "WHERE record_id = 'ica-nsa-capacity-building-proposal'").fetchone()
    assert tuple(row) == (None, None, "2025", 0, None)


# -- series_history and history_of_series --------------------------------------------

# seeds/records/meetings.yaml: the three records with ``series: ica-nsa-meetings``,
# in date order: the first (edition 1, December 2022: the officials arrived on the
# 6th; held in New Delhi), the second (edition 2, 2023-10-17, held "in
# Kazakhstan"), the next (no edition: the source does not number it; planned for
# 2024 in Kyrgyzstan, with India among "the participants" and Kyrgyzstan as host).
# Countries are every country linked in any role, sorted: the first meeting names
# AFG as subject and four Central Asian states (not TKM); the second links CHN and
# PAK as subjects.
NSA_SERIES = [
    (1, 1, "ica-nsa-2022-new-delhi", "2022-12", "held", "New Delhi", "IND",
     ["AFG", "IND", "KAZ", "KGZ", "TJK", "UZB"]),
    (2, 2, NSA_2023, "2023-10-17", "held", "Kazakhstan (city not given)", "KAZ", ["CHN", "IND", "KAZ", "PAK"]),
    (3, None, "ica-nsa-2024-kyrgyzstan", "2024", "planned", "Kyrgyzstan (city not given)", "KGZ",
     ["IND", "KGZ"]),
]


def test_the_nsa_series_in_order(db):
    rows = db.execute("SELECT position, edition, record_id, date, status, place, place_country, countries, series "
                      "FROM series_history WHERE series_id = 'ica-nsa-meetings' ORDER BY position").fetchall()
    assert [(*tuple(r)[:7], json.loads(r["countries"])) for r in rows] == NSA_SERIES
    assert {r["series"] for r in rows} == {"India–Central Asia meeting of national security advisers"}


def test_a_record_dated_only_by_bounds_is_placed_by_them(db):
    """ica-dialogue: the 2021 dialogue has no date (precision unknown, only a
    date_latest of 2022-01-25) and states no edition; the 2025 one is the "4th",
    held 2025-06-06. A record dated only by bounds is placed by its earliest
    bound, or its latest where it has none, so the 2021 dialogue comes first,
    never after a record dated later."""
    rows = db.execute("SELECT position, edition, record_id FROM series_history WHERE series_id = 'ica-dialogue' "
                      "ORDER BY position").fetchall()
    assert [tuple(r) for r in rows] == [(1, None, "ica-dialogue-2021"), (2, 4, "ica-dialogue-2025-new-delhi")]


def test_no_record_is_placed_after_a_record_dated_later(db):
    """In every series, a record whose latest bound is before another's earliest comes before it."""
    rows = db.execute("SELECT series_id, position, record_id, coalesce(date_earliest, date_latest) AS placed, "
                      "date_earliest, date_latest FROM series_history").fetchall()
    by_series: dict[str, list] = {}
    for row in rows:
        by_series.setdefault(row["series_id"], []).append(row)
    for series, members in by_series.items():
        for a in members:
            for b in members:
                if a["date_latest"] and b["date_earliest"] and a["date_latest"] < b["date_earliest"]:
                    assert a["position"] < b["position"], (series, a["record_id"], b["record_id"])


def test_history_of_series_lists_the_nsa_meetings(db):
    rows = query(db, "history_of_series", series="ica-nsa-meetings")
    assert [(r["position"], r["edition"], r["record_id"], r["date"], r["status"], r["place"],
             json.loads(r["countries"])) for r in rows] == [(p, e, i, d, s, pl, c) for p, e, i, d, s, pl, _, c in
                                                             NSA_SERIES]


def test_history_of_series_without_a_series_lists_every_series_record(db):
    """Every record in seeds/records that names a series: 3 NSA meetings, 2
    dialogues, 1 summit, 1 India–Russia 2+2, 1 India–Russia summit, 2 SCO
    summits, and the three exercises of KAZIND, KHANJAR and DUSTLIK: 13."""
    names = {}
    for path in sorted((SEEDS_DIR / "records").glob("*.yaml")):
        record = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("- id: "):
                record = line[len("- id: "):].strip()
            elif line.startswith("  series: "):
                names[record] = line[len("  series: "):].strip()
    assert len(names) == 13
    rows = query(db, "history_of_series")
    assert sorted(r["record_id"] for r in rows) == sorted(names)


# -- people_appearances ---------------------------------------------------------------

def test_where_modi_and_jaishankar_appear(db):
    """seeds/records/meetings.yaml: Narendra Modi chairs the first summit
    (virtual, so no place; January 2022) and meets Mirziyoyev in Samarkand
    (September 2022); S. Jaishankar hosts the 4th dialogue in New Delhi
    (2025-06-06) and takes part in the Business Forum (undated, no place).
    seeds/reference/people.yaml gives both as Indian."""
    rows = db.execute("SELECT person_id, name, country_iso3, role, kind, record_id, date, place "
                      "FROM people_appearances WHERE person_id IN ('narendra-modi', 's-jaishankar') "
                      "ORDER BY person_id, record_id").fetchall()
    assert [tuple(r) for r in rows] == [
        ("narendra-modi", "Narendra Modi", "IND", "chair", "meeting", "ica-summit-2022-01", "2022-01", None),
        ("narendra-modi", "Narendra Modi", "IND", "participant", "meeting", "modi-mirziyoyev-samarkand-2022",
         "2022-09", "Samarkand"),
        ("s-jaishankar", "S. Jaishankar", "IND", "participant", "meeting", "ica-business-forum-jaishankar", None,
         None),
        ("s-jaishankar", "S. Jaishankar", "IND", "host", "meeting", "ica-dialogue-2025-new-delhi", "2025-06-06",
         "New Delhi"),
    ]


def test_doval_appears_once_per_record_and_role(db):
    """Ajit Doval is named in ten ``people:`` entries of seeds/records (one per
    record: grep ``person: ajit-doval``), so ten rows."""
    mentions = sum(path.read_text(encoding="utf-8").count("person: ajit-doval")
                   for path in (SEEDS_DIR / "records").glob("*.yaml"))
    assert mentions == 10
    rows = db.execute("SELECT record_id, role FROM people_appearances WHERE person_id = 'ajit-doval'").fetchall()
    assert len(rows) == 10 and len(set(map(tuple, rows))) == 10


# -- co_mentions ----------------------------------------------------------------------

def test_co_mentions_of_iran(db):
    """Iran is named (as "Iran"; never "Iranian" or "Tehran") in three sentences
    of seeds/documents, one per document:
      2022-12 Diplomat: "... its expansion to include India, Pakistan and most
        recently Iran ..."  -> IND, IRN, PAK
      2023-10-17: "Nothing that India is a member of ... the Ashgabat Agreement,
        Doval invited ... Iran's Chabahar port, where an Indian company ..." ->
        IND, IRN ("Ashgabat Agreement" is an organisation; the longest name wins,
        so it is no mention of Turkmenistan)
      2025: "... the Chabahar Port in Iran ... between India and Central Asia." -> IND, IRN
    So IND-IRN: 3 sentences in 3 documents, IRN-PAK: 1 in 1; the example is the
    first such sentence in document order (the Diplomat's, for both)."""
    rows = db.execute("SELECT iso3_a, iso3_b, sentences, documents, example_document_id, example_sentence "
                      "FROM co_mentions WHERE 'IRN' IN (iso3_a, iso3_b) ORDER BY iso3_a, iso3_b").fetchall()
    diplomat = "2022-12-diplomat-india-central-asia-relations"
    assert [tuple(r)[:5] for r in rows] == [("IND", "IRN", 3, 3, diplomat), ("IRN", "PAK", 1, 1, diplomat)]
    for r in rows:
        assert r["example_sentence"].startswith("While the SCO aims to address regional security concerns, its "
                                                "expansion to include India, Pakistan and most recently Iran")


# -- india_offers_to_country and record_sources --------------------------------------------

def test_india_offers_to_kazakhstan(db):
    """Every proposal with IND as proposer and KAZ as target: the six of the
    2023 meeting addressed to the Central Asian states (dated 2023-10-17,
    ordered by id). Not the Rare Earths Forum proposed there (it names no
    addressee), nor the NSA meetings' capacity-building proposal of the 2025
    article (the format proposed it, for officials of states it does not name),
    nor the India–Russia non-paper (KAZ is only its subject), nor Uzbekistan's
    proposal (India is its target)."""
    rows = query(db, "india_offers_to_country", iso3="kaz")
    assert [r["record_id"] for r in rows] == [
        "chabahar-in-instc-request-2023", "chabahar-port-invitation-2023",
        "india-ct-drug-capacity-building-offer-2023", "india-cyber-agency-heads-invitation-2023",
        "india-cyber-defence-offer-2023", "india-upi-offer-2023"]
    assert [r["made_at"] for r in rows] == [NSA_2023] * 6
    offered = query(db, "india_offers_to_country", iso3="KAZ", status="offered")
    assert [r["record_id"] for r in offered] == [
        "chabahar-port-invitation-2023", "india-ct-drug-capacity-building-offer-2023",
        "india-cyber-agency-heads-invitation-2023", "india-cyber-defence-offer-2023", "india-upi-offer-2023"]


def test_india_offers_to_india_is_nothing(db):
    """India is the target only of Russia's and Uzbekistan's proposals, never its own."""
    assert query(db, "india_offers_to_country", iso3="IND") == []


def test_record_sources_of_the_first_nsa_meeting(db):
    """seeds/records/meetings.yaml gives ica-nsa-2022-new-delhi four quotes, all
    from the Diplomat article (The Diplomat, published 2022-12), in this order;
    each quote's offsets are where it stands in the document's text."""
    text = (SEEDS_DIR / "documents" / "2022-12-diplomat-india-central-asia-relations.txt").read_text(encoding="utf-8")
    quotes = [
        "On December 6, senior security officials from Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan arrived "
        "in New Delhi for the first meeting of India-Central Asia national security advisers.",
        "Indian National Security Advisor Ajit Doval highlighted India-Central Asia ties and stressed their common "
        "common interests, such as stabilizing the security situation in Afghanistan and strengthening territorial "
        "integrity.",
        "The meeting came 10 months after the first-ever India-Central Asia Summit, which reignited momentum for the "
        "development of a burgeoning India-Central Asia relationship.",
        "As the recent NSA meeting between India and Central Asian states has demonstrated, security remains at the "
        "heart of India-Central Asia relations",
    ]
    rows = query(db, "record_sources", record_id="ica-nsa-2022-new-delhi")
    assert [r["quote"] for r in rows] == quotes
    for r, quote in zip(rows, quotes):
        assert (r["document_title"], r["publisher"], r["published_on"]) == \
            ("How India can expand its relations with Central Asia", "The Diplomat", "2022-12")
        start = text.index(quote)
        assert (r["char_start"], r["char_end"]) == (start, start + len(quote)), quote[:40]


def test_record_sources_of_a_record_reported_in_one_sentence(db):
    """ica-nsa-2024-kyrgyzstan has one quote, from the article of 2023-10-17."""
    rows = query(db, "record_sources", record_id="ica-nsa-2024-kyrgyzstan")
    assert [(r["quote"], r["document_id"], r["published_on"]) for r in rows] == [
        ("The participants agreed to meet again in Kyrgyzstan in 2024.", DOVAL_ARTICLE, "2023-10-17")]
