"""The drafter's rules (seeds/reference/drafting_rules.yaml), one behaviour per
test: each feeds a sentence or two through the pipeline against the seeds'
gazetteer and records, and names the rule that should fire."""

from __future__ import annotations

import datetime as dt

import pytest

from icadb.drafting import Article, draft
from icadb.drafting.reading import read_sentences
from icadb.drafting.triggers import find_triggers, governing, status_of

PUBLISHED = dt.date(2024, 4, 26)


def drafted(kb, rules, text: str, published: dt.date = PUBLISHED):
    return draft(Article("test-document", text, published, published), kb, rules)


def only(kb, rules, text: str, published: dt.date = PUBLISHED) -> dict:
    result = drafted(kb, rules, text, published)
    assert len(result.drafts) == 1, [d["id"] for d in result.drafts]
    return result.drafts[0]


def roles(record: dict) -> dict[str, str]:
    return {c["iso3"]: c["role"] for c in record.get("countries") or ()}


# ---------------------------------------------------------------- triggers and status

@pytest.mark.parametrize("sentence, kind, status", [
    ("India and Kazakhstan held talks in Astana on Monday.", "meeting", "held"),
    ("India and Uzbekistan will hold talks in Tashkent next month.", "meeting", "planned"),
    ("Indian and Kyrgyz troops held a joint exercise near Bishkek on 10 April.", "exercise", "held"),
    ("India offered Tajikistan training for its border guards on Tuesday.", "proposal", "offered"),
    ("Kazakhstan invited India to use its ports on Tuesday.", "proposal", "offered"),
    ("India proposed a trilateral meeting with Iran and Turkmenistan on Tuesday.", "proposal", "proposed"),
    ("Uzbekistan asked India for help with its air defences on Tuesday.", "proposal", "proposed"),
    ("India and Kyrgyzstan signed a memorandum on military education on Tuesday.", "agreement", "signed"),
    ("India and Tajikistan agreed to expand cooperation in military medicine on Tuesday.", "agreement", "agreed"),
    ("Kyrgyzstan is a member of the Collective Security Treaty Organisation.", "agreement", "in_force"),
    ("Kyrgyzstan and Tajikistan are set to join the International North-South Transport Corridor.", "agreement",
     "planned"),
])
def test_a_trigger_gives_the_kind_and_its_tense_the_status(kb, rules, sentence, kind, status):
    record = only(kb, rules, sentence)
    assert (record["kind"], record["status"]) == (kind, status)
    assert "trigger" in record["draft_notes"]["kind"], "the note names the trigger"


def test_rumour_overrides_the_status(kb, rules):
    record = only(kb, rules, "Reports that India offered Tajikistan two helicopters on Tuesday remain unconfirmed.")
    assert record["status"] == "rumoured" and "rumoured" in record["draft_notes"]["status"]


def test_under_way_is_ongoing(kb, rules):
    record = only(kb, rules, "The joint exercise of Indian and Kyrgyz troops began near Bishkek on 15 April and "
                             "will run until April 28.")
    assert record["status"] == "ongoing"
    assert (record["date"], record["end_date"]) == ("2024-04-15", "2024-04-28")


def test_what_a_proposal_proposes_is_no_event_of_its_own(kb, rules):
    result = drafted(kb, rules, "India proposed a trilateral meeting with Iran and Turkmenistan on Tuesday.")
    assert [d["kind"] for d in result.drafts] == ["proposal"]


def test_agreed_to_meet_is_a_planned_meeting(kb, rules):
    reading = read_sentences("The participants agreed to meet again in Kyrgyzstan in 2025.", kb, rules)[0]
    hits = governing(find_triggers(reading, rules), reading, rules)
    assert [(h.kind, status_of(h.kind, h, reading, rules)[0]) for h in hits] == [("meeting", "planned")]


def test_advice_holds_no_event(kb, rules):
    assert drafted(kb, rules, "New Delhi should hold talks with Kazakhstan and Uzbekistan in Astana next year.").drafts == []


def test_page_furniture_holds_no_event(kb, rules):
    assert drafted(kb, rules, "Share this: meeting of India and Kazakhstan\nSubscribe to our newsletter\n").drafts == []


def test_a_name_holds_no_trigger(kb, rules):
    """"Agreement" in "the Ashgabat Agreement" names the agreement; it is no event."""
    reading = read_sentences("Doval spoke of the Ashgabat Agreement.", kb, rules)[0]
    assert not any(h.word.lower() == "agreement" for h in find_triggers(reading, rules))


# ----------------------------------------------------------------------------- roles

def test_host_from_in_a_capital_and_participants(kb, rules):
    record = only(kb, rules, "Indian and Kazakh officials held talks in Astana on Monday.")
    assert roles(record) == {"KAZ": "host", "IND": "participant"}


def test_host_from_arrived_in(kb, rules):
    record = only(kb, rules, "On 6 April, officials from Kazakhstan and Uzbekistan arrived in New Delhi for talks.")
    assert roles(record)["IND"] == "host"


def test_observers(kb, rules):
    record = only(kb, rules, "Military attaches from Kazakhstan and Turkmenistan watched the Indian and Uzbek "
                             "joint exercise in Termez on Thursday as observers.")
    assert roles(record)["KAZ"] == "observer" and roles(record)["TKM"] == "observer"


def test_proposer_and_target(kb, rules):
    record = only(kb, rules, "Kazakhstan invited India to use the port of Aktau on Tuesday.")
    assert roles(record) == {"KAZ": "proposer", "IND": "target"}


def test_a_topic_is_a_subject(kb, rules):
    record = only(kb, rules, "Indian and Uzbek officials met in Tashkent on Monday to discuss the situation in "
                             "Afghanistan.")
    assert roles(record)["AFG"] == "subject"


def test_a_persons_country_stands_for_them(kb, rules):
    record = only(kb, rules, "Doval offered Kazakhstan fully funded training programmes on Tuesday.")
    assert roles(record)["IND"] == "proposer"
    assert {"person": "ajit-doval", "role": "proposer"} in record["people"]


def test_a_person_the_gazetteer_lacks_by_the_country_the_article_gives(kb, rules):
    text = ("Uzbek Defence Minister Bakhodir Kurbanov met Indian officials in Tashkent on 23 April.\n"
            "Kurbanov proposed that Indian companies set up a joint venture in Uzbekistan.")
    proposal = next(d for d in drafted(kb, rules, text).drafts if d["kind"] == "proposal")
    assert roles(proposal)["UZB"] == "proposer" and roles(proposal)["IND"] == "target"


def test_all_five_expand_and_a_vague_group_is_a_note(kb, rules):
    record = only(kb, rules, "India will host the defence ministers of all five Central Asian states in New Delhi "
                             "next spring.")
    assert {"KAZ", "KGZ", "TJK", "TKM", "UZB"} <= set(roles(record))
    record = only(kb, rules, "Several Central Asian states asked India for help with air defence on Tuesday.")
    assert set(roles(record)) == {"IND"}
    assert "without naming the states" in record["note"]


def test_demonyms_and_capitals(kb, rules):
    record = only(kb, rules, "Uzbek troops and Indian soldiers held joint drills near Bishkek on Monday.")
    assert {"UZB", "IND", "KGZ"} <= set(roles(record))


# ------------------------------------------------------------- places, series, figures

def test_a_place_the_gazetteer_lacks_is_suggested(kb, rules):
    result = drafted(kb, rules, "Indian and Uzbek troops held a joint exercise at Forish on Monday.")
    assert result.places == ["Forish"]
    assert "Forish" in result.drafts[0]["place_note"]


def test_a_capital_the_gazetteer_now_holds(kb, rules):
    record = only(kb, rules, "Indian and Uzbek troops held a joint exercise at Termez on Monday.")
    assert record["place"] == "termez" and roles(record)["UZB"] == "host"


def test_a_place_of_the_gazetteer(kb, rules):
    record = only(kb, rules, "Indian and Kazakh officials met in New Delhi on Monday.")
    assert record["place"] == "new-delhi"


@pytest.mark.parametrize("sentence, series, edition", [
    ("The fifth edition of the Dustlik exercise of Indian and Uzbek troops began in Termez on 15 April.", "dustlik", 5),
    ("The eighth KazInd exercise of Indian and Kazakh troops began in Otar on 15 April.", "kazind", 8),
    ("Indian and Kyrgyz troops began the 11th Khanjar exercise near Tokmok on 15 April.", "khanjar", 11),
    ("Dustlik-V of Indian and Uzbek troops began in Termez on 15 April.", "dustlik", 5),
])
def test_series_and_edition(kb, rules, sentence, series, edition):
    record = only(kb, rules, sentence)
    assert (record.get("series"), record.get("edition")) == (series, edition)


def test_a_series_the_seeds_lack_is_suggested(kb, rules):
    result = drafted(kb, rules, "The seventh meeting of the India-Kyrgyzstan Joint Working Group on Defence "
                                "Cooperation was held in Bishkek on Thursday.")
    assert result.series == ["India-Kyrgyzstan Joint Working Group on Defence Cooperation"]
    assert "series" not in result.drafts[0] and "edition" not in result.drafts[0]


@pytest.mark.parametrize("sentence, text, value, unit, approximate", [
    ("A group of 50 specialists from Kazakhstan completed an Indian training course in Hyderabad on 1 April.",
     "50 specialists", 50, "specialists", False),
    ("India spent about US$15 million to refurbish an air base in Kyrgyzstan between 2015 and 2019.",
     "about US$15 million", 15_000_000, "USD", True),
])
def test_figures(kb, rules, sentence, text, value, unit, approximate):
    result = drafted(kb, rules, sentence)
    figures = [f for d in result.drafts for f in d.get("figures", [])]
    assert {"text": text, "value": value, "unit": unit, "approximate": approximate} in \
        [{k: f[k] for k in ("text", "value", "unit", "approximate")} for f in figures]


def test_category(kb, rules):
    record = only(kb, rules, "India offered Kazakhstan help against drug trafficking on Tuesday.")
    assert record["category"] == "narcotics" and "categories.narcotics" in record["draft_notes"]["category"]


# ---------------------------------------------------------------- one event, one record

def test_several_sentences_of_one_event_are_one_draft(kb, rules):
    text = ("Indian and Uzbek troops began the fifth Dustlik exercise in Termez on 15 April.\n"
            "The exercise focuses on counter-terrorism in mountains.\n"
            "The two armies are rehearsing the clearing of villages.")
    record = only(kb, rules, text)
    assert len(record["evidence"]) == 3


def test_a_retold_event_is_a_suggestion_not_a_record(kb, rules):
    text = ("When Ajit Doval sat down with his Central Asian counterparts in Astana last week for the second "
            "India-Central Asia meeting of national security advisers, Russian diplomats were paying attention.")
    result = drafted(kb, rules, text, dt.date(2023, 10, 25))
    assert result.drafts == []
    assert [s["add_evidence_to"] for s in result.suggestions] == ["ica-nsa-2023-kazakhstan"]


def test_a_proposal_made_at_the_meeting_the_article_reports_takes_its_date(kb, rules):
    text = ("Indian and Kazakh officials met in Astana on 22 April.\n"
            "India offered Kazakhstan fully funded training for customs officers.")
    proposal = next(d for d in drafted(kb, rules, text).drafts if d["kind"] == "proposal")
    assert proposal["date"] == "2024-04-22" and proposal["made_at"].startswith("kaz-ind-meeting")


def test_every_draft_is_machine_suggested_and_says_so(kb, rules):
    result = drafted(kb, rules, "Indian and Kazakh officials met in Astana on 22 April.")
    record = result.drafts[0]
    assert record["review_status"] == "machine_suggested"
    assert record["title"].startswith("Draft: ") and record["summary"].startswith("Machine-drafted, not reviewed")
    assert 0 < record["draft_notes"]["confidence"] <= 1 and record["draft_notes"]["drafter"].startswith("icadb draft")


def test_quotes_are_whole_sentences_verbatim(kb, rules):
    text = "Indian and Kazakh officials met in Astana on 22 April. Both sides said the talks went well.\n"
    for record in drafted(kb, rules, text).drafts:
        for item in record["evidence"]:
            assert item["quote"] in text and item["quote"].endswith(".")


# ------------------------------------------------------------- places: any of their names, and when they host

@pytest.mark.parametrize("sentence, place", [
    ("Indian and Kazakh officials met in Nur-Sultan on Monday.", "astana"),  # an old name (place_names)
    ("Indian and Tajik officials met in Kurgan-Tyube on Monday.", "bokhtar"),
    ("Indian and Iranian officials met at Chabahar on Monday.", "chabahar"),  # "Chabahar port" without its noun
    ("Indian and Chinese defence ministers met in Qingdao on Monday.", "qingdao"),  # a city of SCO meetings
])
def test_a_place_by_any_of_its_names(kb, rules, sentence, place):
    assert only(kb, rules, sentence)["place"] == place


def test_a_meeting_on_the_sidelines_is_not_hosted_by_the_place(kb, rules):
    record = only(kb, rules, "Modi and Iranian President Ebrahim Raisi met on the sidelines of the BRICS summit in "
                             "Johannesburg on 24 August 2023.")
    assert record["place"] == "johannesburg"
    assert set(roles(record)) == {"IND", "IRN"}


def test_a_place_after_a_topic_noun_is_what_it_is_about(kb, rules):
    record = only(kb, rules, "India's stake in Chabahar rests on an agreement that India, Iran and Afghanistan "
                             "signed in May 2016.")
    assert "place" not in record


def test_a_membership_has_no_place(kb, rules):
    record = only(kb, rules, "Kyrgyzstan, a member of the Collective Security Treaty Organisation, hosts its "
                             "partners at Kant.")
    assert record["kind"] == "agreement" and "place" not in record


# ------------------------------------------------------------- office holders of 2015-2018

def test_an_earlier_office_holder_stands_for_their_country(kb, rules):
    record = only(kb, rules, "Islam Karimov received Narendra Modi in Tashkent on 6 July 2015.",
                  dt.date(2015, 7, 7))
    assert {"UZB", "IND"} <= set(roles(record))


@pytest.mark.parametrize("year, countries", [(2016, {"PAK", "UZB"}), (2022, {"UZB"})])
def test_a_holder_stands_for_their_country_only_while_in_office(kb, rules, year, countries):
    record = only(kb, rules, f"Sartaj Aziz met Uzbek officials in Tashkent on 6 July {year}.", dt.date(year, 7, 7))
    assert set(roles(record)) == countries  # Aziz advised Pakistan's prime minister on foreign affairs until 2017


# ------------------------------------------------------------- "the member states" of an organisation

@pytest.mark.parametrize("sentence, published, expected", [
    ("The leaders of the SCO member states adopted a declaration in Astana on 4 July 2024.", dt.date(2024, 7, 5),
     {"CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB", "IND", "PAK", "IRN", "BLR"}),
    ("The leaders of the SCO member states adopted a declaration in Qingdao on 10 June 2018.", dt.date(2018, 6, 11),
     {"CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB", "IND", "PAK"}),
])
def test_the_member_states_are_the_members_on_the_day(kb, rules, sentence, published, expected):
    record = next(d for d in drafted(kb, rules, sentence, published).drafts)
    assert set(roles(record)) == expected


def test_the_member_states_of_the_organisation_the_article_named(kb, rules):
    result = drafted(kb, rules, "Indian Defence Minister Rajnath Singh arrived in Qingdao for the Shanghai "
                                "Cooperation Organization meeting.\n\nThe defence ministers of the member states "
                                "met in Qingdao on 26 June 2025.", dt.date(2025, 6, 27))
    record = next(d for d in result.drafts if d.get("date") == "2025-06-26")
    assert {"CHN", "RUS", "IND", "PAK", "IRN", "BLR", "KAZ"} <= set(roles(record))


def test_the_member_states_of_a_proposed_event_are_not_the_proposals(kb, rules):
    record = only(kb, rules, "China proposed a joint exercise of the SCO member states in Xinjiang on Thursday.",
                  dt.date(2025, 4, 19))
    assert record["kind"] == "proposal" and "RUS" not in roles(record)


def test_members_of_an_organisation_named_with_a_qualifier_stay_a_membership(kb, rules):
    result = drafted(kb, rules, "India and the Central Asian members of the SCO urged the others to join the corridor.")
    assert not any(set(roles(d)) >= {"RUS", "CHN"} for d in result.drafts)


# ------------------------------------------------------------- series and editions

def test_the_next_edition_counts_from_the_latest_told_and_is_only_a_note(kb, rules):
    text = ("Indian and Kyrgyz special forces ended the 12th edition of the Khanjar exercise at Bakloh on 3 May.\n"
            "Khanjar began in 2011 as a platoon-level exercise.\nThe next edition will be held in Kyrgyzstan next "
            "year.\n")
    planned = next(d for d in drafted(kb, rules, text, dt.date(2025, 5, 6)).drafts if d["status"] == "planned")
    assert planned["series"] == "khanjar" and "edition" not in planned
    assert "edition 13" in planned["draft_notes"]["edition"]  # after the 12th, not after the first of 2011


@pytest.mark.parametrize("sentence, date, precision", [
    ("Indian and Kazakh troops began KazInd-21 at Aisha Bibi on 30 August.", "2021-08-30", "day"),
    ("Indian and Kyrgyz troops began the Khanjar 2023 exercise at Bakloh on Monday.", "2023", "year"),
])
def test_a_year_after_the_series_name_dates_the_edition(kb, rules, sentence, date, precision):
    record = only(kb, rules, sentence, dt.date(2024, 7, 5))
    assert (record["date"], record["date_precision"]) == (date, precision)
    assert "add_evidence_to" not in record  # an edition, not the series as a whole


# ------------------------------------------------------------- a list of instruments: one record each

@pytest.mark.parametrize("sentence, titles", [
    ("India and Turkmenistan signed four memorandums of understanding: on culture and the arts, on disaster "
     "management and on youth affairs in Ashgabat on Saturday.",
     ["memorandum of understanding on culture and the arts", "memorandum of understanding on disaster management",
      "memorandum of understanding on youth affairs"]),
    ("India and Kazakhstan signed agreements on defence cooperation, cyber security and military education in "
     "Astana on Monday.",
     ["agreement on defence cooperation", "agreement on cyber security", "agreement on military education"]),
    ("India and Uzbekistan signed a memorandum on military medicine and a protocol on border security in Tashkent "
     "on Monday.", ["memorandum on military medicine", "protocol on border security"]),
])
def test_a_list_of_instruments_is_one_record_each(kb, rules, sentence, titles):
    agreements = [d for d in drafted(kb, rules, sentence).drafts if d["kind"] == "agreement"]
    assert [d["title"].split(" ", 2)[-1] for d in agreements] == titles
    assert all(d["status"] == "signed" for d in agreements)


@pytest.mark.parametrize("sentence", [
    "India and Uzbekistan signed an agreement on trade and investment in Tashkent on Monday.",  # one instrument
    "India and Kyrgyzstan signed four agreements on Sunday, one of them on defence cooperation.",  # no list
])
def test_one_instrument_or_no_list_is_one_record(kb, rules, sentence):
    assert len([d for d in drafted(kb, rules, sentence).drafts if d["kind"] == "agreement"]) == 1


def test_agreements_exchanged_after_talks_are_signed_by_their_parties(kb, rules):
    text = ("Modi and Mirziyoyev held talks in Tashkent on Monday. Agreements on defence cooperation and on nuclear "
            "energy were exchanged after the talks.")
    agreements = [d for d in drafted(kb, rules, text).drafts if d["kind"] == "agreement"]
    assert len(agreements) == 2 and all(d["status"] == "signed" and set(roles(d)) == {"IND", "UZB"}
                                        for d in agreements)


@pytest.mark.parametrize("sentence, name, date", [
    ("Indian and Russian troops began Exercise Indra 2021 in Volgograd on Monday.", "Indra", "2021"),
    ("Indian troops took part in the multinational peacekeeping exercise Khaan Quest in Mongolia on Monday.",
     "Khaan Quest", "2023-10-30"),
    ("The SCO Peace Mission 2021 counter-terrorism exercise began in Orenburg on Monday.", "SCO Peace Mission", "2021"),
])
def test_an_exercise_name_the_seeds_lack_is_suggested_with_its_year(kb, rules, sentence, name, date):
    result = drafted(kb, rules, sentence, dt.date(2023, 10, 31))
    exercise = next(d for d in result.drafts if d["kind"] == "exercise")
    assert result.series == [name] and exercise["date"] == date


def test_the_members_of_an_exercise_are_those_of_its_year(kb, rules):
    record = only(kb, rules, "The SCO Peace Mission 2021 counter-terrorism exercise began in Orenburg on Monday with "
                             "troops from all member states.", dt.date(2023, 10, 31))
    assert "PAK" in roles(record) and "IRN" not in roles(record)  # Iran joined the SCO in 2023


def test_a_countrys_drills_are_no_exercise_name(kb, rules):
    result = drafted(kb, rules, "Termez has become a frequent venue for Uzbekistan's military drills.")
    assert result.series == []


# ------------------------------------------------------------- retellings of a whole series

def test_a_mere_mention_of_a_series_is_no_evidence(kb, rules):
    result = drafted(kb, rules, "Dustlik is the Uzbek word for friendship.")
    assert result.drafts == [] and result.suggestions == []


def test_a_series_told_as_a_standing_activity_is_evidence_for_it(kb, rules):
    result = drafted(kb, rules, "The Khanjar exercises of India and Kyrgyzstan are now a fixed part of the two "
                                "armies' calendar every year.")
    assert [s["add_evidence_to"] for s in result.suggestions] == ["khanjar"]


# ------------------------------------------------------------- one event per predicate with a subject of its own

def test_a_predicate_with_a_subject_of_its_own_tells_another_meeting(kb, rules):
    text = ("Modi and Iranian President Ebrahim Raisi discussed the contract when they met in Johannesburg last "
            "August, and Jaishankar raised it again during a visit to Tehran in January.")
    meetings = [d for d in drafted(kb, rules, text, dt.date(2024, 5, 15)).drafts if d["kind"] == "meeting"]
    assert sorted(str(d["date"]) for d in meetings) == ["2023-08", "2024-01"]


@pytest.mark.parametrize("sentence, place, place_name, host", [
    ("Indian and Kazakh troops opened the exercise at a training range outside Taraz on Monday.", "taraz", "Taraz",
     "KAZ"),
    ("Indian and Tajik troops held a joint exercise at Zarafshon (Tajikistan) on Monday.", None, "Zarafshon", "TJK"),
    ("Indian and Uzbek troops held a joint exercise at Forish district of Uzbekistan on Monday.", None, "Forish",
     "UZB"),
])
def test_a_training_area_outside_a_town_and_a_place_with_its_country(kb, rules, sentence, place, place_name, host):
    record = only(kb, rules, sentence)
    assert record.get("place") == place and (place is not None or place_name in record["place_note"])
    assert roles(record)[host] == "host"


# ------------------------------------------------------------- summits of an organisation

def test_a_place_inside_an_organisations_name_is_no_place(kb, rules):
    record = only(kb, rules, "Jaishankar represented India at the summit of the Shanghai Cooperation Organisation's "
                             "Council of Heads of State in Astana on 4 July 2024.", dt.date(2024, 7, 5))
    assert record["place"] == "astana" and "CHN" not in roles(record)


def test_a_summit_told_by_its_organisation_is_of_its_series(kb, rules):
    record = only(kb, rules, "Jaishankar represented India at the summit of the Shanghai Cooperation Organisation's "
                             "Council of Heads of State in Astana on 4 July 2024.", dt.date(2024, 7, 5))
    assert record["series"] == "sco-summits" and "edition" not in record


def test_an_ordinal_that_counts_members_is_no_edition(kb, rules):
    result = drafted(kb, rules, "Belarus was admitted as the tenth member of the organisation at the SCO summit in "
                                "Astana on 4 July 2024.", dt.date(2024, 7, 5))
    assert not any(d.get("edition") == 10 for d in result.drafts)


def test_an_instruments_term_is_not_its_date(kb, rules):
    record = only(kb, rules, "India and Iran signed a ten-year contract on the Chabahar terminal, valid until 2034.",
                  dt.date(2024, 5, 15))
    assert record.get("date") != "2034"


# ------------------------------------------------------------- state visits

def test_a_place_that_begins_a_longer_name_is_no_place(kb, rules):
    record = only(kb, rules, "Modi and Tokayev held talks at Hyderabad House on Monday.", dt.date(2024, 1, 30))
    assert record.get("place") != "hyderabad"


def test_a_training_area_named_after_a_town_is_at_that_town(kb, rules):
    record = only(kb, rules, "Indian and Uzbek troops began Dustlik-2019 at the Chirchiq Training Area on Monday.",
                  dt.date(2019, 11, 4))
    assert record["place"] == "chirchiq"


def test_agreed_to_hold_an_edition_and_more_is_each_thing_decided(kb, rules):
    result = drafted(kb, rules, "The two leaders agreed to hold the next round of the KazInd exercise in India later "
                                "this year and to set up a joint working group on counter-terrorism.\n\nIndia and "
                                "Kazakhstan held talks in New Delhi on Monday.", dt.date(2024, 1, 30))
    kinds = sorted((d["kind"], d["status"]) for d in result.drafts)
    assert ("exercise", "planned") in kinds and ("agreement", "agreed") in kinds


def test_the_one_a_relative_clause_is_about_proposes(kb, rules):
    result = drafted(kb, rules, "Kazakh Defence Minister Ruslan Zhaksylykov held talks with Defence Minister Rajnath "
                                "Singh, who offered training places for Kazakh officers.", dt.date(2024, 1, 30))
    offer = next(d for d in result.drafts if d["kind"] == "proposal")
    assert roles(offer) == {"IND": "proposer", "KAZ": "target"}


def test_an_activity_that_goes_on_since_a_year_is_dated_by_that_year(kb, rules):
    record = only(kb, rules, "Kazakh peacekeepers have served alongside the Indian battalion of the UN Interim Force "
                             "in Lebanon since 2018.", dt.date(2025, 9, 16))
    assert (record["status"], str(record["date"]), record["date_precision"]) == ("ongoing", "2018", "year")


def test_a_refusal_is_no_event(kb, rules):
    result = drafted(kb, rules, "India declined to sign the joint statement of the SCO defence ministers in Qingdao "
                                "on June 26.", dt.date(2025, 6, 27))
    assert not any(d["kind"] == "agreement" for d in result.drafts)


@pytest.mark.parametrize("sentence, count", [
    ("The leaders agreed to hold the summit every two years and to set up a joint working group on Chabahar port.",
     2),  # a new body decided: a record of its own
    ("The two sides agreed to work more closely on counter-terrorism and to coordinate their positions in regional "
     "bodies.", 1),  # more of the same decision
])
def test_a_new_body_decided_is_a_decision_of_its_own(kb, rules, sentence, count):
    text = f"India and Kyrgyzstan held talks in Bishkek on 14 October 2025.\n\n{sentence}"
    decisions = [d for d in drafted(kb, rules, text, dt.date(2025, 10, 17)).drafts
                 if d["kind"] == "agreement" and d["status"] == "agreed"]
    assert len(decisions) == count


def test_a_decision_that_is_titled_by_its_clause(kb, rules):
    result = drafted(kb, rules, "India and Uzbekistan held talks in Tashkent on Monday.\n\nThey also decided that "
                                "the foreign, trade and culture ministers would meet regularly.")
    decision = next(d for d in result.drafts if d["kind"] == "agreement")
    assert "decision that the foreign, trade and culture ministers would meet regularly" in decision["title"]


def test_the_country_a_minister_will_visit_hosts_the_visit(kb, rules):
    record = only(kb, rules, "Defence Minister Rajnath Singh will visit Kazakhstan next month for talks.",
                  dt.date(2024, 7, 10))
    assert roles(record) == {"KAZ": "host", "IND": "participant"}


def test_where_a_proposed_visit_would_go_is_not_the_proposals_place(kb, rules):
    record = only(kb, rules, "Mahmudzoda also invited Doval to visit Dushanbe later in the year.",
                  dt.date(2025, 3, 14))
    assert record["kind"] == "proposal" and record.get("place") != "dushanbe" and "Dushanbe" not in \
        record.get("place_note", "")


def test_the_countries_in_the_name_of_a_series_the_seeds_lack_take_part(kb, rules):
    text = ("The 12th meeting of the India-Kazakhstan Joint Working Group on Defence Cooperation was held in New Delhi "
            "on February 19.\nThe previous meeting was held in Astana in March 2023.\n")
    earlier = next(d for d in drafted(kb, rules, text, dt.date(2024, 2, 20)).drafts if str(d["date"]) == "2023-03")
    assert roles(earlier) == {"KAZ": "host", "IND": "participant"}


def test_a_contingent_that_departed_for_a_place_exercises_there(kb, rules):
    record = only(kb, rules, "The Indian Army contingent departed today for Otar, Kazakhstan, to participate in the "
                             "7th edition of the Joint Military Exercise KAZIND-2023.", dt.date(2023, 10, 30))
    assert record["place"] == "otar" and roles(record)["KAZ"] == "host" and record["edition"] == 7


def test_a_series_instituted_in_a_year_began_with_its_first_edition(kb, rules):
    record = only(kb, rules, "Exercise KAZIND was instituted in 2016.", dt.date(2023, 10, 30))
    assert (record["series"], record["edition"], str(record["date"])) == ("kazind", 1, "2016")


def test_an_exercise_that_runs_past_the_article_is_under_way(kb, rules):
    record = only(kb, rules, "Indian and Kazakh troops are taking part in KAZIND-2023 at Otar, which will be "
                             "conducted from October 30 to November 11, 2023.", dt.date(2023, 10, 30))
    assert record["status"] == "ongoing"


def test_a_clause_since_a_founding_is_another_events(kb, rules):
    result = drafted(kb, rules, "India and Pakistan joined the SCO at its 17th summit in Astana on 9 June 2017, the "
                                "first enlargement since China, Russia and Kazakhstan founded it in 2001.",
                     dt.date(2017, 6, 10))
    assert not any(str(d.get("date")) == "2001" for d in result.drafts)


def test_an_organisation_established_in_a_year_is_no_first_edition_of_its_summits(kb, rules):
    result = drafted(kb, rules, "The SCO summit, held every year by the bloc that was established in 2001, met in "
                                "Bishkek on 14 June 2019.", dt.date(2019, 6, 15))
    assert not any(d.get("edition") == 1 for d in result.drafts)


def test_bilateral_talks_beside_a_meeting_of_the_member_states_are_not_the_members(kb, rules):
    result = drafted(kb, rules, "Rajnath Singh held talks with Bakhodir Kurbanov on the sidelines of the meeting of "
                                "the SCO member states in Tashkent on 23 August 2022.", dt.date(2022, 8, 23))
    talks = next(d for d in result.drafts if d["kind"] == "meeting")
    assert "CHN" not in roles(talks)


def test_a_country_hosting_on_a_weekday_hosts_a_meeting_to_come(kb, rules):
    record = only(kb, rules, "Uzbekistan is hosting the meeting of SCO defence ministers on Wednesday.",
                  dt.date(2022, 8, 23))
    assert (record["status"], record["date"]) == ("planned", "2022-08-24")


def test_a_membership_of_several_members_retells_each_recorded_membership(kb, rules):
    result = drafted(kb, rules, "India and Pakistan became full members of the SCO in 2017.", dt.date(2022, 8, 23))
    assert {s["add_evidence_to"] for s in result.suggestions} >= {"india-sco-membership-2017",
                                                                  "pakistan-sco-membership"}


def test_separate_talks_with_the_host_and_another_are_two_meetings(kb, rules):
    result = drafted(kb, rules, "Defence Minister Rajnath Singh held separate talks with his Uzbek counterpart, "
                                "Bakhodir Kurbanov, and Kazakhstan's defence minister, Ruslan Zhaksylykov, in "
                                "Tashkent on Tuesday.", dt.date(2022, 8, 23))
    assert sorted(sorted(roles(d)) for d in result.drafts if d["kind"] == "meeting") == [["IND", "KAZ"],
                                                                                          ["IND", "UZB"]]


def test_a_two_day_summit_wound_up_on_a_day_began_the_day_before(kb, rules):
    record = only(kb, rules, "The leaders of the bloc wound up a two-day summit in Astana on Friday.",
                  dt.date(2017, 6, 9))
    assert (record["date"], record.get("end_date")) == ("2017-06-08", "2017-06-09")


def test_what_a_summit_of_several_days_decided_is_dated_by_its_days(kb, rules):
    text = ("The leaders of India, Russia and China attended the SCO summit in Bishkek on 13-14 June 2019.\n"
            "The leaders agreed to set up a working group on terrorism.")
    decision = next(d for d in drafted(kb, rules, text, dt.date(2019, 6, 15)).drafts if d["kind"] == "agreement")
    assert (str(decision["date"]), decision["date_precision"], decision["date_earliest"], decision["date_latest"]) == \
        ("2019-06", "month", "2019-06-13", "2019-06-14")


def test_texts_finalised_are_agreed_one_record_each(kb, rules):
    text = "Modi and Jeenbekov held talks in Bishkek on Friday.\nA double taxation agreement and a bilateral " \
           "investment treaty were finalised."
    agreements = [d for d in drafted(kb, rules, text, dt.date(2019, 6, 15)).drafts if d["kind"] == "agreement"]
    assert [(d["status"], d["title"].split(" ", 2)[-1]) for d in agreements] == \
        [("agreed", "double taxation agreement"), ("agreed", "bilateral investment treaty")]


def test_conventions_and_statements_are_instruments_of_a_list(kb, rules):
    agreements = [d for d in drafted(kb, rules, "India and Kazakhstan signed a convention on extradition and a "
                                                "statement on terrorism in Astana on Monday.").drafts
                  if d["kind"] == "agreement"]
    assert len(agreements) == 2


def test_the_grouping_joined_is_the_organisation_the_article_named_last(kb, rules):
    text = ("Modi will attend the summit of the Shanghai Cooperation Organization in Bishkek on Thursday.\n"
            "He noted that India had been involved in the grouping's work since joining it as a full member two years "
            "ago.\n")
    result = drafted(kb, rules, text, dt.date(2019, 6, 12))
    assert "india-sco-membership-2017" in {s["add_evidence_to"] for s in result.suggestions}


def test_the_country_that_joined_in_a_relative_clause_is_the_member(kb, rules):
    result = drafted(kb, rules, "Both are members of the Shanghai Cooperation Organisation, which India joined as a "
                                "full member in 2017.", dt.date(2022, 12, 17))
    assert "india-sco-membership-2017" in {s["add_evidence_to"] for s in result.suggestions}


def test_members_admitted_with_no_organisation_named_are_of_the_one_named_last(kb, rules):
    text = ("Modi attended the summit of the Shanghai Cooperation Organization in Bishkek on 14 June 2019.\n"
            "India and Pakistan were admitted at the Astana summit in June 2017.\n")
    result = drafted(kb, rules, text, dt.date(2019, 6, 15))
    assert {s["add_evidence_to"] for s in result.suggestions} >= {"india-sco-membership-2017",
                                                                  "pakistan-sco-membership"}


def test_a_defence_ministers_surname_alone_stands_for_his_country_in_office(kb, rules):
    result = drafted(kb, rules, "On the sidelines, Singh held separate talks with Uzbekistan's Defence Minister "
                                "Bakhodir Kurbanov and Kazakhstan's Nurlan Yermekbayev in Moscow on 5 September 2020.",
                     dt.date(2020, 9, 7))
    assert sorted(sorted(roles(d)) for d in result.drafts if d["kind"] == "meeting") == [["IND", "KAZ"],
                                                                                          ["IND", "UZB"]]


def test_an_act_the_sentence_puts_before_the_visit_is_not_dated_by_the_visit(kb, rules):
    """"Reports before the visit said ..." tells something that came before the talks: the offer is not made at
    them, so it does not take their day (a date more precise than the text); the same offer told without
    "before the visit" is made at the talks and takes their day."""
    talks = "Modi and Kyrgyz President Jeenbekov held talks in Bishkek on 14 June 2019.\n\n"
    before = drafted(kb, rules, talks + "Reports before the visit said India was likely to offer Kyrgyzstan a line of "
                     "credit of US$100 million for defence equipment.", dt.date(2019, 6, 15))
    offer = next(d for d in before.drafts if d["kind"] == "proposal")
    assert offer.get("date") != "2019-06-14" and "made_at" not in offer, offer
    at = drafted(kb, rules, talks + "At the talks India offered Kyrgyzstan a line of credit of US$100 million for "
                 "defence equipment.", dt.date(2019, 6, 15))
    offer = next(d for d in at.drafts if d["kind"] == "proposal")
    assert offer["date"] == "2019-06-14" and offer.get("made_at"), offer
