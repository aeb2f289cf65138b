"""Frames, step: one frame becomes several records.

One per partner (strategic partnerships, bases, separate talks), per
edition ("the first two rounds"), per organisation and per series.
"""

from __future__ import annotations

import re
from dataclasses import replace

from icadb.drafting.frame import Frame, Role
from icadb.drafting.knowledge import Knowledge
from icadb.drafting.reading import Reading
from icadb.drafting.rules import Rules

_SEPARATE = re.compile(r"\b(?:separate(?:ly)?|bilateral (?:talks|meetings))\b", re.IGNORECASE)


def per_partner(frame: Frame, reading: Reading) -> list[Frame]:
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
