"""The YAML reader: YAML 1.2 scalars, line numbers, refusals, and syntax errors a curator can act on."""

from __future__ import annotations

from pathlib import Path

import pytest

from icadb.loaders.errors import Problems
from icadb.loaders.yamlread import iter_records, read_mapping


def records(tmp_path: Path, text: str | bytes) -> tuple[list, list[str], list[str]]:
    path = tmp_path / "seed.yaml"
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    problems = Problems()
    got = list(iter_records(path, problems))
    return got, [str(p) for p in problems.items], problems.notes


def test_dates_and_norway_stay_strings(tmp_path):
    got, problems, _ = records(tmp_path, "- date: 2023-10-17\n  code: NO\n  flag: no\n")
    assert problems == []
    assert got[0][1] == {"date": "2023-10-17", "code": "NO", "flag": "no"}


def test_plain_numbers_bools_and_nulls_are_typed(tmp_path):
    got, _, _ = records(tmp_path, "- a: 12\n  b: 1.5\n  c: true\n  d:\n  e: '12'\n")
    assert got[0][1] == {"a": 12, "b": 1.5, "c": True, "d": None, "e": "12"}


def test_each_key_knows_its_line(tmp_path):
    got, _, _ = records(tmp_path, "- id: a\n  title: x\n\n- id: b\n  evidence:\n    - quote: q\n")
    (line_a, a), (line_b, b) = got
    assert (line_a, line_b) == (1, 4)
    assert b.line_of("evidence") == 5
    assert b["evidence"].line_of(0) == 6


def test_duplicate_field_is_reported_with_its_line(tmp_path):
    _, problems, _ = records(tmp_path, "- id: a\n  id: b\n")
    assert len(problems) == 1
    assert problems[0].endswith("seed.yaml:2: id: duplicate field 'id' in one record; expected each field once")


def test_malformed_yaml_names_the_line(tmp_path):
    _, problems, _ = records(tmp_path, "- id: a\n- title: [unclosed\n")
    assert len(problems) == 1 and ":3: (yaml): malformed YAML" in problems[0]


def test_non_utf8_is_refused_with_its_line(tmp_path):
    _, problems, _ = records(tmp_path, b"- id: a\n- title: caf\xe9\n")
    assert len(problems) == 1 and ":2: (file): not valid UTF-8 text" in problems[0]


def test_bom_and_crlf_are_accepted_with_a_note(tmp_path):
    got, problems, notes = records(tmp_path, b"\xef\xbb\xbf- id: a\r\n  title: b\r\n")
    assert problems == []
    assert got[0][1] == {"id": "a", "title": "b"}
    assert any("byte-order mark" in n for n in notes) and any("CRLF" in n for n in notes)


@pytest.mark.parametrize("text, message", [
    ("", "file is empty"),
    ("id: a\n", "top level is a mapping; expected a YAML list of records"),
    ("- &x {id: a}\n", "anchors (&name) are not supported"),
    ("- id: !!int 3\n", "YAML tags"),
    ("- just a string\n", "list item is a single value"),
    ("- id: a\n- id: b\n---\n- id: c\n", ":3: (yaml): more than one YAML document (---) in the file; expected one"),
    ("- {? [a]: b}\n", "a mapping or list cannot be a key"),
])
def test_refusals(tmp_path, text, message):
    _, problems, _ = records(tmp_path, text)
    assert any(message in p for p in problems), problems


def test_read_mapping(tmp_path):
    path = tmp_path / "meta.yaml"
    path.write_text("id: x\npublished_on: 2021\n")
    meta = read_mapping(path, Problems())
    assert meta == {"id": "x", "published_on": 2021} and meta.line_of("published_on") == 2


def test_an_alias_is_refused_where_it_stands(tmp_path):
    _, problems, _ = records(tmp_path, "- id: a\n  title: x\n- id: b\n  title: *x\n")
    assert len(problems) == 1 and problems[0].endswith(
        ":4: (yaml): aliases (*name) are not supported; expected every value written out in full"), problems


@pytest.mark.parametrize("text, where, hint", [
    ("- id: a\n  title: India: talks\n", ":2: (yaml): malformed YAML at column 15: mapping values are not allowed",
     "a value holding ': ' must be in quotes"),
    ("- id: a\n title: b\n", ":2: (yaml): malformed YAML at column 2: did not find expected '-' indicator",
     "every record must start with '- ' in the same column"),
    ("- id: a\n  title: 'open\n", "(yaml): malformed YAML at column", "a quote is opened and never closed"),
])
def test_a_syntax_error_says_where_and_what_it_most_often_means(tmp_path, text, where, hint):
    _, problems, _ = records(tmp_path, text)
    assert len(problems) == 1 and where in problems[0] and hint in problems[0], problems


def test_a_large_file_is_read_a_record_at_a_time(tmp_path):
    """Each record is composed on its own: reading one is the same as reading it among many."""
    one = "- id: x\n  title: T\n  countries:\n    - {iso3: IND, role: host}\n"
    got, problems, _ = records(tmp_path, one * 2000)
    assert problems == [] and len(got) == 2000
    assert got[-1] == (1 + 4 * 1999, {"id": "x", "title": "T", "countries": [{"iso3": "IND", "role": "host"}]})


def test_load_reads_project_files_under_the_same_scalar_rules(tmp_path):
    from icadb.loaders.yamlread import load

    path = tmp_path / "settings.yaml"
    path.write_text("flag: on\nanswer: no\nday: 2024-01-02\nn: 3\nlist: &l [a, b]\nagain: *l\n", encoding="utf-8")
    assert load(path) == {"flag": "on", "answer": "no", "day": "2024-01-02", "n": 3, "list": ["a", "b"],
                          "again": ["a", "b"]}
