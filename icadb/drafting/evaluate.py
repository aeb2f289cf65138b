"""Drafts measured against hand-made gold records (``benchmarks/drafting.py``),
step by step, as NGEC measures event coding.

A gold item is either a record (kind, status, date and bounds, countries and
roles, place, series and edition, evidence sentences, and ``need``: ``must``,
news a curator must record, or ``may``, background a curator may record) or
an evidence suggestion (``add_evidence_to`` a record already there, with its
sentences, and ``suggest_status`` when the sentences report a recorded
planned, proposed or offered event as having happened). Gold without
``need`` (the fictional sets, the seeds) is all ``must``.

A draft *matches* a gold record when it is of the same kind and quotes a
sentence of it; the best match of each gold record is the draft that shares
most of its sentences, then most of its countries. The measures:

- **must-have facts right in full**: a must-have gold record whose best match
  has the gold's taking-part countries (every role but ``subject``: a country
  only discussed is scored under roles) and its date right at its precision;
- **draft precision**: drafts that match a gold record (must or may), one
  per gold record (a second draft of the same fact is a split, counted
  wrong), and suggestions that name the gold's record, over all drafts and
  suggestions;
- **retellings attached**: gold suggestions for which a suggestion names the
  same record and quotes one of their sentences; **duplicates**: drafts that
  make a new record of a sentence the gold attaches to a recorded event;
- **per step**, over matched pairs: kind (of the gold records whose sentences
  some draft quotes, those a draft of the right kind quotes), status, country
  set (precision and recall, all roles), roles (of the countries in both),
  date (right at its precision; more precise than the text: a finer
  precision, or bounds strictly inside the gold's), place, series and
  edition, suggested status;
- quotes not verbatim in their document.

A gold date of unknown precision whose bounds lie in one year is read as that
year (or month), as the project's precision rule requires of every record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}
NEEDS = ("must", "may")


@dataclass
class Gold:
    kind: str | None  # None for a suggestion
    quotes: list[str]
    target: str | None = None  # add_evidence_to
    status: str | None = None
    date: str | None = None
    precision: str | None = None
    earliest: str | None = None
    latest: str | None = None
    countries: dict[str, str] = field(default_factory=dict)
    label: str = ""
    need: str = "must"
    suggest_status: str | None = None
    place: str | None = None
    place_name: str | None = None
    series: str | None = None
    edition: int | None = None

    def taking_part(self) -> set[str]:
        return {iso3 for iso3, role in self.countries.items() if role != "subject"}


def _text(value) -> str | None:
    return None if value is None else str(value)


def gold_from_item(item: dict) -> Gold:
    quotes = [str(e["quote"]) for e in item.get("evidence") or ()]
    need = str(item.get("need") or "must")
    if "add_evidence_to" in item:
        return Gold(None, quotes, target=item["add_evidence_to"], label=f"evidence for {item['add_evidence_to']}",
                    need=need, suggest_status=item.get("suggest_status"))
    countries: dict[str, str] = {}
    for c in item.get("countries") or ():
        countries.setdefault(c["iso3"], c["role"])
    date = _text(item.get("date"))
    precision = item.get("date_precision")
    earliest, latest = _text(item.get("date_earliest")), _text(item.get("date_latest"))
    if precision == "unknown" and earliest and latest and earliest[:4] == latest[:4]:
        # The project's rule (the precision is the finest the bounds allow): a season within one year is that
        # year (or month) with the season as bounds. Gold written before the rule said unknown.
        precision, date = ("month", earliest[:7]) if earliest[:7] == latest[:7] else ("year", earliest[:4])
    return Gold(item["kind"], quotes, status=item.get("status"), date=date, precision=precision, earliest=earliest,
                latest=latest, countries=countries, label=str(item.get("id", "")), need=need,
                place=item.get("place"), place_name=item.get("place_name"), series=item.get("series"),
                edition=item.get("edition"))


def _overlaps(a: list[str], b: list[str]) -> bool:
    """Whether two lists of quotes share a sentence (one contains the other: a gold quote may be part of one)."""
    return any(x in y or y in x for x in a for y in b)


def date_right(draft: dict, gold: Gold) -> bool:
    precision = draft.get("date_precision")
    if precision != gold.precision:
        return False
    if precision == "unknown":
        return (_text(draft.get("date_earliest")), _text(draft.get("date_latest"))) == (gold.earliest, gold.latest)
    return _text(draft.get("date")) == gold.date


def too_precise(draft: dict, gold: Gold) -> bool:
    precision = draft.get("date_precision")
    if precision is None or gold.precision is None:
        return False
    if PRECISION_RANK[precision] < PRECISION_RANK[gold.precision]:
        return True
    mine = (_text(draft.get("date_earliest")), _text(draft.get("date_latest")))
    theirs = (gold.earliest, gold.latest)
    if None in mine or None in theirs or mine == theirs:
        return False
    return theirs[0] <= mine[0] and mine[1] <= theirs[1]


def _fold(name: str | None) -> str:
    return (name or "").replace("\u2013", "-").replace("\u2019", "'").strip().lower()


def place_right(draft: dict, gold: Gold) -> bool:
    if gold.place:
        return draft.get("place") == gold.place
    if gold.place_name:
        return _fold(draft.get("_place_name")) == _fold(gold.place_name)
    return not draft.get("place") and not draft.get("_place_name")


@dataclass
class Score:
    gold_records: int = 0
    gold_must: int = 0
    gold_suggestions: int = 0
    recalled_records: int = 0
    recalled_must: int = 0
    recalled_suggestions: int = 0
    right_in_full: int = 0  # must-have facts right in full
    right_in_full_any: int = 0  # gold records (must or may) right in full
    drafts: int = 0
    suggestions: int = 0
    correct_drafts: int = 0
    correct_drafts_in_full: int = 0
    correct_suggestions: int = 0
    kind_covered: int = 0  # gold records whose sentences a draft quotes
    kind_right: int = 0  # ... a draft of the right kind
    country_tp: int = 0
    country_drafted: int = 0
    country_gold: int = 0
    country_sets_right: int = 0
    roles_right: int = 0
    roles_compared: int = 0
    dates_right: int = 0
    dates_too_precise: int = 0
    pairs: int = 0
    status_right: int = 0
    places_compared: int = 0
    places_right: int = 0
    series_compared: int = 0
    series_right: int = 0
    status_suggestions_gold: int = 0
    status_suggestions_right: int = 0
    status_suggestions_wrong: int = 0  # a suggested status the gold does not give
    duplicates_of_recorded: int = 0
    split_events: int = 0
    quotes: int = 0
    quotes_not_verbatim: int = 0
    fields_left_out: int = 0
    drafts_left_out: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
            else:
                getattr(self, name).extend(value)

    @staticmethod
    def ratio(a: int, b: int) -> float | None:
        return a / b if b else None


def score(drafts: list[dict], suggestions: list[dict], gold: list[Gold], text: str) -> Score:
    s = Score()
    records = [g for g in gold if g.kind is not None]
    wanted = [g for g in gold if g.kind is None]
    s.gold_records, s.gold_suggestions = len(records), len(wanted)
    s.gold_must = sum(g.need == "must" for g in records)
    s.drafts, s.suggestions = len(drafts), len(suggestions)
    quotes_of = {id(d): [str(e["quote"]) for e in d["evidence"]] for d in drafts + suggestions}
    for d in drafts + suggestions:
        for quote in quotes_of[id(d)]:
            s.quotes += 1
            s.quotes_not_verbatim += quote not in text
        notes = d.get("draft_notes") or {}
        s.fields_left_out += str(notes.get("left_out") or "").count(": left out: ")
    best_of: dict[int, dict] = {}
    for g in records:
        if any(_overlaps(quotes_of[id(d)], g.quotes) for d in drafts):
            s.kind_covered += 1
        candidates = [d for d in drafts if d["kind"] == g.kind and _overlaps(quotes_of[id(d)], g.quotes)]
        if not candidates:
            s.misses.append(f"{g.label} ({g.kind}, {g.need})")
            continue
        s.kind_right += 1
        s.recalled_records += 1
        s.recalled_must += g.need == "must"
        # The draft that shares the most quotes with it, then the most countries, then its date and place (one
        # sentence may hold several records: "exercises with Kazakhstan ("KazInd"), Kyrgyzstan ("Khanjar") ...",
        # "the last edition took place at Tokmok in March, and the one before that at Bakloh in January").
        best = max(candidates, key=lambda d: (sum(_overlaps([q], g.quotes) for q in quotes_of[id(d)]),
                                              len({c["iso3"] for c in d.get("countries") or ()} & set(g.countries)),
                                              date_right(d, g), place_right(d, g)))
        best_of[id(g)] = best
        s.pairs += 1
        mine = {c["iso3"]: c["role"] for c in best.get("countries") or ()}
        shared = set(mine) & set(g.countries)
        s.country_tp += len(shared)
        s.country_drafted += len(mine)
        s.country_gold += len(g.countries)
        s.country_sets_right += set(mine) == set(g.countries)
        s.roles_compared += len(shared)
        s.roles_right += sum(mine[i] == g.countries[i] for i in shared)
        right_date = date_right(best, g)
        s.dates_right += right_date
        if too_precise(best, g):
            s.dates_too_precise += 1
            s.wrong.append(f"{g.label}: date more precise than the gold: {best.get('date_precision')} "
                           f"{best.get('date')} {best.get('date_earliest')}..{best.get('date_latest')} vs "
                           f"{g.precision} {g.date} {g.earliest}..{g.latest}")
        s.status_right += best.get("status") == g.status
        if g.place or g.place_name or best.get("place") or best.get("_place_name"):
            s.places_compared += 1
            s.places_right += place_right(best, g)
            if not place_right(best, g):
                s.wrong.append(f"{g.label}: place {best.get('place') or best.get('_place_name')} vs "
                               f"{g.place or g.place_name}")
        if g.series or g.edition or best.get("series") or best.get("edition"):
            s.series_compared += 1
            s.series_right += (best.get("series"), best.get("edition")) == (g.series, g.edition)
            if (best.get("series"), best.get("edition")) != (g.series, g.edition):
                s.wrong.append(f"{g.label}: series {best.get('series') or best.get('series_name')} "
                               f"{best.get('edition')} vs {g.series} {g.edition}")
        taking_part = {i for i, r in mine.items() if r != "subject"}
        in_full = taking_part == g.taking_part() and right_date
        s.right_in_full_any += in_full
        s.right_in_full += in_full and g.need == "must"
        if not in_full:
            s.wrong.append(f"{g.label} ({g.need}): countries {sorted(taking_part)} vs {sorted(g.taking_part())}, "
                           f"date {best.get('date') or best.get('date_precision')} vs {g.date or g.precision}")
        if best.get("status") != g.status:
            s.wrong.append(f"{g.label}: status {best.get('status')} vs {g.status}")
    for g in wanted:
        found = [x for x in suggestions if x.get("add_evidence_to") == g.target and _overlaps(quotes_of[id(x)], g.quotes)]
        if found:
            s.recalled_suggestions += 1
        else:
            s.misses.append(f"{g.label} ({g.need})")
        if g.suggest_status:
            s.status_suggestions_gold += 1
            s.status_suggestions_right += any(x.get("suggest_status") == g.suggest_status for x in found)
    # Precision: each gold record counts once; a second draft of it is a split (wrong).
    claimed: set[int] = set()
    for d in drafts:
        matches = [g for g in records if d["kind"] == g.kind and _overlaps(quotes_of[id(d)], g.quotes)]
        mine_best = [g for g in matches if best_of.get(id(g)) is d]
        fresh = [g for g in (mine_best or matches) if id(g) not in claimed]
        if fresh:
            claimed.add(id(fresh[0]))
            s.correct_drafts += 1
            g = fresh[0]
            taking_part = {c["iso3"] for c in d.get("countries") or () if c["role"] != "subject"}
            s.correct_drafts_in_full += taking_part == g.taking_part() and date_right(d, g)
        elif matches:
            s.split_events += 1
            s.wrong.append(f"{d['id']}: a second draft of {matches[0].label}")
        else:
            s.wrong.append(f"{d['id']} ({d['kind']}): no gold record")
        if not matches and any(_overlaps(quotes_of[id(d)], g.quotes) for g in wanted):
            s.duplicates_of_recorded += 1
            s.wrong.append(f"{d['id']}: a new record of an event the gold attaches to a recorded one")
    for x in suggestions:
        right = [g for g in wanted if x.get("add_evidence_to") == g.target and _overlaps(quotes_of[id(x)], g.quotes)]
        if right:
            s.correct_suggestions += 1
        else:
            s.wrong.append(f"{x['id']}: evidence for {x.get('add_evidence_to')} that the gold does not attach there")
        if x.get("suggest_status") and not any(g.suggest_status == x.get("suggest_status") for g in right):
            s.status_suggestions_wrong += 1
    return s
