"""Titles and summaries in the curated records' style, built from a draft's
fields: its kind, parties, series and edition, object, place and date.

- meetings: "Second India–Central Asia Summit, New Delhi (planned)",
  "India–Turkmenistan talks of officials, Ashgabat";
- exercises: "KazInd VIII, India–Kazakhstan joint exercise, Taraz";
- agreements: "India–Uzbekistan memorandum on military medicine",
  "India's membership of the Ashgabat Agreement";
- proposals: "India's offer of capacity-building programmes to Kazakhstan";
- facilities and activities: "India's air base at Ayni", "India–Tajikistan
  training programme, Dushanbe (2015)".

A title never repeats a country and never says "undated", "none" or a bare
kind; a summary is one sentence of who did what, where and when. Both keep
the drafter's prefix ("Draft: ", "Machine-drafted, not reviewed: ") until a
person has checked them (``icadb accept`` refuses them until then).
"""

from __future__ import annotations

import calendar
import re

from icadb.drafting.knowledge import CENTRAL_ASIA, Knowledge

ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI",
         "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV")
LEVEL_NOUNS = {"heads_of_state": "leaders' talks", "ministerial": "ministers' talks",
               "security_advisers": "security advisers' talks", "senior_officials": "talks of officials",
               "business": "business meeting"}
TYPE_NOUNS = {"offer": "offer", "invitation": "invitation", "proposal": "proposal", "request": "request",
              "training_programme": "training programme", "deployment": "deployment",
              "alliance_activation": "activation", "air_base": "air base", "military_base": "military base",
              "military_hospital": "military hospital", "port_terminal": "port terminal",
              "strategic_partnership": "strategic partnership", "working_group": "joint working group",
              "military_pact": "military pact", "cooperation_programme": "cooperation programme",
              "framework": "agreement", "understanding": "understanding", "membership": "membership"}
INSTRUMENTS = re.compile(r"\b(memorandum of understanding|memorandum|protocol|agreement|treaty|pact|accord|mou|deal|"
                         r"roadmap|plan of action|declaration|joint statement)\b(?:\s+of understanding)?"
                         r"(?P<rest>\s+(?:on|for|in|to|of|covering|concerning)\s+[^,.;()]+)?", re.IGNORECASE)
_CUT = re.compile(r",|;|\.|\(|\s(?:and|but|while|which|that|who|as|after|when|said|officials|according)\b|"
                  r"\s(?:in|at|on|near|from|by|last|next|this|earlier|later)\s+(?=[A-Z0-9]|year|month|week)")


def ordinal(n: int) -> str:
    if 1 <= n <= len(ORDINALS):
        return ORDINALS[n - 1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def roman(n: int) -> str:
    return ROMAN[n - 1] if 1 <= n <= len(ROMAN) else str(n)


def country_name(iso3: str, kb: Knowledge, short: dict[str, str]) -> str:
    return short.get(iso3) or kb.country_names.get(iso3, iso3)


def parties(iso3s: list[str], kb: Knowledge, short: dict[str, str], joiner: str = "\u2013") -> str:
    """"India–Kazakhstan", "India–Central Asia" (India and all five), "India" alone."""
    ordered = sorted(dict.fromkeys(iso3s), key=lambda i: (i != "IND", i))
    if "IND" in ordered and set(CENTRAL_ASIA) <= set(ordered) and len(ordered) == 6:
        return "India\u2013Central Asia" if joiner == "\u2013" else "India and the five Central Asian states"
    names = [country_name(i, kb, short) for i in ordered]
    if joiner != "\u2013" and len(names) > 1:
        return ", ".join(names[:-1]) + " and " + names[-1]
    if len(names) > 4:
        return ", ".join(names[:-1]) + " and " + names[-1]
    return joiner.join(names)


def _clean(phrase: str, limit: int = 70) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,;:-")
    if len(phrase) > limit:
        phrase = phrase[:limit].rsplit(" ", 1)[0]
    while re.search(r"\s+(?:of|on|for|to|in|at|the|a|an|and|with|by|its|their)$", phrase):
        phrase = re.sub(r"\s+(?:of|on|for|to|in|at|the|a|an|and|with|by|its|their)$", "", phrase)
    return phrase


def _object(text: str, start: int, names: list[str]) -> str:
    """What follows a trigger up to the end of its phrase, without the names of the addressees."""
    rest = re.sub(r"^\s*that\s+", " ", text[start:])
    cut = _CUT.search(rest)
    phrase = rest[:cut.start()] if cut else rest
    for name in sorted(names, key=len, reverse=True):
        phrase = re.sub(rf"^\s*(?:the\s+)?{re.escape(name)}(?:'s)?\s+", " ", phrase)
    return _clean(phrase)


def _date_phrase(record: dict) -> str:
    precision, date = record.get("date_precision"), record.get("date")
    if precision == "day" and date:
        year, month, day = (int(x) for x in str(date).split("-"))
        end = record.get("end_date")
        if end and record.get("end_date_precision") == "day" and str(end) != str(date):
            ey, em, ed = (int(x) for x in str(end).split("-"))
            if (ey, em) == (year, month):
                return f"from {day} to {ed} {calendar.month_name[month]} {year}"
            return f"from {day} {calendar.month_name[month]} {year} to {ed} {calendar.month_name[em]} {ey}"
        return f"on {day} {calendar.month_name[month]} {year}"
    if precision == "month" and date:
        year, month = (int(x) for x in str(date).split("-"))
        return f"in {calendar.month_name[month]} {year}"
    if precision == "year" and date:
        return f"in {date}"
    return ""


def _year(record: dict) -> str | None:
    date = record.get("date")
    return str(date)[:4] if date else None


def title(record: dict, event, kb: Knowledge, short: dict[str, str], published_year: int) -> str:
    """The title of a draft in the curated records' style (without the drafter's prefix)."""
    kind = record["kind"]
    links = [(c["iso3"], c["role"]) for c in record.get("countries") or ()]
    taking = [i for i, r in links if r not in ("subject", "observer")]
    place = record.get("_place_name")
    series = event.series()
    edition = record.get("edition")
    status = record.get("status")
    year = _year(record)
    when = f" ({year})" if year and int(year) != published_year and status not in ("planned", "proposed") else ""
    tail = " (planned)" if status == "planned" else " (reported)" if status == "rumoured" else ""
    country_place = place in (kb.country_names.get(i) for i in taking) or place in short.values()
    where = f" in {place}" if place and country_place else f", {place}" if place else ""
    text = " ".join(f.reading.text for f in event.frames if not f.headline) or event.main.reading.text
    main = event.main
    if kind == "meeting":
        named = next((f.series_name for f in event.frames if f.series_name), None)
        if series is not None or named:
            name = series.name if series is not None else named
            head = f"{ordinal(edition).capitalize()} {name}" if edition else name
            return f"{head}{where}{when}{tail}"
        level = record.get("meeting_level")
        noun = LEVEL_NOUNS.get(level, "talks")
        if "visit" in text.lower() and len(taking) == 2 and place:
            host = next((i for i, r in links if r == "host"), None)
            guest = next((i for i in taking if i != host), None)
            if host and guest:
                return f"{country_name(guest, kb, short)}'s visit to {place}{when}{tail}"
        who = parties(taking, kb, short)
        if len(taking) > 4 and who != "India\u2013Central Asia":
            who = "Multilateral"
        return f"{who or 'Multilateral'} {noun}{where}{when}{tail}"
    if kind == "exercise":
        name = record.get("exercise_name") or (series.name.split(" exercise")[0].split(" (")[0] if series else None)
        who = parties(taking, kb, short)
        if name:
            head = f"{name} {roman(edition)}" if edition else name
            return f"{head}, {who} joint exercise{where}{when}{tail}" if who else f"{head} exercise{where}{when}{tail}"
        return f"{who} joint exercise{where}{when}{tail}"
    if kind == "agreement":
        kind_type = record.get("agreement_type")
        orgs = [kb.organizations.get(o["org"], o["org"]) for o in record.get("organizations") or ()
                if o["role"] in ("framework", "member")]
        if kind_type == "membership":
            members = [i for i, r in links if r in ("member", "prospective_member")] or taking
            what = orgs[0] if orgs else "an organisation"
            verb = "accession to" if status == "planned" else "membership of"
            return f"{parties(members, kb, short, ' and ')}'s {verb} the {what}{when}".replace("the the ", "the ")
        found = INSTRUMENTS.search(text)
        item = next((f.item for f in event.frames if f.item), None)
        if item:  # one instrument of a list: "India–Turkmenistan memorandum on disaster management"
            return f"{parties(taking, kb, short)} {_clean(item, 80)}{when}"
        if kind_type == "strategic_partnership":
            return f"{parties(taking, kb, short)} strategic partnership{when}"
        if main.hit is not None and main.hit.rule.id == "agreement-agreed" and not found:
            clause = re.match(r"\s*that\s+([^;.]+)" if not main.hit.word.lower().endswith(" that") else
                              r"\s*([^;.]+)", main.reading.text[main.hit.end:])
            if clause:  # "decided that the foreign, trade and culture ministers would meet regularly": the clause
                return f"{parties(taking, kb, short)} decision that {_clean(clause.group(1), 90)}{when}"
            what = _object(main.reading.text, main.hit.end, [])
            what = re.sub(r"^(?:to|that|on)\s+", "", what)
            return f"{parties(taking, kb, short)} decision to {what}{when}" if what else \
                f"{parties(taking, kb, short)} understanding{when}"
        if found:
            noun = found.group(1).lower()
            noun = "memorandum of understanding" if noun == "mou" else noun
            rest = found.group("rest") or ""
            cut = _CUT.search(rest, 1)
            rest = _clean(rest[:cut.start()] if cut else rest, 60)
            return f"{parties(taking, kb, short)} {noun}{(' ' + rest) if rest else ''}{when}"
        return f"{parties(taking, kb, short)} {TYPE_NOUNS.get(kind_type, 'agreement')}{when}"
    if kind == "proposal":
        proposers = [i for i, r in links if r == "proposer"]
        targets = [i for i, r in links if r == "target"]
        noun = TYPE_NOUNS.get(record.get("proposal_type"), "proposal")
        target_names = [country_name(i, kb, short) for i in targets] + \
            [w for i in targets for w in kb.country_words if kb.country_words[w] == i]
        clause = bool(main.hit and re.match(r"\s*that\s", main.reading.text[main.hit.end:]))
        what = _object(main.reading.text, main.hit.end, [] if clause else target_names) if main.hit else ""
        if clause and what:  # "Uzbekistan's proposal that Indian companies set up a joint venture"
            return f"{parties(proposers, kb, short, ' and ') if proposers else 'A'}'s {noun} that {what}{when}{tail}"
        what = re.sub(r"^(?:to\s+)?(?:provide|offer|give)\s+", "", what)
        if main.hit and what.startswith("of "):  # the trigger is the thing offered: "a line of credit of US$1 billion"
            what = f"a {main.hit.word.lower()} {what}"
        owner = f"{parties(proposers, kb, short, ' and ')}'s" if proposers else "A"
        to = f" to {parties(targets, kb, short, ' and ')}" if targets and len(targets) <= 2 else \
            " to the Central Asian states" if set(CENTRAL_ASIA) <= set(targets) else ""
        if re.match(r"(?:to|for|on|about|with|from|against|in)\s", what):
            # "Kyrgyzstan's request to India to help set up ...", "... request to India for military supplies"
            return f"{owner} {noun}{to} {what}{when}{tail}"
        if what:
            return f"{owner} {noun} of {what}{to}{when}{tail}"
        return f"{owner} {noun}{to}{when}{tail}"
    if kind == "facility":
        operator = [i for i, r in links if r in ("operator", "funder")]
        host = [i for i, r in links if r == "host"]
        noun = TYPE_NOUNS.get(record.get("facility_type"), "facility")
        owner = f"{parties(operator, kb, short, ' and ')}'s " if operator else ""
        at = f" at {place}" if place else f" in {parties(host, kb, short, ' and ')}" if host else ""
        text = f"{owner}{noun}{at}{when}".strip()
        return text[:1].upper() + text[1:]
    noun = TYPE_NOUNS.get(record.get("activity_type"), "activity")
    return f"{parties(taking, kb, short) or 'Regional'} {noun}{where}{when}{tail}"


PROPOSAL_VERBS = {"offer": "offered", "invitation": "invited", "proposal": "proposed", "request": "asked"}
MODES = {  # (kind, status) -> how the summary's verb reads
    ("meeting", "held"): "met", ("meeting", "planned"): "are to meet", ("meeting", "proposed"): "may meet",
    ("meeting", "rumoured"): "are reported to have met",
    ("exercise", "held"): "held", ("exercise", "ongoing"): "are holding", ("exercise", "planned"): "are to hold",
    ("exercise", "proposed"): "may hold", ("exercise", "rumoured"): "are reported to hold",
    ("agreement", "signed"): "signed", ("agreement", "agreed"): "agreed on", ("agreement", "in_force"): "have",
    ("agreement", "planned"): "are to conclude", ("agreement", "proposed"): "discussed",
    ("agreement", "closed"): "ended", ("agreement", "ongoing"): "keep up",
    ("agreement", "rumoured"): "are reported to have",
    ("activity", "held"): "ran", ("activity", "completed"): "completed", ("activity", "ongoing"): "run",
    ("activity", "planned"): "are to run", ("activity", "closed"): "ended", ("activity", "rumoured"): "reportedly run",
}
FACILITY_STATES = {"operational": "is in use", "unused": "is not in use", "closed": "was shut down",
                   "planned": "is planned", "completed": "was completed", "proposed": "has been proposed",
                   "rumoured": "is reported"}


def _lower_first(text: str, kb: Knowledge) -> str:
    """*text* with its first letter lower-cased, unless its first word is a name (a country's, a series', an
    acronym)."""
    first = re.match(r"[\w'-]+", text)
    word = first.group(0) if first else ""
    named = word in kb.country_words or any(n == word or n.startswith(word + " ") for n in kb.series_names)
    return text if text[:2].isupper() or named or re.match(r"[A-Z][a-z]+\u2013", text) \
        else text[:1].lower() + text[1:]


def summary(record: dict, event, kb: Knowledge, short: dict[str, str], name: str) -> str:
    """One sentence of who did what, where and when (without the drafter's prefix)."""
    kind, status = record["kind"], record["status"]
    links = [(c["iso3"], c["role"]) for c in record.get("countries") or ()]
    taking = [i for i, r in links if r not in ("subject", "observer")]
    place = record.get("_place_name")
    where = f" in {place}" if place and place not in name else ""
    when = _date_phrase(record)
    when = f" {when}" if when else ""
    who = parties(taking, kb, short, " and ") or "The parties"
    thing = _lower_first(re.sub(r"\s\((?:planned|reported|\d{4})\)$", "", name), kb)
    if kind == "proposal":
        proposers = [i for i, r in links if r == "proposer"]
        targets = [i for i, r in links if r == "target"]
        verb = PROPOSAL_VERBS.get(record.get("proposal_type"), "proposed")
        if status == "rumoured":
            verb = f"is reported to have {verb}"
        elif status == "planned":
            verb = f"is to have {verb}"
        main = event.main
        what = _object(main.reading.text, main.hit.end, []) if main.hit else ""
        by = parties(proposers, kb, short, " and ") or "It"
        if what:
            return f"{by} {verb} {what}{when}."
        to = f" {parties(targets, kb, short, ' and ')}" if targets else ""
        return f"{by} {verb}{to}{when}." if to or when else f"{by} {verb} it."
    if kind == "facility":
        state = FACILITY_STATES.get(status, "is recorded")
        return f"{thing[:1].upper() + thing[1:]}{where} {state}{when}."
    verb = MODES.get((kind, status), "took part in")
    subjects = [i for i, r in links if r == "subject"]
    about = f", discussing {parties(subjects, kb, short, ' and ')}" if subjects and kind == "meeting" else ""
    bare = _bare(name, parties(taking, kb, short), place)
    if kind == "meeting":
        series_like = record.get("series") or any(f.series_name for f in event.frames)
        purpose = f" for the {_lower_first(bare, kb)}" if series_like else ""
        where = f" in {place}" if place else ""
        return f"{who} {verb}{where}{when}{purpose}{about}."
    where = f" in {place}" if place else ""
    if kind == "exercise":
        head = bare.split(",")[0].strip()
        what = f"the {head} exercise" if head and head not in ("joint exercise",) else "a joint exercise"
        return f"{who} {verb} {what}{where}{when}."
    article = "the" if kind == "agreement" and record.get("agreement_type") in ("membership", "strategic_partnership") \
        else "an" if bare[:1].lower() in "aeiou" else "a"
    if kind == "agreement" and record.get("agreement_type") == "membership":
        return f"{thing[:1].upper() + thing[1:]}{when}."
    if kind == "agreement" and bare.startswith("decision to "):
        return f"{who} agreed {bare[len('decision '):]}{when}."
    return f"{who} {verb} {article} {bare}{where}{when}."


def _bare(name: str, who: str, place: str | None) -> str:
    """A title without its parties, place and bracketed tail: "memorandum on military medicine"."""
    bare = re.sub(r"\s\([^)]*\)$", "", name)
    if who and bare.startswith(who):
        bare = bare[len(who):]
    if place and bare.endswith(f", {place}"):
        bare = bare[: -len(place) - 2]
    return bare.strip(" ,") or "agreement"
