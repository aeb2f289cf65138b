"""What a curator sees when a quote is wrong or a YAML file is broken: the
quote's own line, the characters that differ, and a syntax error on its own."""

from __future__ import annotations

import pytest

from icadb.loaders.quotes import closest_passage, normalise_whitespace, punctuation_differences
from icadb.paths import SEEDS_DIR
from tests.defects import DOC, make_seeds, replace
from tests.helpers import run_check

TALIBAN = ("The two sides agreed the Taliban must be held to their promises, which included respect for basic human "
           "rights, including for women, and not to allow their territory to be used by militants’ groups.")


def document_text(document_id: str = DOC) -> str:
    return normalise_whitespace((SEEDS_DIR / "documents" / f"{document_id}.txt").read_text(encoding="utf-8"))[0]


def test_a_wrong_quote_is_reported_at_the_quote_line_not_the_document_line(tmp_path):
    seeds = make_seeds(tmp_path / "seeds")
    replace("records/meetings.yaml",
            "      quote: following a meeting between Russian Security Council Secretary Nikolay Patrushev",
            "      quote: >-\n        following a meeting between Russian Security Council Secretary Nikolai Patrushev")(seeds)
    lines = (seeds / "records" / "meetings.yaml").read_text(encoding="utf-8").splitlines()
    document_line = lines.index(f"    - document: {DOC}") + 1
    code, output = run_check(seeds)
    assert code == 1
    assert any(line.startswith(f"records/meetings.yaml:{document_line + 1}: evidence[1].quote: not found") for line in output), output
    assert lines[document_line].strip() == "quote: >-"


def test_a_wrong_conflict_quote_is_reported_at_its_quote_line(tmp_path):
    seeds = make_seeds(tmp_path / "seeds")
    (seeds / "conflicts.yaml").write_text(
        "- id: agreed-or-discussed\n  conflict_type: one_sided_account\n  title: Agreed or discussed?\n"
        "  description: Two accounts.\n  handling: Recorded as agreed.\n  records: [india-russia-deepen-counter-terrorism-2021]\n"
        f"  quotes:\n    - document: {DOC}\n      claim: Discussed.\n      quote: Patrushev and Doval discussed the deepening of bilateral security co-operation\n",
        encoding="utf-8")
    code, output = run_check(seeds)
    assert code == 1
    assert any(line.startswith("conflicts.yaml:10: quotes[1].quote: not found") for line in output), output


def test_a_curly_apostrophe_typed_straight_is_named_with_both_characters():
    found = punctuation_differences(document_text(), TALIBAN.replace("’", "'"))
    assert found == ['\'’\' (U+2019) in the document where the quote has "\'" (U+0027) (in \'by militants’ groups.\')']


@pytest.mark.parametrize(("typed", "theirs", "ours"), [
    ("rumors circulated - albeit without evidence - that India maintained", "–", "-"),
    ("rumors circulated — albeit without evidence — that India maintained", "–", "—"),
])
def test_a_dash_for_another_dash_is_named_once_with_both_characters(typed, theirs, ours):
    found = punctuation_differences(document_text("2022-12-diplomat-india-central-asia-relations"), typed)
    assert len(found) == 1
    assert found[0].startswith(f"{theirs!r} (U+{ord(theirs):04X}) in the document where the quote has "
                               f"{ours!r} (U+{ord(ours):04X})")


def test_straight_double_quotes_for_curly_ones_are_named():
    text = document_text("2023-10-17-doval-offers-central-asia-assistance")
    found = punctuation_differences(text, 'connectivity initiatives are "consultative, transparent and participatory"')
    assert found == ["'“' (U+201C) in the document where the quote has '\"' (U+0022) (in 'are “consultative, transparent')"]


def test_a_quote_that_differs_in_more_than_punctuation_gets_the_closest_passage(tmp_path):
    seeds = make_seeds(tmp_path / "seeds")
    replace("records/agreements.yaml",
            "      quote: agreed to deepen anti-terrorism cooperation at a meeting of their national security chiefs on Wednesday",
            "      quote: not to allow their land to be used by militants' groups.")(seeds)
    code, output = run_check(seeds)
    problem = next(line for line in output if line.startswith("records/agreements.yaml:18: evidence[1].quote"))
    assert "closest passage" in problem and "punctuation" not in problem


def test_a_yaml_syntax_error_is_reported_first_and_alone(tmp_path):
    """An indentation slip ends the record early: without this rule the curator
    first sees 'evidence: missing' at the record's first line, which is false."""
    seeds = make_seeds(tmp_path / "seeds")
    replace("records/meetings.yaml", "  evidence:\n", " evidence:\n")(seeds)
    replace("records/agreements.yaml", "{iso3: RUS, role: party}", "{iso3: RSU, role: party}")(seeds)
    code, output = run_check(seeds)
    assert code == 1
    assert output[0] == ("records/meetings.yaml:22: (yaml): malformed YAML at column 2: did not find expected '-' "
                         "indicator while parsing a block collection; expected valid YAML (every record must start "
                         "with '- ' in the same column)")
    assert [line for line in output if line.startswith("records/meetings.yaml")] == [output[0]]
    assert any(line.startswith("records/agreements.yaml:15: countries[2].iso3: unknown country code 'RSU'") for line in output)


def test_a_near_miss_quote_names_the_word_that_differs(tmp_path):
    seeds = make_seeds(tmp_path / "seeds")
    replace("records/meetings.yaml", "Nikolay Patrushev and Indian", "Nikolai Patrushev and Indian")(seeds)
    code, output = run_check(seeds)
    problem = next(line for line in output if "evidence[1].quote" in line)
    assert problem.endswith("Ajit Doval in New Delhi.'; 'Nikolay' in the document where the quote has 'Nikolai')")


@pytest.mark.parametrize("quote, difference", [
    ("following a meeting between Russian Security Council Secretary Patrushev and Indian National Security "
     "Adviser Ajit Doval", "'Nikolay' in the document, which the quote leaves out"),
    ("following a meeting between the Russian Security Council Secretary Nikolay Patrushev and Indian National",
     "'the' in the quote, which the document does not have there"),
    ("Following a meeting between Russian Security Council Secretary Nikolay Patrushev and Indian",
     "'following' in the document where the quote has 'Following'"),
])
def test_a_word_left_out_added_or_changed_is_named(quote, difference):
    passage, differences = closest_passage(document_text(), quote)
    assert differences == [difference]
    assert passage.startswith("following a meeting between Russian")


@pytest.mark.parametrize("quote", ["a meeting of the heads of the security councils of all five states",
                                   "the two ministers signed a treaty", "curity chiefs agreed on a plan"])
def test_an_invented_quotes_closest_passage_is_whole_words(quote):
    """An invented quote gets no list of differences, and its passage starts and ends at a word."""
    text = normalise_whitespace(document_text())[0]
    passage, differences = closest_passage(document_text(), quote)
    assert differences == [] and passage
    at = text.index(passage)
    assert at == 0 or text[at - 1] == " ", f"the passage starts inside a word: ...{text[at - 10:at]}|{passage[:20]}"
    end = at + len(passage)
    assert end == len(text) or text[end] == " ", f"the passage ends inside a word: {passage[-20:]}|{text[end:end + 10]}"
    assert len(passage.split()) == len(quote.split())
