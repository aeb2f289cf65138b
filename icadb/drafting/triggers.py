"""Step 3 of drafting: event triggers, and the status their tense gives.

A trigger is a word or phrase of a rule in ``drafting_rules.yaml``
(``triggers``) that marks a sentence as reporting an event of one kind:
"offered" a proposal, "signed" an agreement, "exercise" an exercise, "met"
a meeting. A sentence may hold several events ("India offered ... when the
security advisers met in Kazakhstan"), but what a stronger trigger governs is
its object, not an event of its own ("India proposed a trilateral meeting"
is one proposal, not a proposal and a meeting).

The status comes from the trigger and the cues of its clause: rumour
("reports that ...", "unconfirmed") over everything, then an event under way
("began", "will conclude"), finished ("has completed"), or to come ("will be
held", "next year").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from icadb.drafting.reading import Reading
from icadb.drafting.rules import Rules, Trigger
from icadb.schema.vocab import KIND_STATUSES


@dataclass(frozen=True)
class Hit:
    rule: Trigger
    start: int  # in the sentence
    end: int
    word: str

    @property
    def kind(self) -> str:
        return self.rule.kind


def find_triggers(reading: Reading, rules: Rules) -> list[Hit]:
    """The trigger words of a sentence, the longest phrase at each place, in order."""
    hits = []
    names = [(n.start, n.end) for n in reading.named if n.entity_type in ("organization", "series")]
    for match in rules.trigger_words.finditer(reading.text):  # one scan for every rule's words
        if any(a <= match.start() and match.end() <= b for a, b in names):
            continue  # "Agreement" in "the Ashgabat Agreement", "Forum" in a forum's name: a name, not an event
        for rule in rules.rules_of_word[match.group(0).lower()]:
            hits.append(Hit(rule, match.start(), match.end(), match.group(0)))
    for named in reading.named:  # "At the India-Central Asia Business Forum, ...": a meeting of that body
        if named.entity_type == "organization" and re.search(r"\b[Aa]t the\s+$", reading.text[:named.start]):
            meeting = next(t for t in rules.triggers if t.kind == "meeting")
            hits.append(Hit(Trigger("meeting-at-a-body", "meeting", "held", 2, meeting.phrases), named.start,
                            named.end, named.surface))
    hits = [h for h in hits if not no_event(reading, rules, h.start, h.end)
            and not (h.kind in ("facility", "exercise", "activity") and object_of_agreement(reading, rules, h.start))]
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), -h.rule.strength))
    bases = [h for h in hits if h.kind == "facility"]
    hits = [h for h in hits if not (h.kind == "meeting" and h.word.lower() in rules.host_verbs and any(
        0 <= b.start - h.end <= 30 and not re.search(r"[,;:]", reading.text[h.end:b.start]) for b in bases))]
    kept: list[Hit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue  # inside a longer (or stronger) trigger at the same place
        kept.append(hit)
    return kept


# "urged critics not to look ...", "asked investors to": a request of people who are no state (a lower-case
# plural right after the verb; "them", "the two sides" and demonyms are parties)
_ADDRESSED_TO_PEOPLE = re.compile(r"\s+(?!(?:them|their|these|those|others|all|both|its|his|her|partners|"
                                  r"neighbours|neighbors|members|states|countries|nations|governments)\b)"
                                  r"((?-i:[a-z]+s))\s+(?:not\s+)?to\b", re.IGNORECASE)


# "urged all nations to condemn ...", "called on the international community": a plea to the world, no request of
# a state
_ADDRESSED_TO_ALL = re.compile(r"\s+((?:all|other|every)\s+(?:the\s+)?(?:nations|countries|states|governments|"
                               r"nation|country|state)|the\s+(?:international\s+community|world))\b(?!\s+(?:of|in)\b)",
                               re.IGNORECASE)


# "joined the ministers as a special invitee", "joined the talks": who took part in a meeting, not a member
_JOINED_PEOPLE = re.compile(r"\s+(?:the\s+|them\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:ministers|leaders|meeting|talks|session|"
                            r"summit|dialogue|conference|delegations|participants|discussions|counterparts|"
                            r"deliberations|them)\b|\s+(?:[\w-]+\s+){0,4}?as\s+(?:a\s+|an\s+)?(?:special\s+)?(?:invitee|"
                            r"guest|observer)s?\b", re.IGNORECASE)


_ABSTRACT_BEFORE = re.compile(r"\b(?:chance|chances|opportunity|opportunities|way|ways|need|ability|aim|bid|effort|"
                             r"efforts|hope|capacity|means|time|right|wish|desire|attempt|attempts)\s+$", re.IGNORECASE)
# "If Turkmenistan joined ...", "Unless the two sides sign ...": a clause of condition holds no event
_CONDITION = re.compile(r"(?:^|[,;:]\s*)(?:[Ee]ven\s+)?(?:[Ii]f|[Uu]nless|[Ss]hould\s+(?-i:[A-Z])\w+|[Ww]ere\s+(?-i:[A-Z])\w+)\s"
                        r"[^,;:]*$")
# A subject that "no" opens, right before its verb: "no Indian aircraft are stationed", "no troops were deployed"
_NO_SUBJECT = re.compile(r"\b(?:[Nn]o|[Nn]one of (?:the|its|their))\s+(?:[\w-]+\s+){0,3}?(?:is|are|was|were|has been|have "
                         r"been|had been|will be|remain|remains)\s+(?:\w+ly\s+)?$")


def no_event(reading: Reading, rules: Rules, start: int, end: int) -> str:
    """Why the trigger at [start, end) reports no event ("" when it does): it
    is part of an attempt ("sought to") or of a rumour's attribution ("sources
    who asked not to be named"), a negation or a modal of ability comes just
    before it ("without ... bases", "could offer"), or it is what another event
    is for ("to review the exercise programme")."""
    for phrases, why in ((rules.attempts, "an attempt (attempts)"), (rules.cues["rumoured"], "a rumour's wording")):
        if any(m.start() <= start and end <= m.end() for m in reading.matches(phrases)):
            return why
    before = reading.text[max(0, start - 40):start]
    words = re.findall(r"[\w'-]+", before)[-3:]
    for match in reading.matches(rules.negations):
        if match.end() <= start and match.group(0).islower() and match.group(0) in words and \
                not re.search(r"[,;:]", reading.text[match.end():start]):
            return f'"{match.group(0)}" before it (negations)'
    if reading.text[start:end].lower().startswith("to ") and _ABSTRACT_BEFORE.search(reading.text[max(0, start - 20):
                                                                                             start]):
        return "an infinitive after a noun of possibility ('a chance to train'): no event"
    if _CONDITION.search(reading.text[:start]):
        return "in a condition ('if', 'unless'): a hypothesis, no event"
    denied = _NO_SUBJECT.search(reading.text, max(0, start - 60), start)
    if denied and not re.search(r"[,;:]", denied.group(0)):
        return f'"{denied.group(0).strip()}": none of them'  # "no Indian aircraft are stationed there"
    kinds = rules.rules_of_word.get(reading.text[start:end].lower(), ())
    if any(t.type == "offer" for t in kinds) and re.match(r"\s*(?:[.,;:]|$)", reading.text[end:]):
        return f'"{reading.text[start:end]}" with nothing offered after it'  # "on the scale that Beijing offers."
    if any(t.type == "offer" for t in kinds):
        subject = re.search(r"([A-Za-z]+)\s+(?:\w+ly\s+)?$", reading.text[max(0, start - 30):start])
        if subject and subject.group(1).lower() in rules.inanimate_subjects:
            return f'"{subject.group(1)} {reading.text[start:end]}": a thing that offers, a figure of speech ' \
                   f'(inanimate_subjects)'
    if any(t.type == "request" for t in kinds):
        addressed = _ADDRESSED_TO_PEOPLE.match(reading.text, end)
        if addressed:
            return f'asked of "{addressed.group(1)}": people, not a state'
        everyone = _ADDRESSED_TO_ALL.match(reading.text, end)
        if everyone:
            return f'asked of "{everyone.group(1)}": every state, none in particular'
    if any(t.type == "membership" for t in kinds) and _JOINED_PEOPLE.match(reading.text, end):
        return f'"{reading.text[start:end]}{_JOINED_PEOPLE.match(reading.text, end).group(0)}": taking part, no ' \
               'membership'
    for match in reading.matches(rules.purposes):
        if match.end() <= start and start - match.end() <= 25 and \
                re.fullmatch(r"\s+(?:the|a|an|its|their|next year's|this year's)?\s*(?:[\w-]+\s+){0,2}",
                             reading.text[match.end():start] + " "):
            return f'"{match.group(0)}" before it: what another event is for (purposes)'
    return ""


_OWN_CLAUSE = re.compile(r"[,;:]|\b(?:which|where|who|whom|whose|while|when|after|before|since)\b", re.IGNORECASE)


def object_of_agreement(reading: Reading, rules: Rules, start: int) -> str:
    """Why the facility word at *start* is what an agreement is about ("" when
    it is not): an agreement noun before it in the same clause, with "to", "on"
    or "for" between ("a contract with Iran ... to equip and operate the terminal")."""
    for match in reading.matches(rules.agreement_objects):
        between = reading.text[match.end():start]
        if match.end() > start or len(between.split()) > 16:
            continue
        if not _OWN_CLAUSE.search(between) and re.search(r"\b(?:to|on|for)\b", between, re.IGNORECASE):
            return f'after "{match.group(0)}": what the agreement is about (agreement_objects)'
        if _COVERS.match(between):
            return f'in the list of what "{match.group(0)}" covers (agreement_objects)'
    return ""


# "an agreement on defence cooperation that covers training, military education and joint exercises"
_COVERS = re.compile(r"[^,;:.]*?\b(?:that|which)\s+(?:covers?|includes?|provides for)\s+"
                     r"(?:[\w-]+\s+){0,3}?[\w-]+(?:,\s+(?:[\w-]+\s+){0,3}?[\w-]+)*(?:,?\s+and\s+)?(?:[\w-]+\s+)?$",
                     re.IGNORECASE)


_MORE_DECIDED = re.compile(r",?\s+and\s+(?=(?:to|that)\s)|;\s+(?=(?:to|that)\s)")


def _agreed_to_meet(reading: Reading, rules: Rules, hit: Hit) -> bool:
    """"agreed to meet again", "an agreement that Kyrgyzstan would host the next round": a meeting to come."""
    if hit.rule.id == "agreement-agreed":
        found = reading.find(rules.agreed_to_meet, hit.end, hit.end + 25)
        if found and reading.find(rules.standing_meetings, found.end(), found.end() + 30):
            return False  # "agreed to meet regularly": a decision, not one meeting to come
        if found and _MORE_DECIDED.search(reading.text, found.end()):
            return False  # "agreed to hold the next round ... and to set up a working group": each thing decided
            # is its own (the clauses step makes the meeting to come of the first)
        return found is not None
    after = reading.text[hit.end:hit.end + 60]
    return bool(re.match(r"\s+(?:that|to)\b", after)) and reading.find(rules.agreed_to_meet, hit.end, hit.end + 60) \
        is not None


# ", and Jaishankar raised it again during a visit to Tehran": a predicate with a subject of its own
_NEW_SUBJECT = re.compile(r",\s+and\s+(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)*\s+(?:also\s+|again\s+|later\s+)?"
                          r"(?-i:[a-z]{3,})\b")


def _new_subject(reading: Reading, hit: Hit) -> bool:
    """Whether *hit* is told in a predicate that opens with a subject of its own, after another predicate."""
    a, _b = reading.predicate_at(hit.start)
    return a > 0 and _NEW_SUBJECT.match(reading.text, max(0, a - 2)) is not None or \
        (a > 0 and _NEW_SUBJECT.match(reading.text, a) is not None)


def governing(hits: list[Hit], reading: Reading, rules: Rules) -> list[Hit]:
    """The hits that are events of their own: one per kind (the strongest, then
    the first), leaving out what a stronger trigger earlier in the same clause
    governs, and "agreed to meet", which is a planned meeting."""
    events: list[Hit] = []
    for hit in hits:
        if hit.rule.kind == "agreement" and hit.rule.id in ("agreement-agreed", "agreement-instrument") and \
                _agreed_to_meet(reading, rules, hit):
            meeting = next(t for t in rules.triggers if t.kind == "meeting")
            hit = Hit(Trigger("meeting-agreed-to-meet", "meeting", "planned", 4, meeting.phrases), hit.start, hit.end,
                      hit.word)
        occasion = re.search(r"\b(?:at|following|during|after|before|on the sidelines of) (?:a|an|the|their)\s+"
                             r"(?:\w+\s+){0,2}$", reading.text[max(0, hit.start - 40):hit.start], re.IGNORECASE)
        # "a conference ... that Uzbekistan plans to host in Termez next autumn": an event with a verb of its own
        own_verb = re.match(r"[^,.;]{0,60}?\b(?:that|which)\b[^,.;]*?\b(?:plans? to host|will host|will be held|"
                            r"is to be held|is scheduled|is due to|hosts)\b", reading.text[hit.end:]) or \
            (hit.kind == "facility" and re.match(r"\s+(?:that|which)\s+(?:[\w-]+\s+){0,4}?(?:runs|operates|run|"
                                                 r"operate|manages|has run|has operated)\b", reading.text[hit.end:])) \
            or None
        # ("the Shaheed Beheshti terminal that an Indian company runs": the terminal, told again, with a verb of its
        # own)
        governed = occasion is None and own_verb is None and any(
            other.rule.strength > hit.rule.strength and other.start < hit.start
            and (reading.clause_at(other.start) == reading.clause_at(hit.start) or hit.start - other.end < 60)
            and other.rule.kind in ("proposal", "agreement")
            for other in hits)
        if governed:
            continue
        events.append(hit)
    by_kind: dict[object, Hit] = {}
    series_ends = [n.end for n in reading.named if n.entity_type in ("series", "organization")]

    def named(hit: Hit) -> bool:  # "the India-Central Asia summit", not "the meeting" before it
        return any(0 <= hit.start - end <= 3 for end in series_ends)
    for hit in events:
        # one event per kind, but one proposal per predicate ("he pledged Indian help ... and asked the chiefs of
        # its cyber agencies to visit India": an offer and an invitation)
        key = (hit.kind, reading.predicate_at(hit.start)) if hit.kind == "proposal" or \
            (hit.kind in ("meeting", "exercise") and _new_subject(reading, hit)) else \
            (hit.kind, hit.rule.status) if hit.rule.type == "membership" else hit.kind
        # (a membership that stands and one to come are two: "India, which joined ..., wants Uzbekistan to come on
        # board")
        best = by_kind.get(key)
        if best is None or hit.rule.strength > best.rule.strength or \
                (hit.rule.strength == best.rule.strength and named(hit) and not named(best)):
            by_kind[key] = hit
    return sorted(by_kind.values(), key=lambda h: h.start)


def status_of(kind: str, hit: Hit, reading: Reading, rules: Rules,
              span: tuple[int, int] | None = None) -> tuple[str, str]:
    """(status, why) for an event of *kind* that *hit* marks, told in *span* of the sentence."""
    cue = reading.find(rules.cues["rumoured"])
    if cue:
        return fit(kind, "rumoured"), f'"{cue.group(0)}" (status_cues.rumoured): reported without confirmation'
    if hit.rule.id == "agreement-agreed" and kind == "agreement":
        # "agreed that Afghanistan would be invited": the decision is made; what it decides is to come
        return "agreed", f'trigger "{hit.word}" (rule {hit.rule.id}): a decision, agreed'
    base = hit.rule.status
    if hit.rule.kind == "inherit" or hit.rule.kind != kind:
        base = {"meeting": "held", "exercise": "held", "activity": "held"}.get(kind, base)
    a, b = span or reading.predicate_at(hit.start)  # the cues of its own predicate, not of another event's
    for name, status in (("ongoing", "ongoing"), ("completed", "completed"), ("closed", "closed"),
                         ("unused", "unused")):
        found = reading.find(rules.cues[name], a, b)
        if found and status in KIND_STATUSES[kind] and base not in ("offered", "proposed", "agreed", "signed"):
            return fit(kind, status), f'"{found.group(0)}" (status_cues.{name})'
    wish = next((m for m in reading.matches(rules.cues["proposed"])
                 if max(a, hit.start - 40) <= m.start() and m.end() <= hit.start), None)
    if wish and base not in ("offered", "proposed") and "proposed" in KIND_STATUSES[kind]:
        return "proposed", f'"{wish.group(0)}" (status_cues.proposed): wished for, not yet agreed'
    modal = _MODAL.search(reading.text, max(a, hit.start - 40), hit.start)
    if modal and base in ("held", "in_force", "signed", "operational", "completed", "ongoing"):
        # "would also set up a joint working group", "will establish", "agreed to set up": what is to come or was
        # decided, never what stands
        if modal.group("decided"):
            return fit(kind, "agreed"), f'"{modal.group(0).strip()}" before "{hit.word}": decided, yet to be done'
        return fit(kind, "planned"), f'"{modal.group(0).strip()}" before "{hit.word}": the future or the ' \
                                     'conditional, yet to come'
    found = future_cue(reading, rules, hit.start)
    if found and base in ("held", "in_force", "signed", "agreed", "operational", "completed", "ongoing"):
        return fit(kind, "planned"), f'"{found}" (status_cues.future): yet to come'
    return fit(kind, base), f'trigger "{hit.word}" (rule {hit.rule.id}) in the past or present tense'


# A modal or a decision right before the trigger's verb (a few adverbs may come between).
_MODAL = re.compile(r"\b(?:(?:will|would|shall)|(?P<decided>(?:agreed|agree|agrees|decided|decide|decides|resolved|"
                    r"undertook|committed)\s+to)|(?:plans?|planned|intends?|intended|aims?|are set|is set|are|is)\s+to)"
                    r"\s+(?:(?:also|soon|jointly|now|then|further|together|eventually|\w+ly)\s+)*(?:be\s+)?$",
                    re.IGNORECASE)


def future_cue(reading: Reading, rules: Rules, at: int) -> str | None:
    """A word of the future that governs the word at *at*: before it in its
    clause ("will be held"), or a time to come anywhere in the clause ("next year")."""
    a, b = reading.clause_at(at)
    before = None
    for match in reading.matches(rules.cues["future"]):
        if max(a, at - 40) <= match.start() < at and match.end() <= at + 4:  # "is preparing to" before "to host"
            before = match
    if before is not None:
        return before.group(0)
    time = reading.find(rules.cues["future_time"], a, b)
    return time.group(0) if time else None


FALLBACK = {"held": ("operational", "ongoing"), "completed": ("held", "closed"), "ongoing": ("in_force", "held"),
            "operational": ("ongoing", "in_force", "held"), "in_force": ("ongoing", "operational"),
            "signed": ("agreed",), "agreed": ("planned",), "offered": ("proposed",), "closed": ("completed", "held"),
            "unused": ("operational",), "planned": ("proposed",)}


def fit(kind: str, status: str) -> str:
    """*status*, or the nearest status a record of *kind* can have."""
    allowed = KIND_STATUSES[kind]
    if status in allowed:
        return status
    for other in FALLBACK.get(status, ()):
        if other in allowed:
            return other
    return allowed[0]
