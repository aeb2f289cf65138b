"""The benchmark's scoring (icadb/drafting/evaluate.py): each measure on a
small hand-made case, so that a figure the benchmark prints means what its
label says."""

from __future__ import annotations

from icadb.drafting.evaluate import gold_from_item, score

TEXT = "India and Kazakhstan held talks in Astana on Monday. The talks were held. Afghanistan was discussed."


def gold(**more) -> dict:
    item = {"id": "g", "kind": "meeting", "status": "held", "date": "2024-04-22", "date_precision": "day",
            "date_earliest": "2024-04-22", "date_latest": "2024-04-22",
            "countries": [{"iso3": "KAZ", "role": "host"}, {"iso3": "IND", "role": "participant"},
                          {"iso3": "AFG", "role": "subject"}],
            "evidence": [{"quote": "India and Kazakhstan held talks in Astana on Monday."}]}
    return {**item, **more}


def drafted(**more) -> dict:
    item = {"id": "d", "kind": "meeting", "status": "held", "date": "2024-04-22", "date_precision": "day",
            "date_earliest": "2024-04-22", "date_latest": "2024-04-22",
            "countries": [{"iso3": "KAZ", "role": "host"}, {"iso3": "IND", "role": "participant"}],
            "evidence": [{"quote": "India and Kazakhstan held talks in Astana on Monday."}]}
    return {**item, **more}


def test_a_must_have_fact_right_in_full_ignores_a_missing_subject():
    s = score([drafted()], [], [gold_from_item(gold())], TEXT)
    assert (s.gold_must, s.right_in_full, s.correct_drafts, s.country_sets_right) == (1, 1, 1, 0)


def test_a_subject_drafted_as_participant_is_not_right_in_full():
    d = drafted(countries=[{"iso3": "KAZ", "role": "host"}, {"iso3": "IND", "role": "participant"},
                           {"iso3": "AFG", "role": "participant"}])
    assert score([d], [], [gold_from_item(gold())], TEXT).right_in_full == 0


def test_a_may_fact_counts_for_precision_not_for_must_haves():
    s = score([drafted()], [], [gold_from_item(gold(need="may"))], TEXT)
    assert (s.gold_must, s.right_in_full, s.right_in_full_any, s.correct_drafts) == (0, 0, 1, 1)


def test_a_second_draft_of_one_fact_is_a_split_and_wrong():
    second = drafted(id="d2", evidence=[{"quote": "India and Kazakhstan held talks in Astana on Monday."},
                                        {"quote": "The talks were held."}])
    s = score([drafted(), second], [], [gold_from_item(gold())], TEXT)
    assert (s.correct_drafts, s.split_events) == (1, 1)


def test_a_date_finer_than_the_gold_is_counted():
    g = gold(date="2024-04", date_precision="month", date_earliest="2024-04-01", date_latest="2024-04-30")
    s = score([drafted()], [], [gold_from_item(g)], TEXT)
    assert (s.dates_right, s.dates_too_precise, s.right_in_full) == (0, 1, 0)


def test_retellings_duplicates_and_suggested_statuses():
    wanted = gold_from_item({"add_evidence_to": "rec", "suggest_status": "held",
                             "evidence": [{"quote": "The talks were held."}]})
    right = {"id": "s", "add_evidence_to": "rec", "suggest_status": "held",
             "evidence": [{"quote": "The talks were held."}]}
    s = score([], [right], [wanted], TEXT)
    assert (s.recalled_suggestions, s.correct_suggestions, s.status_suggestions_right) == (1, 1, 1)
    duplicate = drafted(id="dup", evidence=[{"quote": "The talks were held."}])
    s = score([duplicate], [], [wanted], TEXT)
    assert (s.recalled_suggestions, s.duplicates_of_recorded, s.correct_drafts) == (0, 1, 0)
    wrong_status = dict(right, suggest_status="planned")
    s = score([], [wrong_status], [wanted], TEXT)
    assert (s.status_suggestions_right, s.status_suggestions_wrong) == (0, 1)


def test_places_series_and_quotes():
    g = gold(place="kazakhstan", series="ica-nsa-meetings", edition=2)
    d = drafted(place="kazakhstan", series="ica-nsa-meetings", edition=3,
                evidence=[{"quote": "India and Kazakhstan held talks in Astana on Monday."}, {"quote": "Not here."}])
    s = score([d], [], [gold_from_item(g)], TEXT)
    assert (s.places_right, s.series_compared, s.series_right) == (1, 1, 0)
    assert (s.quotes, s.quotes_not_verbatim) == (2, 1)


def test_two_records_of_one_sentence_pair_with_the_drafts_of_their_dates():
    # one sentence, two editions: each gold record is compared with the draft of its own date
    early = dict(date="2024-01-22", date_earliest="2024-01-22", date_latest="2024-01-22")
    late = dict(date="2025-03", date_precision="month", date_earliest="2025-03-01", date_latest="2025-03-31")
    golds = [gold_from_item(gold(id="g-late", **late)), gold_from_item(gold(id="g-early", **early))]
    s = score([drafted(id="d-late", **late), drafted(id="d-early", **early)], [], golds, TEXT)
    assert (s.dates_right, s.right_in_full, s.correct_drafts_in_full) == (2, 2, 2)
