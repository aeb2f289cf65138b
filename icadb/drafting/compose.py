"""Step 6 of drafting: events become draft records, in the format of
``seeds/records/*.yaml`` plus ``kind`` and ``draft_notes``, and events that a
record already holds become ``add_evidence_to`` suggestions.

Every draft has ``review_status: machine_suggested``, a title and summary
that say it is a draft, and ``draft_notes``: for each field that was
inferred, the trigger, the rule and the sentence, and a confidence for the
draft as a whole (a guide to the order of review, not a probability).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from icadb.drafting import dates as date_rules
from icadb.drafting import titles
from icadb.drafting.events import Event
from icadb.drafting.frame import ROLE_ORDER, Frame, Role
from icadb.drafting.knowledge import Knowledge, fold
from icadb.loaders.drafts import SUGGESTED_DATE
from icadb.drafting.rules import Rules
from icadb.schema.vocab import ASSUMPTION_WORDING

DRAFTER = "icadb draft 1"
DRAFT_TITLE_PREFIX = "Draft: "  # a person takes these out when they have checked the title and summary
DRAFT_SUMMARY_PREFIX = "Machine-drafted, not reviewed: "
STATUS_NOTE = "Suggested status"  # an evidence note of a suggestion that also suggests a new status starts so
INTENDED = ("planned", "proposed", "offered")


@dataclass
class DraftSet:
    document_id: str
    drafts: list[dict] = field(default_factory=list)
    suggestions: list[dict] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # places the text names that the gazetteer lacks
    series: list[str] = field(default_factory=list)  # series the text names that seeds/series.yaml lacks
    skipped: list[str] = field(default_factory=list)  # events too thin to draft, and why
    furniture: list[tuple[str, str]] = field(default_factory=list)  # (sentence, why) of the page's furniture


def slug(text: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def rules_version(rules: Rules) -> str:
    return hashlib.sha256(rules.source.read_bytes()).hexdigest()[:8]


def _sentence_note(frame: Frame) -> str:
    text = frame.reading.text
    return f'sentence {frame.reading.position}: "{text if len(text) <= 140 else text[:137] + "..."}"'


_UNTIL = re.compile(r"(?:^|\b)(?:until|till|through|concludes? on|ends? on|to run until|continue until)\s*$",
                    re.IGNORECASE)
_UNTIL_ANYWHERE = re.compile(r"\b(?:until|till|through|concludes?|ends?)\b", re.IGNORECASE)


def _ending(event: Event, published: dt.date):
    """(frame, date) of a sentence of the event that says until when it runs ("The drills ... will run until
    November 13", "Until April 30, commandos ... will train"), or None."""
    for frame in event.frames:
        if frame.kind not in (None, event.kind) or frame.headline:
            continue
        text = frame.reading.text
        ended = _ENDED.search(text)
        if not ended and not _UNTIL_ANYWHERE.search(text):
            continue  # neither an end nor "until": no date of its end (one scan, before reading its dates)
        key = ("dates-ending", not ended)
        found = frame.reading._found.get(key)
        if found is None:
            found = frame.reading._found[key] = date_rules.find_dates(text, published, future=not ended)
        for reading in found:
            if reading.precision == "day" and (_UNTIL.search(text[max(0, reading.start - 30):reading.start]) or ended):
                return frame, reading
    return None


_BEGAN = re.compile(r"\b(?:began|opened|started|kicked off|commenced|got under way)\b", re.IGNORECASE)


def _beginning(event: Event, published: dt.date):
    """(frame, date) of a sentence of the event that says when it began, or None."""
    for frame in event.frames:
        if frame.kind in (None, event.kind) and not frame.headline and _BEGAN.search(frame.reading.text):
            found = frame.reading._found.get("dates-plain")
            if found is None:
                found = frame.reading._found["dates-plain"] = date_rules.find_dates(frame.reading.text, published)
            for reading in found:
                if reading.precision == "day":
                    return frame, reading
    return None


_ENDED = re.compile(r"\b(?:ended|concluded|wrapped up|came to an end|closing ceremony|drew to a close)\b", re.IGNORECASE)


def _date_fields(event: Event, published: dt.date, earliest_published: dt.date, anchor: dict | None,
                 notes: dict) -> dict:
    frame = event.dated()
    if frame is not None:
        d = frame.date
        ending = _ending(event, published) if event.kind in ("exercise", "meeting", "activity") else None
        if ending is not None and d.precision == "day" and not d.end_date and ending[1].date == d.date:
            start = _beginning(event, published)  # "The exercise began on February 20" before it ended on Monday
            if start is not None and start[1].date and start[1].date < d.date:
                d = start[1]
        if ending is not None and d.precision == "day" and not d.end_date and ending[1].date and d.date and \
                ending[1].date > d.date:
            # "began on Monday" and, in another sentence, "will run until November 13": one span
            d = date_rules.with_end(d, ending[1])
            notes["end_date"] = f"the end from {_sentence_note(ending[0])}"
        out = {"date": d.date, "date_precision": d.precision}
        if d.precision != "unknown":
            out["date_basis"] = d.basis
        out["date_note"] = _with_assumption(d.note) if d.basis == "inferred" else d.note
        if d.end_date:
            out["end_date"], out["end_date_precision"] = d.end_date, d.end_precision
        out["date_earliest"], out["date_latest"] = d.earliest, d.latest
        notes["date"] = f"{frame.date_why}, {_sentence_note(frame)}"
        return out
    if anchor is not None:
        notes["date"] = (f"no date in its sentences; taken from {anchor['id']}, the meeting of the same paragraph or "
                         "the one the article reports, where it was made" if event.kind != "meeting" else
                         f"no date in its sentences; taken from {anchor['id']}: {anchor['why']}")
        out = {key: anchor[key] for key in ("date", "date_precision", "date_basis", "date_earliest", "date_latest")
               if anchor.get(key) is not None}
        if out.get("date_precision") != "unknown":
            out["date_basis"] = "inferred"
        else:
            out.pop("date_basis", None)
        how = 'made at' if event.kind != 'meeting' else 'held beside' if event.occasion_link else 'on the day of'
        words = next((f.date.text for f in event.occasion.frames if f.date is not None and f.date.text), None)
        out["date_note"] = (f"Not dated in its sentence; {how} {anchor['id']} ({anchor.get('date') or 'undated'})"
                            + (f', dated by "{words}"' if words else "")
                            + f". This assumes it was {how} {anchor['id']}, which the article tells beside it.")
        return out
    status = event.main.status
    out: dict = {"date_precision": "unknown"}
    if status == "planned" or (status == "proposed" and event.kind != "proposal"):
        out["date_note"] = f"Undated in the text; to come after the article of {earliest_published.isoformat()}."
        out["date_earliest"] = earliest_published.isoformat()
    elif event.before is not None and event.before[0] <= published.isoformat():
        out["date_note"] = f"Undated in the text; {event.before[1]}."
        out["date_latest"] = event.before[0]
        notes["date"] = f"no date expression in its sentences; {event.before[1]}"
        return out
    else:
        out["date_note"] = f"Undated in the text; before the article of {published.isoformat()}."
        out["date_latest"] = published.isoformat()
    notes["date"] = "no date expression in its sentences (dates.PATTERNS found none)"
    return out


def _best(typed: list, text: str) -> tuple[str, str] | None:
    """The value whose longest phrase matches *text* (the earlier rule on a tie)."""
    found = []
    for index, entry in enumerate(typed):
        for match in entry.phrases.finditer(text):
            found.append((-(match.end() - match.start()), index, entry.value, match.group(0)))
    if not found:
        return None
    _, _, value, word = min(found)
    return value, word


def _kind_fields(event: Event, rules: Rules, text: str, anchor: dict | None, notes: dict) -> dict:
    kind = event.kind
    main = event.main
    countries = {i for i, r in event.countries().items() if r.role not in ("subject", "observer")}
    fmt = "bilateral" if len(countries) <= 2 else "trilateral" if len(countries) == 3 else "multilateral"
    out: dict = {}
    if kind == "meeting":
        level = _best(rules.meeting_levels, text)
        out["meeting_level"] = level[0] if level else "unknown"
        notes["meeting_level"] = f'"{level[1]}" (meeting_levels)' if level else "no level word (meeting_levels)"
        out["format"] = fmt
        virtual = rules.virtual.first(text)
        placed = main.place_name or (anchor is not None and event.occasion is not None and
                                     any(f.place_name for f in event.occasion.frames))
        out["mode"] = "virtual" if virtual else "in_person" if placed else "unknown"
        notes["mode"] = (f'"{virtual.group(0)}" (virtual)' if virtual else
                         "a place is named" if placed else "neither a place nor a virtual meeting is named")
    elif kind == "exercise":
        series = event.series()
        named = next((n.surface for f in event.frames for n in f.reading.named if n.entity_type == "series"), None)
        if series and named:
            out["exercise_name"] = re.sub(r"\s+exercise$", "", named, flags=re.IGNORECASE)
        out["format"] = fmt
        out["frequency"] = "annual" if re.search(r"\bannual\b", text, re.IGNORECASE) else "unknown"
        notes["frequency"] = '"annual" in its sentences' if out["frequency"] == "annual" else \
            "the sentences do not say how often it is held"
    elif kind == "agreement":
        agreement_type = main.type
        if agreement_type is None:
            found = _best(rules.agreement_types, text)
            agreement_type = found[0] if found else "understanding"
        out["agreement_type"] = agreement_type
    elif kind == "proposal":
        out["proposal_type"] = main.type or "proposal"
    elif kind == "facility":
        found = _best(rules.facility_types, text)
        out["facility_type"] = found[0] if found else "military_base"
        notes["facility_type"] = f'"{found[1]}" (facility_types)' if found else "no facility word; military_base"
    elif kind == "activity":
        out["activity_type"] = main.type or "training_programme"
    if kind in ("proposal", "agreement") and anchor is not None and anchor.get("kind", "meeting") == "meeting":
        out["made_at"] = anchor["id"]
        notes["made_at"] = f"made at {anchor['id']}: {anchor['why']}"
    if kind == "meeting" and anchor is not None and event.occasion_link:
        out["sidelines_of"] = anchor["id"]
        notes["sidelines_of"] = f"held beside {anchor['id']}: {anchor['why']}"
    return out


def _confidence(event: Event, record: dict) -> float:
    score = 0.45
    score += 0.15 if record.get("date_precision") != "unknown" else 0
    score += 0.1 if len(event.taking_part()) >= 2 else 0
    score += 0.1 if record.get("series") else 0
    score += 0.05 * min(len(record["evidence"]) - 1, 2)
    score -= 0.15 if record["status"] == "rumoured" else 0
    score -= 0.1 if any(f.vague for f in event.frames) else 0
    return round(max(0.05, min(0.95, score)), 2)


def compose(events: list[Event], document_id: str, text: str, published: dt.date, earliest: dt.date,
            kb: Knowledge, rules: Rules, taken: set[str] | None = None) -> DraftSet:
    """*taken*: ids already given (the records there, and drafts of other documents drafted in the same run)."""
    out = DraftSet(document_id)
    taken = taken if taken is not None else set()
    taken |= {r.record_id for r in kb.records}
    version = f"{DRAFTER} (rules {rules_version(rules)})"
    drafted: list[tuple[Event, dict]] = []
    for event in events:
        evidence = []
        seen = set()
        for frame in sorted(event.frames, key=lambda f: f.reading.position):
            if frame.reading.position in seen:
                continue
            seen.add(frame.reading.position)
            evidence.append({"document": document_id, "quote": frame.reading.text})
        if event.existing is not None:
            target = event.existing.record_id
            suggestion = {
                "id": _unique(slug(f"{target}-evidence-{document_id[:10]}"), taken),
                "add_evidence_to": target,
                "evidence": evidence,
                "note": f"The same event as {target}: {event.existing_why} (draft, not reviewed).",
            }
            status = _status_change(event, rules)
            if status is not None:
                suggestion["suggest_status"] = status
                # when it took place, as the text gives it: the record's date was the one it was planned for
                when = _date_fields(event, published, earliest, None, {})
                suggestion.update((key, when[key.removeprefix("suggest_")]) for key in SUGGESTED_DATE
                                  if when.get(key.removeprefix("suggest_")))
                on = f", dated {when['date']} ({when['date_precision']})" if when.get("date") else ", undated"
                line = next(f for f in event.frames if f.status == event.main.status and f.kind == event.kind)
                for item in evidence:
                    if item["quote"] == line.reading.text:
                        item["note"] = (f"{STATUS_NOTE}: {status} (recorded as {event.existing.status}); this "
                                        f"sentence reports it as {event.main.status}{on}. icadb accept sets both.")
                suggestion["note"] += f" Its status: {event.main.status_why}."
            out.suggestions.append(suggestion)
            drafted.append((event, {"id": target, "kind": event.kind, "date": None}))
            continue
        notes: dict[str, str] = {}
        main = event.main
        anchor = _anchor(event, drafted)  # an act of a meeting: made at one (decisions.py)
        at_meeting = anchor is not None
        record: dict = {"id": None, "kind": event.kind}
        notes["kind"] = (f'trigger "{main.hit.word}" (rule {main.hit.rule.id}), {_sentence_note(main)}'
                         if main.hit else f"continues the event before it, {_sentence_note(main)}")
        record["status"], notes["status"] = main.status, main.status_why
        rumour = next((f for f in event.frames if (f.status == "rumoured" and not f.definite) or
                       (f.kind is None and rules.cues["rumoured"].first(f.reading.text))), None)
        if rumour is not None and main.status != "rumoured":
            from icadb.drafting.triggers import fit

            record["status"] = fit(event.kind, "rumoured")
            notes["status"] = f"reported without confirmation in {_sentence_note(rumour)} (status_cues.rumoured)"
        combined = " ".join(f.reading.text for f in event.frames)
        category, why = _category(event, rules)
        record["category"] = category
        notes["category"] = why
        record.update(_date_fields(event, published, earliest, anchor, notes))
        from icadb.schema.vocab import STATUS_OCCURRENCE

        if STATUS_OCCURRENCE.get(record["status"]) == "occurred" and record.get("date_earliest") and \
                record["date_earliest"] > published.isoformat():
            from icadb.drafting.triggers import fit

            record["status"] = fit(event.kind, "planned")  # it cannot have taken place after the article
            notes["status"] = (f"{notes['status']}; but its date begins after the article of {published.isoformat()}, "
                               "so it has not taken place yet")
        elif record["status"] == "held" and record.get("end_date") and record.get("date_earliest") and \
                record["date_earliest"] <= published.isoformat() < str(record["end_date"]):
            from icadb.drafting.triggers import fit

            record["status"] = fit(event.kind, "ongoing")  # it runs on after the article
            notes["status"] = (f"{notes['status']}; but it runs from {record['date_earliest']} to {record['end_date']}, "
                               f"past the article of {published.isoformat()}: under way")
        if record["status"] == "rumoured" and record.get("date_precision") != "unknown" and not at_meeting:
            # a rumour's date is its report's: the event happened by then, on a day the text does not give
            latest = record.get("date_latest")
            for key in ("date", "date_basis", "end_date", "end_date_precision", "date_earliest"):
                record.pop(key, None)
            record.update(date_precision="unknown", date_latest=latest,
                          date_note=f"Reported as a rumour by {latest}; the text does not date the event itself.")
        placed = [f for f in event.frames if f.place_name and f.kind == event.kind and not f.headline] or \
            [f for f in event.frames if f.place_name and f.kind == event.kind]
        # a place within the country another sentence names is the finer one ("visited Uzbekistan" ... "in Tashkent")
        place_frame = next((f for f in placed if f.place is not None and f.place.place_type != "country" and
                            placed[0].place is not None and placed[0].place.place_type == "country" and
                            f.place_country == placed[0].place_country), placed[0] if placed else None)
        if anchor is not None and event.occasion is not None and event.kind in ("proposal", "agreement", "meeting"):
            # an act made at a meeting is made where the meeting was, unless its own sentence names a place
            own = next((f for f in event.frames if f.place_name and not f.headline and f.kind == event.kind), None)
            place_frame = own or next((f for f in event.occasion.frames if f.place_name and not f.headline), None) \
                or place_frame
        if place_frame is not None:
            if place_frame.place is not None:
                record["place"] = place_frame.place.place_id
                if place_frame.place.place_type == "country":
                    record["place_note"] = f"The text says only \"{place_frame.place_name}\"."
            else:
                record["place_note"] = (f"The text names {place_frame.place_name}, which seeds/reference/places.yaml "
                                        "lacks (suggested there).")
                if place_frame.place_name not in out.places:
                    out.places.append(place_frame.place_name)
            record["_place_name"] = place_frame.place_name
            notes["place"] = f"{place_frame.place_why}, {_sentence_note(place_frame)}"
        record["review_status"] = "machine_suggested"
        series = event.series()
        if series is not None:
            record["series"] = series.series_id
            # an edition the text states ("the 12th edition", "Khanjar-XII") or counts back from one it states ("the
            # one before that"); one still to come, counted forward ("the next edition"), is only a note: a curator
            # gives an edition where a source states it, and one to come may be numbered otherwise
            stated = next((f for f in event.frames if f.edition is not None and
                           (f.edition_relative is None or f.edition_relative < 0)), None)
            counted = next((f for f in event.frames if f.edition is not None), None)
            if stated is not None:
                record["edition"] = stated.edition
                notes["edition"] = f"{stated.edition_why}, {_sentence_note(stated)}"
            elif counted is not None:
                notes["edition"] = (f"not given: {counted.edition_why} counts edition {counted.edition} from another, "
                                    f"{_sentence_note(counted)}; the text does not state it")
            notes["series"] = f'"{series.name}" named in its sentences (seeds/series.yaml)'
        else:
            named = next((f for f in event.frames if f.series_name), None)
            if named is not None:
                notes["series"] = (f'the text names a series that seeds/series.yaml lacks: "{named.series_name}"'
                                   + (f" (edition {named.edition})" if named.edition else ""))
                if named.series_name not in out.series:
                    out.series.append(named.series_name)
        record.update(_kind_fields(event, rules, combined, anchor, notes))
        countries = event.countries()
        if event.kind == "agreement":  # who takes part in an agreement is a party to it
            countries = {i: Role("party", r.why) if r.role == "participant" else r for i, r in countries.items()}
        if series is not None:
            for iso3 in series.countries:
                if iso3 not in countries:
                    countries[iso3] = Role("participant", f"a country of the series {series.name} (seeds/series.yaml)")
        else:
            # "the India-Kazakhstan Joint Working Group on Defence Cooperation": the countries a series' own name
            # gives, where seeds/series.yaml lacks it
            named = next((f.series_name for f in event.frames if f.series_name), None)
            for iso3 in sorted({m.entity_id for m in kb.gazetteer.mentions(fold(named)) if m.entity_type == "country"}
                               if named and event.kind in ("meeting", "exercise") else ()):
                if iso3 not in countries:
                    countries[iso3] = Role("participant", f'a country in the name of its series, "{named}"')
        order = sorted(countries.items(), key=lambda item: (ROLE_ORDER.index(item[1].role), item[0]))
        record["_order"] = [(iso3, role.role) for iso3, role in order]
        record["countries"] = [{"iso3": iso3, "role": role.role} for iso3, role in order]
        notes["countries"] = "; ".join(f"{iso3} {role.role}: {role.why}" for iso3, role in order)
        vague = sorted({v for f in event.frames for v in f.vague})
        if vague:
            record["note"] = (f"The text says {', '.join(repr(v) for v in vague)} without naming the states; "
                              "no Central Asian state is linked for it.")
            notes["vague"] = record["note"]
        organizations = {}
        people = {}
        for frame in event.frames:
            for org, role in frame.organizations.items():
                organizations.setdefault(org, role)
            for person, role in frame.people.items():
                people.setdefault(person, role)
        if organizations:
            record["organizations"] = [{"org": o, "role": r.role} for o, r in sorted(organizations.items())]
        if people:
            record["people"] = [{"person": p, "role": r.role} for p, r in sorted(people.items())]
        figures = []
        labels = set()
        for frame in event.frames:
            for figure in frame.figures:
                if figure["label"] not in labels:
                    labels.add(figure["label"])
                    figures.append(figure)
        if figures:
            record["figures"] = figures
            notes["figures"] = "; ".join(f'"{f["text"]}" (figure_units)' for f in figures)
        record["evidence"] = evidence
        if len(evidence) > 1:
            notes["evidence"] = f"{len(evidence)} sentences of the article tell this event (one event, one record)"
        record["id"] = _unique(_id_base(event, record, published), taken)
        name = titles.title(record, event, kb, rules.short_names, published.year)
        record["title"] = DRAFT_TITLE_PREFIX + name
        record["summary"] = DRAFT_SUMMARY_PREFIX + titles.summary(record, event, kb, rules.short_names, name)
        confidence = _confidence(event, record)
        record["draft_notes"] = {"confidence": confidence, "drafter": version,
                                 **{k: v for k, v in notes.items() if v and v.strip()}}
        out.drafts.append(record)
        drafted.append((event, record))
    return out


def _status_change(event: Event, rules: Rules) -> str | None:
    """The status a recorded planned, proposed or offered event reaches when
    a sentence reports it as held, signed or agreed (None: no change)."""
    from icadb.drafting.triggers import fit
    from icadb.schema.vocab import STATUS_OCCURRENCE

    known = event.existing
    status = event.main.status
    if known is None or known.status not in INTENDED or STATUS_OCCURRENCE.get(status) != "occurred":
        return None
    if event.main.definite or event.main.hit is None:
        return None  # a mention of the event, not a report of it
    new = fit(known.kind, status)
    return new if new != known.status and STATUS_OCCURRENCE.get(new) == "occurred" else None


def _category(event: Event, rules: Rules) -> tuple[str, str]:
    from icadb.drafting.figures import find_category

    for frame in sorted(event.frames, key=lambda f: (f is not event.main, f.reading.position)):
        category, why = find_category(frame, frame.reading.text, rules)
        if not why.startswith("no category"):
            return category, f"{why}, {_sentence_note(frame)}"
    return find_category(event.main, event.main.reading.text, rules)


def _with_assumption(note: str) -> str:
    """An inferred date's note names what it assumes, as the project's checks
    ask of every reviewed record (loaders/record_rules.py): almost always that
    the words count from the article's publication date."""
    if any(word in note for word in ASSUMPTION_WORDING):
        return note
    if "publication date" in note or "an article of" in note:
        return f"{note}. This assumes the words count from the article's publication date."
    return f"{note}. This assumes the quoted words date this event."


def _id_base(event: Event, record: dict, published: dt.date) -> str:
    series = record.get("series")
    when = record.get("date") or f"undated-{published.isoformat()}"
    if series:
        edition = f"-{record['edition']}" if record.get("edition") else ""
        return slug(f"{series}{edition}-{when}")
    parties = [iso3.lower() for iso3, role in record["_order"] if role != "subject"][:2]
    return slug(f"{'-'.join(parties)}-{event.kind}-{when}")


def _anchor(event: Event, drafted: list[tuple[Event, dict]]) -> dict | None:
    """The record of the meeting *event* was made at (``decisions.link`` found
    it), with the dates the act takes from it: an occasion of several days
    gives only its span, never its first day."""
    if event.occasion is None:
        return None
    found = next(((e, r) for e, r in drafted if e is event.occasion), None)
    if found is None:
        return None
    anchor = _anchor_record(*found)
    if event.kind == "proposal":
        # proposed during a visit of several days whose talks were on one of them: any day of the visit (what the
        # leaders agreed, they agreed at the talks)
        span = next((f.date for f in event.occasion.frames if f.date is not None and not f.headline and
                     f.date.end_date and f.date.earliest and f.date.latest and anchor.get("date_earliest") and
                     f.date.earliest <= anchor["date_earliest"] <= f.date.latest), None)
        if span is not None and anchor.get("date_precision") == "day":
            anchor = {**anchor, "date": span.date, "date_precision": span.precision, "date_earliest": span.earliest,
                      "date_latest": span.latest, "end_date": span.end_date, "end_date_precision": span.end_precision}
    return {**_spanned(anchor), "why": event.occasion_why, "kind": event.occasion.kind}


def _spanned(anchor: dict) -> dict:
    """An occasion of several days: made on one of them, so only its span (a
    month's precision when it lies in one month), never its first day."""
    earliest, latest = anchor.get("date_earliest"), anchor.get("date_latest")
    if anchor.get("end_date") is None or not earliest or not latest or earliest == latest:
        return anchor
    out = {k: v for k, v in anchor.items() if k not in ("end_date", "end_date_precision")}
    if earliest[:7] == latest[:7]:
        out.update(date=earliest[:7], date_precision="month")
    elif earliest[:4] == latest[:4]:
        out.update(date=earliest[:4], date_precision="year")
    else:
        out.update(date=None, date_precision="unknown")
    return out


def _anchor_record(meeting: Event, record: dict) -> dict:
    if meeting.existing is not None:
        known = meeting.existing
        own = meeting.dated()
        fine = {"unknown": 0, "year": 1, "month": 2, "day": 3}
        if own is not None and fine.get(own.date.precision, 0) > fine.get(known.precision, 0) and \
                (not known.earliest or (own.date.earliest or "") >= known.earliest) and \
                (not known.latest or (own.date.latest or "9") <= known.latest):
            # the record dates it less finely than this article does ("on Tuesday" of the month the record
            # gives), and within its bounds: the act takes this article's date
            d = own.date
            return {"id": known.record_id, "date": d.date, "date_precision": d.precision, "date_basis": d.basis,
                    "date_earliest": d.earliest, "date_latest": d.latest, "end_date": d.end_date,
                    "end_date_precision": d.end_precision}
        precision = known.precision
        return {"id": known.record_id, "date_precision": precision, "date_earliest": known.earliest,
                "date_latest": known.latest,
                "date": (known.earliest if precision == "day" else known.earliest[:7] if precision == "month" else
                         known.earliest[:4] if precision == "year" and known.earliest else None)}
    return record
