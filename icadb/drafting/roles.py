"""Frames, step: the countries a sentence names, and the role of each.

A country (or a person who stands for one) named in the sentence of an
event is its host, chair, proposer, target, party, participant ... or only
what it is about (``subject``), by the words around the name.
"""

from __future__ import annotations

import re

from icadb.drafting import places as place_steps
from icadb.drafting.frame import Frame, Role, attribution, last_before, set_role, words_before
from icadb.drafting.knowledge import CENTRAL_ASIA, Knowledge
from icadb.drafting.reading import Named, Reading
from icadb.drafting.rules import Rules, Trigger
from icadb.drafting.triggers import Hit

_NUMBER_AFTER = re.compile(r"\s*(?:US\$|\$)?\d")


# "attacks in Kunduz, Kandahar and Kabul": the noun and preposition before a list of names
_LISTED_AFTER = re.compile(r"\b([\w-]+)\s+(in|of|from|on|to)\s+(?:(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*"
                           r"(?:,\s+|,?\s+and\s+))+$", re.IGNORECASE)


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
    before = words_before(text, named.start, 4)
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
    subject_prep = last_before(reading, rules.subject_prepositions, named.start, 12)
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
    if kind in ("meeting", "exercise", "activity", "facility") and not attribution(reading, rules, named.start):
        # the last one before the name: "at Termez in southern Uzbekistan"
        prep = last_before(reading, rules.host_prepositions, named.start, 12)
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
        by = last_before(reading, rules.chair_verbs, named.start, 40)
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
        if frame.type == "membership" and re.search(r"\b(?:which|that)\s+$", text[max(0, named.start - 8):named.start]) \
                and re.match(r"\s+(?:has\s+|had\s+|also\s+)?(?:joined|became a member|acceded)\b", text[named.end:]):
            return Role("member", f'"which {named.surface} joined": a member of it')
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
            set_role(frame.countries, named.entity_id, Role(role.role, f'"{named.surface}": {role.why}'))
        elif named.entity_type in ("person", "holder"):
            role = _role_of(named, frame, reading, rules)
            if named.entity_type == "person":
                set_role(frame.people, named.entity_id, Role(role.role if role.role != "member" else "participant",
                                                              f'"{named.surface}": {role.why}'))
            if named.country:  # a person stands for the country they held office for
                stands = Role(role.role, f'{named.note or named.surface + " is of " + named.country}: {role.why}')
                frame.named_roles[named.start] = stands
                set_role(frame.countries, named.country, stands)
        elif named.entity_type == "organization":
            role = "framework" if frame.kind in ("meeting", "agreement") and frame.type in (None, "membership") \
                and frame.kind == "agreement" else "subject"
            if frame.kind == "meeting" and re.search(re.escape(named.surface) + r"(?:'s)?\s+(?:summit|meeting)",
                                                     reading.text, re.IGNORECASE):
                role = "framework"
            set_role(frame.organizations, named.entity_id, Role(role, f'"{named.surface}"'))
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
            set_role(frame.countries, iso3, Role(role.role, f'roles.all_five: "{five.group(0)}": {role.why}'))
    else:
        vague = reading.find(rules.vague_central_asia)
        if vague and not any(i in frame.countries for i in CENTRAL_ASIA) and vague.group(0).lower() != "central asia":
            frame.vague.append(vague.group(0))


_THE_BODY = re.compile(r"\bthe (corridor|agreement|organisation|organization|bloc|grouping|alliance|treaty|group|"
                       r"forum|council)\b", re.IGNORECASE)


def body_told_before(frame: Frame, reading: Reading, kb: Knowledge, bodies_told: list[str]) -> None:
    """"would soon be members of the corridor": the organisation the article
    named last whose name has that noun (the International North-South
    Transport Corridor)."""
    if frame.kind != "agreement" or frame.type != "membership" or \
            any(r.role == "framework" for r in frame.organizations.values()):
        return
    noun = _THE_BODY.search(reading.text, frame.hit.end if frame.hit else 0) or _THE_BODY.search(reading.text)
    # (after the membership, else before it: "the grouping's work ... since joining it as a full member")
    if noun is None:
        if bodies_told and not any(n.entity_type == "organization" for n in reading.named) and \
                frame.hit is not None and re.search(r"\b(?:admitted|joined|full members?)\b", frame.hit.word, re.I):
            # "India and Pakistan were admitted at the Astana summit": to the organisation the article named last
            body = bodies_told[-1]
            frame.organizations[body] = Role("framework", f'"{frame.hit.word}" with no organisation named: '
                                                          f'{kb.organizations.get(body, body)}, the one the article '
                                                          "named last")
        return
    word = noun.group(1).lower().replace("organization", "organisation")
    body = next((o for o in reversed(bodies_told) if word in kb.organizations.get(o, "").lower()
                 .replace("organization", "organisation")), None)
    if body is None and word in ("bloc", "grouping", "group", "organisation"):
        body = next(iter(reversed(bodies_told)), None)  # "the grouping", "the bloc": any the article named last
    if body is not None:
        frame.organizations[body] = Role("framework", f'"{noun.group(0)}": {kb.organizations[body]}, '
                                                      f'the {word} the article named last')


def one_promises(frame: Frame, reading: Reading, rules: Rules) -> None:
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


def invited_to_attend(frame: Frame, reading: Reading, rules: Rules) -> None:
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


def own_countries(frame: Frame, reading: Reading, hits: list[Hit]) -> None:
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


_WHO_BEFORE = re.compile(r",\s+who\s+(?:also\s+|had\s+|has\s+|then\s+)?$")


def relative_proposer(frame: Frame, reading: Reading) -> None:
    """"... held talks with Rajnath Singh, who offered training places for Kazakh officers": the one the relative
    clause is about proposes; the others the sentence names before it are those the offer is made to."""
    if frame.kind != "proposal" or frame.hit is None or not _WHO_BEFORE.search(reading.text[:frame.hit.start]):
        return
    comma = reading.text.rfind(",", 0, frame.hit.start)
    antecedent = next((n for n in reversed(reading.named) if n.end <= comma and n.country and
                       n.entity_type in ("person", "holder", "country")), None)
    if antecedent is None or antecedent.end < comma - 2:
        return
    who = antecedent.country
    frame.countries[who] = Role("proposer", f'"{antecedent.surface}, who {frame.hit.word}": the one who '
                                            f'{frame.hit.word}')
    for iso3, role in list(frame.countries.items()):
        if iso3 != who and role.role == "proposer":
            frame.countries[iso3] = Role("target", f'named before "{antecedent.surface}, who {frame.hit.word}": '
                                                   "to whom")
