"""Steps 1 and 2 of drafting: the article's sentences, and what each names.

Sentences come from the project's own splitter (``icadb.loaders.text.sentences``,
the one the build uses), so a draft's evidence is exactly a stored
sentence. Each becomes a :class:`Reading`: its text and offsets, its
paragraph, whether it is the headline or page furniture (menus, sharing
prompts, "Also read:" lines, bylines, captions: ``furniture`` in the rules),
the countries, people, organisations and series it names (the gazetteer, with
dashes folded), the office holders it names with the country each held
office for (``people.py``), its clauses, and its predicates: the parts of a
sentence with a verb of their own ("signed a memorandum ... and agreed to
hold the next round ..."), each of which keeps its own date, status and place.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from icadb.drafting.knowledge import Knowledge, fold
from icadb.drafting.rules import Rules
from icadb.loaders.text import sentences

_CLAUSE = re.compile(r"[,;:()\u2014\u2013]| - | and | but | while | whereas | although ")
_WORDS = re.compile(r"[A-Za-z]+")
_MENU = re.compile(r"\s[|\u2022\u00b7\u203a>]\s")


@dataclass(frozen=True)
class Named:
    """A name in a sentence: a country, person, office holder, organisation or series (offsets in the sentence)."""

    start: int
    end: int
    surface: str
    entity_type: str  # country, person, holder, organization, series
    entity_id: str | None
    country: str | None = None  # a country's own code, or a person's country (None: not resolved)
    is_capital: bool = False
    is_name: bool = False  # a country's own name or its capital (not a demonym): it can name a place
    inside: str | None = None  # the organisation or series whose name holds it ("India" in "India-Central Asia Dialogue")
    note: str | None = None  # how a person was resolved to a country, or why not


@dataclass
class Reading:
    position: int  # 1-based, as in the sentences table
    start: int  # offsets in the document
    end: int
    text: str
    headline: bool = False
    furniture: bool = False
    furniture_why: str = ""
    paragraph: int = 0
    named: list[Named] = field(default_factory=list)
    clauses: list[tuple[int, int]] = field(default_factory=list)
    predicates: list[tuple[int, int]] = field(default_factory=list)
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

    def predicate_at(self, offset: int) -> tuple[int, int]:
        """The predicate (a span with a verb of its own) that holds *offset*."""
        for start, end in self.predicates:
            if start <= offset < end:
                return start, end
        return 0, len(self.text)

    def countries(self) -> list[Named]:
        return [n for n in self.named if n.entity_type == "country"]


def clauses(text: str) -> list[tuple[int, int]]:
    """The spans between clause boundaries (commas, semicolons, dashes, "and", "but", ...)."""
    cuts = [0] + [m.start() for m in _CLAUSE.finditer(text)] + [len(text)]
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def predicates(text: str, rules: Rules) -> list[tuple[int, int]]:
    """The sentence cut where a new verb begins a predicate of its own: at
    "; ", and at "and", "but", "while" or "whereas" (after a comma or not)
    followed by a verb of ``clause_verbs`` ("... signed a memorandum and
    agreed to hold ...")."""
    cuts = [0]
    for match in rules.predicate_break.finditer(text):
        if match.start() > cuts[-1] + 8:
            cuts.append(match.start())
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def is_furniture(text: str, publisher: str | None, rules: Rules) -> str:
    """Why a whole line is page furniture, not prose ("" when it is prose)."""
    stripped = text.strip()
    start = rules.furniture_starts.first(stripped)
    if start and start.start() == 0:
        return f'it starts "{start.group(0)}" (furniture.starts)'
    if re.match(r"^[Bb]y [A-Z][a-z]+(?: [A-Z][a-z.]+){0,3}(?: and [A-Z][a-z]+(?: [A-Z][a-z]+)?)?\s*$", stripped):
        return "a byline"
    if publisher and fold(stripped).lower().startswith(fold(publisher).lower()) and len(stripped) < len(publisher) + 40:
        return "the publisher's line"
    if len(_MENU.findall(f" {stripped} ")) >= 2 and not stripped.endswith((".", "!", "?")):
        return "a menu or date line (items between | or bullets)"
    words = _WORDS.findall(stripped)
    if words and stripped.isupper() and len(words) <= 6:
        return "a section heading in capitals"
    if len(words) <= 6 and not stripped.endswith((".", "!", "?", '"', "\u201d")):
        # a short line without a full stop: a caption, section name, byline or date line
        if not any(w[0].isupper() and len(w) > 3 for w in words[1:]) or len(words) <= 3:
            return "a short line without a full stop"
    return ""


def _paragraphs(text: str) -> list[int]:
    """The offsets where each paragraph (text between blank lines) starts."""
    return [0] + [m.end() for m in re.finditer(r"\n[ \t]*\n+", text)]


def read_sentences(text: str, kb: Knowledge, rules: Rules, publisher: str | None = None,
                   published: dt.date | None = None) -> list[Reading]:
    """Every sentence of *text*, with what it names."""
    out = []
    folded = fold(text)
    headline_found = False
    starts = _paragraphs(text)
    paragraph = 0
    for sentence in sentences(text):
        reading = Reading(sentence.index + 1, sentence.start, sentence.end, sentence.text)
        while paragraph + 1 < len(starts) and starts[paragraph + 1] <= sentence.start:
            paragraph += 1
        reading.paragraph = paragraph
        line_end = text.find("\n", sentence.start)
        whole_line = (sentence.start == 0 or text[sentence.start - 1] == "\n") and \
            (line_end == -1 or line_end == sentence.end or not text[sentence.end:line_end].strip())
        why = is_furniture(sentence.text, publisher, rules) if whole_line else ""
        if why:
            reading.furniture, reading.furniture_why = True, why
        elif (not headline_found and whole_line and sentence.index < 5 and len(_WORDS.findall(sentence.text)) >= 4
              and not sentence.text.rstrip().endswith((".", "?", "!"))):
            reading.headline = headline_found = True
        reading.clauses = clauses(sentence.text)
        reading.predicates = predicates(sentence.text, rules)
        reading.folded = folded[sentence.start:sentence.end]
        _name(reading, sentence.start, folded, kb, published)
        out.append(reading)
    return out


def _name(reading: Reading, offset: int, folded: str, kb: Knowledge, published: dt.date | None) -> None:
    """What the sentence names: the gazetteer's mentions, then office holders."""
    for mention in kb.gazetteer.mentions(folded, offset, reading.end):
        start, end = mention.start - offset, mention.end - offset
        country = mention.entity_id if mention.entity_type == "country" else None
        if mention.entity_type == "person":
            country = kb.people.get(mention.entity_id, (None, None))[1]
        reading.named.append(Named(start, end, reading.text[start:end], mention.entity_type, mention.entity_id,
                                   country, mention.entity_type == "country" and mention.surface in kb.capitals,
                                   mention.entity_type == "country" and (mention.surface in kb.capitals
                                                                        or mention.surface in kb.proper_names)))
    for start, end, surface in kb.holders.find(reading.folded):
        resolved = kb.holders.resolve(surface, published, reading.text)
        country = resolved.holder.country if resolved else None
        note = resolved.why if resolved else kb.holders.not_in_office(surface, published)
        same = next((n for n, named in enumerate(reading.named) if named.entity_type == "person"
                     and named.start < end and start < named.end), None)
        if same is not None:  # a person of people.yaml: their country while in office
            named = reading.named[same]
            reading.named[same] = Named(named.start, named.end, named.surface, named.entity_type, named.entity_id,
                                        country, note=note)
            continue
        if any(n.start < end and start < n.end for n in reading.named):
            continue  # inside a longer name
        reading.named.append(Named(start, end, reading.text[start:end], "holder",
                                   resolved.holder.name if resolved else surface, country, note=note))
    reading.named.sort(key=lambda n: n.start)
    for n, named in enumerate(reading.named):
        holder = next((o for o in reading.named if o is not named and o.entity_type not in ("country", "holder")
                       and o.start <= named.start and named.end <= o.end), None)
        if holder is not None:
            reading.named[n] = Named(named.start, named.end, named.surface, named.entity_type, named.entity_id,
                                     named.country, False, False, holder.surface, named.note)


def future_at(reading: Reading, rules: Rules, start: int, end: int | None = None) -> bool:
    """Whether the clause around *start* speaks of the future ("will conclude on Sunday")."""
    a, b = reading.clause_at(start)
    if a == 0 and b < len(reading.text) and reading.text[b:b + 1] == ",":
        # "Until April 30, commandos ... will train together": a fronted time takes the tense of the clause after it
        b = reading.clause_at(b + 1)[1]
    return reading.find(rules.cues["future"], a, b) is not None or reading.find(rules.cues["future_time"], a, b) is not None \
        or _INVITED_TO.search(reading.text, a, start) is not None


# "has invited the presidents ... to be chief guests at its Republic Day celebrations on January 26": what one is
# invited to is to come
_INVITED_TO = re.compile(r"\b(?:invited|invites|invite|invitation)\b[^.;]*?\b(?:to|at|for)\b", re.IGNORECASE)
