"""Step 4 of drafting: a frame per event a sentence reports.

A frame is one sentence's account of one event: its kind and status (from
the trigger, ``triggers.py``), its date (``dates.py``), its place, the
countries with their roles, the people and organisations, the series and
edition, the figures and the field of cooperation. Every value carries why
it was chosen (``notes``), which becomes the draft's ``draft_notes``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from icadb.drafting import context as context_steps
from icadb.drafting import dates as date_rules
from icadb.drafting import places as place_steps
from icadb.drafting.dates import DateReading
from icadb.drafting.knowledge import CENTRAL_ASIA, Knowledge, Place, Series, fold
from icadb.drafting.reading import Named, Reading, future_at
from icadb.drafting.rules import Phrases, Rules, Trigger
from icadb.drafting.triggers import _agreed_to_meet  # noqa: F401 (the same rule for a whole hit)
from icadb.drafting.triggers import Hit, find_triggers, governing, status_of

ROLE_ORDER = ("host", "chair", "proposer", "target", "organizer", "operator", "funder", "observer", "member", "party",
              "participant", "framework", "subject")
_WORD_BEFORE = re.compile(r"([\w'-]+)\W*$")
_ORDINAL_NUMBER = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11,
          "XII": 12, "XIII": 13, "XIV": 14, "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20}
_END_CUE = re.compile(r"\b(?:conclude|concludes|concluded|end|ends|ended|until|till|run until|runs until|through|"
                      r"shut down|closed|was dissolved|to)\b", re.IGNORECASE)
_FIGURE = re.compile(
    r"(?P<approx>\b(?:about|around|some|nearly|almost|approximately|roughly|an estimated|estimated|over|more than|"
    r"up to|at least)\s+)?(?P<cur>US\$|\$|Rs\.?\s?|INR\s)?(?P<num>\b\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a dozen)\b)"
    r"(?:\s(?P<mult>million|billion|crore|lakh|thousand)\b)?(?P<between>(?-i:(?:\s[A-Z][a-z]+)?(?:\s[a-z-]+)?))?",
    re.IGNORECASE)
MULTIPLIERS = {"thousand": 1e3, "lakh": 1e5, "million": 1e6, "crore": 1e7, "billion": 1e9}


@dataclass
class Role:
    role: str
    why: str
    note: str | None = None


@dataclass
class Frame:
    reading: Reading
    hit: Hit | None  # None: a sentence that only continues the event before it
    kind: str | None
    status: str | None = None
    status_why: str = ""
    type: str | None = None  # proposal_type / agreement_type / activity_type from the trigger
    date: DateReading | None = None
    date_why: str = ""
    countries: dict[str, Role] = field(default_factory=dict)
    people: dict[str, Role] = field(default_factory=dict)
    organizations: dict[str, Role] = field(default_factory=dict)
    place: Place | None = None
    place_name: str | None = None
    place_why: str = ""
    place_unknown: bool = False
    place_country: str | None = None
    series: Series | None = None
    series_name: str | None = None  # a series the text names that seeds/series.yaml lacks
    edition: int | None = None
    edition_why: str = ""
    inherit_series: bool = False
    edition_relative: int | None = None  # "the previous edition": -1 from the event before it
    figures: list[dict] = field(default_factory=list)
    category: str | None = None
    category_why: str = ""
    continuation: bool = False
    lead_holds_trigger: bool = False  # "The course, which ran ...": the trigger is the lead's own noun
    refers: str | None = None  # a sentence without an event of its own that names one ("the proposal"): its kind
    definite: bool = False  # "the exercise", "this meeting": an event already told
    future: bool = False  # a sentence that speaks of what is to come
    split: bool = False  # one of several records one sentence tells (one per series, per partner)
    vague: list[str] = field(default_factory=list)  # vague group phrases ("several Central Asian states")
    span: tuple[int, int] | None = None  # the predicate of the sentence the event is told in
    context: list[str] = field(default_factory=list)  # party phrases resolved, and why
    decided: bool = False  # what a decision decides, no event of its own ("would be invited to take part")
    background: bool = False  # an earlier event told as what this one grew out of ("grew out of the first Summit")
    visit_span: bool = False  # its date is a visit's days from an arrival ("arrived on Friday for a three-day visit")
    named_roles: dict[int, Role] = field(default_factory=dict)  # the role each country name gave, by its offset

    @property
    def headline(self) -> bool:
        return self.reading.headline

    def taking_part(self) -> set[str]:
        return {iso3 for iso3, role in self.countries.items() if role.role != "subject"}


def _words_before(text: str, position: int, count: int = 3) -> list[str]:
    """The last *count* words before *position*, leaving out articles ("the security of the Turkmenistan-...")."""
    words = re.findall(r"[\w'-]+", text[:position].lower())[-count - 3:]
    return [w for w in words if w not in ("the", "a", "an")][-count:]


def _attribution(reading: Reading, rules: Rules, at: int) -> bool:
    """Whether the clause at *at* says who said it ("a diplomat in New Delhi said")."""
    a, b = reading.clause_at(at)
    said = reading.find(rules.attribution, a, b)
    if said is None:
        return False
    # "said the next round would be held in Kyrgyzstan": what was said, not where it was said
    return not (said.end() <= at and re.match(r"\s+(?:that\s+)?(?:the|a|an|it|they|he|she|India|\w+'s)\b",
                                               reading.text[said.end():]))


def _set_role(roles: dict[str, Role], key: str, role: Role) -> None:
    """Keep the stronger of two roles for one country (host over participant, anything over subject)."""
    current = roles.get(key)
    if current is None or ROLE_ORDER.index(role.role) < ROLE_ORDER.index(current.role):
        roles[key] = role


def _last_before(reading: Reading, phrases, at: int, reach: int):
    """The last match of *phrases* that ends at most *reach* characters before *at* (each sentence scanned once)."""
    found = None
    for match in reading.matches(phrases):
        if match.end() > at:
            break
        if at - match.end() <= reach:
            found = match
    return found


_NUMBER_AFTER = re.compile(r"\s*(?:US\$|\$)?\d")


# "attacks in Kunduz, Kandahar and Kabul": the noun and preposition before a list of names
_LISTED_AFTER = re.compile(r"\b([\w-]+)\s+(in|of|from|on|to)\s+(?:(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*"
                           r"(?:,\s+|,?\s+and\s+))+$", re.IGNORECASE)
# "Afghanistan's near neighbours, are ...": the noun phrase a possessive owns, up to a comma or a verb
# "asked the chiefs of its cyber agencies to visit India", "urged the Central Asian states to make use of Chabahar
# port": an invitation (to come, to use what is offered)
_ASKED_TO_VISIT = re.compile(r"[^,;.]{0,80}?\bto\s+(?:visit|come to|travel to|make use of|use|ship\b[^,;.]{0,40}?"
                             r"\bthrough)\b", re.IGNORECASE)
_BACKGROUND = re.compile(r"\b(?:grew out of|grows out of|followed|follows|came after|comes after|built on|builds on|"
                         r"months after|weeks after|years after|in the wake of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                         re.IGNORECASE)
_OF_A_PERSON = re.compile(r"\bwho\s+(?:(?:only|just|had|has)\s+)?(?:took office|took over|became|was appointed|"
                          r"was elected|succeeded|was born|retired|was sworn in)\b", re.IGNORECASE)
_POSSESSED = re.compile("(?:'s|’s)\\s+((?:[\\w-]+\\s+){0,2}[a-z][\\w-]*)"
                        r"(?=\s*[,;:.]|\s+(?:are|is|was|were|have|has|and|to|in|of)\b)")
_BY_TURNS = re.compile(r"\b(?:by turns|in turns|in turn|alternately|in rotation|on a rotating basis|turn by turn)\b",
                       re.IGNORECASE)


# "on an eight-day journey through Central Asia and Russia": places a traveller passes through take no part
_THROUGH_LIST = re.compile(r"\b(?:journey|tour|trip|leg|travels|way)\s+(?:[\w-]+\s+){0,2}?(?:through|across|via|to)\s+"
                           r"(?:the\s+)?(?:(?:[A-Z][\w-]*\s*)+(?:,\s*|,?\s+and\s+))*$")


def _role_of(named: Named, frame: Frame, reading: Reading, rules: Rules) -> Role:
    text = reading.text
    kind, hit = frame.kind, frame.hit
    before = _words_before(text, named.start, 4)
    a, b = reading.clause_at(named.start)
    observer = reading.find(rules.observer, named.end, b) or (reading.find(rules.observer) and "watched" in text.lower()
                                                          and (hit is None or named.start < text.lower().find("watched")))
    if observer and kind in ("meeting", "exercise", "activity", None):
        return Role("observer", 'roles.observer: "as observers" in its clause')
    if named.entity_type == "country" and not named.is_name and re.fullmatch(r"[A-Z][a-z]+s", named.surface) and \
            re.search(r"\b(?:to|for|of|all|among|help|aid)\s+(?:the\s+|all\s+|ordinary\s+)?$",
                      text[max(0, named.start - 20):named.start]):
        return Role("subject", f'"{named.surface}": the people of a country, what the event is for')
    advice = reading.matches(rules.cues["advice"])
    if advice and any(m.start() > named.end and reading.clause_at(m.start()) == reading.clause_at(named.start) and
                      m.start() - named.end <= 12 for m in advice):
        return Role("subject", f'"{named.surface}" before "{next(m.group(0) for m in advice if m.start() > named.end)}":'
                               ' the subject of an opinion or advice, not a party')
    if re.match(r"\s+(?:\w+\s+)?(?:dominated|topped|headed|featured (?:high|prominently) on|was high on|was on)\s+the\s+"
                r"(?:talks|agenda|discussions|meeting|dialogue)", text[named.end:]):
        return Role("subject", f'"{named.surface} {text[named.end:].split()[0]} ...": what the talks were about')
    if hit is None and re.search(r"\b(?:said|says|told\s+[\w ]{1,30}?|added|stressed|noted)\s+that\b[^.;]*$",
                                 text[:named.start]):
        return Role("subject", "named in what was said, in a sentence that only continues the event before it")
    a_clause = reading.clause_at(named.start)[0]
    # what was discussed runs to the end of its predicate ("discussed the situation along the border and the threat
    # from militant groups in northern Afghanistan")
    a_predicate = reading.predicate_at(named.start)[0]
    talked = next((m for m in reading.matches(rules.discussion_verbs)
                   if min(a_clause, a_predicate) <= m.start() and m.end() <= named.start and
                   not re.search(r"[;:]", text[m.end():named.start]) and
                   not re.search(r",\s+(?:while|whereas|but|as|when|after|before)\b|\.\s", text[m.end():named.start])),
                  None)
    if talked is not None and (hit is None or hit.start <= talked.start() or kind in ("meeting", None)):
        return Role("subject", f'roles.discussion_verbs: after "{talked.group(0)}": what was discussed')
    if ("where" in text or "in which" in text) and \
            re.search(r"\b(?:region|area|neighbourhood|neighborhood|part of the world|space)\s+(?:where|in which)\s+"
                 r"(?:(?-i:[A-Z])[\w-]*\s+(?:and|or)\s+)?$", text[max(0, named.start - 60):named.start], re.IGNORECASE):
        return Role("subject", f'"... where {named.surface}": said of the region, not of the event')
    subject_prep = _last_before(reading, rules.subject_prepositions, named.start, 12)
    if subject_prep and subject_prep.group(0).lower() in ("about", "over") and \
            _NUMBER_AFTER.match(text, subject_prep.end()):
        subject_prep = None  # "about 100 Uzbek troops": a number, not a topic
    if subject_prep and subject_prep.start() <= 1 and re.search(r"[,;:]", text[subject_prep.end():named.start]):
        subject_prep = None  # "On minerals, Doval proposed": the topic is the minerals
    if subject_prep and not (named.is_capital and kind in ("meeting", "exercise")):
        return Role("subject", f'roles.subject_prepositions: "{subject_prep.group(0)}" before it')
    if len(before) >= 2 and before[-1] in ("in", "of", "from", "for", "with", "to") and before[-2] in rules.topic_nouns \
            and not (kind == "facility" and hit is not None and before[-2] in hit.word.lower().split()):
        return Role("subject", f'roles.topic_nouns: "{before[-2]} {before[-1]}" before it')
    listed = _LISTED_AFTER.search(text[max(0, named.start - 80):named.start])
    if listed and listed.group(1).lower() in rules.topic_nouns and \
            not (kind == "facility" and hit is not None and listed.group(1).lower() in hit.word.lower().split()):
        return Role("subject", f'roles.topic_nouns: "{listed.group(1)} {listed.group(2)}" before the list it ends')
    if kind == "agreement" and text[named.end:named.end + 4].lower() == "-led":
        return Role("organizer", f'"{named.surface}-led": who leads the organisation')
    if text[named.end:named.end + 7].lower().startswith(("-based", "-led", "'s war", "'s territory")):
        return Role("subject", f'"{named.surface}{text[named.end:named.end + 7]}"')
    owned = _POSSESSED.match(text, named.end)
    if owned and owned.group(1).split()[-1].lower() in rules.topic_nouns and \
            not re.search(r"\b(?:in|at|near)\s+$", text[max(0, named.start - 6):named.start]) and not (
            kind == "facility" and owned.group(1).split()[-1].lower() in ("port", "ports", "terminal", "base", "bases",
                                                                          "airbase", "outpost", "hospital")):
        # "as Afghanistan's near neighbours", "Russia's influence": what it is about (the head noun of the phrase)
        return Role("subject", f'roles.topic_nouns: "{named.surface}{owned.group(0)}": what it is about')
    if kind == "meeting" and hit is not None and re.search(r"\bcalls?\b|\bcalled\b", hit.word, re.IGNORECASE) and \
            hit.word.lower().endswith(" on") and 0 <= named.start - hit.end <= 40 and \
            not re.search(r"[,;:]", text[hit.end:named.start]):
        return Role("host", f'"{hit.word} {named.surface}": the one called on receives the call')
    if kind == "meeting" and hit is not None and hit.word.lower() in ("visit", "visits", "state visit") and \
            named.start > hit.end and re.search(r"\bto\s+(?:the\s+)?$", text[max(0, named.start - 8):named.start]) and \
            not re.search(r"[,;:]", text[hit.end:named.start]) and named.start - hit.end <= 70:
        return Role("host", f'"{hit.word} ... to {named.surface}": where the visit goes')
    if kind in ("meeting", "exercise", "activity", "facility") and not _attribution(reading, rules, named.start):
        # the last one before the name: "at Termez in southern Uzbekistan"
        prep = _last_before(reading, rules.host_prepositions, named.start, 12)
        if prep and not place_steps.governs(text[prep.end():named.start]):
            prep = None  # "At the talks, India and ...": the preposition is another phrase's
        if prep and named.is_name and named.inside is None:
            turns = _BY_TURNS.search(text, named.end)
            if turns and not re.search(r"[;:]", text[named.end:turns.start()]):
                return Role("participant", f'"{prep.group(0)} {named.surface} ... {turns.group(0)}": where the series '
                                           f'goes by turns, not where this one is')
            return Role("host", f'roles.host_prepositions: "{prep.group(0)} {named.surface}"')
        after = reading.find(rules.host_verbs, named.end, min(len(text), named.end + 14))
        if after and after.group(0).lower() != "hosted by":
            return Role("host", f'roles.host_verbs: "{named.surface} {after.group(0)}"')
        if "hosted by" in text[max(0, named.start - 12):named.start].lower():
            return Role("host", 'roles.host_verbs: "hosted by"')
    if kind in ("meeting", None):
        chair = reading.find(rules.chair_verbs, named.end, min(len(text), named.end + 80))
        if chair and not re.search(r"[,;.]", text[named.end:chair.start()]) and \
                not chair.group(0).lower().endswith(" by"):
            return Role("chair", f'roles.chair_verbs: "{chair.group(0)}" after it')
        by = _last_before(reading, rules.chair_verbs, named.start, 40)
        if by and by.group(0).lower().endswith(" by") and not re.search(r"[,;.]", text[by.end():named.start]):
            return Role("chair", f'roles.chair_verbs: "{by.group(0)}" before it')
    if kind == "proposal" and hit is not None:
        passive = re.search(r"\b(?:was|were|been|is|are|being)\s+(?:\w+ly\s+)?$", text[:hit.start]) if \
            re.match(r"\w+(?:ed|en|ght)\b", hit.word) else None  # "was invited", not "was ready to share"
        if passive:  # "Afghanistan's foreign minister was invited": invited, not inviting; "by X": who invites
            by = re.search(r"\bby\s+(?:the\s+)?$", text[max(0, named.start - 10):named.start])
            if named.start > hit.start and by:
                return Role("proposer", f'"by" after the passive "{hit.word}"')
            if named.start < hit.start:
                return Role("target", f'before the passive "{passive.group(0)}{hit.word}": to whom')
        if hit.rule.type == "offer" and named.start > hit.end and not named.is_name and \
                re.fullmatch(r"\s+(?:the\s+|its\s+|their\s+)?", text[hit.end:named.start]) and \
                re.match(r"\s+[a-z]", text[named.end:]):
            return Role("proposer", f'"{hit.word} {named.surface} {text[named.end:].split()[0]}": whose help is offered')
        if named.start < hit.start:
            if hit.rule.type == "request":
                return Role("proposer", f'before "{hit.word}": the one who asks')
            return Role("proposer", f'before "{hit.word}": the one who {hit.word}')
        if re.search(r"\b(?:in|at|by|from)\s+(?:the\s+)?$", text[max(0, named.start - 12):named.start]):
            return Role("subject", f'after "{hit.word}", but named as a place or an agent, not as to whom')
        return Role("target", f'after "{hit.word}": to whom')
    if kind == "agreement" and hit is not None and named.start > hit.start and \
            re.match(r"\s+(?:would|will|should)\s+be\s+\w+ed\b", text[named.end:]):
        return Role("subject", f'"{named.surface}{re.match(r"[^,;.]*?ed", text[named.end:]).group(0)}": what the '
                               'decision is about')
    if kind == "agreement":
        if frame.type == "membership" and hit is not None and named.start < hit.start:
            return Role("member", f'before "{hit.word}"')
        if frame.type == "membership":
            return Role("subject", "named beside a membership it is not said to hold")
        return Role("party", "a country of the agreement")
    if kind == "activity" and hit is not None and 0 <= hit.start - named.end <= 12 and \
            hit.rule.type == "training_programme":
        return Role("organizer", f'"{named.surface} {text[named.end:hit.end].strip()}": whose course it is')
    if kind in ("facility", "activity") and re.match(r"-(?:funded|financed|built)\b", text[named.end:named.end + 10]):
        return Role("funder", f'"{named.surface}{text[named.end:named.end + 8]}": who pays for it')
    if kind == "facility":
        if hit is not None and named.start < hit.start:
            return Role("operator", f'before "{hit.word}": the one who runs it')
        if re.search(r"\b(?:in|at|near|of)\s+(?:the\s+)?(?:\w+\s+)?$", text[max(0, named.start - 20):named.start]):
            return Role("host", "where the facility is")
        return Role("subject", "named with the facility, not where it is")
    return Role("participant", "named in the sentence of the event")


_ARRIVED_FROM = re.compile(r"\b(?:reached|arrived|arrives|landed|flew|came|travelled|traveled)\b[^,;.]{0,60}\bfrom\s+"
                           r"(?:the\s+)?$", re.IGNORECASE)


def assign_countries(frame: Frame, reading: Reading, rules: Rules, kb: Knowledge) -> None:
    previous: tuple[Named, Role] | None = None
    for named in reading.named:
        window = reading.text[max(0, named.start - 80):named.start] if named.entity_type == "country" else ""
        if window and (("from" in window and _ARRIVED_FROM.search(window)) or
                       (("journey" in window or "tour" in window or "trip" in window or "leg" in window or
                         "travels" in window or "way" in window) and _THROUGH_LIST.search(window))):
            continue  # "reached the Turkmen capital from Russia", "a journey through ... Russia": passed through
        if named.entity_type == "country":
            between = reading.text[previous[0].end:named.start] if previous is not None else ""
            if previous is not None and between in ("-", "\u2013", "/"):
                # "the Turkmenistan-Afghanistan-Pakistan-India (TAPI) pipeline": one name, one role
                role = Role(previous[1].role, f'joined by a dash to "{previous[0].surface}"')
            elif previous is not None and previous[1].role == "subject" and between in (", ", " and ", ", and ", " or "):
                # "connectivity through Iran, Afghanistan ...": a list shares the role of its first
                role = Role("subject", f'listed with "{previous[0].surface}", a subject')
            elif previous is not None and previous[1].role == "host" and frame.kind == "facility" and \
                    between in (", ", " and ", ", and "):
                # "bases in Tajikistan and Kyrgyzstan": a host each
                role = Role("host", f'listed with "{previous[0].surface}", where the facility is')
            else:
                role = _role_of(named, frame, reading, rules)
            previous = (named, role)
            frame.named_roles[named.start] = Role(role.role, f'"{named.surface}": {role.why}')
            _set_role(frame.countries, named.entity_id, Role(role.role, f'"{named.surface}": {role.why}'))
        elif named.entity_type in ("person", "holder"):
            role = _role_of(named, frame, reading, rules)
            if named.entity_type == "person":
                _set_role(frame.people, named.entity_id, Role(role.role if role.role != "member" else "participant",
                                                              f'"{named.surface}": {role.why}'))
            if named.country:  # a person stands for the country they held office for
                stands = Role(role.role, f'{named.note or named.surface + " is of " + named.country}: {role.why}')
                frame.named_roles[named.start] = stands
                _set_role(frame.countries, named.country, stands)
        elif named.entity_type == "organization":
            role = "framework" if frame.kind in ("meeting", "agreement") and frame.type in (None, "membership") \
                and frame.kind == "agreement" else "subject"
            if frame.kind == "meeting" and re.search(re.escape(named.surface) + r"(?:'s)?\s+(?:summit|meeting)",
                                                     reading.text, re.IGNORECASE):
                role = "framework"
            _set_role(frame.organizations, named.entity_id, Role(role, f'"{named.surface}"'))
    five = reading.find(rules.all_five)
    if five and frame.span is not None and frame.hit is not None and five.start() > frame.hit.start and \
            not frame.span[0] <= five.start() < frame.span[1]:
        five = None  # "... after Modi stopped in Bishkek during his tour of all five Central Asian republics"
    if five and re.match(r"\s+(?:still|that|which|who|outside|not|other than|except|without|yet to)\b",
                         reading.text[five.end():]):
        five = None  # "the Central Asian states still outside them": some of them, not all five
    if five and re.search(r"\b(?:any|one|some|each|none|several|two|three|four|many|most)\s+of\s+$",
                          reading.text[max(0, five.start() - 12):five.start()]):
        five = None  # "one of the Central Asian Republics"
    role = None
    if five:
        probe = Named(five.start(), five.end(), five.group(0), "country", "KAZ", "KAZ")
        role = _role_of(probe, frame, reading, rules)
        if frame.kind == "facility" and role.role != "host":
            five = None  # "invited the Central Asian states to use the port where an Indian company operates ..."
    if five:
        for iso3 in CENTRAL_ASIA:
            _set_role(frame.countries, iso3, Role(role.role, f'roles.all_five: "{five.group(0)}": {role.why}'))
    else:
        vague = reading.find(rules.vague_central_asia)
        if vague and not any(i in frame.countries for i in CENTRAL_ASIA) and vague.group(0).lower() != "central asia":
            frame.vague.append(vague.group(0))


def _definite(reading: Reading, hit: Hit, rules: Rules) -> bool:
    """Whether the trigger is a noun of an event the article has told already: "the exercise", "this meeting"."""
    nouns = {re.sub(r"^(?:the|this|that)\s+", "", p) for p in rules.references.get(hit.kind, Phrases(())).phrases}
    return hit.word.lower() in nouns and bool(re.search(r"\b(?:the|this|that|these)\s+(?:[\w-]+\s+){0,2}$",
                                                          reading.text[:hit.start], re.IGNORECASE)) and \
        not any(n.entity_type == "series" and 0 <= hit.start - n.end <= 3 for n in reading.named)


_DECISION_BREAK = re.compile(r",?\s+and\s+(?=(?:to|that)\s)|;\s+(?=(?:to|that)\s)")
_HELD_LATER = re.compile(r"\b(?:meeting|summit|round|session|edition|dialogue|talks)\b[^,;]{0,80}?\b(?:would|will|should)\s+"
                         r"be\s+held\b|\b(?:would|will)\s+host\s+the\s+next\b", re.IGNORECASE)


def _decisions(hits: list[Hit], reading: Reading, rules: Rules, all_hits: list[Hit],
               kb: Knowledge) -> list[tuple[Hit, tuple]]:
    """Each hit with its span; a decision ("agreed to hold the summit every two
    years and to set up a joint working group", "agreed that the next meeting
    would be held in India and that Afghanistan would be invited") gives one
    hit per thing decided, and a meeting decided on is a meeting to come."""
    out = []
    for hit in hits:
        span = _span(reading, hit, all_hits)
        if hit.rule.id != "agreement-agreed":
            out.append((hit, span))
            continue
        cuts = [hit.end] + [m.start() for m in _DECISION_BREAK.finditer(reading.text, hit.end, span[1])] + [span[1]]
        for n, (a, b) in enumerate(zip(cuts, cuts[1:])):
            piece = reading.text[a:b]
            if _HELD_LATER.search(piece) or (n == 0 and _agreed_to_meet_piece(reading, rules, a, b)):
                # "agreed that the next round of KazInd will be held in Kazakhstan": of the kind of the series named
                named = next((s for s in (kb.series.get(m.entity_id) for m in reading.named
                                          if m.entity_type == "series" and a <= m.start < b) if s), None)
                kind = named.kind if named is not None else "meeting"
                planned = Trigger(f"{kind}-agreed-to-hold", kind, "planned", 4,
                                  next(t for t in rules.triggers if t.kind == kind).phrases)
                out.append((Hit(planned, a if n else hit.start, b if n else hit.end, hit.word),
                            (span[0] if n == 0 else a, b)))
            elif n == 0:
                out.append((hit, (span[0], b)))
            else:
                out.append((Hit(hit.rule, a, a + len(piece) - len(piece.lstrip(" ,;and")), "and"), (a, b)))
    return out


def _agreed_to_meet_piece(reading: Reading, rules: Rules, a: int, b: int) -> bool:
    found = reading.find(rules.agreed_to_meet, a, min(b, a + 45))
    return found is not None and reading.find(rules.standing_meetings, found.end(), min(b, found.end() + 30)) is None


_THE_BODY = re.compile(r"\bthe (corridor|agreement|organisation|organization|bloc|grouping|alliance|treaty|group|"
                       r"forum|council)\b", re.IGNORECASE)


def _body_told_before(frame: Frame, reading: Reading, kb: Knowledge, bodies_told: list[str]) -> None:
    """"would soon be members of the corridor": the organisation the article
    named last whose name has that noun (the International North-South
    Transport Corridor)."""
    if frame.kind != "agreement" or frame.type != "membership" or \
            any(r.role == "framework" for r in frame.organizations.values()):
        return
    noun = _THE_BODY.search(reading.text, frame.hit.end if frame.hit else 0)
    if noun is None:
        return
    word = noun.group(1).lower().replace("organization", "organisation")
    body = next((o for o in reversed(bodies_told) if word in kb.organizations.get(o, "").lower()
                 .replace("organization", "organisation")), None)
    if body is not None:
        frame.organizations[body] = Role("framework", f'"{noun.group(0)}": {kb.organizations[body]}, '
                                                      f'the {word} the article named last')


def _one_promises(frame: Frame, reading: Reading, rules: Rules) -> None:
    """"India pledged to train 100 officers": one country's promise is its offer
    (a proposal, offered), not a decision; "the ministers promised to ..." stays
    a decision of those who promised together."""
    if frame.hit is None or frame.hit.rule.id != "agreement-pledged":
        return
    before = [n for n in reading.named if n.country and n.end <= frame.hit.start and
              reading.clause_at(n.start) == reading.clause_at(frame.hit.start)]
    if len({n.country for n in before}) != 1 or re.search(r"\b(?:and|both|all|the two|ministers|leaders|sides)\b",
                                                          reading.text[before[0].start:frame.hit.start]):
        return
    proposer = before[0].country
    trigger = next(t for t in rules.triggers if t.id == "proposal-offer")
    frame.kind, frame.type, frame.status = "proposal", "offer", "offered"
    frame.hit = Hit(trigger, frame.hit.start, frame.hit.end, frame.hit.word)
    frame.status_why = f'"{frame.hit.word}" by one country ({proposer}): its offer (rule agreement-pledged)'
    for iso3, role in list(frame.countries.items()):
        if iso3 == proposer:
            frame.countries[iso3] = Role("proposer", f'the one who "{frame.hit.word}"')
        elif role.role == "party":
            frame.countries[iso3] = Role("target", f'named after "{frame.hit.word}": to whom')


def _invited_to_attend(frame: Frame, reading: Reading, rules: Rules) -> None:
    """"invited all five presidents to attend", "was invited as a special guest
    to the session": no proposal of its own, but who takes part in the event
    told before it (a continuation; events.merge joins it there)."""
    if frame.kind != "proposal" or frame.hit is None or frame.hit.rule.type != "invitation":
        return
    found = reading.find(rules.invited_to_attend, frame.hit.end, min(len(reading.text), frame.hit.end + 90))
    if found is None:
        return
    if re.search(r"\b(?:would|will|to)\s+be\s+$", reading.text[max(0, frame.hit.start - 12):frame.hit.start]):
        if re.search(r"\b(?:agreed|decided|resolved)\b", reading.text[:frame.hit.start]):
            frame.decided = True  # "agreed ... that Afghanistan would be invited to take part": what was decided
        return  # what is to come, not who took part
    occasion = re.search(r"\b(?:at|for)\s+(?:its|their|the|his|her)\s+[^,.;]{3,60}", reading.text[found.end():])
    when = next((d for d in reading._found.get("dates") or () if d.start >= found.end() and d.precision != "unknown"),
                None)
    if occasion and (frame.date is not None or when is not None):
        if when is not None:  # the day of the occasion, not of the invitation
            frame.date, frame.date_why = when, f"rule {when.rule}: the day of what they are invited to"
        # "invited the presidents to be chief guests at its Republic Day celebrations on January 26": a visit to come
        meeting = next(t for t in rules.triggers if t.kind == "meeting")
        frame.kind, frame.status = "meeting", "planned"
        frame.hit = Hit(Trigger("meeting-invited", "meeting", "planned", 4, meeting.phrases), frame.hit.start,
                        frame.hit.end, frame.hit.word)
        frame.status_why = f'invited "{found.group(0)}" {occasion.group(0).strip()}: a visit to come'
        for iso3, role in list(frame.countries.items()):
            if role.role == "proposer":
                frame.countries[iso3] = Role("host", "who invites to its own occasion")
            elif role.role == "target":
                frame.countries[iso3] = Role("participant", "invited to it")
        return
    frame.kind, frame.hit, frame.continuation, frame.refers = None, None, True, "attendance"
    for iso3, role in list(frame.countries.items()):
        if role.role in ("proposer", "target"):
            frame.countries[iso3] = Role("participant", f'invited "{found.group(0)}" the event told before it')


def _own_countries(frame: Frame, reading: Reading, hits: list[Hit]) -> None:
    """A frame told in one part of a sentence keeps the countries its own part
    names and those of the subject before the first event word, not those
    another part names ("... the next meeting would be held in India and that
    Afghanistan would be invited": Afghanistan is the second decision's)."""
    if frame.span is None or frame.span == (0, len(reading.text)):
        return
    a, b = frame.span
    first = min((h.start for h in hits), default=0)
    for named in reading.named:
        iso3 = named.country
        if iso3 in frame.countries and named.start >= first and not a <= named.start < b:
            own = [n for n in reading.named if n.country == iso3 and n.start in frame.named_roles and
                   (a <= n.start < b or n.start < first)]
            if not own and not any(n.country == iso3 and (a <= n.start < b or n.start < first) for n in reading.named):
                del frame.countries[iso3]
            elif own and frame.countries[iso3].why.startswith(f'"{named.surface}":') and \
                    own[0].start in frame.named_roles:
                # its role is the other part's ("... on Afghanistan, three months after the Taliban took Kabul")
                frame.countries[iso3] = frame.named_roles[own[0].start]


def _span(reading: Reading, hit: Hit, hits: list[Hit]) -> tuple[int, int]:
    """The predicate that holds *hit*, with the predicates after it that report
    no event of their own ("began near Bishkek on 15 April and will run until
    April 28")."""
    a, b = reading.predicate_at(hit.start)
    for start, end in reading.predicates:
        if start == b and not any(start <= h.start < end for h in hits):
            if _STATEMENT.match(reading.text, start) or _ELLIPSIS.match(reading.text, start) or \
                    _TIME_CLAUSE.match(reading.text, start):
                break  # "..., and noted that the United States had ...": what the speaker said, not this event
            b = end
    return a, b


# "..., and the one before that at Bakloh from January 22 to February 3": another edition of the event just
# told, its verb left out
_ELLIPSIS = re.compile(r"[\s,]*and\s+(the\s+one\s+(before|after)\s+(?:that|it))\b", re.IGNORECASE)


def _elided_editions(reading: Reading, rules: Rules, kb: Knowledge, published: dt.date, hits: list[Hit],
                     told_here: list[Frame]) -> list[Frame]:
    """A frame for each predicate that tells another edition of the event its
    sentence told, its verb left out ("The last edition took place at Tokmok in
    March last year, and the one before that at Bakloh ..."): the same kind,
    series and status, its own place and date, one edition before (or after)."""
    out = []
    for a, b in reading.predicates:
        gap = _ELLIPSIS.match(reading.text, a)
        if gap is None or any(a <= h.start < b for h in hits):
            continue
        told = next((f for f in reversed(told_here) if f.hit is not None and f.span and f.span[1] <= a), None)
        if told is None:
            continue
        step = -1 if gap.group(2).lower() == "before" else 1
        frame = Frame(reading, Hit(told.hit.rule, gap.start(1), gap.end(1), gap.group(1)), told.kind, told.status,
                      f'"{gap.group(1)}": the status of the event it follows in its sentence', type=told.type,
                      series=told.series, series_name=told.series_name, span=(a, b), edition_relative=step,
                      edition_why=f'"{gap.group(1)}": relative to the event before it')
        for iso3, role in told.countries.items():
            frame.countries[iso3] = Role("participant" if role.role == "host" else role.role,
                                         f'"{gap.group(1)}": a country of the event it follows in its sentence')
        find_place(frame, reading, rules, kb)
        find_figures(frame, reading, rules)
        choose_date(frame, reading, rules, published, hits)
        frame.category, frame.category_why = told.category, told.category_why
        out.append(frame)
    return out


# ", three months after the Taliban took Kabul": a clause of time or cause with a subject of its own tells
# another event, and its countries are that one's
_TIME_CLAUSE = re.compile(r"[\s,]*(?:[\w-]+\s+){0,2}(?:after|before|when|because|although|though|as)\s+(?:the\s+)?(?-i:[A-Z])",
                          re.IGNORECASE)
_STATEMENT = re.compile(r"[\s,;]*(?:and\s+|but\s+)?(?:also\s+)?(?:noted|argued|said|added|stressed|recalled|remarked|"
                        r"insisted|pointed out|observed|warned)\b", re.IGNORECASE)


def _context_role(frame: Frame, at: int) -> str:
    """The role of countries a party phrase at *at* stands for, by the kind of the event."""
    kind, hit = frame.kind, frame.hit
    if kind == "proposal" and hit is not None:
        return "proposer" if at < hit.start else "target"
    if kind == "agreement":
        return "member" if frame.type == "membership" and hit is not None and at < hit.start else "party"
    if kind == "facility":
        return "operator" if hit is not None and at < hit.start else "host"
    return "participant"


def apply_context(frame: Frame, reading: Reading, context: context_steps.Context, rules: Rules) -> None:
    """Countries that a party phrase of the sentence stands for ("the two
    sides", "both armies", "the six nations"), from the discourse context."""
    found = reading._found.get("context")
    if found is None:
        found = reading._found["context"] = context.resolve(reading, rules)
    for resolution in found:
        after = reading.text[resolution.end:resolution.end + 6].lower()
        if after.startswith((" of ", " from ")):
            continue  # "the foreign ministers of India and ...": the sentence names them
        role = _context_role(frame, resolution.start)
        changed = False
        for iso3 in resolution.countries:
            current = frame.countries.get(iso3)
            if current is None or current.role == "subject" or \
                    (role == "proposer" and current.role in ("target", "participant")):
                frame.countries[iso3] = Role(role, resolution.why)
                changed = True
        if changed:
            frame.context.append(resolution.why)


def find_place(frame: Frame, reading: Reading, rules: Rules, kb: Knowledge) -> None:
    """The event's place (``places.py``); its country hosts a meeting, exercise, activity or facility."""
    found = place_steps.find_place(reading, frame.span, frame.kind, rules, kb)
    if found is None:
        return
    frame.place, frame.place_name, frame.place_why = found.place, found.name, found.why
    frame.place_unknown = found.place is None
    frame.place_country = found.country
    if found.country and frame.kind in ("meeting", "exercise", "activity", "facility"):
        if found.country not in frame.countries or frame.countries[found.country].role in ("participant",):
            frame.countries[found.country] = Role("host", f"the place ({found.name}) is in {found.country}")


@lru_cache(maxsize=256)
def _edition_after(nouns: tuple[str, ...]) -> re.Pattern:
    """Up to six words, then one of *nouns* (an edition noun or the series' name)."""
    return re.compile(r"(?:\s+(?!(?:and|or|but|which|that|was|is|will)\b)[\w'\u2019-]+){0,6}?\s+(" +
                      "|".join(re.escape(w) for w in nouns) + r")(?![\w-])", re.IGNORECASE)


def find_series(frame: Frame, reading: Reading, rules: Rules, kb: Knowledge) -> None:
    """The series the event belongs to (a series of seeds/series.yaml the
    sentence names, or a named series the seeds lack) and its edition: a Roman
    numeral after the name ("Dustlik-V"), an ordinal before an edition noun or
    the series' name with at most six words between ("the sixth India-Uzbekistan
    joint military exercise Dustlik", "the 11th Khanjar exercise"), or one
    relative to the event in focus ("the previous edition": that one's minus one,
    resolved in events.merge)."""
    text = reading.text
    a, b = frame.span or (0, len(text))
    anchor = frame.hit.start if frame.hit else 0
    named = [n for n in reading.named if n.entity_type == "series" or
             (n.entity_type == "organization" and fold(n.surface) in kb.series_names)]
    named.sort(key=lambda n: (not a <= n.start < b, abs(n.start - anchor)))
    for n in named:
        series = kb.series.get(n.entity_id if n.entity_type == "series" else kb.series_names[fold(n.surface)])
        if series and (frame.kind in (None, "inherit") or series.kind == frame.kind):
            frame.series = series
            roman = re.match(r"[- ]([IVX]{1,5})\b", text[n.end:n.end + 7])
            if roman and roman.group(1) in _ROMAN:
                frame.edition, frame.edition_why = _ROMAN[roman.group(1)], f'"{n.surface}{roman.group(0)}"'
            break
    if frame.series is None and not named:
        _series_without_its_countries(frame, reading, kb)
    if frame.edition is not None:
        return
    after_pattern = _edition_after(tuple(sorted({*rules.edition_nouns.phrases, *(n.surface.lower() for n in named)},
                                                key=len, reverse=True)))
    candidates = [(rules.ordinals[m.group(0).lower()], m) for m in rules.ordinal_words.finditer(text)]
    candidates += [(int(m.group(1)), m) for m in _ORDINAL_NUMBER.finditer(text)]
    candidates += [(rules.relative_editions[m.group(0).lower()], m) for m in rules.relative_words.finditer(text)
                   if not re.match(r"\s+(?:year|month|week|time|few|two|three)\b", text[m.end():])]
    candidates.sort(key=lambda c: (not a <= c[1].start() < b, abs(c[1].start() - anchor)))
    for value, match in candidates:
        relative = match.group(0).lower() in rules.relative_editions
        follows = after_pattern.match(text, match.end())
        if relative and follows and len(text[match.end():follows.start(1)].split()) > 1:
            follows = None  # "the previous edition", "the next joint exercise": the noun right after it
        first_held = match.group(0).lower() == "first" and "held" in text[match.end():match.end() + 6].lower()
        # "The second took place at Chaubatia ...", "the third was conducted at Yangiarik": an ordinal standing for
        # an edition, its noun left out
        elided = not relative and _ELIDED_EDITION.match(text, match.end()) and \
            re.search(r"\b(?:the|a)\s+$", text[max(0, match.start() - 5):match.start()], re.IGNORECASE)
        if follows is None and not first_held and not elided:
            continue
        why = f'"{text[match.start():follows.end() if follows else match.end()]}"'
        if relative:
            frame.edition_relative, frame.edition_why = value, f"{why}: relative to the event before it"
        else:
            frame.edition, frame.edition_why = value, why
        if frame.series is None:
            tail = re.match(r"[\w\s-]*?\bof\s+(?:the\s+|their\s+)?((?:[A-Z][\w-]*\s?)(?:(?:[A-Z][\w-]*|on|of|and|for)\s?)*)",
                            text[match.end():])
            title = re.match(r"(?:\s+[A-Z][\w\u2013-]*)+(?:\s+[A-Z][\w-]*)*", text[match.end():])
            if tail and re.sub(r"(?:\s+(?:on|of|and|for))+$", "", tail.group(1).strip()).count(" ") >= 1:
                frame.series_name = re.sub(r"(?:\s+(?:on|of|and|for))+$", "", tail.group(1).strip())
            elif title and len(title.group(0).split()) >= 2 and follows and \
                    follows.group(1).lower() in rules.edition_nouns.phrases:
                name = title.group(0).strip()  # "the first India-Central Asia Defence Industry Roundtable"
                frame.series_name = name if name.lower().endswith(follows.group(1).lower()) else \
                    f"{name} {follows.group(1)}"
            elif not named:
                frame.inherit_series = True
        return
    began = re.search(r"\b(?:began|started|was launched|was first held)\s+in\s+(?:19|20)\d\d\b", text)
    if began and frame.series is not None:
        frame.edition, frame.edition_why = 1, f'"{began.group(0)}": the first edition'


_ELIDED_EDITION = re.compile(r"\s*,?\s+(?:edition\s+)?(?:was|were|is|will be)\s+(?:held|conducted|hosted|staged|organised|"
                             r"organized)\b|\s+(?:took place|takes place|followed|came)\b", re.IGNORECASE)


_COUNTRY_PREFIX = re.compile(r"^(?:[A-Z][\w]*(?:[- \u2013][A-Z][\w]*)*)[- \u2013]")
_SHORT_SERIES: dict[int, list[tuple[re.Pattern, str, str]]] = {}


def _series_without_its_countries(frame: Frame, reading: Reading, kb: Knowledge) -> None:
    """"India and Russia held their first 2+2 dialogue of foreign and defence
    ministers": a series of two or more countries named without its countries'
    prefix, where the sentence names those countries as taking part."""
    short = _SHORT_SERIES.get(id(kb))
    if short is None:
        short = _SHORT_SERIES[id(kb)] = []
        for name, series_id in kb.series_names.items():
            series = kb.series.get(series_id)
            prefix = _COUNTRY_PREFIX.match(name)
            if series is None or len(series.countries) < 2 or prefix is None:
                continue
            rest = name[prefix.end():].strip()
            if len(rest.split()) >= 2 or re.search(r"[^A-Za-z ]", rest):
                short.append((re.compile(rf"(?<![\w-]){re.escape(rest)}(?![\w-])", re.IGNORECASE), rest, series_id))
    taking = frame.taking_part()
    for pattern, rest, series_id in short:
        series = kb.series[series_id]
        if series.kind == frame.kind and set(series.countries) <= taking and pattern.search(reading.text):
            frame.series = series
            frame.edition_why = f'"{rest}" with its countries named: {series.name}'
            return


_FIGURE_CANDIDATE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                               r"thirty|forty|fifty|dozen)\b", re.IGNORECASE)


def find_figures(frame: Frame, reading: Reading, rules: Rules) -> None:
    if not _FIGURE_CANDIDATE.search(reading.text):
        return
    labels: set[str] = set()
    for match in _FIGURE.finditer(reading.text):
        number = match.group("num")
        between = (match.group("between") or "").split()
        unit = between[-1].lower() if between else ""
        currency = match.group("cur")
        if not currency and unit not in rules.figure_units:
            continue
        if not currency and re.match(r"\d{4}$", number) and 1900 <= int(number) <= 2100:
            continue  # a year, not a count
        words = rules.number_words
        value = float(number.replace(",", "")) if number[0].isdigit() else float(words.get(number.lower().split()[-1], 0))
        if not value:
            continue
        multiplier = match.group("mult")
        if multiplier:
            value *= MULTIPLIERS[multiplier.lower()]
        end = match.end("mult") if multiplier else match.end("num")
        if not currency:
            end = match.end()
        start = match.start("approx") if match.group("approx") else match.start("cur") if currency else match.start("num")
        quoted = reading.text[start:end]
        label = unit if not currency else "amount"
        if label in labels:
            continue
        labels.add(label)
        frame.figures.append({
            "label": label, "value": int(value) if value.is_integer() else value,
            "unit": {"us$": "USD", "$": "USD"}.get((currency or "").strip().lower(), "INR" if currency else unit),
            "approximate": bool(match.group("approx")), "text": quoted,
        })


def find_category(frame: Frame, text: str, rules: Rules) -> tuple[str, str]:
    reading = frame.reading
    found = reading._found.get("category") if reading.text is text else None
    if found is None:
        found = next(((group.value, f'"{hit.group(0)}" (categories.{group.value})')
                      for group in rules.categories if (hit := group.phrases.first(text))), ())
        if reading.text is text:
            reading._found["category"] = found
    if found:
        return found
    default = rules.kind_categories.get(frame.kind or "meeting", "diplomacy")
    return default, f"no category word; the default for a {frame.kind} (kind_categories)"


def _dates(reading: Reading, rules: Rules, published: dt.date) -> list[DateReading]:
    """The sentence's dates, read once per sentence, whichever step asks first."""
    readings = reading._found.get("dates")
    if readings is None:
        readings = reading._found["dates"] = date_rules.find_dates(
            reading.text, published, future=lambda start, end: future_at(reading, rules, start))
    return readings


def choose_date(frame: Frame, reading: Reading, rules: Rules, published: dt.date, hits: list[Hit] = ()) -> None:
    readings = _dates(reading, rules, published)
    if not readings:
        return
    anchor_at = frame.hit.start if frame.hit else 0
    # ", who took office last month": a date of the person, not of the event
    readings = [r for r in readings if not _OF_A_PERSON.search(re.split(r"[,;]", reading.text[:r.start])[-1])
                or _OF_A_PERSON.search(re.split(r"[,;]", reading.text[:anchor_at])[-1])]
    if not readings:
        return
    if frame.span is not None and (len(reading.predicates) > 1 or frame.span != (0, len(reading.text))):
        # One predicate, one event: its own dates; without any, the sentence's opening ones ("On Monday, they
        # signed ... and agreed to ..."), unless it speaks of what is to come.
        a, b = frame.span
        own = [r for r in readings if a <= r.start < b]
        first_hit = min((h.start for h in hits), default=reading.predicates[0][1])
        opening = [r for r in readings if r.start < min(first_hit, reading.predicates[0][1])]
        readings = own or ([] if frame.status == "planned" or a == 0 else opening)
        if not readings:
            return
    ranged = [r for r in readings if r.end_date]
    if ranged:
        frame.date, frame.date_why = ranged[0], f'rule {ranged[0].rule}'
        return
    anchor = frame.hit.start if frame.hit else 0
    if frame.kind == "proposal":
        # "invited India to send observers to next year's exercises": a time to come after the verb dates
        # what is proposed, not the proposal.
        readings = [r for r in readings if not (r.start > anchor and ((r.date or "9999") > published.isoformat()
                                                                   or r.precision in ("unknown", "year")
                                                                   or r.rule in ("relative-span", "season")))]
        if not readings:
            return
    clause = reading.clause_at(anchor)
    in_clause = [r for r in readings if clause[0] <= r.start < clause[1]]
    # A later date belongs to this event only while no other event's trigger comes between
    # ("... meeting where Russia was also present, while India prepares to host ... 2022 Republic Day").
    others = [h.start for h in hits if h.start > anchor and (frame.hit is None or h.start != frame.hit.start)]
    after = [r for r in readings if r.start >= anchor and not any(anchor < o < r.start for o in others)]
    chosen = (in_clause or after or readings[-1:])[0]
    if frame.kind in ("exercise", "activity", "meeting", "facility") and chosen.precision in ("day", "year"):
        for later in readings:
            if later.start > chosen.start and later.precision == chosen.precision and \
                    (_END_CUE.search(reading.text[max(chosen.end, later.start - 25):later.start]) or
                     _next_day(chosen, later, reading.text[chosen.end:later.start])):
                chosen = date_rules.with_end(chosen, later)
                break
    said = re.search(r"\b(?:said|says|told \w+|announced|stated|reported)\s+(?:on\s+)?$",
                     reading.text[max(0, chosen.start - 18):chosen.start])
    if said and chosen.precision != "unknown":
        # "said on April 15 that his country had asked ...": the day of the saying; the act came before it
        chosen = date_rules.bounded(chosen, "by")
    if frame.status == "rumoured" and chosen.precision != "unknown":
        # a rumour's date is the report's, not the event's: only a bound
        chosen = date_rules.bounded(chosen, "by")
    if frame.status == "closed" and frame.hit is not None and frame.hit.rule.status == "closed" and \
            chosen.precision != "unknown":
        # "suspended its membership in 2012": the year it ended; it began before, on a day not given
        chosen = date_rules.bounded(chosen, "by")
    days = _DAYS_LONG.search(reading.text)
    if frame.kind == "meeting" and days and chosen.precision == "day" and not chosen.end_date and chosen.date and \
            re.search(r"\b(?:arrived|arrives|arriving|began|begins|started|landed|reached)\b", reading.text, re.IGNORECASE):
        # "arrived in the Turkmen capital on Friday for a three-day state visit": the visit's days
        length = rules.number_words.get(days.group(1).lower()) or int(days.group(1))
        end = (dt.date.fromisoformat(chosen.date) + dt.timedelta(days=length - 1)).isoformat()
        chosen = replace(chosen, end_date=end, end_precision="day", latest=end,
                         note=f"{chosen.note}; \"{days.group(0)}\" from that day: to {end}")
        frame.visit_span = True
    frame.date, frame.date_why = chosen, f"rule {chosen.rule}"


# "On the same day", "the next day", "two days later": a day counted from the event told before
_DAY_AFTER = re.compile(r"\b(?:(?:on\s+)?(?:the\s+)?(?P<same>same\s+day|same\s+evening|same\s+morning|that\s+day|"
                        r"that\s+evening|that\s+morning)|(?:on\s+)?the\s+(?P<next>next|following|previous)\s+day|"
                        r"the\s+day\s+(?P<rel>after|before)|(?P<n>a|one|two|three|four|five|six|\d)\s+days?\s+"
                        r"(?P<dir>later|earlier|after|before)(?!\s+(?:the|its|his|her|their|a|an)\b))\b", re.IGNORECASE)


def _same_day(frame: Frame, reading: Reading, told: list[Frame]) -> None:
    """An undated frame whose sentence counts its day from the event told
    before it ("On the same day, ... held talks", "The next day, ..."): that
    event's day, moved by the days it says."""
    found = _DAY_AFTER.search(reading.text)
    if found is None:
        return
    before = next((f for f in reversed(told) if f.reading is not reading and f.date is not None and
                   f.date.precision == "day" and f.date.date), None)
    if before is None:
        return
    if found.group("same"):
        shift = 0
    elif found.group("next"):
        shift = -1 if found.group("next").lower() == "previous" else 1
    elif found.group("rel"):
        shift = 1 if found.group("rel").lower() == "after" else -1
    else:
        count = date_rules.NUMBERS.get(found.group("n").lower()) or int(found.group("n"))
        shift = count if found.group("dir").lower() in ("later", "after") else -count
    day = (dt.date.fromisoformat(before.date.date) + dt.timedelta(days=shift)).isoformat()
    frame.date = DateReading(found.start(), found.end(), found.group(0), "day-counted", day, "day", day, day,
                             "inferred", f'"{found.group(0)}": counted from {before.date.date}, the day of the '
                                         f"{before.kind} of sentence {before.reading.position}")
    frame.date_why = f'rule day-counted: "{found.group(0)}", from the {before.kind} told before it'


def _next_day(first: DateReading, then: DateReading, between: str) -> bool:
    """"last Wednesday and Thursday", "on 12 and 13 April": two days in a row, one event's span."""
    if first.precision != "day" or not re.fullmatch(r"\s*(?:and|-|\u2013|to)\s*(?:on\s+)?", between) or \
            not (first.date and then.date):
        return False
    gap = (dt.date.fromisoformat(then.date) - dt.date.fromisoformat(first.date)).days
    return 1 <= gap <= 2


# "Months earlier, on September 8, ...", "later that year", "the following month": a time counted from the event
# told before, not from the article
_FROM_THE_TOLD = re.compile(r"\b(?:(?:months?|weeks?|days?|a year|years?)\s+(?P<a>earlier|later|before|after)\b|"
                            r"(?P<b>earlier|later)\s+that\s+(?:year|month)\b|that\s+(?:same\s+)?(?:year|month)\b|"
                            r"the\s+(?:same|(?P<c>following|previous|next))\s+(?:year|month)\b)", re.IGNORECASE)


def _year_of_the_told(frame: Frame, reading: Reading, told: list[Frame]) -> None:
    """A date without a year in a sentence that counts from the event told
    before it ("Months earlier, on September 8"): the year that puts it on the
    side of that event the words say, not the article's."""
    if frame.date.rule not in ("month-day", "day-month", "in-month", "day-range-month-first", "day-range-day-first") \
            or re.search(r"(?:19|20)\d\d", frame.date.text):
        return
    cue = _FROM_THE_TOLD.search(reading.text)
    before = next((f for f in reversed(told) if f.reading is not reading and f.date is not None and f.date.earliest
                   and f.date.precision in ("day", "month")), None)
    if cue is None or before is None:
        return
    word = (cue.group("a") or cue.group("b") or cue.group("c") or "").lower()
    ahead = 1 if word in ("later", "after", "following", "next") else -1 if word in ("earlier", "before", "previous") \
        else 0
    anchor = dt.date.fromisoformat(before.date.earliest)
    shift = 0
    for year in sorted(range(anchor.year - 1, anchor.year + 2), key=lambda y: abs(y - anchor.year)):
        day = dt.date.fromisoformat(frame.date.earliest)
        try:
            moved = day.replace(year=year)
        except ValueError:
            continue
        if (ahead == 0 and year == anchor.year) or (ahead > 0 and moved >= anchor) or (ahead < 0 and moved <= anchor):
            shift = year - day.year
            break
    if shift == 0:
        return

    def move(value: str | None) -> str | None:
        return None if value is None else f"{int(value[:4]) + shift:04d}{value[4:]}"
    frame.date = replace(frame.date, date=move(frame.date.date), earliest=move(frame.date.earliest),
                         latest=move(frame.date.latest), end_date=move(frame.date.end_date),
                         note=f'{frame.date.note}; "{cue.group(0)}" counts from the {before.kind} of sentence '
                              f"{before.reading.position} ({before.date.earliest}): {move(frame.date.earliest)[:4]}")


_DAYS_LONG = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d)-day\b(?=[^.;]{0,30}\b(?:visit|trip|tour|stay)\b)",
                        re.IGNORECASE)


_NAME_AFTER_DEMONYM = re.compile(r"\b([A-Z][a-z]+)((?:\s+(?:[A-Z][\w.()-]*|of|for|the))*\s+([A-Z][a-z]+))(?=[\s,.;:]|$)")
_NAME_BEFORE_DEMONYM = re.compile(r"\b([A-Z][a-z]+),\s+(?:the|a|an)\s+([A-Z][a-z]+)\b")
# "Iran's deputy foreign minister, Mehdi Safari": a country's office, then the name
_NAME_AFTER_OFFICE = re.compile(r"\b([A-Z][a-z]+)'s\s+(?:[a-zA-Z-]+\s+){0,4}?" + r"(?:minister|president|adviser|advisor|"
                                r"secretary|chief|ambassador|envoy|commander|spokesperson|spokesman|general|head)s?,\s+"
                                r"(?:[A-Z][\w.-]*\s+){1,3}?([A-Z][a-z]+)\b", re.IGNORECASE)


def nationalities(text: str, kb: Knowledge) -> dict[str, str]:
    """Surnames of people the gazetteer lacks, with the country the article
    gives them: "Uzbek Defence Minister ... Bakhodir Kurbanov", "Arvind Nair,
    the Indian Army's Deputy Chief"."""
    out: dict[str, str] = {}
    folded = fold(text)
    for match in _NAME_AFTER_DEMONYM.finditer(folded):
        iso3 = kb.country_words.get(match.group(1))
        if iso3 and match.group(3) not in kb.country_words:
            out.setdefault(match.group(3), iso3)
    for match in _NAME_AFTER_OFFICE.finditer(folded):
        iso3 = kb.country_words.get(match.group(1))
        if iso3 and match.group(2) not in kb.country_words and match.group(2)[0].isupper():
            out.setdefault(match.group(2), iso3)
    for match in _NAME_BEFORE_DEMONYM.finditer(folded):
        iso3 = kb.country_words.get(match.group(2))
        if iso3 and match.group(1) not in kb.country_words:
            out.setdefault(match.group(1), iso3)
    return out


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
_OFFICES = (r"(?:[Mm]inister|[Pp]resident|[Aa]dviser|[Aa]dvisor|[Ss]ecretary|[Cc]hief|[Gg]eneral|[Aa]mbassador|"
            r"[Cc]ommander|[Ee]nvoy|[Dd]irector|[Hh]ead|[Ss]pokes(?:person|man|woman)|[Cc]olonel|[Mm]ajor|"
            r"[Ll]ieutenant|[Bb]rigadier|[Aa]dmiral|[Pp]remier|[Cc]hairman|[Gg]overnor|[Dd]eputy|[Oo]fficer)")


@lru_cache(maxsize=64)
def _OFFICE_THEN_NAME(surname: str) -> re.Pattern:
    """An office, then a given name and *surname* ("Deputy Defence Minister Ilkhom Khaydarov"): a person."""
    return re.compile(rf"\b{_OFFICES},?\s+(?:[A-Z][\w.-]*\s+){{1,3}}{re.escape(surname)}\b")


def _name_people(reading: Reading, names: dict[str, str]) -> None:
    """People the gazetteer lacks, by the surname the article gives a country
    ("Uzbek Deputy Defence Minister Ilkhom Khaydarov" ... "held talks with
    Khaydarov"): each stands for that country wherever the article names them."""
    added = []
    for match in _CAPITALISED.finditer(reading.folded or reading.text):
        iso3 = names.get(match.group(0))
        if iso3 is None or any(n.start < match.end() and match.start() < n.end for n in reading.named):
            continue
        added.append(Named(match.start(), match.end(), match.group(0), "holder", match.group(0), iso3,
                           note=f'"{match.group(0)}", of {iso3} as the article names them'))
    if added:
        reading.named = sorted(reading.named + added, key=lambda n: n.start)


def _proposer_by_name(frame: Frame, reading: Reading, names: dict[str, str]) -> None:
    """A proposal whose proposer the gazetteer does not know: the person who
    opens the sentence ("Kurbanov proposed ..."), by the country the article
    gives them."""
    if frame.kind != "proposal" or frame.hit is None or any(r.role == "proposer" for r in frame.countries.values()):
        return
    subject = re.match(r"\s*(?:[A-Z][a-z]+\s+)*([A-Z][a-z]+)\s+(?:also\s+|had\s+|has\s+)?$",
                       reading.text[:frame.hit.start])
    if subject and subject.group(1) in names:
        iso3 = names[subject.group(1)]
        frame.countries[iso3] = Role("proposer", f'"{subject.group(1)}", of {iso3} as the article names them, '
                                                 f'before "{frame.hit.word}"')


def frames_of(readings: list[Reading], rules: Rules, kb: Knowledge, published: dt.date,
              text: str = "") -> list[Frame]:
    """Every frame of the article, in order of the sentences."""
    out: list[Frame] = []
    names = nationalities(text, kb) if text else {}
    people = {name: iso3 for name, iso3 in names.items()
              if any(_OFFICE_THEN_NAME(name).search(text, max(0, m.start() - 90), m.end())
                     for m in re.finditer(rf"\b{re.escape(name)}\b", text))}
    if people:
        for reading in readings:
            _name_people(reading, people)
    context = context_steps.build(readings, rules)
    previous: Reading | None = None
    bodies_told: list[str] = []  # the organisations the article has named, in order
    for reading in readings:
        bodies_told.extend(n.entity_id for n in reading.named if n.entity_type == "organization" and n.entity_id)
        if previous is not None and previous.furniture:
            previous = None
        here, previous = previous, reading
        previous_reading = here
        if reading.furniture:
            continue
        if re.search(r"\?(?:\s|$)", reading.text):
            continue  # a question ("Exercise Dustlik is held between India and which country?") reports nothing
        all_hits = find_triggers(reading, rules)
        series_named = [n for n in reading.named if n.entity_type == "series" and n.entity_id in kb.series]
        if not all_hits and not series_named and not reading.named and not out:
            continue  # no event word, no name and no event before it: nothing to draft or continue
        advice = reading.matches(rules.cues["advice"])
        if advice:
            # advice or a hypothesis ("New Delhi should hold talks ...") holds no event; a clause of its own
            # beside a report ("said Afghanistan should never again serve ..., as Jaishankar hosted ...") leaves it
            def advised(hit: Hit) -> bool:
                a, b = reading.clause_at(hit.start)
                # "agreed that their security secretaries should meet regularly": what was agreed, not advice
                decided = hit.rule.id in ("agreement-agreed", "agreement-pledged")
                return any(m.start() < b and (a <= m.start() or reading.clause_at(m.start()) == (a, b))
                           and not (decided and m.start() > hit.end) for m in advice) or \
                    (not re.search(r"[,;]", reading.text) and not (decided and all(m.start() > hit.end
                                                                                   for m in advice)))
            all_hits = [h for h in all_hits if not advised(h)]
            if not all_hits:
                continue
        if any(h.word.lower() in rules.weak_triggers for h in all_hits):
            dated = bool(_dates(reading, rules, published))
            lead = reading.find(rules.continuations, 0, min(len(reading.text), 45))
            refers_back = (lead is not None and lead.start() <= 12) or \
                any(reading.find(p) for p in rules.references.values())
            if not dated or refers_back:
                # "received the visiting security chiefs": a reception of the guests, whatever else it names
                all_hits = [h for h in all_hits if h.word.lower() not in rules.weak_triggers or
                            reading.find(rules.context["visitors"], h.end, h.end + 45)]
        hits = governing(all_hits, reading, rules)
        if not hits and series_named:  # a series named is an event of its kind ("Dustlik was first held in 2019")
            series = kb.series[series_named[0].entity_id]
            base = next(t for t in rules.triggers if t.kind == series.kind)
            hits = [Hit(Trigger(f"series-{series.kind}", series.kind, "held", 2, base.phrases), series_named[0].start,
                        series_named[0].end, series_named[0].surface)]
        for named in series_named:
            # "It grew out of the first India-Central Asia Summit, held virtually in January 2022, at which the
            # leaders agreed ...": an edition of a series, told with its ordinal or as held, is an event of its own
            series = kb.series[named.entity_id]
            if any(h.kind == series.kind for h in hits):
                continue
            ordinal = re.search(r"\b(?:[a-z]+(?:st|nd|rd|th)|first|second|third|\d+(?:st|nd|rd|th))\s+$",
                                reading.text[max(0, named.start - 16):named.start], re.IGNORECASE)
            held = re.match(r",?\s+(?:which\s+was\s+|that\s+was\s+)?(?:held|hosted)\b", reading.text[named.end:])
            if ordinal or held:
                base = next(t for t in rules.triggers if t.kind == series.kind)
                hits = sorted(hits + [Hit(Trigger(f"series-{series.kind}", series.kind, "held", 2, base.phrases),
                                          named.start, named.end, named.surface)], key=lambda h: h.start)
        lead = reading.find(rules.continuations, 0, min(len(reading.text), 45))
        continuation = bool(lead and lead.start() <= 12) or bool(re.search(r"\b(?:that|the same) (?:meeting|exercise|visit)\b",
                                                                         reading.text, re.IGNORECASE))
        if not hits:
            refers = next((kind for kind, phrases in rules.references.items() if reading.find(phrases)), None)
            if refers is None and reading.find(rules.participation):
                refers = "attendance"  # "The foreign ministers of Kyrgyzstan and Tajikistan took part"
            if (continuation or refers) and out:
                frame = Frame(reading, None, None, continuation=True, refers=refers,
                              future=bool(reading.find(rules.cues["future"]) or reading.find(rules.cues["future_time"])))
                assign_countries(frame, reading, rules, kb)
                apply_context(frame, reading, context, rules)
                context.note_event({i: r.role for i, r in frame.countries.items()}, reading.paragraph,
                                   "the event before it", extend=True)
                find_figures(frame, reading, rules)
                out.append(frame)
            continue
        kinds_here: set[str] = set()
        for hit, span in _decisions(sorted(hits, key=lambda h: h.kind == "inherit"), reading, rules, all_hits, kb):
            kind = hit.kind
            if kind == "inherit":
                kind = kb.series[series_named[0].entity_id].kind if series_named else (out[-1].kind if out else None)
                if kind is None or kind in kinds_here:
                    continue  # "the meeting ... was held": one meeting
            kinds_here.add(kind)
            frame = Frame(reading, hit, kind, type=hit.rule.type, continuation=continuation,
                          lead_holds_trigger=bool(lead and lead.start() <= hit.start and hit.end <= lead.end()),
                          span=span, definite=_definite(reading, hit, rules))
            frame.status, frame.status_why = status_of(kind, hit, reading, rules, frame.span)
            if hit.rule.type == "request" and _ASKED_TO_VISIT.match(reading.text, hit.end) and \
                    (frame.span is None or _ASKED_TO_VISIT.match(reading.text, hit.end).end() <= frame.span[1]):
                # "asked the chiefs of its cyber agencies to visit India": an invitation
                frame.type, frame.status = "invitation", "offered"
                frame.status_why = f'"{hit.word} ... {_ASKED_TO_VISIT.match(reading.text, hit.end).group(0).split()[-1]}"' \
                    ": an invitation, offered"
            if kind == "facility" and frame.type is None:  # "air base", "port terminal": the type, for matching
                found = min(((m.start(), -len(m.group(0)), t.value) for t in rules.facility_types
                             for m in reading.matches(t.phrases)), default=None)
                frame.type = found[2] if found else None
            if kind == "agreement" and frame.type is None:
                for typed in rules.agreement_types:
                    found = reading.find(typed.phrases)
                    if found:
                        frame.type = typed.value
                        break
            assign_countries(frame, reading, rules, kb)
            _body_told_before(frame, reading, kb, bodies_told)
            _one_promises(frame, reading, rules)
            _own_countries(frame, reading, all_hits)
            apply_context(frame, reading, context, rules)
            _proposer_by_name(frame, reading, names)
            _pronoun(frame, reading, previous_reading, rules)
            _office_back(frame, reading, readings)
            find_place(frame, reading, rules, kb)
            find_series(frame, reading, rules, kb)
            find_figures(frame, reading, rules)
            choose_date(frame, reading, rules, published, all_hits)
            if frame.date is None:
                _same_day(frame, reading, out)
            else:
                _year_of_the_told(frame, reading, out)
            under_way = None if frame.date is not None or reading.find(rules.cues["ongoing"]) is not None else \
                re.search(r"\b(?:is|are) in [A-Z]\w+ to (?:participate|attend|take part)|\bis being held\b",
                          reading.text)
            if under_way is not None:
                frame.date = DateReading(0, 0, "", "current", published.isoformat(), "day", published.isoformat(),
                                         published.isoformat(), "inferred",
                                         f'"{under_way.group(0)}": the article of {published.isoformat()} reports it '
                                         "as under way that day")
                frame.date_why = "rule current (under way on the publication date)"
            frame.category, frame.category_why = find_category(frame, reading.text, rules)
            _invited_to_attend(frame, reading, rules)
            if frame.decided:
                continue
            named_series = next((n for n in reading.named if frame.series is not None and n.entity_type == "series"
                                 and n.entity_id == frame.series.series_id), None)
            if named_series is not None and _BACKGROUND.search(reading.text[max(0, named_series.start - 45):
                                                                            named_series.start]):
                frame.background = True  # "The meeting grew out of the first India-Central Asia Summit
            out.extend(g for one in _per_series(frame, reading, kb) for f in _per_partner(one, reading)
                       for e in _per_edition(f, reading, rules) for g in _per_organization(e))
        out.extend(_elided_editions(reading, rules, kb, published, hits, [f for f in out if f.reading is reading]))
        here_frames = [f for f in out if f.reading is reading]
        for f in here_frames:
            if f.kind in ("meeting", "exercise", "agreement", "activity"):
                context.note_event({i: r.role for i, r in f.countries.items()}, reading.paragraph,
                                   f"the {f.kind} of sentence {reading.position}", extend=f.definite or f.hit is None,
                                   done=f.status not in ("planned", "proposed", "rumoured", "offered"))
        if any(f.kind == "exercise" for f in here_frames):
            # "troops train for counter-terror operations": the exercise, not a training programme
            for f in here_frames:
                if f.kind == "activity" and f.type == "training_programme":
                    out.remove(f)
        if any(f.kind == "meeting" for f in here_frames):
            # "the seventh meeting of the Joint Working Group": a meeting, not the group as an agreement; "The
            # Dialogue was launched at a first meeting": that meeting, not an agreement
            for f in here_frames:
                if f.kind == "agreement" and (f.type == "working_group" or (f.hit and f.hit.word.lower() == "launched")):
                    out.remove(f)
    return out


_PRONOUN = re.compile(r"^\s*(?:[A-Z][^,.;]{0,40},\s+)?(?P<p>[Hh]e|[Ss]he)\b")


def _pronoun(frame: Frame, reading: Reading, previous: Reading | None, rules: Rules) -> None:
    """"He also sought their support ...", "On cyber security, he pledged ...": the
    person the sentence before named, and the country they held office for (over
    a country the sentence names after the verb, which is then what is offered:
    "He offered India's UPI payment technology")."""
    pronoun = _PRONOUN.match(reading.text)
    if previous is None or frame.hit is None or pronoun is None or pronoun.start("p") > frame.hit.start:
        return
    if any(n.start < frame.hit.start for n in reading.named if n.entity_type in ("country", "person", "holder")):
        return
    person = next((n for n in reversed(previous.named) if n.entity_type in ("person", "holder") and n.country),
                  None)
    if person is None:
        return
    role = "proposer" if frame.kind == "proposal" else "participant"
    if person.entity_type == "person":
        frame.people.setdefault(person.entity_id, Role(role, f'"{pronoun.group("p")}": {person.surface}, named '
                                                             "in the sentence before"))
    current = frame.countries.get(person.country)
    if current is None or (role == "proposer" and current.role in ("target", "subject", "participant")):
        frame.countries[person.country] = Role(role, f'"{pronoun.group("p")}" is {person.surface} of the sentence '
                                                     f"before, of {person.country}")


_THE_OFFICE = re.compile(r"^\s*(?:[A-Z][^,.;]{0,40},\s+)?[Tt]he\s+(?P<o>(?:(?:[Ff]oreign|[Dd]efence|[Dd]efense|[Ee]xternal "
                         r"[Aa]ffairs|[Pp]rime|[Dd]eputy|[Nn]ational [Ss]ecurity)\s+)?(?:[Mm]inister|[Pp]resident|"
                         r"[Ss]ecretary|[Aa]dviser|[Aa]dvisor|[Pp]remier|[Cc]hief))\b(?!\s+of\b|'s\b)")


def _office_back(frame: Frame, reading: Reading, readings: list[Reading]) -> None:
    """"The Prime Minister also proposed ...": the office of a person the article
    named before with it ("Prime Minister Narendra Modi", "Indian Defence
    Secretary ..."), who stands for their country."""
    office = _THE_OFFICE.match(reading.text)
    if office is None or frame.hit is None or office.end() > frame.hit.start or \
            any(n.country for n in reading.named if n.start < frame.hit.start):
        return
    title = re.compile(rf"\b{re.escape(office.group('o'))}\b", re.IGNORECASE)
    for earlier in reversed(readings[:readings.index(reading)]):
        for found in title.finditer(earlier.text):
            # the person after the title, or the country just before it ("Indian Prime Minister")
            person = next((n for n in earlier.named if n.country and n.entity_type in ("person", "holder") and
                           0 <= n.start - found.end() <= 40), None) or \
                next((n for n in earlier.named if n.country and n.entity_type == "country" and
                      0 <= found.start() - n.end <= 3), None)
            if person is None:
                continue
            role = "proposer" if frame.kind == "proposal" else _context_role(frame, office.start("o"))
            current = frame.countries.get(person.country)
            if current is None or current.role in ("subject", "target", "participant"):
                frame.countries[person.country] = Role(role, f'"the {office.group("o")}": {person.surface}, named '
                                                             f"with that office in sentence {earlier.position}, of "
                                                             f"{person.country}")
            return


_SEPARATE = re.compile(r"\b(?:separate(?:ly)?|bilateral (?:talks|meetings))\b", re.IGNORECASE)


def _per_partner(frame: Frame, reading: Reading) -> list[Frame]:
    """One frame per partner where the kind is one-to-one: strategic
    partnerships ("India has strategic partnerships with Kazakhstan, Kyrgyzstan
    and Uzbekistan": three), bases in several countries ("bases in Tajikistan
    and Kyrgyzstan": two), and separate talks ("held separate talks with his
    Russian, Kazakh and Iranian counterparts": three meetings)."""
    roles = frame.countries
    if frame.kind == "agreement" and frame.type == "strategic_partnership":
        shared = [i for i, r in roles.items() if r.role == "party" and i == "IND"]
        partners = [i for i, r in roles.items() if r.role == "party" and i != "IND"]
    elif frame.kind == "facility":
        shared = [i for i, r in roles.items() if r.role in ("operator", "funder")]
        partners = [i for i, r in roles.items() if r.role == "host"]
    elif frame.kind == "meeting" and frame.hit is not None and _SEPARATE.search(reading.text):
        before = {n.country for n in reading.named if n.country and n.start < frame.hit.start}
        shared = [i for i, r in roles.items() if i in before and r.role not in ("subject", "observer")]
        partners = [i for i, r in roles.items() if i not in before and r.role not in ("subject", "observer", "host")]
    else:
        return [frame]
    if not shared or len(partners) < 2:
        return [frame]
    out = []
    for partner in partners:
        keep = {i: r for i, r in roles.items() if i in shared or i == partner or r.role in ("subject", "observer")}
        keep[partner] = Role(roles[partner].role, f"{roles[partner].why}; one of several partners, one record each")
        out.append(replace(frame, countries=keep, figures=list(frame.figures), people=dict(frame.people),
                           organizations=dict(frame.organizations), split=True))
    return out


_FIRST_EDITIONS = re.compile(r"\bthe first (two|three|four|2|3|4) (?:rounds|editions|meetings|sessions|summits|"
                             r"exercises|iterations)\b", re.IGNORECASE)


def _per_edition(frame: Frame, reading: Reading, rules: Rules) -> list[Frame]:
    """One frame per edition where a sentence tells the first few editions and
    a date for each ("The first two rounds of the dialogue were hosted by Iran,
    in September 2018 and December 2019": edition 1 in 2018, edition 2 in 2019)."""
    told = _FIRST_EDITIONS.search(reading.text)
    if told is None or frame.hit is None or frame.edition is not None and frame.edition > 1:
        return [frame]
    count = rules.number_words.get(told.group(1).lower()) or int(told.group(1))
    dates = sorted((d for d in reading._found.get("dates") or () if d.precision != "unknown" and not d.end_date and
                    frame.span[0] <= d.start < frame.span[1]), key=lambda d: d.start)
    if len(dates) != count or [d.earliest for d in dates] != sorted(d.earliest for d in dates):
        return [frame]
    return [replace(frame, date=d, date_why=f'rule {d.rule}: the date of edition {n} of "{told.group(0)}", in order',
                    edition=n, edition_why=f'"{told.group(0)}": edition {n} of {count}, in the order of their dates',
                    countries=dict(frame.countries), figures=list(frame.figures), people=dict(frame.people),
                    organizations=dict(frame.organizations), split=True) for n, d in enumerate(dates, 1)]


def _per_organization(frame: Frame) -> list[Frame]:
    """One membership frame per organisation a sentence names its members of
    ("India and the Central Asian members of the INSTC and the Ashgabat
    Agreement": India's membership of each)."""
    if frame.kind != "agreement" or frame.type != "membership":
        return [frame]
    bodies = [o for o, r in frame.organizations.items() if r.role == "framework"]
    if len(bodies) < 2:
        return [frame]
    return [replace(frame, organizations={o: r for o, r in frame.organizations.items() if o == body or
                                          r.role != "framework"},
                    countries=dict(frame.countries), figures=list(frame.figures), people=dict(frame.people),
                    split=True) for body in bodies]


def _per_series(frame: Frame, reading: Reading, kb: Knowledge) -> list[Frame]:
    """One frame per series when a sentence names several of the frame's kind
    ("exercises with Kazakhstan ("KazInd"), Kyrgyzstan ("Khanjar") and
    Uzbekistan ("Dustlik")"), each with the countries of its series."""
    named = []
    for n in reading.named:
        series = kb.series.get(n.entity_id) if n.entity_type == "series" else None
        if series and series.kind == frame.kind and series not in named:
            named.append(series)
    if len(named) < 2:
        return [frame]
    out = []
    for series in named:
        countries = {iso3: role for iso3, role in frame.countries.items() if iso3 in series.countries}
        for iso3 in series.countries:
            countries.setdefault(iso3, Role("participant", f"a country of the series {series.name}"))
        out.append(replace(frame, series=series, edition=None, edition_why="", countries=countries, figures=[],
                           people=dict(frame.people), organizations=dict(frame.organizations), split=True))
    return out
