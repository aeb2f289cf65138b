"""Sentences and mentions in the stored document texts.

- :func:`sentences` splits a text into sentences with their character
  offsets. Every line break ends a sentence (headlines, captions and page
  furniture have no full stop); within a line a sentence ends at ``.``, ``!``
  or ``?`` (and any closing quotes) before a capital, a digit or an opening
  quote, except after initials ("S. Jaishankar", "U.S.") and common
  abbreviations ("Mr.", "Dr.", "Jan.").
- :class:`Gazetteer` finds mentions of countries, organisations, people and
  series by any of their names in the ``aliases`` table: whole words only,
  longest name first, so "Uzbekistan" is one mention and "Indian Ocean" is
  none (it is an "ignore" alias). A name of an organisation or series that
  contains a country's name also mentions that country: "India-Central Asia
  Dialogue" mentions the dialogue and India. A place name inside it does not:
  the longest name wins, so "Ashgabat Agreement" is the agreement and no
  mention of Turkmenistan (a capital names its country only on its own).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt st jr sr no nos rs vs etc approx govt dept inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n u.s.a".split()
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]$")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _word_before(line: str, dot: int) -> str:
    """What ``_WORD_BEFORE.search(line, 0, dot)`` finds ("" for nothing): the
    run of ASCII letters and full stops ending at *dot*, from its first letter.
    Found walking back from *dot*, not searching forward from the line's start."""
    start = dot
    while start > 0 and line[start - 1] in _WORD_CHARS:
        start -= 1
    return line[start:dot].lstrip(".")


def _is_abbreviation(line: str, dot: int) -> bool:
    """Whether the full stop at *dot* ends an abbreviation or an initial."""
    if line[dot] != ".":
        return False
    word = _word_before(line, dot)
    if not word:
        return False
    return bool(_INITIALS.fullmatch(word)) or word.lower().rstrip(".") in ABBREVIATIONS


def sentences(text: str) -> list[Sentence]:
    """The sentences of *text*, in order, with offsets such that
    ``text[s.start:s.end] == s.text``."""
    out: list[Sentence] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start = 0
        for match in _BOUNDARY.finditer(body):
            if _is_abbreviation(body, match.start()):
                continue
            _emit(out, body, offset, start, match.end())
            start = match.end()
        _emit(out, body, offset, start, len(body))
        offset += len(line)
    return out


def _emit(out: list[Sentence], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    begin = offset + start + lead
    out.append(Sentence(len(out), begin, begin + len(stripped), stripped))


# ------------------------------------------------------------------ mentions


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    entity_type: str
    entity_id: str


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of *words* arranged as a trie (fast with Python's
    re), preferring the longest word at each position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return build(trie)


class Gazetteer:
    """Finds mentions of entities by any of their names."""

    def __init__(self, names: dict[str, tuple[str, str | None]], places: Iterable[str] = ()):
        """*names* maps each surface form to (entity_type, entity_id); *places*
        are the names among them that name a place (a capital standing for its
        country), which count only on their own, never inside a longer name."""
        self.names = dict(names)
        self.places = frozenset(places)
        self._regex = self._compile(self.names)
        countries = {name: ref for name, ref in self.names.items() if ref[0] == "country" and name not in self.places}
        country_regex = self._compile(countries)
        # Country names inside the names of organisations, people and series, found once, here.
        self._nested: dict[str, list[tuple[int, int, str, str]]] = {}
        for name, (entity_type, _id) in self.names.items():
            if entity_type in ("organization", "person", "series"):
                inner = [(m.start(), m.end(), m.group(0), countries[m.group(0)][1]) for m in country_regex.finditer(name)]
                if inner:
                    self._nested[name] = inner

    @staticmethod
    def _compile(names) -> re.Pattern:
        words = sorted(names, key=len, reverse=True)
        pattern = trie_pattern(words) if words else "(?!)"
        return re.compile(rf"(?<![\w])(?:{pattern})(?![\w])")

    @classmethod
    def from_db(cls, conn) -> Gazetteer:
        rows = conn.execute(
            "SELECT alias, entity_type, coalesce(iso3, org_id, person_id, series_id) FROM aliases"
        ).fetchall()
        capitals = {name for (name,) in conn.execute("SELECT capital FROM countries WHERE capital IS NOT NULL")}
        names = {alias: (entity_type, entity_id) for alias, entity_type, entity_id in rows}
        return cls(names, sorted(alias for alias, (kind, _id) in names.items() if kind == "country" and alias in capitals))

    def mentions(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Mention]:
        for match in self._regex.finditer(text, start, len(text) if end is None else end):
            surface = match.group(0)
            entity_type, entity_id = self.names[surface]
            if entity_type == "ignore":
                continue
            yield Mention(match.start(), match.end(), surface, entity_type, entity_id)
            for inner_start, inner_end, inner_surface, iso3 in self._nested.get(surface, ()):
                offset = match.start()
                yield Mention(offset + inner_start, offset + inner_end, inner_surface, "country", iso3)
