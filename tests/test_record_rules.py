"""Checks across a record's fields and across records (loaders/record_rules.py):
what happened was reported after it, bounds agree with the date, editions rise."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from icadb.loaders.errors import Problems
from icadb.loaders.record_rules import RecordRules, check_bounds
from icadb.schema import vocab
from icadb.loaders.yamlread import YMap
from icadb.schema.vocab import CENTRAL_ASIA
from tests.helpers import run_icadb
from tests.defects import make_seeds, replace
from tests.helpers import run_check

DIPLOMAT = "2022-12-diplomat-india-central-asia-relations"

FUTURE_MEETING = f"""
- id: ica-nsa-2030-new-delhi
  title: A meeting of security advisers in New Delhi
  summary: A held meeting dated years after its only source.
  status: held
  category: regional_security
  date: 2030-12-06
  date_precision: day
  date_basis: stated
  place: new-delhi
  review_status: reviewed
  meeting_level: security_advisers
  format: multilateral
  mode: in_person
  countries:
    - {{iso3: IND, role: host}}
  evidence:
    - document: {DIPLOMAT}
      quote: On December 6, senior security officials from Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan arrived in New Delhi
"""


def add_meeting(seeds: Path, text: str) -> int:
    """Append *text* to the seeds' meetings; return the line of its ``date:``."""
    path = seeds / "records" / "meetings.yaml"
    before = path.read_text(encoding="utf-8")
    path.write_text(before + text, encoding="utf-8")
    return len(before.splitlines()) + next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith("  date:"))


def test_the_issues_future_held_meeting_is_refused_by_check_and_build(seeds_copy, tmp_path):
    line = add_meeting(seeds_copy, FUTURE_MEETING)
    expected = (f"records/meetings.yaml:{line}: date: 2030-12-06 is after the latest publication date of its sources, "
                f"2022-12-31 ({DIPLOMAT}), yet its status 'held' says it took place; expected a date on or before "
                "2022-12-31, or a status that says it has not taken place (planned, proposed)")
    code, lines = run_check(seeds_copy)
    assert code == 1 and expected in lines, lines
    db = tmp_path / "icadb.sqlite"
    result = run_icadb("build", "--seeds", str(seeds_copy), "--quiet", db=db)
    assert result.returncode == 1 and expected in result.stderr.replace(f"{seeds_copy}/", "")
    assert not db.exists()


def test_the_same_meeting_planned_may_lie_in_the_future(seeds_copy):
    add_meeting(seeds_copy, FUTURE_MEETING.replace("  status: held", "  status: planned"))
    code, lines = run_check(seeds_copy)
    assert code == 0, lines


def test_the_latest_of_a_records_sources_is_what_counts(seeds_copy):
    """Dated 2023-10-17, the meeting is after its December 2022 source, but not after its October 2023 one."""
    text = FUTURE_MEETING.replace("  date: 2030-12-06", "  date: 2023-10-17")
    later = ("    - document: 2023-10-17-doval-offers-central-asia-assistance\n"
             "      quote: The participants agreed to meet again in Kyrgyzstan in 2024.\n")
    add_meeting(seeds_copy, text + later)
    code, lines = run_check(seeds_copy)
    assert code == 0, lines


def test_one_early_source_alone_is_not_enough(seeds_copy):
    line = add_meeting(seeds_copy, FUTURE_MEETING.replace("  date: 2030-12-06", "  date: 2023-10-17"))
    code, lines = run_check(seeds_copy)
    assert code == 1 and any(l.startswith(f"records/meetings.yaml:{line}: date: 2023-10-17 is after") for l in lines)


@pytest.mark.parametrize("status", [s for s, o in vocab.STATUS_OCCURRENCE.items()
                                    if o == "occurred" and s in vocab.KIND_STATUSES["agreement"]])
def test_every_status_that_says_it_happened_is_checked(status, tmp_path):
    seeds = make_seeds(tmp_path / "seeds")
    replace("records/agreements.yaml", "  status: agreed", f"  status: {status}")(seeds)
    replace("records/agreements.yaml", "  date: 2021-09-08", "  date: 2021-09-10")(seeds)
    code, lines = run_check(seeds)
    assert code == 1 and any("records/agreements.yaml:6: date: 2021-09-10 is after the latest publication date" in line
                             for line in lines), lines


@pytest.mark.parametrize("status", ["proposed", "planned", "rumoured"])
def test_statuses_that_do_not_say_it_happened_are_not(status, tmp_path):
    seeds = make_seeds(tmp_path / "seeds")
    replace("records/agreements.yaml", "  status: agreed", f"  status: {status}")(seeds)
    replace("records/agreements.yaml", "  date: 2021-09-08", "  date: 2030-09-10")(seeds)
    code, lines = run_check(seeds)
    assert code == 0, lines


# -- bounds ------------------------------------------------------------------------


def bounds(precision, date, earliest=None, latest=None, end_date=None, end_precision=None) -> list[str]:
    problems = Problems()
    record = YMap(1)
    check_bounds(problems, Path("records/x.yaml"), record, precision, date, earliest, latest,
                 end_date=end_date, end_precision=end_precision)
    return [p.message for p in problems.items]


def test_bounds_may_narrow_the_unit():
    assert bounds("month", "2021-12", "2021-12-06") == []
    assert bounds("year", "2021", "2021-03-01", "2021-12-31") == []


def test_bounds_may_not_widen_it():
    assert bounds("month", "2021-12", "2021-12-06", "2022-01-25")[0].startswith(
        "2022-01-25 is outside the month 2021-12 that date gives")
    assert bounds("year", "2021", "2020-12-01")[0].startswith("2020-12-01 is outside the year 2021 that date gives")
    assert bounds("day", "2022-12-06", None, "2022-12-07")[0].startswith("2022-12-07 is outside the day 2022-12-06")


def test_with_an_end_date_the_latest_bound_lies_in_the_end_dates_unit():
    assert bounds("year", "2002", None, "2010-06-30", "2010", "year") == []
    assert bounds("year", "2002", "2002-05-01", None, "2010", "year") == []
    assert bounds("year", "2002", None, "2009-12-31", "2010", "year")[0].startswith(
        "2009-12-31 is outside the year 2010 that end_date gives")
    assert bounds("year", "2002", "2003-01-01", None, "2010", "year")[0].startswith(
        "2003-01-01 is outside the year 2002 that date gives")


def test_a_precision_coarser_than_its_bounds_is_refused():
    assert bounds("year", "2021", "2021-12-06")[0].startswith(
        "'year' is coarser than its bounds, 2021-12-06 to 2021-12-31, which lie within the month 2021-12")
    assert bounds("month", "2021-12", "2021-12-06", "2021-12-06")[0].startswith(
        "'month' is coarser than its bounds, 2021-12-06 to 2021-12-06, which lie within the day 2021-12-06")


def test_unknown_precision_is_for_bounds_no_unit_holds():
    assert bounds("unknown", None, "2021-12-06", "2022-01-25") == []
    assert bounds("unknown", None, None, "2022-12-31") == []
    assert bounds("unknown", None, "1995-01-01") == []
    assert bounds("unknown", None, "2022-03-01", "2022-11-30")[0].endswith(
        "expected date_precision: year and date: 2022 (the bounds may stay, to narrow it)")


def test_the_seeds_that_widened_their_bounds_now_say_unknown(db):
    rows = {r["record_id"]: r for r in db.execute(
        "SELECT record_id, date, date_precision, date_earliest, date_latest FROM records WHERE record_id IN "
        "('india-russia-joint-defence-production-non-paper', 'india-russia-trilateral-exercise-non-paper')")}
    assert {tuple(r)[1:] for r in rows.values()} == {(None, "unknown", "2021-12-06", "2022-01-25")}
    doc = db.execute("SELECT published_on, date_precision, published_earliest, published_latest FROM documents "
                     "WHERE document_id = '2021-12-india-russia-central-asia-defence-non-paper'").fetchone()
    assert tuple(doc) == (None, "unknown", "2021-12-06", "2022-01-25")


# -- editions -----------------------------------------------------------------------


def editions(*entries: tuple[int, str, str, str]) -> list[str]:
    """Run the edition rule on (edition, date, earliest, latest) records of one series."""
    problems = Problems()
    rules = RecordRules(SimpleNamespace(problems=problems, registry=lambda name: {}))
    for line, (edition, date, earliest, latest) in enumerate(entries, start=1):
        record = YMap(line)
        record.key_lines["edition"] = line
        values = {"date_precision": "unknown", "date": None, "date_earliest": None, "date_latest": None,
                  "end_date": None, "end_date_precision": None, "status": "planned", "evidence": [],
                  "series": "s", "edition": edition}
        rules.check(Path("records/meetings.yaml"), record, values,
                    {"date": date, "earliest": earliest, "latest": latest}, "meeting")
    rules.finish()
    return [f"{p.line}: {p.message}" for p in problems.items]


def test_editions_in_order_pass_whatever_the_file_order():
    assert editions((2, "2023-10-17", "2023-10-17", "2023-10-17"), (1, "2022-12-06", "2022-12-06", "2022-12-06"),
                    (3, "2024", "2024-01-01", "2024-12-31")) == []


def test_overlapping_dates_cannot_be_out_of_order():
    assert editions((1, "2022", "2022-01-01", "2022-12-31"), (2, "2022-03-01", "2022-03-01", "2022-03-01")) == []


def test_undated_editions_are_not_ordered():
    assert editions((1, None, None, None), (2, "2021-09-08", "2021-09-08", "2021-09-08")) == []


def test_a_later_edition_dated_before_an_earlier_one_is_refused_even_past_a_vaguer_one():
    found = editions((1, "2020-06-01", "2020-06-01", "2020-06-01"), (2, "2020", "2020-01-01", "2020-12-31"),
                     (3, "2020-03-01", "2020-03-01", "2020-03-01"))
    assert found == ["3: 3 of series 's' is dated 2020-03-01, before edition 1 (records/meetings.yaml:1), dated "
                     "2020-06-01; expected editions that rise with the date"]


def test_an_edition_out_of_order_is_refused_at_the_record_read_later_naming_the_other():
    """A lower edition read after a higher one it follows in time (a draft
    claiming the first edition after a recorded second): the clash is the
    later record's, so that is where it is reported."""
    found = editions((2, "2020-03-01", "2020-03-01", "2020-03-01"), (1, "2020-06-01", "2020-06-01", "2020-06-01"))
    assert found == ["2: 1 of series 's' is dated 2020-06-01, after edition 2 (records/meetings.yaml:1), dated "
                     "2020-03-01; expected editions that rise with the date"]


def test_an_edition_given_twice_is_refused_at_the_second():
    found = editions((1, "2020", "2020-01-01", "2020-12-31"), (1, "2021", "2021-01-01", "2021-12-31"))
    assert found == ["2: 1 is given twice in series 's' (first at records/meetings.yaml:1); expected each edition of "
                     "a series once"]


# -- drafts ------------------------------------------------------------------------


def test_a_draft_is_held_to_the_same_rules(seeds_copy):
    """Drafts (seeds/drafts/) load through the same load_record: a held draft
    dated after its source, and a draft that repeats a reviewed edition, are refused."""
    draft = (FUTURE_MEETING.replace("  review_status: reviewed", "  review_status: machine_suggested\n  kind: meeting")
             .replace("  mode: in_person", "  mode: in_person\n  series: ica-nsa-meetings\n  edition: 1")
             + "  draft_notes:\n    confidence: 0.5\n    drafter: tests\n")
    folder = seeds_copy / "drafts"
    folder.mkdir(exist_ok=True)
    (folder / f"{DIPLOMAT}.yaml").write_text(draft.lstrip("\n"), encoding="utf-8")
    code, lines = run_check(seeds_copy)
    assert code == 1
    assert any(line.startswith(f"drafts/{DIPLOMAT}.yaml:6: date: 2030-12-06 is after the latest publication date")
               for line in lines), lines
    assert any(line.startswith(f"drafts/{DIPLOMAT}.yaml:") and "edition: 1 is given twice in series 'ica-nsa-meetings'"
               in line for line in lines), lines


# -- the rules of review: what a reviewed record's text must say ---------------------------------

def _line_of(seeds: Path, file: str, record_id: str, startswith: str) -> int:
    """The line of the first line starting with *startswith* in record *record_id* of records/*file*."""
    lines = (seeds / "records" / file).read_text(encoding="utf-8").splitlines()
    start = lines.index(f"- id: {record_id}")
    return next(i for i, line in enumerate(lines[start:], start + 1) if line.startswith(startswith))


def _in_record(seeds: Path, file: str, record_id: str, old: str, new: str) -> None:
    """Replace *old* by *new* once, inside record *record_id* of records/*file*."""
    path = seeds / "records" / file
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {record_id}\n")
    end = text.find("\n- id: ", start + 1)
    end = len(text) if end < 0 else end
    assert old in text[start:end], f"{old!r} not in {record_id}"
    path.write_text(text[:start] + text[start:end].replace(old, new, 1) + text[end:], encoding="utf-8")


def test_the_seeds_meet_the_rules_of_review(seeds_copy):
    code, lines = run_check(seeds_copy)
    assert code == 0, lines


def test_kazakhstan_back_on_the_meeting_planned_for_kyrgyzstan_is_refused(seeds_copy):
    """Issue 26, finding 15: "The participants agreed to meet again in Kyrgyzstan" names no Kazakhstan."""
    _in_record(seeds_copy, "meetings.yaml", "ica-nsa-2024-kyrgyzstan", "  evidence:\n",
               "    - {iso3: KAZ, role: participant}\n  evidence:\n")
    line = _line_of(seeds_copy, "meetings.yaml", "ica-nsa-2024-kyrgyzstan", "    - {iso3: KAZ")
    code, lines = run_check(seeds_copy)
    assert code == 1 and lines[:-1] == [
        f"records/meetings.yaml:{line}: countries[3]: KAZ is linked as participant, but it is named in none of this "
        "record's evidence quotes, and none says all five Central Asian states; expected a quote that names it (or, "
        "as the record's place, a place in it), or one that covers all five (e.g. \"all five Central Asian states\"), "
        "or no link"], lines


def test_the_five_states_back_on_the_defence_agreements_are_refused(seeds_copy):
    """Finding 12: "India and Central Asian countries" neither names the five nor says all five."""
    parties = "".join(f"    - {{iso3: {c}, role: party}}\n" for c in CENTRAL_ASIA)
    _in_record(seeds_copy, "agreements.yaml", "ica-defence-cooperation-agreements", "    - {iso3: IND, role: party}\n",
               "    - {iso3: IND, role: party}\n" + parties)
    line = _line_of(seeds_copy, "agreements.yaml", "ica-defence-cooperation-agreements", "    - {iso3: KAZ")
    code, lines = run_check(seeds_copy)
    assert code == 1 and len(lines) == 2 and lines[0].startswith(
        f"records/agreements.yaml:{line}: countries[2]: KAZ, KGZ, TJK, TKM and UZB are linked as party, but they are "
        "named in none of this record's evidence quotes"), lines


def test_all_five_wording_is_enough_for_a_group_link(seeds_copy):
    """The summit's "attended by all five Central Asian heads of state" covers all five as participants; without
    that quote, the record's other quotes name none of them."""
    code, lines = run_check(seeds_copy)
    assert code == 0, lines
    _in_record(seeds_copy, "meetings.yaml", "ica-summit-2022-01",
               "    - document: 2022-12-diplomat-india-central-asia-relations\n      quote: In January 2022, Indian Prime "
               "Minister Narendra Modi chaired the India-Central Asia Summit, which was attended by all five Central "
               "Asian heads of state.\n", "")
    code, lines = run_check(seeds_copy)
    assert code == 1 and any("countries[2]: KAZ, KGZ, TJK, TKM and UZB are linked as participant" in line
                             for line in lines), lines


def test_the_record_place_names_the_state_it_lies_in(seeds_copy):
    """The 22nd SCO summit's quotes say "Samarkand", not Uzbekistan: its place (samarkand, in UZB) names its host."""
    _in_record(seeds_copy, "meetings.yaml", "sco-summit-22-samarkand", "  place: samarkand\n", "")
    code, lines = run_check(seeds_copy)
    assert code == 1 and any("countries[1]: UZB is linked as host, but it is named in none" in line for line in lines)


def test_a_target_named_but_not_as_the_addressee_is_refused(seeds_copy):
    """Finding 10: Rahmon "stated that Dushanbe and New Delhi needed to coordinate" names India (New Delhi) but
    addresses no one: India cannot be its target."""
    _in_record(seeds_copy, "proposals.yaml", "tajikistan-india-ct-coordination-1995", "{iso3: IND, role: party}",
               "{iso3: IND, role: target}")
    line = _line_of(seeds_copy, "proposals.yaml", "tajikistan-india-ct-coordination-1995", "    - {iso3: IND")
    code, lines = run_check(seeds_copy)
    assert code == 1 and lines[:-1] == [
        f"records/proposals.yaml:{line}: countries[2]: IND is linked as target, but no evidence quote names it after "
        "the word that makes the offer (offered, invited, proposed, sought ...); expected a quote that names the "
        "addressee after that word (the five Central Asian states as a group: e.g. \"offered its assistance to "
        "Central Asian states\"), or, where the text names none, no target"], lines


def test_targets_back_on_the_rare_earths_forum_are_refused(seeds_copy):
    """Finding 13: "Doval also proposed the setting up of an India-Central Asia Rare Earths Forum" has no addressee."""
    targets = "".join(f"    - {{iso3: {c}, role: target}}\n" for c in CENTRAL_ASIA)
    _in_record(seeds_copy, "proposals.yaml", "ica-rare-earths-forum-proposal-2023",
               "    - {iso3: IND, role: proposer}\n", "    - {iso3: IND, role: proposer}\n" + targets)
    code, lines = run_check(seeds_copy)
    assert code == 1 and any("countries[2]: KAZ, KGZ, TJK, TKM and UZB are linked as target, but no evidence quote "
                             "names them after the word that makes the offer" in line for line in lines), lines


def test_the_group_as_addressee_covers_only_the_five_targets(seeds_copy):
    """"Doval invited the Central Asian states" addresses all five; four of them as targets would not be the
    group, and nor would the group as parties."""
    _in_record(seeds_copy, "proposals.yaml", "chabahar-port-invitation-2023",
               "    - {iso3: UZB, role: target, note: Addressed to the Central Asian states as a group.}\n", "")
    code, lines = run_check(seeds_copy)
    assert code == 1 and any("countries[2]: KAZ, KGZ, TJK and TKM are linked as target" in line for line in lines)


def test_an_inferred_date_must_quote_its_words_and_name_its_assumption(seeds_copy):
    """Finding 4's old note: "this year's" is not the article's "This year’s", and the note assumed in silence."""
    _in_record(seeds_copy, "proposals.yaml", "uzbekistan-medical-students-offer-2022", "  date_precision: unknown\n"
               "  date_latest: 2022-12-31\n", "  date: 2022\n  date_precision: year\n  date_basis: inferred\n")
    path = seeds_copy / "records" / "proposals.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- id: uzbekistan-medical-students-offer-2022")
    note_at = text.index("  date_note: >-\n", start)
    note_end = text.index("  review_status:", note_at)
    old_note = ('  date_note: After the students\' evacuation from Ukraine "due to the Russian invasion", in an article of '
                'December 2022 that calls the war one of "this year\'s" crises.\n')
    path.write_text(text[:note_at] + old_note + text[note_end:], encoding="utf-8")
    line = text[:note_at].count("\n") + 1
    code, lines = run_check(seeds_copy)
    assert code == 1 and lines[:-1] == [
        f"records/proposals.yaml:{line}: date_note: quotes \"this year's\", which is in none of the documents this "
        f"record cites ({DIPLOMAT}); expected the words as a cited document writes them",
        f"records/proposals.yaml:{line}: date_note: does not say what the inferred date assumes; expected a sentence "
        "that names it, with assumes, assumed or assumption (e.g. \"This assumes the meeting was held the day the "
        "officials arrived.\")"], lines


def test_a_draft_is_not_held_to_the_rules_of_review_until_accepted(seeds_copy):
    """A machine-suggested draft linking the five states on words that name none, with a note that names no
    assumption, passes icadb check: the rules apply once a person accepts it."""
    draft = (FUTURE_MEETING.replace("  status: held", "  status: planned")
             .replace("  review_status: reviewed", "  review_status: machine_suggested\n  kind: meeting")
             .replace("  date_basis: stated", "  date_basis: inferred\n  date_note: From the article's date.")
             .replace("    - {iso3: IND, role: host}\n", "    - {iso3: IND, role: host}\n" + "".join(
                 f"    - {{iso3: {c}, role: participant}}\n" for c in ("TKM",)))
             + "  draft_notes:\n    confidence: 0.5\n    drafter: tests\n")
    (seeds_copy / "drafts").mkdir(exist_ok=True)
    (seeds_copy / "drafts" / f"{DIPLOMAT}.yaml").write_text(draft.lstrip("\n"), encoding="utf-8")
    code, lines = run_check(seeds_copy)
    assert code == 0, lines
    reviewed = draft.replace("machine_suggested\n  kind: meeting", "reviewed").split("  draft_notes:")[0]
    (seeds_copy / "drafts" / f"{DIPLOMAT}.yaml").unlink()
    add_meeting(seeds_copy, reviewed)
    code, lines = run_check(seeds_copy)
    expected = ["date_note: quotes none of the words", "date_note: does not say what the inferred date assumes",
                "countries[2]: TKM is linked as participant, but it is named in none"]
    found = [line.split(": ", 1)[1] for line in lines[:-1]]
    assert code == 1 and len(found) == 3 and all(f.startswith(e) for f, e in zip(found, expected)), lines


# -- the wordings, and the drafter's reading of the same words --------------------------------------


def _reading(quote: str):
    from icadb.loaders.record_rules import _Reading
    from icadb.loaders.text import Gazetteer

    names = {"Kazakhstan": ("country", "KAZ"), "India": ("country", "IND"), "Indian": ("country", "IND")}
    return _Reading.of(quote, Gazetteer(names))


def test_a_target_is_named_after_the_offer_word_not_before():
    assert _reading("Kazakhstan offered India a base.").names_after_offer("country", "IND")
    assert not _reading("Kazakhstan offered India a base.").names_after_offer("country", "KAZ")
    assert not _reading("Kazakhstan and India needed to coordinate.").names_after_offer("country", "IND")
    assert _reading("Uzbekistan offered 2,000 Indian medical students places.").names_after_offer("country", "IND")


def test_the_group_is_all_of_it_only_without_a_word_of_part():
    assert _reading("India has offered its assistance to Central Asian states.").group_after_offer
    assert _reading("The NSA invited the heads of agencies of the Central Asian countries.").group_after_offer
    assert not _reading("India offered help to several Central Asian states.").group_after_offer
    assert not _reading("Central Asian states asked India for help.").group_after_offer
    assert not _reading("India offered programmes for Central Asian officials.").group_after_offer
    assert _reading("It was attended by all five Central Asian heads of state.").all_five
    assert not _reading("Russia has pacts with three of five Central Asians states.").all_five


def _drafting_rules() -> dict:
    import yaml

    from icadb.paths import SEEDS_DIR

    return yaml.safe_load((SEEDS_DIR / "reference" / "drafting_rules.yaml").read_text(encoding="utf-8"))


def test_the_all_five_wordings_are_the_drafters():
    """A draft links the five states on these words; a reviewed record may rest on the same (one list)."""
    from icadb.drafting.rules import load

    assert "all_five" not in _drafting_rules()["roles"]
    assert sorted(load().all_five.phrases) == sorted({w.lower() for w in vocab.ALL_FIVE_WORDING})
    assert not _reading("India and Central Asian countries are expanding their ties.").all_five
    assert _reading("India invited the Central Asian states to the dialogue.").all_five


def test_every_drafter_proposal_trigger_holds_an_offer_word():
    """The drafter makes a country named after a proposal trigger its target: each trigger holds one of the words
    after which the check looks for a target, so an accepted draft's target is named where the check looks."""
    import re

    offer = re.compile(r"\b(?:" + "|".join(vocab.OFFER_WORDS) + r")\b", re.IGNORECASE)
    triggers = [t for t in _drafting_rules()["triggers"] if t["kind"] == "proposal"]
    assert triggers and [w for t in triggers for w in t["words"] if not offer.search(w)] == []


def test_the_drafters_weekday_and_yearless_dates_name_their_assumption():
    """icadb accept of a draft dated "on Monday" or "in September" passes: the drafter's note quotes the words and
    says which day it takes ("the latest ... on or before the publication date")."""
    import datetime as dt

    from icadb.drafting.dates import find_dates
    from icadb.loaders.record_rules import _ASSUMPTION, _QUOTED

    for sentence in ("They met on Monday.", "They met in September.", "They met on December 6."):
        (reading,) = find_dates(sentence, dt.date(2024, 6, 12))
        assert reading.basis == "inferred" and _ASSUMPTION.search(reading.note), reading.note
        assert [a or b for a, b in _QUOTED.findall(reading.note)][0] in sentence, reading.note
