"""Reading an article as a whole, one behaviour per test: a sentence, its
article around it, and the frame the drafter should make of it (context
phrases, office holders, pronouns, predicates, places, decisions, editions,
references back, and what is no event)."""

from __future__ import annotations

import datetime as dt

import pytest

from icadb.drafting import Article, draft

PUBLISHED = dt.date(2024, 4, 26)  # a Friday


def drafted(kb, rules, text: str, published: dt.date = PUBLISHED):
    return draft(Article("test-document", text, published, published), kb, rules)


def quoting(result, sentence: str) -> dict:
    """The draft whose evidence quotes *sentence*."""
    found = [d for d in result.drafts if any(e["quote"] == sentence for e in d["evidence"])]
    assert len(found) == 1, [d["id"] for d in result.drafts]
    return found[0]


def roles(record: dict) -> dict[str, str]:
    return {c["iso3"]: c["role"] for c in record.get("countries") or ()}


# ------------------------------------------------------------------------- context

@pytest.mark.parametrize("sentence, expected", [
    ("The two sides agreed to expand cooperation in military medicine.", {"IND": "party", "KAZ": "party"}),
    ("Both countries signed a memorandum on cyber security on Tuesday.", {"IND": "party", "KAZ": "party"}),
])
def test_a_counted_phrase_is_the_articles_two_parties(kb, rules, sentence, expected):
    text = f"India and Kazakhstan hold security talks\n\nOfficials of India and Kazakhstan met in Astana.\n\n{sentence}\n"
    record = quoting(drafted(kb, rules, text), sentence)
    assert roles(record) == expected
    assert "the countries of the meeting of sentence 2" in record["draft_notes"]["countries"] or \
        "the article's parties" in record["draft_notes"]["countries"], "the note says what it resolved to and why"


def test_both_armies_are_the_exercise_in_focus(kb, rules):
    text = ("Exercise report\n\nIndian and Kyrgyz troops began a joint exercise near Bishkek on 15 April.\n"
            "Both armies rehearsed the clearing of villages and signed a protocol on mountain training on Tuesday.\n")
    agreement = next(d for d in drafted(kb, rules, text).drafts if d["kind"] == "agreement")
    assert set(roles(agreement)) == {"IND", "KGZ"}


def test_the_six_nations_are_india_and_the_five(kb, rules):
    sentence = "The six nations agreed to set up a joint working group on connectivity on Monday."
    record = quoting(drafted(kb, rules, f"Summit report\n\n{sentence}\n"), sentence)
    assert set(roles(record)) == {"IND", "KAZ", "KGZ", "TJK", "TKM", "UZB"}
    assert "context.six" in record["draft_notes"]["countries"]


def test_the_participants_are_those_of_the_meeting_in_focus(kb, rules):
    text = ("Security meeting\n\nSecurity officials of India, Kazakhstan and Uzbekistan met in Tashkent on Monday.\n"
            "The participants agreed to set up a joint working group on drug trafficking.\n")
    agreement = next(d for d in drafted(kb, rules, text).drafts if d["kind"] == "agreement")
    assert set(roles(agreement)) == {"IND", "KAZ", "UZB"}


def test_the_visiting_delegation_is_the_side_that_came(kb, rules):
    text = ("Talks in Dushanbe\n\nIndian and Tajik officials held talks in Dushanbe on Monday.\n"
            "The visiting delegation offered training places at Indian academies.\n")
    proposal = next(d for d in drafted(kb, rules, text).drafts if d["kind"] == "proposal")
    assert roles(proposal).get("IND") == "proposer"


def test_a_phrase_followed_by_of_names_its_own_parties(kb, rules):
    sentence = "The foreign ministers of India and Turkmenistan will meet in Ashgabat next month."
    text = f"Talks report\n\nIndian and Kazakh officials met in Astana on Monday.\n\n{sentence}\n"
    assert set(roles(quoting(drafted(kb, rules, text), sentence))) == {"IND", "TKM"}


# ------------------------------------------------------------------- office holders

def test_an_office_holder_stands_for_the_country_he_held_office_for(kb, rules):
    record = quoting(drafted(kb, rules, "Tokayev offered India a rail link on Tuesday."),
                     "Tokayev offered India a rail link on Tuesday.")
    assert roles(record) == {"KAZ": "proposer", "IND": "target"}
    assert "Kassym-Jomart Tokayev, President of KAZ" in record["draft_notes"]["countries"]


def test_a_former_office_holder_stands_for_no_country(kb, rules):
    result = drafted(kb, rules, "Nazarbayev offered India a rail link on Tuesday.")
    assert all("KAZ" not in roles(d) for d in result.drafts)


def test_an_office_holder_in_office_in_a_year_the_sentence_names(kb, rules):
    sentence = "In September 2021, Patrushev held talks with Doval in New Delhi."
    record = quoting(drafted(kb, rules, sentence, dt.date(2025, 3, 1)), sentence)
    assert set(roles(record)) == {"IND", "RUS"}


def test_a_pronoun_is_the_person_before_it(kb, rules):
    text = "Doval spoke at the meeting in Astana on Tuesday.\nHe offered India's payment technology free of charge.\n"
    proposal = next(d for d in drafted(kb, rules, text).drafts if d["kind"] == "proposal")
    assert roles(proposal)["IND"] == "proposer"


# ------------------------------------------------------------------------ predicates

def test_each_predicate_keeps_its_own_date_status_and_place(kb, rules):
    sentence = ("India and Kazakhstan signed a memorandum on cyber security on Monday and agreed to hold the "
                "next round in New Delhi next year.")
    result = drafted(kb, rules, sentence)
    agreement = next(d for d in result.drafts if d["kind"] == "agreement")
    meeting = next(d for d in result.drafts if d["kind"] == "meeting")
    assert (agreement["status"], str(agreement["date"])) == ("signed", "2024-04-22")
    assert "place" not in agreement
    assert (meeting["status"], str(meeting["date"]), meeting.get("place")) == ("planned", "2025", "new-delhi")


def test_a_clause_with_a_subject_of_its_own_is_a_predicate_of_its_own(kb, rules):
    result = drafted(kb, rules, "Kazakhstan joined the Ashgabat Agreement later, and Pakistan came on board in 2016.")
    assert all("PAK" not in roles(d) or d.get("date") == "2016" for d in result.drafts)


# ---------------------------------------------------------------------------- places

def test_a_place_the_gazetteer_lacks_gets_its_country_from_the_text(kb, rules):
    record = quoting(drafted(kb, rules, "Indian troops held a joint exercise at Forish in southern Uzbekistan on "
                                        "Monday."),
                     "Indian troops held a joint exercise at Forish in southern Uzbekistan on Monday.")
    assert roles(record)["UZB"] == "host" and "Forish is in UZB" in record["draft_notes"]["place"]


def test_a_possessive_is_no_place(kb, rules):
    sentence = "An official of India's defence ministry offered Kyrgyzstan a credit line on Monday."
    assert "place" not in quoting(drafted(kb, rules, sentence), sentence)


# ------------------------------------------------------------------ acts of a meeting

def test_a_decision_of_the_leaders_is_agreed_by_the_meetings_parties(kb, rules):
    text = ("Summit report\n\nThe leaders of India and all five Central Asian states met by video link on "
            "Monday.\nAt that meeting the leaders agreed to set up a joint working group on Chabahar port.\n")
    agreement = next(d for d in drafted(kb, rules, text).drafts if d["kind"] == "agreement")
    assert agreement["status"] == "agreed"
    assert set(roles(agreement)) == {"IND", "KAZ", "KGZ", "TJK", "TKM", "UZB"}


def test_an_offer_made_at_a_meeting_is_addressed_to_its_other_participants(kb, rules):
    text = ("Talks report\n\nSecurity officials of India, Kazakhstan and Kyrgyzstan met in Bishkek on Monday.\n"
            "At the meeting, Doval offered capacity-building programmes.\n")
    result = drafted(kb, rules, text)
    proposal = next(d for d in result.drafts if d["kind"] == "proposal")
    assert roles(proposal) == {"IND": "proposer", "KAZ": "target", "KGZ": "target"}
    meeting = next(d for d in result.drafts if d["kind"] == "meeting")
    assert proposal["made_at"] == meeting["id"] and str(proposal["date"]) == "2024-04-22"


# -------------------------------------------------------------------------- editions

def test_the_previous_edition_is_the_one_before_the_edition_told(kb, rules):
    text = ("KazInd report\n\nThe seventh edition of the KazInd exercise of Indian and Kazakh troops began at Otar "
            "on 15 April.\nThe previous edition was held at Umroi in 2023.\n")
    editions = {d.get("edition"): d for d in drafted(kb, rules, text).drafts if d["kind"] == "exercise"}
    assert set(editions) == {7, 6} and str(editions[6]["date"]) == "2023" and editions[6].get("place") == "umroi"


def test_an_ordinal_several_words_before_the_series_name(kb, rules):
    record = quoting(drafted(kb, rules, "The sixth India-Uzbekistan joint military exercise Dustlik opened in Pune "
                                        "on Wednesday."),
                     "The sixth India-Uzbekistan joint military exercise Dustlik opened in Pune on Wednesday.")
    assert (record["series"], record["edition"]) == ("dustlik", 6)


# --------------------------------------------------------------------- referring back

def test_a_definite_mention_joins_the_event_told_last(kb, rules):
    text = ("Exercise report\n\nIndian and Kazakh troops opened the KazInd exercise near Taraz on Monday.\n"
            "Two officers from the Kyrgyz armed forces are attending the exercise as observers.\n")
    exercises = [d for d in drafted(kb, rules, text).drafts if d["kind"] == "exercise"]
    assert len(exercises) == 1 and roles(exercises[0])["KGZ"] == "observer"


def test_a_sentence_naming_the_proposal_joins_it(kb, rules):
    text = ("China proposed a joint exercise of the SCO member states in Xinjiang on Monday.\n"
            "India has yet to respond to the proposal, he added.\n")
    proposals = [d for d in drafted(kb, rules, text).drafts if d["kind"] == "proposal"]
    assert len(proposals) == 1 and len(proposals[0]["evidence"]) == 2


# ------------------------------------------------------------------------ no event

@pytest.mark.parametrize("sentence", [
    "Kazakhstan has sought to balance its ties with Russia and China.",  # an attempt, not a request
    "India can offer the region training without debt or bases.",  # a modal and a negation
    "According to sources who asked not to be named, the talks went well.",  # a rumour's wording
    "Whether the forum turns into something will depend on the next round.",  # a hypothesis
])
def test_no_event_is_drafted(kb, rules, sentence):
    assert [d["kind"] for d in drafted(kb, rules, sentence).drafts] == []


def test_what_another_event_is_for_is_no_event_of_its_own(kb, rules):
    sentence = ("The joint working group of India and Kazakhstan will meet in New Delhi next month to review the "
                "exercise programme.")
    assert [d["kind"] for d in drafted(kb, rules, sentence).drafts] == ["meeting"]


# ---------------------------------------------------------------------- retellings

def test_joining_a_recorded_membership_is_evidence_for_it(kb, rules):
    result = drafted(kb, rules, "India has become a member of the Ashgabat Agreement on Thursday.",
                     dt.date(2018, 2, 2))
    assert result.drafts == []
    assert [s["add_evidence_to"] for s in result.suggestions] == ["india-ashgabat-agreement-membership"]
    assert "the same organisation (ashgabat-agreement)" in result.suggestions[0]["note"]


def test_an_edition_of_a_series_is_no_record_outside_it(kb, rules):
    sentence = "India is preparing to host the second India-Central Asia Summit later this year."
    result = drafted(kb, rules, sentence, dt.date(2025, 10, 14))
    record = quoting(result, sentence)
    assert (record["series"], record["edition"], record["status"]) == ("ica-summit", 2, "planned")
    assert result.suggestions == []


def test_a_terminal_a_contract_is_about_is_no_facility_of_its_own(kb, rules):
    sentence = ("An Indian company signed a ten-year contract with Iran's port authority in Tehran on Monday to "
                "equip and operate a terminal at Chabahar.")
    assert [d["kind"] for d in drafted(kb, rules, sentence, dt.date(2024, 5, 15)).drafts] == ["agreement"]


def test_a_terminal_run_under_an_arrangement_is_a_facility(kb, rules):
    # a clause of its own ("under which ...") reports the terminal, which the seeds hold
    sentence = ("The new contract replaces the stop-gap arrangement under which the Indian company has run the "
                "terminal at Iran's Chabahar port since 2018.")
    result = drafted(kb, rules, sentence, dt.date(2024, 5, 15))
    assert "chabahar-shaheed-beheshti-terminal" in [s["add_evidence_to"] for s in result.suggestions]


def test_a_request_of_people_who_are_no_state_is_no_proposal(kb, rules):
    sentence = "Jaishankar urged critics not to look at the Chabahar project narrowly on Tuesday."
    assert [d for d in drafted(kb, rules, sentence).drafts if d["kind"] == "proposal"] == []


def test_what_a_speaker_noted_is_no_party_to_the_request(kb, rules):
    sentence = ("Jaishankar asked the Central Asian states to use Chabahar on Tuesday, and noted that Iran had "
                "long backed the idea.")
    proposal = next(d for d in drafted(kb, rules, sentence).drafts if d["kind"] == "proposal")
    assert "IRN" not in roles(proposal)


def test_a_base_named_later_is_the_base_the_seeds_hold(kb, rules):
    # the seeds know Russia's bases in Kyrgyzstan as standing in early 2022: a mention in 2026 is the same base
    sentence = "In January 2026, Kyrgyzstan hosted a Russian air base at Kant, near Bishkek."
    result = drafted(kb, rules, sentence, dt.date(2026, 2, 5))
    assert result.drafts == []  # "hosted a ... base" is the base, no meeting
    assert [s["add_evidence_to"] for s in result.suggestions] == ["russia-military-base-kyrgyzstan"]


def test_the_terminal_again_is_the_terminal_told_before(kb, rules):
    text = ("India's company took over the operation of a port terminal in Iran's Chabahar on Monday.\n"
            "It will invest about $120 million in cranes for the terminal.\n")
    facilities = [d for d in drafted(kb, rules, text).drafts if d["kind"] == "facility"]
    suggestions = [s for s in drafted(kb, rules, text).suggestions]
    assert len(facilities) + len(suggestions) == 1


def test_an_edition_told_with_its_verb_left_out_is_a_record_of_its_own(kb, rules):
    text = ("Indian and Kyrgyz special forces began the 13th edition of the Khanjar exercise on Wednesday.\n"
            "The last edition took place at Tokmok in Kyrgyzstan in March last year, and the one before that at "
            "Bakloh in India from January 22 to February 3, 2024.\n")
    result = drafted(kb, rules, text, dt.date(2026, 2, 5))
    earlier = sorted((d["edition"], d["date"], d.get("place"), roles(d)) for d in result.drafts
                     if d["kind"] == "exercise" and d["edition"] != 13)
    assert earlier == [(11, "2024-01-22", "bakloh", {"IND": "host", "KGZ": "participant"}),
                       (12, "2025-03", "tokmok", {"KGZ": "host", "IND": "participant"})]


def test_where_a_series_goes_by_turns_hosts_no_edition(kb, rules):
    text = ("Indian and Kyrgyz special forces began the 13th edition of the Khanjar exercise at Missamari in India "
            "on Wednesday.\nThe exercise is held in India and Kyrgyzstan by turns.\n")
    exercise = next(d for d in drafted(kb, rules, text, dt.date(2026, 2, 5)).drafts if d["kind"] == "exercise")
    assert roles(exercise) == {"IND": "host", "KGZ": "participant"}


def test_talks_on_the_margins_are_held_beside_the_meeting_told(kb, rules):
    text = ("Jaishankar hosted the foreign ministers of the five Central Asian states in New Delhi on Monday.\n"
            "On the margins, Jaishankar held separate talks with his Kazakh and Uzbek counterparts.\n")
    result = drafted(kb, rules, text)
    main = quoting(result, text.splitlines()[0])
    beside = [d for d in result.drafts if d.get("sidelines_of")]
    assert sorted(tuple(sorted(roles(d))) for d in beside) == [("IND", "KAZ"), ("IND", "UZB")]
    for d in beside:
        assert (d["sidelines_of"], d["date"], d.get("place")) == (main["id"], "2024-04-22", "new-delhi")
        assert "On the margins" in d["draft_notes"]["sidelines_of"]


def test_the_first_editions_each_with_its_date_are_a_record_each(kb, rules):
    sentence = "The first two rounds of the dialogue were hosted by Iran, in September 2018 and December 2019."
    meetings = sorted((d["date"], roles(d)["IRN"]) for d in drafted(kb, rules, sentence).drafts
                      if d["kind"] == "meeting")
    assert meetings == [("2018-09", "host"), ("2019-12", "host")]


def test_a_clause_of_time_keeps_its_countries_to_itself(kb, rules):
    sentence = ("Doval hosted the security chiefs of Russia, Iran and the five Central Asian states in New Delhi on "
                "Wednesday for the third dialogue on Afghanistan, three months after the Taliban took Kabul.")
    meeting = quoting(drafted(kb, rules, sentence, dt.date(2021, 11, 11)), sentence)
    assert roles(meeting)["AFG"] == "subject" and roles(meeting)["IND"] == "host"


def test_a_list_after_a_topic_noun_is_the_topic(kb, rules):
    text = ("Doval hosted the security chiefs of Russia and Kazakhstan in New Delhi on Wednesday.\n"
            "The participants also condemned the recent attacks in Kunduz, Kandahar and Kabul.\n")
    meeting = quoting(drafted(kb, rules, text, dt.date(2021, 11, 11)), text.splitlines()[0])
    assert "AFG" not in {i for i, r in roles(meeting).items() if r != "subject"}


def test_bases_in_two_countries_are_a_base_in_each(kb, rules):
    sentence = "Russia has military bases in Tajikistan and Kyrgyzstan, the report said on Monday."
    result = drafted(kb, rules, sentence)
    told = sorted((s["add_evidence_to"]) for s in result.suggestions) + \
        sorted(tuple(sorted(roles(d).items())) for d in result.drafts if d["kind"] == "facility")
    assert told == ["russia-military-base-kyrgyzstan", "russia-military-base-tajikistan"]


def test_invited_in_the_passive_beside_a_meeting_is_the_hosts_invitation_before_it(kb, rules):
    text = ("Doval hosted the security chiefs of Russia and Kazakhstan in New Delhi on Wednesday.\n"
            "Pakistan and China had also been invited but stayed away.\n")
    result = drafted(kb, rules, text, dt.date(2021, 11, 11))
    invitation = quoting(result, "Pakistan and China had also been invited but stayed away.")
    assert roles(invitation) == {"IND": "proposer", "PAK": "target", "CHN": "target"}
    assert (invitation["date_precision"], invitation["date_latest"]) == ("unknown", "2021-11-10")


def test_receiving_the_visitors_after_the_meeting_is_a_meeting_of_its_day(kb, rules):
    text = ("Doval hosted the security chiefs of Russia and Kazakhstan in New Delhi on Wednesday.\n\n"
            "Pakistan stayed away.\n\nThe declaration was short.\n\n"
            "Prime Minister Narendra Modi received the visiting security chiefs together after the dialogue.\n")
    result = drafted(kb, rules, text, dt.date(2021, 11, 11))
    reception = quoting(result, text.splitlines()[-1])
    assert roles(reception) == {"IND": "host", "RUS": "participant", "KAZ": "participant"}
    assert (reception["date"], reception.get("sidelines_of")) == ("2021-11-10", None)


def test_a_summit_due_later_is_the_recorded_summit_named_in_lower_case(kb, rules):
    # "the India-Central Asia summit due in January": the series in lower case, and the record of a summit
    # held after the article is the one it announces
    sentence = ("Meredov described the meeting as an important step in preparing the India-Central Asia summit "
                "due in January.")
    result = drafted(kb, rules, sentence, dt.date(2021, 12, 19))
    assert "ica-summit-2022-01" in [s["add_evidence_to"] for s in result.suggestions]


def test_the_dialogue_launched_earlier_is_the_dialogue_named_not_the_event_before(kb, rules):
    text = ("Jaishankar hosted the foreign ministers of Kazakhstan and Uzbekistan for the India-Central Asia "
            "Dialogue in New Delhi on Sunday.\n"
            "He said the India-Central Asia summit would follow in January.\n"
            "The Dialogue was launched at a first meeting in Samarkand, Uzbekistan, in January 2019.\n")
    result = drafted(kb, rules, text, dt.date(2021, 12, 19))
    first = quoting(result, text.splitlines()[-1]) if any(
        e["quote"] == text.splitlines()[-1] for d in result.drafts for e in d["evidence"]) else None
    assert first is not None and (first["series"], first["edition"]) == ("ica-dialogue", 1)
    # not the parties of the Dialogue told before it (Kazakhstan), only its host and India, the series' own
    assert roles(first) == {"UZB": "host", "IND": "participant"}


def test_a_question_reports_nothing(kb, rules):
    text = ("Indian and Uzbek troops ended the fourth Dustlik exercise at Pithoragarh on Monday.\n"
            "Q. Exercise Dustlik is held between India and which country? (a) Kazakhstan (b) Uzbekistan\n")
    exercise = next(d for d in drafted(kb, rules, text).drafts if d["kind"] == "exercise")
    assert set(roles(exercise)) == {"IND", "UZB"} and len(exercise["evidence"]) == 1


def test_an_undated_first_edition_and_the_dated_unnumbered_one_are_one_event(kb, rules):
    text = ("The meeting came ten months after the first-ever India-Central Asia Summit.\n"
            "In January 2022, Modi chaired the India-Central Asia Summit, attended by all five Central Asian "
            "heads of state.\n")
    result = drafted(kb, rules, text, dt.date(2022, 12, 31))
    summits = [d for d in result.drafts if d.get("series") == "ica-summit"] + \
        [s for s in result.suggestions if s["add_evidence_to"] == "ica-summit-2022-01"]
    assert len(summits) == 1 and len(summits[0]["evidence"]) == 2


def test_an_invitation_to_its_own_occasion_on_a_day_without_year_is_a_visit_to_come(kb, rules):
    sentence = ("India has invited the presidents of the five Central Asian states to be chief guests at its "
                "Republic Day celebrations on January 26, people familiar with the matter said.")
    result = drafted(kb, rules, sentence, dt.date(2021, 12, 19))
    visit = [d for d in result.drafts if d["kind"] == "meeting"] + \
        [s for s in result.suggestions if s["add_evidence_to"] == "ica-leaders-republic-day-2022"]
    assert len(visit) == 1 and not [d for d in result.drafts if d["kind"] == "proposal"]


def test_a_day_without_year_that_one_is_invited_to_is_to_come(kb, rules):
    # a visit to come, dated on the March 22 after the article, not on the one before it
    sentence = ("Kazakhstan has invited India's defence minister to be the chief guest at its Nauryz celebrations "
                "on March 22, officials said.")
    result = drafted(kb, rules, sentence, dt.date(2024, 12, 10))
    assert [(d["kind"], d["status"], d["date"]) for d in result.drafts] == [("meeting", "planned", "2025-03-22")]


def test_a_visit_one_hopes_to_organise_is_proposed_and_the_two_countries_are_the_sentences(kb, rules):
    sentence = ("Tileuberdi said Kazakhstan hoped to organise a visit by President Tokayev to India next year, when "
                "the two countries mark 30 years of diplomatic relations.")
    visit = quoting(drafted(kb, rules, sentence, dt.date(2021, 12, 19)), sentence)
    assert (visit["kind"], visit["status"], visit["date"]) == ("meeting", "proposed", "2022")
    assert roles(visit) == {"IND": "host", "KAZ": "participant"}


def test_one_presidents_visit_is_not_the_visit_of_five(kb, rules):
    # the seeds hold the five presidents' planned Republic Day visit of January 2022
    sentence = "Kazakhstan hopes to organise a visit by President Tokayev to India in January 2022."
    result = drafted(kb, rules, sentence, dt.date(2021, 12, 19))
    assert result.suggestions == [] and [d["kind"] for d in result.drafts] == ["meeting"]


def test_calling_on_the_prime_minister_is_a_meeting_he_hosts(kb, rules):
    text = ("Jaishankar hosted the foreign ministers of Kazakhstan and Uzbekistan in New Delhi on Sunday.\n"
            "The visiting ministers are expected to call on Prime Minister Narendra Modi together on Monday.\n")
    call = quoting(drafted(kb, rules, text, dt.date(2021, 12, 19)), text.splitlines()[1])
    assert (call["status"], call["date"]) == ("planned", "2021-12-20")
    assert roles(call) == {"IND": "host", "KAZ": "participant", "UZB": "participant"}


def test_ministers_who_promise_together_decide_and_one_country_that_promises_offers(kb, rules):
    text = ("Jaishankar hosted the foreign ministers of Kazakhstan and Uzbekistan in New Delhi on Sunday.\n"
            "The ministers promised to send urgent humanitarian help to Afghans.\n"
            "India also pledged to train 100 Uzbek officers.\n")
    result = drafted(kb, rules, text, dt.date(2021, 12, 19))
    decision = quoting(result, text.splitlines()[1])
    assert (decision["kind"], decision["status"]) == ("agreement", "agreed")
    assert roles(decision) == {"IND": "party", "KAZ": "party", "UZB": "party", "AFG": "subject"}
    offer = quoting(result, text.splitlines()[2])
    assert (offer["kind"], offer["status"], roles(offer)["IND"]) == ("proposal", "offered", "proposer")


def test_a_country_that_should_do_something_is_no_party(kb, rules):
    sentence = ("India and Kazakhstan on Sunday said Afghanistan should never again serve as a launch pad for "
                "attacks, as Jaishankar hosted talks in New Delhi.")
    meeting = quoting(drafted(kb, rules, sentence, dt.date(2021, 12, 19)), sentence)
    assert roles(meeting)["AFG"] == "subject"


def test_a_topic_after_a_demonym_in_the_headline_is_no_party_of_the_article(kb, rules):
    text = ("India, Central Asian ministers say Afghan soil must not shelter terrorists\n\n"
            "The two countries will also hold talks in Astana next month.\n")
    talks = quoting(drafted(kb, rules, text, dt.date(2021, 12, 19)), text.splitlines()[-1])
    assert "AFG" not in roles(talks)


def test_a_state_visit_told_after_the_talks_is_those_talks(kb, rules):
    text = ("Prime Minister Narendra Modi and Kyrgyz President Almazbek Atambayev held talks in New Delhi on "
            "Tuesday.\nAtambayev is on a four-day state visit, the first he has made to India.\n"
            "At the talks India offered medical equipment for cancer patients in Kyrgyzstan.\n")
    result = drafted(kb, rules, text, dt.date(2016, 12, 21))
    talks = quoting(result, text.splitlines()[0])
    assert any(e["quote"] == text.splitlines()[1] for e in talks["evidence"])
    offer = next(d for d in result.drafts if d["kind"] == "proposal")
    assert (offer["made_at"], offer["date"], roles(offer)) == (talks["id"], "2016-12-20",
                                                               {"IND": "proposer", "KGZ": "target"})


def test_the_talks_of_a_visit_give_its_day_and_the_arrival_its_span(kb, rules):
    text = ("President Kovind and President Serdar Berdimuhamedov held talks in Ashgabat on Saturday.\n"
            "Kovind arrived in the Turkmen capital on Friday for a three-day state visit.\n"
            "It is one of the first visits hosted by Berdimuhamedov, 40, who took office last month.\n")
    meetings = [d for d in drafted(kb, rules, text, dt.date(2022, 4, 3)).drafts if d["kind"] == "meeting"]
    assert [(m["date"], len(m["evidence"])) for m in meetings] == [("2022-04-02", 3)]


def test_a_country_whose_neighbours_they_are_is_the_topic(kb, rules):
    sentence = ("Kovind said after the talks in Ashgabat on Saturday that India and Turkmenistan, as Afghanistan's "
                "near neighbours, are worried.")
    meeting = quoting(drafted(kb, rules, sentence, dt.date(2022, 4, 3)), sentence)
    assert roles(meeting)["AFG"] == "subject"


def test_a_planned_exercise_is_of_the_series_the_article_names_for_its_countries(kb, rules):
    text = ("Modi and Atambayev reviewed defence ties during talks in New Delhi on Tuesday, and said the next round "
            "of the two armies' joint counter-terrorism exercise would be held in Kyrgyzstan in the first three "
            "months of 2017.\n"
            "Modi described the exercises, known as Khanjar, as a fixed part of the two armies' calendar.\n")
    result = drafted(kb, rules, text, dt.date(2016, 12, 21))
    planned = [d for d in result.drafts if d["kind"] == "exercise" and d["status"] == "planned"]
    assert [(d["series"], roles(d)["KGZ"]) for d in planned] == [("khanjar", "host")]
    assert "sco-rats-exercise-india" not in [s["add_evidence_to"] for s in result.suggestions]


def test_exercises_an_agreement_covers_are_no_exercise_of_their_own(kb, rules):
    sentence = ("In July 2015 the two countries signed an agreement on defence cooperation that covers training, "
                "military education and joint exercises.")
    result = drafted(kb, rules, "India and Kyrgyzstan held talks in Bishkek on Sunday.\n" + sentence + "\n",
                     dt.date(2016, 12, 21))
    assert [d["kind"] for d in result.drafts if any(e["quote"] == sentence for e in d["evidence"])] == ["agreement"]


def test_belonging_to_an_organisation_is_a_membership_and_for_years_is_ongoing(kb, rules):
    text = ("Kyrgyzstan belongs to the Russia-led Collective Security Treaty Organisation.\n"
            "Kyrgyz officers have for years attended courses at Indian military institutions.\n")
    result = drafted(kb, rules, text, dt.date(2016, 12, 21))
    membership = quoting(result, text.splitlines()[0])
    assert (membership["kind"], membership["agreement_type"], roles(membership)["KGZ"]) == \
        ("agreement", "membership", "member")
    assert quoting(result, text.splitlines()[1])["status"] == "ongoing"


NSA_MEETING = ("The heads of the security councils of Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan sat down with "
               "India's National Security Adviser Ajit Doval in New Delhi on Tuesday for the first India-Central Asia "
               "meeting of national security advisers.\n")


def test_an_earlier_event_a_meeting_grew_out_of_takes_none_of_its_sentences(kb, rules):
    text = (NSA_MEETING + "The meeting grew out of the first India-Central Asia Summit, which the leaders of the six "
            "countries held by video link in January, when they agreed that their security council secretaries "
            "should meet regularly.\nOpening the session, Doval called Central Asia part of India's extended "
            "neighbourhood.\nAfghanistan dominated the talks.\n")
    result = drafted(kb, rules, text, dt.date(2022, 12, 7))
    summit = [s for s in result.suggestions if s["add_evidence_to"] == "ica-summit-2022-01"]
    assert [len(s["evidence"]) for s in summit] == [1]
    decision = next(d for d in result.drafts if d["kind"] == "agreement")
    assert (decision["status"], decision["date"]) == ("agreed", "2022-01")  # what was agreed, not advice


def test_an_idea_that_won_the_backing_of_all_is_agreed_and_a_countrys_proposal_for_is_its_proposal(kb, rules):
    text = (NSA_MEETING + "India's idea of making Chabahar part of the corridor won the backing of all the "
            "participants.\nNurdauletov used the meeting to promote Kazakhstan's proposal for a network of "
            "regional biosecurity centres.\nFor Kazakhstan, the new format offers a seat at the table.\n")
    result = drafted(kb, rules, text, dt.date(2022, 12, 7))
    backed = quoting(result, text.splitlines()[1])
    assert (backed["kind"], backed["status"], roles(backed)["IND"]) == ("proposal", "agreed", "proposer")
    assert set(roles(backed)) == {"IND", "KAZ", "KGZ", "TJK", "UZB"}
    biosecurity = next(d for d in result.drafts if d["kind"] == "proposal" and
                       any(e["quote"] == text.splitlines()[2] for e in d["evidence"]))
    assert (biosecurity["kind"], roles(biosecurity)["KAZ"]) == ("proposal", "proposer")
    assert not any(e["quote"] == text.splitlines()[3] for d in result.drafts for e in d["evidence"])


def test_members_of_two_bodies_are_a_membership_of_each(kb, rules):
    sentence = ("India and the Central Asian members of the INSTC and the Ashgabat Agreement urged the others to "
                "join both.")
    result = drafted(kb, rules, NSA_MEETING + sentence + "\n", dt.date(2022, 12, 7))
    told = sorted(s["add_evidence_to"] for s in result.suggestions if any(e["quote"] == sentence
                                                                          for e in s["evidence"]))
    assert told == ["india-ashgabat-agreement-membership", "india-instc-membership"]


def test_a_country_named_in_what_he_told_them_is_no_participant(kb, rules):
    text = (NSA_MEETING + "He told the delegations that such projects had to respect sovereignty, unlike China's.\n")
    meeting = [s for s in drafted(kb, rules, text, dt.date(2022, 12, 7)).suggestions
               if s["add_evidence_to"] == "ica-nsa-2022-new-delhi"]
    assert meeting and "CHN" not in meeting[0]["note"]


ASTANA = ("India's National Security Adviser Ajit Doval sat down with his Kazakh counterpart in Astana on 17 October "
          "2023 for the second India-Central Asia meeting of national security advisers.\n")


def test_a_pledge_and_an_invitation_in_one_sentence_are_each_the_record_of_it(kb, rules):
    sentence = ("On cyber security, he pledged Indian help in protecting the region's networks and asked the chiefs "
                "of its cyber agencies to visit India.")
    result = drafted(kb, rules, ASTANA + sentence + "\n", dt.date(2023, 10, 19))
    told = sorted(s["add_evidence_to"] for s in result.suggestions if any(e["quote"] == sentence
                                                                          for e in s["evidence"]))
    assert told == ["india-cyber-agency-heads-invitation-2023", "india-cyber-defence-offer-2023"]


def test_a_terminal_an_indian_company_runs_is_told_again_beside_the_request(kb, rules):
    sentence = ("Doval urged the region's governments to ship their goods through the Shaheed Beheshti terminal "
                "that an Indian company runs at Iran's Chabahar port.")
    result = drafted(kb, rules, ASTANA + sentence + "\n", dt.date(2023, 10, 19))
    assert "chabahar-shaheed-beheshti-terminal" in [s["add_evidence_to"] for s in result.suggestions]


def test_what_a_country_offers_with_nothing_after_it_is_no_offer(kb, rules):
    result = drafted(kb, rules, "None of this is new money on the scale that Beijing offers.", dt.date(2023, 10, 19))
    assert result.drafts == []


def test_members_of_the_corridor_are_members_of_the_corridor_the_article_named(kb, rules):
    text = (ASTANA + "Doval asked them to back making Chabahar part of the International North-South Transport "
            "Corridor.\nHe told the meeting that all five Central Asian states would soon be members of the "
            "corridor, once Uzbekistan and Turkmenistan join it.\n")
    result = drafted(kb, rules, text, dt.date(2023, 10, 19))
    told = [s["add_evidence_to"] for s in result.suggestions if any(e["quote"] == text.splitlines()[-1]
                                                                    for e in s["evidence"])]
    assert "instc-uzbekistan-turkmenistan-accession" in told and "india-sco-membership-2017" not in told


SAMARKAND = ("The first meeting of the India-Central Asia Dialogue took place in Samarkand, Uzbekistan, on 13 January "
             "2019, bringing together the foreign ministers of India and the five Central Asian states.\n")


def test_the_central_asian_states_are_all_five_unless_some_of_them(kb, rules):
    text = (SAMARKAND + "Swaraj urged the Central Asian states to make use of Chabahar port in Iran for their trade.\n"
            "An exercise with one of the Central Asian republics was also discussed.\n")
    result = drafted(kb, rules, text, dt.date(2019, 1, 14))
    invitation = quoting(result, text.splitlines()[1])
    assert (invitation["proposal_type"], invitation["status"]) == ("invitation", "offered")
    assert roles(invitation) == {"IND": "proposer", "KAZ": "target", "KGZ": "target", "TJK": "target",
                                 "TKM": "target", "UZB": "target", "IRN": "subject"}
    assert not any(set(roles(d)) >= {"KAZ", "KGZ", "TJK", "TKM", "UZB"} for d in result.drafts
                   if any(e["quote"] == text.splitlines()[2] for e in d["evidence"]) and d["kind"] == "exercise")


def test_who_a_decision_will_invite_neither_takes_part_nor_is_a_party(kb, rules):
    sentence = ("The ministers agreed that the second meeting of the Dialogue would be held in India in 2020 and "
                "that Afghanistan would be invited to take part in it regularly.")
    result = drafted(kb, rules, SAMARKAND + sentence + "\n", dt.date(2019, 1, 14))
    quoted = [d for d in result.drafts if any(e["quote"] == sentence for e in d["evidence"])]
    assert sorted(d["kind"] for d in quoted) == ["agreement", "meeting"]
    assert all(roles(d).get("AFG") in (None, "subject") for d in quoted)


def test_what_they_discussed_is_the_topic(kb, rules):
    text = ("In October, Indian and Uzbek officials met in Tashkent for a round of their working group on "
            "counter-terrorism.\nThey discussed foreign fighters returning from Syria and Afghanistan.\n"
            "The agenda of the next round would include Iran.\n")
    meeting = quoting(drafted(kb, rules, text, dt.date(2025, 11, 19)), text.splitlines()[0])
    assert {i for i, r in roles(meeting).items() if r != "subject"} == {"IND", "UZB"}


def test_strategic_partners_since_a_year_are_the_recorded_partnership(kb, rules):
    sentence = "India and Kazakhstan have been strategic partners since 2009."
    result = drafted(kb, rules, sentence, dt.date(2025, 9, 16))
    assert result.drafts == []
    assert [s["add_evidence_to"] for s in result.suggestions] == ["india-kazakhstan-strategic-partnership"]


# ------------------------------------------------- a new user's article, in general
# An exercise, talks and what was signed at them, told as wire reports tell them: the article's parties are
# named in the headline and dateline paragraph, the rest refers back to them.
WIRE = ("India and Kyrgyzstan open joint exercise, sign defence memorandum\n"
        "BISHKEK, April 26, 2024\n"
        "The armies of India and Kyrgyzstan began their joint military exercise near Bishkek on Monday, April 22.\n"
        "The exercise will end on May 3, the Kyrgyz defence ministry said.\n"
        "On Wednesday, the defence secretaries of the two countries held talks in Bishkek on border security and "
        "the situation in Afghanistan.\n"
        "At the talks, India and Kyrgyzstan signed a memorandum of understanding on military medicine.\n"
        "An Indian official said the two sides would also set up a joint working group on cyber security.\n"
        "The next round of talks is expected in New Delhi later this year.\n")


def wire_line(n: int) -> str:
    return WIRE.splitlines()[n]


def taking_part(record: dict) -> set[str]:
    return {i for i, r in roles(record).items() if r != "subject"}


def test_an_end_date_told_in_a_sentence_of_its_own_ends_the_event_told(kb, rules):
    result = drafted(kb, rules, WIRE)
    exercises = [d for d in result.drafts if d["kind"] == "exercise"]
    assert len(exercises) == 1, [d["id"] for d in exercises]
    assert (exercises[0]["date"], exercises[0].get("end_date")) == ("2024-04-22", "2024-05-03")
    assert wire_line(3) in [e["quote"] for e in exercises[0]["evidence"]]


def test_the_two_countries_are_the_articles_parties_not_a_country_discussed(kb, rules):
    meeting = quoting(drafted(kb, rules, WIRE), wire_line(4))
    assert taking_part(meeting) == {"IND", "KGZ"}
    assert meeting["format"] == "bilateral"


def test_a_preposition_before_a_comma_governs_no_country_after_it(kb, rules):
    result = drafted(kb, rules, WIRE)
    memorandum = next(d for d in result.drafts if d["kind"] == "agreement" and
                      any(e["quote"] == wire_line(5) for e in d["evidence"]))
    assert roles(memorandum) == {"IND": "party", "KGZ": "party"}
    assert memorandum.get("place") == "bishkek", "what is signed at the talks is signed where the talks are"
    assert not any(roles(d).get("IND") == "host" for d in result.drafts if d.get("place") == "bishkek")


def test_what_would_be_set_up_is_not_in_force(kb, rules):
    group = quoting(drafted(kb, rules, WIRE), wire_line(6))
    assert group["kind"] == "agreement"
    assert group["status"] in ("planned", "agreed")


def test_the_next_round_is_of_the_articles_parties(kb, rules):
    nxt = quoting(drafted(kb, rules, WIRE), wire_line(7))
    assert (nxt["kind"], nxt["status"]) == ("meeting", "planned")
    assert taking_part(nxt) == {"IND", "KGZ"}
    assert "afg" not in nxt["id"]


SAME_DAY = ("India and Kyrgyzstan begin joint exercise near Bishkek\n"
            "BISHKEK, April 26, 2024\n"
            "The armies of India and Kyrgyzstan began their joint military exercise on Monday at a range near Bishkek.\n"
            "On the same day, Indian Army Vice Chief Rahul Verma held talks in Bishkek with Kyrgyz Deputy Defence "
            "Minister Talant Osmonov.\n"
            "The two sides signed a memorandum of understanding on military education.\n")


def test_on_the_same_day_is_the_day_of_the_event_before(kb, rules):
    result = drafted(kb, rules, SAME_DAY)
    meeting = quoting(result, SAME_DAY.splitlines()[3])
    assert meeting["kind"] == "meeting"
    assert meeting["date"] == "2024-04-22"
    assert "the same day" in meeting["draft_notes"]["date"]


def test_an_office_holder_the_reference_lacks_has_the_country_before_the_office(kb, rules):
    meeting = quoting(drafted(kb, rules, SAME_DAY), SAME_DAY.splitlines()[3])
    assert taking_part(meeting) == {"IND", "KGZ"}
    memorandum = quoting(drafted(kb, rules, SAME_DAY), SAME_DAY.splitlines()[4])
    assert set(roles(memorandum)) == {"IND", "KGZ"}
    assert memorandum.get("date") == "2024-04-22"


@pytest.mark.parametrize("phrase", ["Both defence ministries", "The two national security advisers",
                                    "The two air forces", "Both navies"])
def test_any_number_before_a_noun_of_those_who_take_part_is_counted(kb, rules, phrase):
    sentence = f"{phrase} signed a memorandum on training on Tuesday."
    text = f"India and Kazakhstan hold security talks\n\nOfficials of India and Kazakhstan met in Astana.\n\n{sentence}\n"
    record = quoting(drafted(kb, rules, text), sentence)
    assert roles(record) == {"IND": "party", "KAZ": "party"}


def test_a_count_of_things_is_no_party_phrase(rules):
    assert rules.counted_pattern.search("the two weeks of drills") is None
    assert rules.counted_pattern.search("both agreements") is None


def test_the_capital_of_a_demonym_is_that_countrys_capital(kb, rules):
    sentence = "Indian and Kyrgyz officials held talks in the Kyrgyz capital on Tuesday."
    record = quoting(drafted(kb, rules, sentence + "\n"), sentence)
    assert record.get("place") == "bishkek"
    assert roles(record)["KGZ"] == "host"


def test_an_edition_of_an_unnamed_series_is_the_seeds_one_of_its_kind_level_and_countries(kb, rules):
    text = ("Doval presses for Chabahar at security meet\n"
            "ASTANA, Oct 18, 2023\n"
            "National Security Adviser Ajit Doval on Tuesday spoke at the second meeting of security chiefs from "
            "India and the five Central Asian republics in the Kazakh capital.\n"
            "The next meeting will be held in Kyrgyzstan in 2024, officials said.\n")
    result = drafted(kb, rules, text, dt.date(2023, 10, 18))
    attached = {s["add_evidence_to"] for s in result.suggestions}
    assert {"ica-nsa-2023-kazakhstan", "ica-nsa-2024-kyrgyzstan"} <= attached, [d["id"] for d in result.drafts]
    assert not [d for d in result.drafts if d["kind"] == "meeting"]


def test_earlier_in_the_week_dates_an_event_of_the_articles_week(kb, rules):
    sentence = "Earlier in the week, Indian and Tajik officers held talks in Dushanbe on defence cooperation."
    record = quoting(drafted(kb, rules, sentence + "\n", dt.date(2025, 5, 4)), sentence)
    assert (record.get("date_earliest"), record.get("date_latest")) == ("2025-04-28", "2025-05-04")


def test_was_ready_to_is_no_passive(kb, rules):
    sentence = "An Indian official said New Delhi was ready to share its experience in countering drug trafficking."
    record = quoting(drafted(kb, rules, sentence + "\n"), sentence)
    assert roles(record).get("IND") == "proposer"


def test_a_surname_stands_for_the_person_the_article_named_in_full(kb, rules):
    text = ("Kyrgyz Deputy Defence Minister Talant Osmonov arrived in New Delhi on Monday.\n"
            "On Tuesday, Indian officials held talks with Osmonov on military education.\n")
    record = quoting(drafted(kb, rules, text), text.splitlines()[1])
    assert {"IND", "KGZ"} <= set(roles(record))


def test_promised_help_is_an_offer(kb, rules):
    sentence = "India promised help in setting up a computer centre at the Kazakh defence academy."
    record = quoting(drafted(kb, rules, sentence + "\n"), sentence)
    assert (record["kind"], record["proposal_type"]) == ("proposal", "offer")
    assert roles(record)["IND"] == "proposer"


def test_a_plea_to_all_nations_is_no_request(kb, rules):
    sentence = "India urged all nations to isolate those who use terrorism as state policy."
    assert drafted(kb, rules, "India and Uzbekistan held talks in Tashkent on Monday.\n" + sentence + "\n").drafts \
        and not [d for d in drafted(kb, rules, sentence + "\n").drafts if d["kind"] == "proposal"]


def test_more_of_an_exercise_and_a_day_within_it_are_that_exercise(kb, rules):
    text = ("The armies of India and Kyrgyzstan opened a joint exercise near Bishkek on Monday.\n"
            "The drills will run until May 3.\n"
            "Drills on the programme include raids, tracking by special forces teams and slithering down ropes.\n"
            "The exercise is to end with a validation exercise lasting two days on April 30 and May 1.\n")
    result = drafted(kb, rules, text)
    exercises = [d for d in result.drafts if d["kind"] == "exercise"]
    assert len(exercises) == 1, [d["id"] for d in exercises]
    assert len(exercises[0]["evidence"]) == 4


def test_a_series_edition_told_beside_another_event_is_retold(kb, rules):
    sentence = ("The format grew out of the first India-Central Asia Summit, held virtually in January 2022, at which "
                "the leaders agreed that their security council secretaries should meet on a regular basis.")
    result = drafted(kb, rules, sentence + "\n", dt.date(2025, 10, 17))
    assert "ica-summit-2022-01" in {s["add_evidence_to"] for s in result.suggestions}


def test_for_the_second_time_is_the_second_edition(kb, rules):
    sentence = ("The security advisers of India and the five Central Asian states met for the second time in Astana "
                "in October 2023.")
    result = drafted(kb, rules, "Security advisers meet in Bishkek\n\n" + sentence + "\n", dt.date(2025, 10, 17))
    assert "ica-nsa-2023-kazakhstan" in {s["add_evidence_to"] for s in result.suggestions}


@pytest.mark.parametrize("verb", ["decided that their countries would", "reached an agreement that they would"])
def test_a_decision_in_any_of_its_verbs_is_agreed(kb, rules, verb):
    text = ("India and Turkmenistan hold talks in Ashgabat\n\n"
            "India and Turkmenistan signed a defence pact in Ashgabat on Saturday after talks between the leaders.\n"
            f"At the talks the two leaders {verb} step up joint efforts against terrorism.\n")
    record = quoting(drafted(kb, rules, text, dt.date(2015, 7, 12)), text.splitlines()[3])
    assert (record["kind"], record["status"]) == ("agreement", "agreed")
    assert taking_part(record) == {"IND", "TKM"}


def test_an_arrival_a_day_before_the_talks_is_the_same_visit(kb, rules):
    text = ("ASHGABAT, July 11: India and Turkmenistan held talks in Ashgabat on Saturday between the two leaders.\n"
            "Modi, who reached the Turkmen capital on Friday evening from Russia, is the first Indian prime minister "
            "to visit the country in twenty years.\n")
    result = drafted(kb, rules, text, dt.date(2015, 7, 12))
    meetings = [d for d in result.drafts if d["kind"] == "meeting"]
    assert len(meetings) == 1, [d["id"] for d in meetings]
    assert meetings[0]["date"] == "2015-07-11"
    assert "RUS" not in roles(meetings[0]), "where the traveller came from takes no part"


def test_the_office_stands_for_the_person_named_with_it_before(kb, rules):
    text = ("ASHGABAT, July 11: India and Turkmenistan held talks on Saturday between Prime Minister Narendra Modi and "
            "President Gurbanguly Berdimuhamedov.\n"
            "The Prime Minister also proposed that Turkmenistan join the International North-South Transport "
            "Corridor.\n")
    record = quoting(drafted(kb, rules, text, dt.date(2015, 7, 12)), text.splitlines()[1])
    assert roles(record).get("IND") == "proposer"
    assert roles(record).get("TKM") == "target"


DIALOGUE = ("India hosted a meeting of the foreign ministers of India and the five Central Asian states by video "
            "conference on Wednesday.\n"
            "Afghanistan's acting foreign minister joined the ministers as a special invitee.\n"
            "At the meeting, Jaishankar announced a line of credit of US$1 billion for the Central Asian countries.\n"
            "The ministers welcomed the setting up of working groups under their business council.\n")


def test_joining_the_ministers_as_an_invitee_is_taking_part_not_membership(kb, rules):
    result = drafted(kb, rules, DIALOGUE, dt.date(2020, 10, 30))
    assert not [d for d in result.drafts if d.get("agreement_type") == "membership"]
    meeting = quoting(result, DIALOGUE.splitlines()[0])
    assert roles(meeting).get("AFG") == "participant"


def test_a_line_of_credit_is_an_offer_and_working_groups_an_agreement(kb, rules):
    result = drafted(kb, rules, DIALOGUE, dt.date(2020, 10, 30))
    offer = next(d for d in result.drafts if d["kind"] == "proposal" and
                 any(e["quote"] == DIALOGUE.splitlines()[2] for e in d["evidence"]))
    assert (offer["kind"], offer.get("proposal_type"), roles(offer).get("IND")) == ("proposal", "offer", "proposer")
    assert quoting(result, DIALOGUE.splitlines()[3])["kind"] == "agreement"


JWG = ("When officials from India and the five Central Asian republics sat down in Mumbai last Wednesday and "
       "Thursday, the subject was a port in Iran.\n"
       "The two-day session was the first meeting of the India-Central Asia Joint Working Group on Chabahar.\n"
       "Iran's deputy foreign minister, Mehdi Safari, attended as a special invitee.\n"
       "Safari suggested that the group hold its next meeting in Iran.\n"
       "India's stake in the port rests on a trilateral agreement that India, Iran and Afghanistan signed in May "
       "2016.\n")


def test_two_days_in_a_row_are_one_meetings_span_and_its_name_follows(kb, rules):
    result = drafted(kb, rules, JWG, dt.date(2023, 4, 17))
    meetings = [d for d in result.drafts if d["kind"] == "meeting"]
    assert len(meetings) == 1, [d["id"] for d in meetings]
    assert (meetings[0]["date"], meetings[0].get("end_date")) == ("2023-04-12", "2023-04-13")
    assert len(meetings[0]["evidence"]) >= 2
    assert {"IND", "KAZ", "KGZ", "TJK", "TKM", "UZB"} <= set(roles(meetings[0]))


def test_a_name_after_a_countrys_office_and_a_comma_is_of_that_country(kb, rules):
    record = quoting(drafted(kb, rules, JWG, dt.date(2023, 4, 17)), JWG.splitlines()[3])
    assert roles(record).get("IRN") == "proposer"


def test_an_act_dated_years_before_is_not_made_at_the_meeting_reported(kb, rules):
    record = quoting(drafted(kb, rules, JWG, dt.date(2023, 4, 17)), JWG.splitlines()[4])
    assert record["date"] == "2016-05"
    assert record.get("place") is None and "made_at" not in record


def test_a_trip_of_days_holds_the_talks_of_one_of_them_in_its_capital(kb, rules):
    text = ("No Indian defence minister had visited Uzbekistan for 15 years before Singh's three-day trip, which "
            "began on Friday.\n"
            "He held talks with Uzbek officials in Tashkent on Saturday.\n")
    result = drafted(kb, rules, text, dt.date(2019, 11, 4))
    meetings = [d for d in result.drafts if d["kind"] == "meeting"]
    assert len(meetings) == 1, [d["id"] for d in meetings]
    assert (meetings[0]["date"], meetings[0].get("place")) == ("2019-11-02", "tashkent")


def test_the_second_and_the_third_are_editions_of_the_series_told(kb, rules):
    text = ("The first Dustlik was held at the Chirchiq Training Area near Tashkent in November 2019.\n"
            "The second took place at Chaubatia in Uttarakhand in March 2021.\n")
    result = drafted(kb, rules, text, dt.date(2023, 3, 7))
    second = quoting(result, text.splitlines()[1])
    assert (second.get("series"), second.get("edition")) == ("dustlik", 2)
    assert set(roles(second)) == {"IND", "UZB"}, "an edition of a series between two countries is between them"


def test_a_decision_to_hold_an_edition_of_an_exercise_is_that_exercise_to_come(kb, rules):
    text = ("The defence ministers of India and Kazakhstan met in New Delhi on Wednesday.\n"
            "Both sides agreed that the next round of KazInd will be held in Kazakhstan in September.\n")
    result = drafted(kb, rules, text, dt.date(2025, 6, 5))
    planned = [d for d in result.drafts if d["status"] == "planned"]
    assert [(d["kind"], d.get("series")) for d in planned] == [("exercise", "kazind")]


@pytest.mark.parametrize("sentence, kind", [
    ("Indian and Kyrgyz troops trained together at Bakloh in March 2025.", "exercise"),
    ("A team of Indian army doctors is in Bishkek to train Kyrgyz military medics.", "activity"),
])
def test_training_together_is_an_exercise_and_training_others_an_activity(kb, rules, sentence, kind):
    record = quoting(drafted(kb, rules, sentence + "\n", dt.date(2026, 1, 10)), sentence)
    assert record["kind"] == kind


@pytest.mark.parametrize("sentence, kind, status", [
    ("India and Uzbekistan will sign a memorandum on military medicine in Tashkent next month.", "agreement",
     "planned"),
    ("The Kazakh defence minister meets Indian officials in New Delhi on Tuesday.", "meeting", "held"),
    ("The Kyrgyz president is on a state visit to India this week.", "meeting", "held"),
])
def test_the_tenses_and_forms_of_event_verbs(kb, rules, sentence, kind, status):
    record = quoting(drafted(kb, rules, sentence + "\n", dt.date(2024, 4, 23)), sentence)
    assert (record["kind"], record["status"]) == (kind, status)


def test_the_visiting_anyone_are_the_guests_of_the_event_in_focus(kb, rules):
    text = ("Kazakh officials held talks with an Indian delegation in Astana on Monday.\n"
            "The visiting defence secretary offered training places at Indian academies.\n")
    record = quoting(drafted(kb, rules, text), text.splitlines()[1])
    assert roles(record).get("IND") == "proposer"


def test_no_aircraft_stationed_is_no_deployment(kb, rules):
    sentence = "India refurbished an air base in Tajikistan years ago, but no Indian aircraft are stationed there."
    assert not [d for d in drafted(kb, rules, sentence + "\n", dt.date(2023, 11, 1)).drafts if d["kind"] == "activity"]


def test_a_meeting_of_a_series_retold_by_its_level_host_and_month(kb, rules):
    sentence = ("In October, National Security Adviser Ajit Doval invited Central Asian countries to make use of "
                "Chabahar port at a meeting in Astana.")
    result = drafted(kb, rules, sentence + "\n", dt.date(2023, 11, 1))
    assert {"ica-nsa-2023-kazakhstan", "chabahar-port-invitation-2023"} <= \
        {s["add_evidence_to"] for s in result.suggestions}
    assert not [d for d in result.drafts if d["kind"] == "meeting"]


RETOLD = ("When India and Russia held their first 2+2 dialogue of foreign and defence ministers in New Delhi on "
          "December 6, 2021, Central Asia was high on the agenda.\n"
          "Months earlier, on September 8, Russian security chief Nikolai Patrushev had met Ajit Doval in the Indian "
          "capital to compare notes on the Taliban.\n"
          "At the SCO summit in Samarkand last September, Modi and Mirziyoyev held talks on connectivity.\n")


def test_a_series_named_without_its_countries_prefix_is_that_series(kb, rules):
    result = drafted(kb, rules, RETOLD, dt.date(2023, 3, 10))
    assert "india-russia-2plus2-2021-12-06" in {s["add_evidence_to"] for s in result.suggestions}


def test_a_year_less_date_counted_from_the_event_told_takes_its_year(kb, rules):
    result = drafted(kb, rules, RETOLD, dt.date(2023, 3, 10))
    attached = {s["add_evidence_to"]: [e["quote"] for e in s["evidence"]] for s in result.suggestions}
    assert attached.get("india-russia-nsa-2021-09-08") == [RETOLD.splitlines()[1]]
    assert RETOLD.splitlines()[2] in attached.get("sco-summit-22-samarkand", [])


def test_what_was_discussed_runs_to_the_end_of_its_predicate(kb, rules):
    text = ("Tajik President Emomali Rahmon received India's External Affairs Minister S. Jaishankar in Dushanbe on "
            "Tuesday.\n"
            "The two discussed the situation along the border and the threat from militant groups in northern "
            "Afghanistan.\n"
            "India will also provide training to Tajik border guards, the Indian embassy said.\n")
    result = drafted(kb, rules, text, dt.date(2024, 8, 14))
    meeting = quoting(result, text.splitlines()[0])
    assert roles(meeting).get("AFG") in (None, "subject")
    training = quoting(result, text.splitlines()[2])
    assert (training["kind"], training["status"]) == ("activity", "planned")


@pytest.mark.parametrize("decision", ["agreed to convene the third session in Bishkek next year",
                                      "agreed to host another round of talks in Bishkek next year"])
def test_a_decision_to_hold_any_meeting_is_a_meeting_to_come(kb, rules, decision):
    sentence = f"India and Kyrgyzstan {decision}."
    record = quoting(drafted(kb, rules, sentence + "\n"), sentence)
    assert (record["kind"], record["status"]) == ("meeting", "planned")


def test_invited_to_any_session_of_the_event_told_takes_part_in_it(kb, rules):
    text = ("India hosted the foreign ministers of the five Central Asian states in New Delhi on Monday.\n"
            "Afghanistan's foreign minister was invited to the closing session of the dialogue.\n")
    result = drafted(kb, rules, text)
    assert not [d for d in result.drafts if d["kind"] == "proposal"]
    meeting = quoting(result, text.splitlines()[0])
    assert roles(meeting).get("AFG") == "participant"


def test_a_facility_told_by_its_name_and_use_is_its_record_in_another_spelling(kb, rules):
    text = ("Officials of India and the five Central Asian states met in Mumbai on Wednesday.\n"
            "An Indian official walked the delegates through the work at the Shahid Beheshti terminal, which the "
            "state-owned company has run since December 2018.\n"
            "Officials credited the terminal with carrying India's aid to Afghanistan since the company took "
            "over the port.\n")
    result = drafted(kb, rules, text, dt.date(2023, 4, 17))
    assert "chabahar-shaheed-beheshti-terminal" in {s["add_evidence_to"] for s in result.suggestions}, \
        [d["id"] for d in result.drafts]


def test_an_arrival_without_a_place_is_into_the_talks_reported(kb, rules):
    text = ("BISHKEK, July 12: Modi held talks with Kyrgyz President Atambayev in Bishkek on Sunday.\n"
            "Modi, who flew in late on Saturday, is on the penultimate leg of an eight-day journey through Central Asia "
            "and Russia, and security took up as much of the talks as trade.\n")
    result = drafted(kb, rules, text, dt.date(2015, 7, 12))
    meetings = [d for d in result.drafts if d["kind"] == "meeting"]
    assert len(meetings) == 1, [d["id"] for d in meetings]
    assert "RUS" not in roles(meetings[0]), "a place passed through takes no part"


@pytest.mark.parametrize("sentence", [
    "If Turkmenistan joined the transit arrangements more fully, Indian trade could flow faster.",
    "Unless India and Kazakhstan sign a new defence pact, the exercises will stay small.",
])
def test_a_condition_holds_no_event(kb, rules, sentence):
    result = drafted(kb, rules, sentence + "\n", dt.date(2025, 3, 1))
    assert not [d for d in result.drafts if d["kind"] == "agreement"]


def test_until_a_day_fronted_ends_the_exercise_told(kb, rules):
    text = ("The eighth edition of Khanjar, the joint exercise of the special forces of India and Kyrgyzstan, opened "
            "on Friday in Bishkek.\n"
            "Until April 30, commandos from both countries will train together in mountain warfare.\n"
            "For New Delhi, the drills are a rare chance to train in high mountains, in a region where Russia and "
            "China dominate military ties.\n")
    result = drafted(kb, rules, text, dt.date(2021, 4, 17))
    exercises = [d for d in result.drafts + result.suggestions if d.get("kind", "exercise") == "exercise"]
    record = quoting(result, text.splitlines()[0])
    assert (record["date"], record.get("end_date")) == ("2021-04-16", "2021-04-30")
    assert {i for i, r in roles(record).items() if r != "subject"} == {"IND", "KGZ"}
    assert not [d for d in result.drafts if d["kind"] == "activity"], exercises


def test_a_membership_that_stands_and_one_to_come_are_two(kb, rules):
    sentence = ("India, which joined the International North-South Transport Corridor as a founding member, wants "
                "Uzbekistan and Turkmenistan to come on board soon, officials said.")
    result = drafted(kb, rules, sentence + "\n", dt.date(2024, 9, 2))
    assert {"india-instc-membership", "instc-uzbekistan-turkmenistan-accession"} <= \
        {s["add_evidence_to"] for s in result.suggestions}, [d["id"] for d in result.drafts]


def test_who_is_expected_to_take_part_is_in_the_edition_to_come(kb, rules):
    text = ("Troops of Kazakhstan and India will hold the eighth KazInd exercise near Taraz from September 30 to "
            "October 13, the defence ministry said on Friday.\n"
            "The previous edition was held at Umroi in Meghalaya in October 2023.\n"
            "Around 120 Indian soldiers are expected to take part, along with a similar number of Kazakh troops.\n")
    result = drafted(kb, rules, text, dt.date(2024, 9, 20))
    record = quoting(result, text.splitlines()[2])
    assert (record.get("edition"), record["status"]) == (8, "planned")


def test_an_offer_made_earlier_is_not_made_at_the_meeting_told(kb, rules):
    text = ("Tajik Defence Minister Sherali Mirzo met India's ambassador in Dushanbe on Monday.\n"
            "New Delhi had earlier offered to train Tajik border guards in high-altitude operations.\n")
    record = quoting(drafted(kb, rules, text, dt.date(2024, 11, 5)), text.splitlines()[1])
    assert "made_at" not in record and record.get("date_precision") == "unknown"


def test_the_two_ministers_in_a_sentence_that_names_one_are_that_one_and_the_articles_first_party(kb, rules):
    text = ("Rajnath Singh holds talks in Tashkent\n\nDefence Minister Rajnath Singh held talks with Uzbek Defence "
            "Minister Bakhodir Kurbanov in Tashkent on Tuesday.\nWith Zhaksylykov, the two ministers agreed to deepen "
            "defence cooperation.\n")
    decision = next(d for d in drafted(kb, rules, text, dt.date(2022, 8, 23)).drafts if d["kind"] == "agreement")
    assert set(roles(decision)) == {"IND", "KAZ"}
