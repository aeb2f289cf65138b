"""Steps 1 and 2 of drafting: the article's sentences, and what each names.

Sentences come from the project's own splitter (``icadb.loaders.text.sentences``,
the one the build uses), so a draft's evidence is exactly a stored
sentence. Each becomes a :class:`Reading`: its text and offsets, whether it
is the headline or page furniture, the countries, people, organisations and
series it names (the gazetteer, with dashes folded), and where its clauses
speak of the future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from icadb.drafting.knowledge import Knowledge, fold
from icadb.drafting.rules import Rules
from icadb.loaders.text import sentences

FURNITURE = re.compile(
    r"^(?:share\b|subscribe\b|also read\b|read more\b|follow us\b|posted:|updated:|\| updated|by [A-Z][a-z]+ [A-Z]|"
    r"filter by\b|loading\b|spread the love\b|leave a reply\b|your email\b|facebook\b|telegram\b|email\b|"
    r"do you like this article|click here|get the newsletter|catch up on|weekly newsletter)",
    re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:()\u2014\u2013]| - | and | but | while | whereas | although ")
_WORDS = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Named:
    """A name in a sentence: a country, person, organisation or series (offsets in the sentence)."""

    start: int
    end: int
    surface: str
    entity_type: str
    entity_id: str
    country: str | None = None  # a country's own code, or a person's country
    is_capital: bool = False
    is_name: bool = False  # a country's own name or its capital (not a demonym): it can name a place
    inside: str | None = None  # the organisation or series whose name holds it ("India" in "India-Central Asia Dialogue")


@dataclass
class Reading:
    position: int  # 1-based, as in the sentences table
    start: int  # offsets in the document
    end: int
    text: str
    headline: bool = False
    furniture: bool = False
    named: list[Named] = field(default_factory=list)
    clauses: list[tuple[int, int]] = field(default_factory=list)
    folded: str = ""  # the text with dashes and apostrophes folded (same length), for matching names
    _found: dict = field(default_factory=dict, repr=False)

    def find(self, phrases, start: int = 0, end: int | None = None):
        """The first match of *phrases* within [start, end) of the text (all
        matches are found once per sentence and kept)."""
        end = len(self.text) if end is None else end
        return next((m for m in self.matches(phrases) if m.start() >= start and m.end() <= end), None)

    def matches(self, phrases) -> list:
        """Every match of *phrases* in the text, found once per sentence."""
        found = self._found.get(id(phrases))
        if found is None:
            found = self._found[id(phrases)] = list(phrases.finditer(self.text))
        return found

    def clause_at(self, offset: int) -> tuple[int, int]:
        for start, end in self.clauses:
            if start <= offset < end:
                return start, end
        return 0, len(self.text)

    def countries(self) -> list[Named]:
        return [n for n in self.named if n.entity_type == "country"]


def clauses(text: str) -> list[tuple[int, int]]:
    """The spans between clause boundaries (commas, semicolons, dashes, "and", "but", ...)."""
    cuts = [0] + [m.start() for m in _CLAUSE.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def is_furniture(text: str, publisher: str | None) -> bool:
    stripped = text.strip()
    if FURNITURE.match(stripped):
        return True
    if publisher and fold(stripped).lower().startswith(fold(publisher).lower()) and len(stripped) < len(publisher) + 40:
        return True
    words = _WORDS.findall(stripped)
    if len(words) <= 6 and not stripped.endswith((".", "!", "?", '"', "”")):
        # a short line without a full stop: a caption, section name, byline or date line
        return not any(w[0].isupper() and len(w) > 3 for w in words[1:]) or len(words) <= 3
    return False


def read_sentences(text: str, kb: Knowledge, rules: Rules, publisher: str | None = None) -> list[Reading]:
    """Every sentence of *text*, with what it names."""
    out = []
    folded = fold(text)
    headline_found = False
    for sentence in sentences(text):
        reading = Reading(sentence.index + 1, sentence.start, sentence.end, sentence.text)
        line_end = text.find("\n", sentence.start)
        whole_line = (sentence.start == 0 or text[sentence.start - 1] == "\n") and \
            (line_end == -1 or line_end == sentence.end or not text[sentence.end:line_end].strip())
        if whole_line and is_furniture(sentence.text, publisher):
            reading.furniture = True
        elif (not headline_found and whole_line and sentence.index < 5 and len(_WORDS.findall(sentence.text)) >= 4
              and not sentence.text.rstrip().endswith((".", "?", "!"))):
            reading.headline = headline_found = True
        reading.clauses = clauses(sentence.text)
        reading.folded = folded[sentence.start:sentence.end]
        for mention in kb.gazetteer.mentions(folded, sentence.start, sentence.end):
            start, end = mention.start - sentence.start, mention.end - sentence.start
            country = mention.entity_id if mention.entity_type == "country" else None
            if mention.entity_type == "person":
                country = kb.people.get(mention.entity_id, (None, None))[1]
            reading.named.append(Named(start, end, sentence.text[start:end], mention.entity_type, mention.entity_id,
                                       country, mention.entity_type == "country" and mention.surface in kb.capitals,
                                       mention.entity_type == "country" and (mention.surface in kb.capitals
                                                                             or mention.surface in kb.proper_names)))
        for n, named in enumerate(reading.named):
            holder = next((o for o in reading.named if o is not named and o.entity_type != "country"
                           and o.start <= named.start and named.end <= o.end), None)
            if holder is not None:
                reading.named[n] = Named(named.start, named.end, named.surface, named.entity_type, named.entity_id,
                                         named.country, False, False, holder.surface)
        out.append(reading)
    return out


def future_at(reading: Reading, rules: Rules, start: int, end: int | None = None) -> bool:
    """Whether the clause around *start* speaks of the future ("will conclude on Sunday")."""
    a, b = reading.clause_at(start)
    return reading.find(rules.cues["future"], a, b) is not None or reading.find(rules.cues["future_time"], a, b) is not None
