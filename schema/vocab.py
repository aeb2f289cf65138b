"""Controlled vocabularies: every allowed value and what it means.

This is the one source for the CHECK constraints in the models, the loaders'
validation, and the value descriptions in the codebook. A migration freezes
the values it creates as literal SQL, so changing a list here needs a new
migration (``tests/test_schema.py`` fails until there is one).
"""

from __future__ import annotations

DATE_PRECISION = {
    "day": "The exact day is known; date is YYYY-MM-DD.",
    "month": "Only the month is known; date is YYYY-MM and the event falls somewhere in that month.",
    "year": "Only the year is known; date is YYYY.",
    "unknown": "The sources give no date, or bound it more loosely than a year (e.g. 6 December 2021 to 25 January "
               "2022); date is empty and date_earliest/date_latest bound it where they can.",
}

DATE_BASIS = {
    "stated": "The date is written in the source text.",
    "inferred": "The date is worked out (e.g. from the article's publication date or a weekday); date_note says how.",
}

TITLE_BASIS = {
    "stated": "The title is the article's own headline.",
    "supplied": "The article has no headline in the stored text; the curators wrote a descriptive title.",
}

RECORD_KIND = {
    "meeting": "A meeting, summit, dialogue session, visit or call between officials.",
    "agreement": "An agreement, partnership, corridor, dialogue format, pact, working group or membership.",
    "exercise": "A military or security exercise (one edition, or a recurring exercise as reported).",
    "proposal": "A proposal, offer, invitation or request made by one side to another.",
    "facility": "A base, hospital, port terminal or other facility with a security role, and who runs or funds it.",
    "activity": "A security activity that is none of the above: an alliance's activation, a deployment, a training programme.",
}

STATUS = {
    "held": "The meeting, exercise or one-off activity took place.",
    "planned": "Announced or agreed to take place later, as of the reporting article.",
    "proposed": "Suggested by one side; not (yet) agreed by the other.",
    "offered": "One side offered help, resources or access to another.",
    "agreed": "The sides agreed to it in principle (not a signed instrument).",
    "signed": "A formal instrument was signed.",
    "in_force": "The agreement, partnership or membership is in effect.",
    "ongoing": "A recurring or continuing activity, in progress as of the reporting article.",
    "completed": "A finished activity with a known end.",
    "operational": "A facility in use.",
    "unused": "A facility that exists but is reported not to be in use.",
    "closed": "A facility or activity that was shut down or ended.",
    "rumoured": "Reported as rumour or without evidence; treat as unverified.",
}

# Whether a record's status says it took place: what the summaries split on, so
# that a planned meeting is never counted as a meeting that was held.
OCCURRENCE = {
    "occurred": "It took place, was reached or is in effect (held, agreed, signed, in_force, ongoing, completed, "
                "operational, unused, closed).",
    "intended": "It has not (yet) taken place as of the reporting article: planned, proposed or offered. For a "
                "proposal record this means the proposal was made but not taken up.",
    "unverified": "Reported as rumour or without evidence (rumoured).",
}

STATUS_OCCURRENCE = {
    "held": "occurred",
    "planned": "intended",
    "proposed": "intended",
    "offered": "intended",
    "agreed": "occurred",
    "signed": "occurred",
    "in_force": "occurred",
    "ongoing": "occurred",
    "completed": "occurred",
    "operational": "occurred",
    "unused": "occurred",
    "closed": "occurred",
    "rumoured": "unverified",
}

CATEGORY = {
    "diplomacy": "General political dialogue and partnership.",
    "regional_security": "Regional security and stability, including Afghanistan.",
    "counter_terrorism": "Counter-terrorism and countering violent extremism.",
    "defence": "Military cooperation: exercises, training, bases, military pacts.",
    "defence_industry": "Joint defence production and defence exports.",
    "cyber_security": "Cyber security and cyber defence.",
    "narcotics": "Drug trafficking and drug law enforcement.",
    "connectivity": "Transport corridors, ports and transit.",
    "trade": "Trade, business and economic ties.",
    "digital_payments": "Digital public infrastructure and payment systems.",
    "critical_minerals": "Rare earths and strategic minerals.",
    "education": "Education and training of students.",
    "health": "Health and medical cooperation.",
    "technology": "Technology, start-ups and digital skills.",
}

# Which statuses make sense for which kind of record (the loaders enforce it).
KIND_STATUSES = {
    "meeting": ("held", "planned", "proposed", "rumoured"),
    "agreement": ("proposed", "agreed", "signed", "in_force", "planned", "ongoing", "closed", "rumoured"),
    "exercise": ("held", "planned", "proposed", "ongoing", "rumoured"),
    "proposal": ("proposed", "offered", "agreed", "planned", "rumoured"),
    "facility": ("operational", "unused", "closed", "completed", "planned", "proposed", "rumoured"),
    "activity": ("held", "ongoing", "completed", "closed", "planned", "proposed", "rumoured"),
}

REVIEW_STATUS = {
    "reviewed": "Curated and checked by a person against the quoted sources.",
    "needs_review": "Entered by a person but not yet checked by a second one.",
    "machine_suggested": "Suggested by a program; not yet checked by a person.",
}

ROLE = {
    "host": "Hosts the meeting or exercise, or hosts the facility on its territory.",
    "chair": "Chairs or presides over the meeting.",
    "participant": "Takes part.",
    "organizer": "Organises or leads it (e.g. the body that runs an exercise).",
    "proposer": "Makes the proposal or offer.",
    "target": "The proposal or offer is addressed to it; a quote names it after the word that makes the offer.",
    "party": "Party to the agreement or partnership.",
    "member": "Member of the organisation, corridor or agreement.",
    "prospective_member": "Set to join, as of the reporting article.",
    "observer": "Present without being a full participant.",
    "operator": "Operates the facility.",
    "funder": "Pays for it.",
    "subject": "Discussed or concerned, without taking part.",
    "framework": "The organisation, format or agreement under which it takes place or which it concerns (e.g. the SCO for an SCO summit or for SCO membership).",
}

MEETING_LEVEL = {
    "heads_of_state": "Heads of state or government (a summit or leaders' meeting).",
    "ministerial": "Ministers (foreign, defence or other).",
    "security_advisers": "National security advisers or security council secretaries.",
    "senior_officials": "Senior officials below ministerial level.",
    "business": "A business council or forum with officials attending.",
    "unknown": "The sources do not say at what level.",
}

FORMAT = {
    "bilateral": "Two countries.",
    "trilateral": "Three countries.",
    "multilateral": "More than three countries, or an organisation's members.",
}

MEETING_MODE = {
    "in_person": "Participants met in one place.",
    "virtual": "Held by video conference.",
    "unknown": "The sources do not say.",
}

AGREEMENT_TYPE = {
    "strategic_partnership": "A declared bilateral strategic partnership.",
    "membership": "A country's membership of an organisation, corridor or agreement.",
    "dialogue_format": "A standing dialogue format between countries.",
    "framework": "A framework or set of agreements for cooperation in a field.",
    "military_pact": "A military pact, alliance or arrangement.",
    "working_group": "A standing joint working group.",
    "understanding": "A shared understanding or commitment reached at a meeting.",
    "cooperation_programme": "A continuing programme of cooperation (e.g. training).",
}

FREQUENCY = {
    "annual": "Held every year.",
    "irregular": "Held from time to time, not on a fixed cycle.",
    "one_off": "Held once, as far as the sources say.",
    "unknown": "The sources do not say how often.",
}

PROPOSAL_TYPE = {
    "offer": "One side offers something (help, access, resources).",
    "proposal": "One side proposes something new to be set up or done jointly.",
    "invitation": "One side invites another to take part or to use something.",
    "request": "One side asks another for support.",
}

FACILITY_TYPE = {
    "air_base": "An air base or airfield.",
    "military_base": "A military base.",
    "military_hospital": "A military hospital.",
    "port_terminal": "A port or port terminal.",
}

ACTIVITY_TYPE = {
    "alliance_activation": "A military alliance put on alert or activated in a region.",
    "deployment": "Armed forces stationed or present abroad.",
    "training_programme": "Continuing military training of another country's personnel.",
}

CONFLICT_TYPE = {
    "contradiction": "The sources say things that cannot both be true.",
    "vague_reference": "A source refers to an event without saying which one; the curators' match is a judgement.",
    "attendance": "The sources disagree or are silent on who took part.",
    "possible_duplicate": "Two records may be the same event reported differently; kept apart until a source settles it.",
    "unverified_claim": "A source reports a claim as rumour or without evidence.",
    "inference": "A source infers something the actors did not say (e.g. whom a remark was aimed at).",
    "one_sided_account": "Only one party's account supports it; the other party's account says less or nothing.",
}

SKIP_REASON = {
    "background": "History or context, not an event of cooperation.",
    "analysis": "The author's assessment or interpretation, not a reported event.",
    "recommendation": "The author's advice on what should be done.",
    "commentary": "A blogger's or editor's comment added to a report.",
    "page_furniture": "Headlines, captions, navigation, newsletter or subscription text.",
    "out_of_scope": "An event outside India–Central Asia security cooperation and its angles.",
    "series_description": "Describes a recurring format in general, not one meeting of it.",
    "position_statement": "A government's general position, not tied to a meeting, agreement or proposal.",
    "statistic": "A figure about one country, not about a cooperation record.",
    "part_of_record": "A detail of an event recorded elsewhere (its end date, one unit, the venue), not an event of its own.",
}

ENTITY_TYPE = {
    "country": "A country (iso3).",
    "organization": "An organisation, format, initiative, company or group (org_id).",
    "person": "A person (person_id).",
    "series": "A named recurring meeting or exercise (series_id).",
    "ignore": "A phrase that contains a name but means none of these (e.g. 'Indian Ocean').",
}

ALIAS_ORIGIN = {
    "name": "The entity's own name in the reference data.",
    "iso_name": "The ISO 3166-1 short name.",
    "official_name": "The ISO 3166-1 official name.",
    "abbreviation": "The organisation's abbreviation.",
    "curated": "Added by the curators in seeds/reference/aliases.yaml (demonyms, capitals, other forms).",
}

ORG_TYPE = {
    "intergovernmental_organization": "An organisation of states (e.g. SCO, CSTO, ASEAN, UNESCO).",
    "regional_structure": "A permanent body within an organisation (e.g. the SCO's RATS).",
    "dialogue_format": "A named dialogue format between states (e.g. C5+1).",
    "transport_corridor": "A multi-country transport corridor and its agreement (e.g. INSTC).",
    "trade_agreement": "A named multilateral transit or trade agreement (e.g. the Ashgabat Agreement).",
    "initiative": "A named initiative or programme (e.g. the Belt and Road Initiative).",
    "government_body": "A national government body (e.g. Russia's Security Council).",
    "armed_group": "A non-state armed or political-military group.",
    "company": "A company.",
    "media": "A news organisation or agency.",
    "forum": "A business council or forum.",
}

PLACE_TYPE = {
    "city": "A city or town.",
    "district": "An administrative district.",
    "port": "A seaport or port terminal.",
    "military_base": "A military base or air base.",
    "country": "A whole country, where no city is given.",
}

COORDINATE_PRECISION = {
    "city": "Coordinates of the city centre (GeoNames).",
    "approximate": "Approximate coordinates (within about 25 km).",
    "country": "Coordinates of the country's capital, standing in for an unnamed place in that country.",
}

VOCABULARIES: dict[str, dict[str, str]] = {
    "date_precision": DATE_PRECISION,
    "date_basis": DATE_BASIS,
    "title_basis": TITLE_BASIS,
    "kind": RECORD_KIND,
    "status": STATUS,
    "occurrence": OCCURRENCE,
    "category": CATEGORY,
    "review_status": REVIEW_STATUS,
    "role": ROLE,
    "meeting_level": MEETING_LEVEL,
    "format": FORMAT,
    "mode": MEETING_MODE,
    "agreement_type": AGREEMENT_TYPE,
    "frequency": FREQUENCY,
    "proposal_type": PROPOSAL_TYPE,
    "org_type": ORG_TYPE,
    "facility_type": FACILITY_TYPE,
    "activity_type": ACTIVITY_TYPE,
    "conflict_type": CONFLICT_TYPE,
    "reason": SKIP_REASON,
    "entity_type": ENTITY_TYPE,
    "origin": ALIAS_ORIGIN,
    "place_type": PLACE_TYPE,
    "coordinate_precision": COORDINATE_PRECISION,
}

CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")

# ------------------------------------------------------------------ reading rules
# What the record checks (loaders/record_rules.py) read in a reviewed record's
# evidence quotes and date note, and the codebook lists under "Reading the text"
# (schema/codebook.yaml, reading). Phrases match without regard to case, as whole words.

# Words that name all five Central Asian states at once: a link of any role to
# a Central Asian state may rest on a quote with one, and the drafter links the
# five on them (icadb/drafting/rules.py reads this list). With the article and
# no word of part ("the Central Asian states"), the group is all of it;
# without it ("India and Central Asian countries"), it is not.
ALL_FIVE_WORDING = (
    "all five Central Asian states", "all five Central Asian countries", "all five Central Asian republics",
    "all five Central Asian nations", "all five Central Asian leaders", "all five Central Asian presidents",
    "all five Central Asian heads of state", "all five states", "all five countries", "all five nations",
    "the five Central Asian states", "the five Central Asian countries", "the five Central Asian republics",
    "the five Central Asian nations", "the five Central Asian leaders", "the five Central Asian presidents",
    "the five Central Asian foreign ministers", "the five Central Asian defence ministers", "the five states",
    "five Central Asian states", "five Central Asian leaders", "five Central Asian presidents",
    "the Central Asian states", "the Central Asian countries", "the Central Asian republics",
    "the Central Asian nations",
)

# The Central Asian states named as a group without a number: only the five
# targets of an offer may rest on it, where it follows the word that makes the
# offer ("India has offered its assistance to Central Asian states").
GROUP_ADDRESSEE_WORDING = ("Central Asian states", "Central Asian countries", "Central Asian republics",
                           "Central Asian governments")

# A word just before the group that makes it part of the group, not all of it
# ("several Central Asian states"): then it covers no state.
PART_OF_GROUP = ("several", "some", "many", "most", "few", "two", "three", "four", "other", "certain")

# Roles that need a named addressee: an evidence quote names the country,
# organisation or person after one of OFFER_WORDS (or, for the five Central
# Asian states, the group).
ADDRESSEE_ROLES = ("target",)

# The words that make an offer, proposal, invitation or request. Every phrase of
# the drafter's proposal triggers holds one of them (a test checks it), so the
# drafter's "named after the trigger: to whom" is this rule's "named after it".
OFFER_WORDS = (
    "offer", "offers", "offered", "invite", "invites", "invited", "invitation", "propose", "proposes", "proposed",
    "proposal", "suggest", "suggests", "suggested", "suggestion", "suggestions", "called", "asked", "asks",
    "requested", "requests", "sought", "seeks", "urged", "urges", "urging", "nudging", "pressing", "pushing",
    "pledge", "pledges", "pledged", "ready to", "willing to", "promised", "promise",
    # a credit line is what is offered: who gets it is named after it ("a line of credit ... for the Central Asian
    # countries")
    "line of credit", "lines of credit", "credit line", "credit lines",
    # an idea put to others and taken up: those named after these were its addressees
    "backing of", "backing", "support of", "won the support", "endorsed by",
)

# Words with which an inferred date's note names what it assumes. The last two
# are the drafter's reading of a day or month the text gives relative to the
# article ("the latest Monday on or before the publication date ..."), which
# states its assumption as a rule.
ASSUMPTION_WORDING = ("assume", "assumes", "assumed", "assuming", "assumption", "taken to be",
                      "on or before the publication date", "on or after the publication date")
