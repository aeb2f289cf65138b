"""Discourse context: who an article is about, carried to the phrases that
refer back to them.

Real reports name the parties once, in the headline or the first paragraph,
and then say "the two sides", "both armies", "the six nations", "the
participants" or "the visiting delegation". :class:`Context` holds

- the article's parties: the countries (and office holders' countries) that
  take part in what the headline and the first paragraph report, in order of
  appearance (a country only discussed, "on Afghanistan", is not one);
- the event in focus: the last event a sentence reported with two or more
  countries taking part, in this paragraph or the one before.

:meth:`Context.resolve` turns a party phrase (``context`` in the rules: the
number it says, or all of them, the visitors or the hosts) into countries,
from the event in focus when it fits the phrase, else from the article's
parties, and says which and why; the draft's notes keep that sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from icadb.drafting.knowledge import CENTRAL_ASIA
from icadb.drafting.reading import Reading
from icadb.drafting.rules import Rules

NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
           "ten": 10}


@dataclass
class Focus:
    """An event a sentence reported, with its taking-part countries (host first)."""

    countries: list[str]
    host: str | None
    paragraph: int
    label: str  # "the meeting of sentence 3"
    done: bool = True  # told as held or under way (not planned, proposed or rumoured)


@dataclass
class Resolution:
    countries: list[str]
    why: str
    phrase: str
    start: int
    end: int


@dataclass
class Context:
    parties: list[str] = field(default_factory=list)
    parties_why: str = ""
    focus: list[Focus] = field(default_factory=list)

    def note_event(self, countries: dict, paragraph: int, label: str, extend: bool = False,
                   done: bool = True) -> None:
        """Keep an event a sentence reported (*countries*: iso3 -> role) as the one in focus; with *extend*
        (a sentence that tells the event in focus again: "The foreign ministers of Kyrgyzstan ... took part"),
        add its countries to that one's."""
        taking = [i for i, r in countries.items() if r not in ("subject", "observer")]
        host = next((i for i, r in countries.items() if r == "host"), None)
        if extend and self.focus:
            focus = self.focus[-1]
            focus.countries += [i for i in taking if i not in focus.countries]
            focus.host = focus.host or host
            focus.paragraph = paragraph
            return
        if len(taking) >= 2:
            self.focus.append(Focus(taking, host, paragraph, label, done))

    def _focus(self, paragraph: int, count: int | None, hosted: bool = False) -> Focus | None:
        for focus in reversed(self.focus):
            if paragraph - focus.paragraph > 1 and not hosted:
                return None
            if hosted and (focus.host is None or not focus.done):
                continue  # "the visiting delegation": the last event held with a host, however far back
            if count is None or len(focus.countries) == count:
                return focus
        return None

    def resolve(self, reading: Reading, rules: Rules) -> list[Resolution]:
        """Every party phrase of *reading*, resolved (phrases that cannot be are left out)."""
        out = []
        # the countries the sentence names as taking part: not a place ("in Tashkent") nor a topic ("the
        # situation in Afghanistan"), which the article's parties win over
        own = list(dict.fromkeys(n.country for n in reading.named if party_name(reading, n, rules)))
        for group, phrases in rules.context.items():
            for match in reading.matches(phrases):
                words = match.group(0).lower().split()
                count = next((NUMBERS[w] for w in words if w in NUMBERS), None) if group == "counted" else None
                if count is not None and count == len(own) and not re.search(r"\s(?:of|from)\s*$",
                                                                             reading.text[match.end():match.end() + 6]):
                    # "Kazakhstan hoped to organise a visit by Tokayev to India ..., when the two countries mark
                    # 30 years": the two the sentence names
                    out.append(Resolution(own, f'"{match.group(0)}": the {count} countries its sentence names '
                                               f'(context.{group})', match.group(0), match.start(), match.end()))
                    continue
                if count is not None and 0 < len(own) < count and self.parties:
                    # "the two ministers" in a sentence that names Zhaksylykov: him, and the article's first party
                    # (then the event in focus) for the rest
                    focus = self.focus[-1].countries if self.focus else []
                    more = [i for i in [*self.parties, *focus] if i not in own]
                    if len(own) + len(more) >= count:
                        chosen = own + more[:count - len(own)]
                        out.append(Resolution(chosen, f'"{match.group(0)}": {", ".join(own)} its sentence names, and '
                                                      f'{", ".join(more[:count - len(own)])} of the article\'s parties '
                                                      f'(context.{group})', match.group(0), match.start(),
                                              match.end()))
                        continue
                found = self._one(group, match.group(0), reading.paragraph)
                if found is not None:
                    countries, why = found
                    out.append(Resolution(countries, why, match.group(0), match.start(), match.end()))
        return out

    def _one(self, group: str, phrase: str, paragraph: int) -> tuple[list[str], str] | None:
        words = phrase.lower().split()
        if group == "six":
            return ["IND", *CENTRAL_ASIA], f'"{phrase}": India and the five Central Asian states (context.six)'
        count = next((NUMBERS[w] for w in words if w in NUMBERS), None) if group == "counted" else None
        focus = self._focus(paragraph, count)
        if group == "visitors":
            focus = self._focus(paragraph, None, hosted=True)
            if focus is None or focus.host is None:
                return None
            guests = [i for i in focus.countries if i != focus.host]
            return guests, f'"{phrase}": the side that came to {focus.host} for {focus.label} (context.visitors)'
        if group == "hosts":
            focus = self._focus(paragraph, None, hosted=True)
            if focus is None or focus.host is None:
                return None
            return [focus.host], f'"{phrase}": the host of {focus.label} (context.hosts)'
        if focus is not None:
            return list(focus.countries), f'"{phrase}": the countries of {focus.label} (context.{group})'
        if self.parties and (count is None or len(self.parties) == count):
            return list(self.parties), f'"{phrase}": the article\'s parties, {self.parties_why} (context.{group})'
        return None


_SUBJECT_BEFORE = re.compile(r"\b(?:on|about|over|regarding|concerning|into|through|across|against|towards|from|in|"
                             r"near|at|to)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)


_OTHER_CLAUSE = re.compile(r"\b(?:after|before|when|since|because|although|though)\s+(?:the\s+)?(?-i:[A-Z])",
                           re.IGNORECASE)


def party_name(reading: Reading, named, rules: Rules) -> bool:
    """Whether *named* names a country (or an office holder's) as one that takes
    part: not after a preposition ("on Afghanistan", "in Astana"), not before a
    topic noun ("Afghan soil"), not in a clause of another event."""
    if named.country is None or named.entity_type not in ("country", "person", "holder") or named.inside:
        return False
    if named.entity_type == "country" and _SUBJECT_BEFORE.search(reading.text[max(0, named.start - 30):named.start]):
        return False
    after = re.match(r"\s+([\w-]+)", reading.text[named.end:])
    if after and after.group(1).lower() in rules.topic_nouns:
        return False  # "Afghan soil", "Russian influence": a topic
    if _OTHER_CLAUSE.search(re.split(r"[,;:]", reading.text[:named.start])[-1]):
        return False  # ", three months after the Taliban took Kabul": another event's
    return True


def article_parties(readings: list[Reading], rules: Rules) -> tuple[list[str], str]:
    """The countries the headline and first paragraph of an article report as
    taking part, in order of appearance, and where they were found. A country
    after a preposition ("on Afghanistan", "in Astana") is a topic or a
    place, not a party, unless it also appears as one."""
    lead = [r for r in readings if r.headline]
    body = [r for r in readings if not r.headline and not r.furniture]
    if body:
        first = body[0].paragraph
        lead += [r for r in body if r.paragraph == first][:2]
    found: list[str] = []
    where = []
    for reading in lead:
        for named in reading.named:
            iso3 = named.country
            if not party_name(reading, named, rules):
                continue
            if iso3 not in found:
                found.append(iso3)
        five = reading.find(rules.all_five)
        if five and "IND" in found:
            for iso3 in CENTRAL_ASIA:
                if iso3 not in found:
                    found.append(iso3)
        where.append("the headline" if reading.headline else f"sentence {reading.position}")
    return found, f"named in {' and '.join(dict.fromkeys(where))}" if found else ""


def build(readings: list[Reading], rules: Rules) -> Context:
    parties, why = article_parties(readings, rules)
    return Context(parties, why)
