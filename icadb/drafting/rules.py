"""The drafter's rules, read from ``seeds/reference/drafting_rules.yaml``.

They are data so that a curator can read why a draft says what it says: each
list becomes a :class:`Phrases` matcher (case-insensitive, whole words, the
longest phrase first), and every draft note names the rule and the words
that fired it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from icadb.paths import SEEDS_DIR
from icadb.schema import vocab
from icadb.loaders.yamlread import load as read
from icadb.loaders.text import trie_pattern

RULES_FILE = Path("reference") / "drafting_rules.yaml"


class Phrases:
    """Whole-word, case-insensitive matches of a list of phrases, longest first."""

    def __init__(self, phrases):
        phrases = list(phrases)
        odd = [p for p in phrases if not isinstance(p, str)]
        if odd:  # a number or true/false, where a phrase was meant: quote it
            raise ValueError(f"{RULES_FILE}: {odd!r} is not text; expected phrases (quote numbers, true and false)")
        self.phrases = sorted({p.lower() for p in phrases}, key=len, reverse=True)
        body = trie_pattern(self.phrases) if self.phrases else "(?!)"
        self.pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)

    def finditer(self, text: str, start: int = 0, end: int | None = None):
        return self.pattern.finditer(text, start, len(text) if end is None else end)

    def first(self, text: str, start: int = 0, end: int | None = None) -> re.Match | None:
        return self.pattern.search(text, start, len(text) if end is None else end)

    def __contains__(self, text: str) -> bool:
        return self.pattern.search(text) is not None


@dataclass(frozen=True)
class Trigger:
    """A rule that marks a sentence as reporting an event of one kind."""

    id: str
    kind: str
    status: str
    strength: int
    phrases: Phrases
    type: str | None = None


@dataclass(frozen=True)
class Typed:
    """A value (a category, a facility type, ...) chosen by the words of a sentence."""

    value: str
    phrases: Phrases


class Rules:
    def __init__(self, data: dict, source: Path):
        self.source = source
        self.data = data
        self.triggers = [Trigger(t["id"], t["kind"], t["status"], int(t["strength"]), Phrases(t["words"]), t.get("type"))
                         for t in data["triggers"]]
        self.trigger_words = Phrases(w for t in data["triggers"] for w in t["words"])
        # Which rules each trigger word belongs to (a word may be in several: "meeting", "meet").
        self.rules_of_word: dict[str, list[Trigger]] = {}
        for trigger in self.triggers:
            for word in trigger.phrases.phrases:
                self.rules_of_word.setdefault(word, []).append(trigger)
        cues = data["status_cues"]
        self.cues = {name: Phrases(words) for name, words in cues.items()}
        roles = data["roles"]
        self.host_verbs = Phrases(roles["host_verbs"])
        self.host_prepositions = Phrases(roles["host_prepositions"])
        self.topic_nouns = frozenset(w.lower() for w in roles["topic_nouns"])
        self.subject_prepositions = Phrases(roles["subject_prepositions"])
        self.discussion_verbs = Phrases(roles["discussion_verbs"])
        self.observer = Phrases(roles["observer"])
        self.attribution = Phrases(roles["attribution"])
        self.all_five = Phrases(vocab.ALL_FIVE_WORDING)  # one list with the record checks
        self.vague_central_asia = Phrases(roles["vague_central_asia"])
        self.categories = [Typed(c["category"], Phrases(c["words"])) for c in data["categories"]]
        self.kind_categories = data["kind_categories"]
        self.facility_types = [Typed(c["type"], Phrases(c["words"])) for c in data["facility_types"]]
        self.agreement_types = [Typed(c["type"], Phrases(c["words"])) for c in data["agreement_types"]]
        self.meeting_levels = [Typed(c["level"], Phrases(c["words"])) for c in data["meeting_levels"]]
        self.virtual = Phrases(data["virtual"])
        self.agreed_to_meet = Phrases(data["agreed_to_meet"])
        # any verb of holding before any meeting noun: "convene the third session", "host another round of talks"
        _widen(self.agreed_to_meet, re.compile(
            r"(?<![\w-])(?:meet|hold|host|convene|organise|organize|stage)\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?"
            r"(?:(?:next|another|further|third|fourth|fifth|sixth|second|new|joint|first|annual)\s+){0,2}"
            r"(?:round|meeting|summit|edition|session|dialogue|talks|consultations|conference|roundtable)"
            r"(?![\w-])", re.IGNORECASE))
        self.ordinals = {k.lower(): int(v) for k, v in data["ordinals"].items()}
        self.edition_nouns = Phrases(data["edition_nouns"])
        self.relative_editions = {k.lower(): int(v) for k, v in data["relative_editions"].items()}
        self.relative_words = Phrases(self.relative_editions)
        self.figure_units = frozenset(u.lower() for u in data["figure_units"])
        self.approximate = Phrases(data["approximate"])
        self.number_words = {k.lower(): int(v) for k, v in data["number_words"].items()}
        self.continuations = Phrases(data["continuations"])
        self.furniture_starts = Phrases(data["furniture"]["starts"])
        self.context = {group: Phrases(words) for group, words in data["context"].items() if group != "nouns"}
        # Any number (or "both") before any noun of those who take part, up to two words between: "the two
        # sides", "both defence ministries", "the three national security advisers" (the lists keep the rest)
        nouns = trie_pattern(sorted({w.lower() for w in data["context"].get("nouns", ())}, key=len, reverse=True))
        counted = (rf"(?:(?:the|these|those|all)\s+(?:two|three|four|five|seven|eight|nine|ten)|both)"
                   rf"(?:\s+(?!(?:of|and|or|in|on|with|from|to|for)\b)(?-i:[a-z][\w-]*)){{0,2}}\s+(?:{nouns})")
        self.counted_pattern = re.compile(rf"(?<![\w-]){counted}(?![\w-])", re.IGNORECASE)
        _widen(self.context["counted"], self.counted_pattern)
        # "the visiting defence secretary", "the visiting Uzbek team": any who came; "the host army": who received
        _widen(self.context["visitors"], re.compile(r"(?<![\w-])the\s+visiting\s+(?:(?-i:[a-z][\w-]*)\s+){0,2}"
                                                    r"(?-i:[a-z][\w-]*)(?![\w-])", re.IGNORECASE))
        _widen(self.context["hosts"], re.compile(r"(?<![\w-])the\s+host(?:ing)?\s+(?:country|nation|side|government|"
                                                 r"army|military|team|delegation|state)(?![\w-])", re.IGNORECASE))
        self.attempts = Phrases(data["attempts"])
        self.negations = Phrases(data["negations"])
        self.purposes = Phrases(data["purposes"])
        self.agreement_objects = Phrases(data["agreement_objects"])
        self.inanimate_subjects = frozenset(w.lower() for w in data["inanimate_subjects"])
        self.references = {kind: Phrases(words) for kind, words in data["references"].items()}
        self.short_names = dict(data.get("short_names") or {})
        # the members of organisations, with the day each joined (and left): org id -> [{iso3, from, to}]
        self.organization_members = {org: [dict(m) for m in members]
                                     for org, members in (data.get("organization_members") or {}).items()}
        # other names of the gazetteer's places (old names, other spellings): place id -> names
        self.place_names = {place_id: list(names) for place_id, names in (data.get("place_names") or {}).items()}
        self.chair_verbs = Phrases(roles["chair_verbs"])
        self.participation = Phrases(data["participation"])
        self.invited_to_attend = Phrases(data["invited_to_attend"])
        # "to the second session", "as the chief guest", "to the upcoming summit": invited to an event, as a class
        _widen(self.invited_to_attend, re.compile(
            r"(?<![\w-])(?:as\s+(?:a|an|the)?\s*(?:special|chief|guest|honoured|honored)?\s*(?:guests?|invitees?)|"
            r"to\s+the\s+(?:[\w-]+\s+){0,2}?(?:session|meeting|summit|talks|dialogue|conference|forum|consultations|"
            r"roundtable))(?![\w-])", re.IGNORECASE))
        self.standing_meetings = Phrases(data["standing_meetings"])
        _widen(self.continuations, self.counted_pattern)  # "Both defence ministries ..." continues the event
        self.weak_triggers = frozenset(w.lower() for w in data["weak_triggers"])
        verbs = trie_pattern(sorted({w.lower() for w in data["clause_verbs"]}, key=len, reverse=True))
        # A new predicate: "; ", or a conjunction (after a comma or not) before a verb of its own.
        # Also "..., and the one before that at Bakloh ...": another edition, its verb left out.
        # Also a clause of time or cause with a subject of its own (", three months after the Taliban took
        # Kabul", "after Turkmenistan told New Delhi"), and ", and" before a new subject ("Kazakhstan joined
        # later, and Pakistan came on board in 2016").
        self.predicate_break = re.compile(
            rf";\s+|,?\s+(?:and|but|while|whereas)\s+(?:also\s+|later\s+|then\s+|jointly\s+)?(?=(?:{verbs})\b)"
            rf"|,?\s+(?=and\s+the\s+one\s+(?:before|after)\s+(?:that|it)\b)"
            rf"|,\s+(?:\w+\s+){{1,2}}(?=(?:after|before)\s)|\s(?=(?:after|when|because|although|though)\s+(?-i:[A-Z])|since\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b)(?-i:[A-Z]))"
            rf"|,\s+(?=and\s+(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)*\s+(?:also\s+|again\s+|later\s+)?"
            rf"(?:{verbs}|came|went|became|took|met|made|gave|(?-i:[a-z]{{3,}}ed))\b)",
            re.IGNORECASE)

    @cached_property
    def ordinal_words(self) -> Phrases:
        return Phrases(self.ordinals)


def _widen(phrases: Phrases, pattern: re.Pattern) -> None:
    """Let *phrases* also match *pattern* (a class of phrases, not a list)."""
    phrases.pattern = re.compile(f"{pattern.pattern}|{phrases.pattern.pattern}", re.IGNORECASE)


def load(seeds: Path = SEEDS_DIR) -> Rules:
    path = seeds / RULES_FILE
    if not path.exists():  # a seeds folder without its own rules uses the project's
        path = SEEDS_DIR / RULES_FILE
    return Rules(read(path), path)
