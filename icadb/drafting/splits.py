"""Frames, step: one frame becomes several records.

One per partner (strategic partnerships, bases, separate talks), per
edition ("the first two rounds"), per organisation, per series and per
instrument of a list ("signed memorandums on A, B and C").
"""

from __future__ import annotations

import re
from dataclasses import replace

from icadb.drafting.frame import Frame, Role
from icadb.drafting.knowledge import Knowledge
from icadb.drafting.reading import Reading
from icadb.drafting.rules import Rules

_SEPARATE = re.compile(r"\b(?:separate(?:ly)?|bilateral (?:talks|meetings))\b", re.IGNORECASE)


def _recorded_members(frame: Frame, kb: Knowledge | None) -> set[str]:
    """The countries a recorded membership of the frame's organisation already holds."""
    bodies = {o for o, r in frame.organizations.items() if r.role == "framework"}
    if kb is None or not bodies:
        return set()
    return {i for r in kb.records if r.type == "membership" and bodies & set(r.orgs) for i in r.countries}


def per_partner(frame: Frame, reading: Reading, kb: Knowledge | None = None) -> list[Frame]:
    """One frame per partner where the kind is one-to-one: strategic
    partnerships ("India has strategic partnerships with Kazakhstan, Kyrgyzstan
    and Uzbekistan": three), memberships ("India and Pakistan became full
    members": two), bases in several countries ("bases in Tajikistan
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
        after = {n.country for n in reading.named if n.country and n.start > frame.hit.start and not n.is_capital}
        shared = [i for i, r in roles.items() if i in before and r.role not in ("subject", "observer")]
        # the host too when it is one of those met ("separate talks with his Uzbek counterpart ... in Tashkent")
        partners = [i for i, r in roles.items() if i not in before and r.role not in ("subject", "observer") and
                    (r.role != "host" or i in after)]
    elif frame.kind == "agreement" and frame.type == "membership" and frame.status != "planned":
        # "India and Pakistan became full members of the SCO": each member's membership is a record of its own
        shared = []
        partners = [i for i, r in roles.items() if r.role == "member"]
        # (a membership that stands, not an accession to come; where a membership of one of them is recorded already: the retelling of each goes to its own record)
        if len(partners) >= 2 and _recorded_members(frame, kb) & set(partners):
            return [replace(frame, countries={i: r for i, r in roles.items() if i == member or r.role == "subject"},
                            figures=list(frame.figures), people=dict(frame.people),
                            organizations=dict(frame.organizations), split=True) for member in partners]
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


def per_edition(frame: Frame, reading: Reading, rules: Rules) -> list[Frame]:
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


def per_organization(frame: Frame) -> list[Frame]:
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


def per_series(frame: Frame, reading: Reading, kb: Knowledge) -> list[Frame]:
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


# The instruments a list names: "signed four memorandums of understanding: on culture, on disaster management and
# on youth affairs", "signed agreements on defence, cyber security and military education", "a memorandum on A, an
# agreement on B and a protocol on C", "Agreements on A, B and C were exchanged"
_INSTRUMENT = (r"(?:memorand(?:um|a|ums)(?:\s+of\s+understanding)?|MoUs?|MOUs?|agreements?|protocols?|pacts?|treaties|"
               r"treaty|accords?|contracts?|declarations?|Declaration|conventions?|charters?|communiqu[eé]s?|"
               r"statements?|roadmaps?|programmes?\s+of\s+cooperation)")
_LISTED_AFTER_NOUN = re.compile(rf"(?P<noun>{_INSTRUMENT})(?:\s*\((?:MoUs?|MOUs?)\))?\s*(?::\s*|\s+(?P<prep>on|in|for)\s+)"
                                r"(?P<list>[^;.()]+)", re.IGNORECASE)
_ARTICLE_INSTRUMENT = re.compile(rf"\b(?:an?|the|one)\s+(?P<noun>{_INSTRUMENT})\s+(?P<prep>on|in|for|to)\s+", re.IGNORECASE)
# where a list ends: a clause, a place, a date, a purpose or what it covers
_LIST_END = re.compile(r"\s*(?:,\s*)?(?:\b(?:that|which|who|covering|including|among|during|after|before|while|when|as|"
                       r"with|were|was|are|is|will|would|at|to\s+(?![a-z]+ing\b))\b|\bin\s+(?-i:[A-Z])|\bon\s+"
                       r"(?:(?-i:[A-Z])|\d)|\b(?:last|next|this|earlier|later)\s)", re.IGNORECASE)
_PREP_BREAK = re.compile(r"\s*,\s*(?:and\s+)?(?=(?:on|in|for)\s)|\s+and\s+(?=(?:on|in|for)\s)", re.IGNORECASE)


def _singular(noun: str) -> str:
    noun = re.sub(r"\s+", " ", noun.lower())
    if noun.startswith(("mou", "memoranda", "memorandums")):
        return "memorandum of understanding" if "understanding" in noun or noun.startswith("mou") else "memorandum"
    return {"treaties": "treaty"}.get(noun, re.sub(r"s(?=( of cooperation)?$)", "", noun))


def _each_with_its_noun(text: str, a: int, b: int) -> list[str]:
    """"a memorandum on A, an agreement on B and a protocol on C": an instrument noun before each item."""
    starts = list(_ARTICLE_INSTRUMENT.finditer(text, a, b))
    if len(starts) < 2 or not all(re.fullmatch(r"[^;.]*?(?:,\s*(?:and\s+)?|\s+and\s+)", text[x.end():y.start()])
                                  for x, y in zip(starts, starts[1:])):
        return []
    items = []
    for n, m in enumerate(starts):
        piece = text[m.end():starts[n + 1].start() if n + 1 < len(starts) else b]
        cut = _LIST_END.search(piece)
        piece = re.sub(r"(?:\s*,\s*(?:and)?|\s+and)\s*$", "", piece[:cut.start()] if cut else piece).strip()
        if piece:
            items.append(f"{_singular(m.group('noun'))} {m.group('prep').lower()} {piece}")
    return items if len(items) >= 2 else []


# "a double taxation agreement and a bilateral investment treaty": instruments named by what comes before the noun
_NAMED_INSTRUMENT = re.compile(rf"\b(?:an?|the)\s+(?P<item>(?:(?!and\b|or\b)[\w-]+\s+){{1,3}}?{_INSTRUMENT})\b",
                               re.IGNORECASE)


def _named_before_noun(text: str, a: int, b: int) -> list[str]:
    """"A double taxation agreement and a bilateral investment treaty were finalised": each named by its words."""
    found = list(_NAMED_INSTRUMENT.finditer(text, a, b))
    for n in range(len(found) - 1):
        run = [found[n]]
        for m in found[n + 1:]:
            if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[run[-1].end():m.start()]):
                break
            run.append(m)
        if len(run) >= 2:
            return [re.sub(r"\s+", " ", m.group("item")) for m in run]
    return []


def _after_one_noun(text: str, a: int, b: int, after: int) -> list[str]:
    """"signed four memorandums: on A, on B and on C", "agreements on A, B and C": one plural noun (or a colon),
    then the list."""
    for m in _LISTED_AFTER_NOUN.finditer(text, a, b):
        noun = re.sub(r"\s+", " ", m.group("noun").lower())
        listed = m.group("list")
        if m.end() <= after:
            continue  # a list before the trigger is another's
        if _singular(noun) == noun and ":" not in text[m.end("noun"):m.start("list")]:
            continue  # "an agreement on trade and investment": one instrument of several subjects
        if m.group("prep") and m.group("prep").lower() in ("on", "in") and re.match(r"(?:(?-i:[A-Z])|\d)", listed):
            continue  # "signed four agreements on Sunday", "in Bishkek": a date or a place, no list
        cut = _LIST_END.search(listed)
        listed = listed[:cut.start()] if cut else listed
        if len(re.findall(r"(?:^|,\s*(?:and\s+)?|\s+and\s+)(?:on|in|for)\s", listed.strip(), re.IGNORECASE)) >= 2:
            pieces = _PREP_BREAK.split(listed)  # "on culture and the arts, on disaster management, and on ..."
        else:
            pieces = re.split(r"\s*,\s*(?:and\s+)?", listed)  # "on defence, cyber security and military education"
            if len(pieces) >= 2 or len(re.findall(r"\sand\s", pieces[-1])) == 1:
                pieces[-1:] = re.split(r"\s+and\s+", pieces[-1], maxsplit=1)
        parts = [p for p in (re.sub(r"^(?:on|in|for)\s+", "", p.strip(), flags=re.IGNORECASE) for p in pieces) if p]
        if len(parts) < 2 or any(len(p.split()) > 8 for p in parts):
            continue
        prep = (m.group("prep") or "on").lower()
        return [f"{_singular(noun)} {prep} {p}" for p in parts]
    return []


def listed_items(frame: Frame, reading: Reading) -> list[str]:
    """The instruments of a list a sentence signs or adopts, one phrase each ("memorandum on disaster management"),
    or none when it names fewer than two."""
    if frame.kind != "agreement" or frame.hit is None or frame.type in ("membership", "strategic_partnership") or \
            frame.status not in ("signed", "in_force", "agreed", None):
        return []
    a, b = frame.span or (0, len(reading.text))
    return _each_with_its_noun(reading.text, a, b) or _after_one_noun(reading.text, a, b, frame.hit.start) or \
        _named_before_noun(reading.text, a, b)


def per_item(frame: Frame, reading: Reading) -> list[Frame]:
    """One agreement per instrument a list names: "the two governments signed four memorandums of understanding: on
    culture and the arts, on disaster management, ...": a record for each, of the same parties and date."""
    items = listed_items(frame, reading)
    if not items:
        return [frame]
    return [replace(frame, item=item, countries=dict(frame.countries), figures=[], people=dict(frame.people),
                    organizations=dict(frame.organizations), split=True) for item in items]
