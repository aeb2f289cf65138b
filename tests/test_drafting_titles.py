"""Draft titles and summaries read as a curator would write them: no word
twice in a row, no country twice, no placeholder ("undated", "None",
"unknown", "no country named"), no dangling preposition at the end nor two in a
row ("request of for"), and the
drafter's prefix that icadb accept asks a person to take out. Checked on
every draft of the tune sets' articles (the held-out half is never drafted
here) and of a few sentences built for each kind."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from icadb.drafting import Article, draft
from icadb.drafting.compose import DRAFT_SUMMARY_PREFIX, DRAFT_TITLE_PREFIX
from icadb.loaders.yamlread import load as read

DATA = Path(__file__).resolve().parent / "data" / "drafting"
TUNE = sorted(p for s in ("tune", "tune2", "real/tune") if (DATA / s).is_dir() for p in (DATA / s).glob("*.txt"))
PLACEHOLDERS = re.compile(r"\b(?:undated|None|unknown|n/a|no country named|TODO)\b")
BUILT = [
    ("India and Kazakhstan held talks in Astana on Monday.", "talks, Astana"),
    ("India and Uzbekistan signed a memorandum on military medicine on Monday.",
     "India\u2013Uzbekistan memorandum on military medicine"),
    ("The eighth edition of the KazInd exercise of Indian and Kazakh troops began at Otar on 15 April.",
     "KazInd VIII, India\u2013Kazakhstan joint exercise, Otar"),
    ("India offered Kazakhstan fully funded training for 40 customs officers on Tuesday.",
     "India's offer of fully funded training for 40 customs officers to Kazakhstan"),
    ("Kyrgyzstan asked India to help set up a cyber security centre on Tuesday.",
     "Kyrgyzstan's request to India to help set up a cyber security centre"),
    ("Kyrgyzstan asked India for military supplies on Tuesday.", "Kyrgyzstan's request to India for military supplies"),
    ("India has become a member of the International North-South Transport Corridor on Tuesday.",
     "International North-South Transport Corridor"),
]


def problems(text: str, kb) -> list[str]:
    """What reads badly: a word twice in a row, a country twice in one list of names ("India, India"), a
    placeholder, a dangling preposition."""
    found = []
    words = re.findall(r"[\w'\u2019]+", text.lower())
    found += [f"{a!r} twice in a row" for a, b in zip(words, words[1:]) if a == b]
    names = set(kb.country_names.values()) | {"Russia"}
    for listed in re.findall(r"(?:[A-Z][\w ]*?(?:, |\u2013| and ))+[A-Z][\w ]*", text):
        items = [i.strip() for i in re.split(r", |\u2013| and ", listed)]
        countries = [i for i in items if i in names]
        found += [f"{name} twice" for name in sorted({c for c in countries if countries.count(c) > 1})]
    if PLACEHOLDERS.search(text):
        found.append(f"a placeholder: {PLACEHOLDERS.search(text).group(0)!r}")
    if re.search(r"\b(?:of|to|on|for|in|at|the|a|an|and|with|by)\s*[.)]?$", text):
        found.append("ends on a preposition or article")
    two = re.search(r"\b(?:of|to|for|on|in|at|with|by)\s+(?:of|to|for|on|with|by)\b", text)
    if two:
        found.append(f"two prepositions in a row: {two.group(0)!r}")
    return found


def titles_of(result) -> list[tuple[str, str]]:
    return [(d["title"], d["summary"]) for d in result.drafts]


@pytest.mark.parametrize("text_path", TUNE, ids=lambda p: f"{p.parent.relative_to(DATA)}/{p.stem}")
def test_every_draft_title_of_a_tune_article_reads_cleanly(kb, rules, text_path):
    meta = read(text_path.with_suffix(".yaml"))
    published = dt.date.fromisoformat(str(meta["published_on"]))
    result = draft(Article(text_path.stem, text_path.read_text(encoding="utf-8"), published, published,
                           meta.get("publisher")), kb, rules)
    bad = {}
    for title, summary in titles_of(result):
        assert title.startswith(DRAFT_TITLE_PREFIX) and summary.startswith(DRAFT_SUMMARY_PREFIX)
        for label, text in (("title", title.removeprefix(DRAFT_TITLE_PREFIX)),
                            ("summary", summary.removeprefix(DRAFT_SUMMARY_PREFIX))):
            if problems(text, kb):
                bad[f"{label}: {text}"] = problems(text, kb)
    assert bad == {}


@pytest.mark.parametrize("sentence, expected", BUILT)
def test_a_title_says_what_the_draft_is(kb, rules, sentence, expected):
    published = dt.date(2024, 4, 26)
    result = draft(Article("test-document", sentence, published, published), kb, rules)
    titles = [d["title"] for d in result.drafts]
    assert any(expected in t for t in titles), titles
    for title, summary in titles_of(result):
        assert problems(title, kb) == [] and problems(summary, kb) == []


def test_the_checks_catch_what_they_name(kb):
    assert set(problems("Draft: meeting, India, India, undated", kb)) == {
        "'india' twice in a row", "India twice", "a placeholder: 'undated'"}
    assert problems("Draft: agreement, India, Kazakhstan, India", kb) == ["India twice"]
    assert problems("India–Kazakhstan exercise exercise of", kb) == ["'exercise' twice in a row",
                                                                    "ends on a preposition or article"]


@pytest.mark.parametrize("text_path", TUNE, ids=lambda p: f"{p.parent.relative_to(DATA)}/{p.stem}")
def test_every_inferred_date_note_quotes_the_article_and_names_its_assumption(kb, rules, text_path):
    """What the checks ask of a reviewed record's inferred date (loaders/record_rules.py), so that
    icadb accept takes the draft's note as it is: words of the article in double quotes, and the assumption."""
    from loaders.record_rules import _ASSUMPTION, _ELLIPSIS, _QUOTED

    meta = read(text_path.with_suffix(".yaml"))
    published = dt.date.fromisoformat(str(meta["published_on"]))
    text = text_path.read_text(encoding="utf-8")
    result = draft(Article(text_path.stem, text, published, published, meta.get("publisher")), kb, rules)
    folded = " ".join(text.split())
    bad = {}
    for record in result.drafts:
        note = record.get("date_note")
        if record.get("date_basis") != "inferred" or not note:
            continue
        passages = [a or b for a, b in _QUOTED.findall(note)]
        missing = [p for p in passages for part in _ELLIPSIS.split(p) if part.strip() and
                   part.strip() not in folded and (part.strip()[:1].swapcase() + part.strip()[1:]) not in folded]
        if not passages or missing or not _ASSUMPTION.search(note):
            bad[record["id"]] = note
    assert bad == {}
