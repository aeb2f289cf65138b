"""Drafts measured against hand-made gold records (``benchmarks/drafting.py``).

A gold item is either a record (kind, status, date and bounds, countries and
roles, evidence sentences) or an evidence suggestion (``add_evidence_to`` a
record already there, with its sentences). The measures:

- record recall: a gold record counts when a draft of the same kind has a
  quote that overlaps its evidence; a gold suggestion counts when a
  suggestion names the same record and overlaps its quotes;
- right in full: a gold record whose best-matching draft also has the same
  set of countries and a date right at its precision;
- draft precision: a draft counts when it matches a gold record, a
  suggestion when it adds evidence to the right record;
- country-set precision and recall and role accuracy, over matched pairs;
- dates right at their precision (the same precision and date, or, for
  unknown, the same bounds), and dates more precise than the gold (a finer
  precision, or bounds strictly inside the gold's); a gold date of unknown
  precision whose bounds lie in one year is read as that year (or month), as
  the project's precision rule requires of every record;
- status accuracy over matched pairs;
- duplicates: drafts that make a new record for an event the gold says is
  already recorded, and drafts that match a gold record another draft
  matched already;
- quotes not verbatim in their document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PRECISION_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


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


def gold_from_item(item: dict) -> Gold:
    quotes = [str(e["quote"]) for e in item.get("evidence") or ()]
    if "add_evidence_to" in item:
        return Gold(None, quotes, target=item["add_evidence_to"], label=f"evidence for {item['add_evidence_to']}")
    countries: dict[str, str] = {}
    for c in item.get("countries") or ():
        countries.setdefault(c["iso3"], c["role"])
    date = item.get("date")
    precision = item.get("date_precision")
    earliest = str(item["date_earliest"]) if item.get("date_earliest") else None
    latest = str(item["date_latest"]) if item.get("date_latest") else None
    if precision == "unknown" and earliest and latest and earliest[:4] == latest[:4]:
        # The project's rule (loaders/record_rules.py): the precision is the finest the bounds allow, so a
        # season within one year is that year (or month) with the season as bounds. Gold written before the
        # rule said unknown; it is read by the rule, as icadb check would require.
        precision, date = ("month", earliest[:7]) if earliest[:7] == latest[:7] else ("year", earliest[:4])
    return Gold(item["kind"], quotes, status=item.get("status"), date=str(date) if date is not None else None,
                precision=precision, earliest=earliest, latest=latest, countries=countries,
                label=str(item.get("id", "")))


def _overlaps(a: list[str], b: list[str]) -> bool:
    """Whether two lists of quotes share a sentence (one contains the other: a gold quote may be part of one)."""
    return any(x in y or y in x for x in a for y in b)


def date_right(draft: dict, gold: Gold) -> bool:
    precision = draft.get("date_precision")
    if precision != gold.precision:
        return False
    if precision == "unknown":
        return (draft.get("date_earliest"), draft.get("date_latest")) == (gold.earliest, gold.latest)
    return str(draft.get("date")) == gold.date


def too_precise(draft: dict, gold: Gold) -> bool:
    precision = draft.get("date_precision")
    if precision is None or gold.precision is None:
        return False
    if PRECISION_RANK[precision] < PRECISION_RANK[gold.precision]:
        return True
    mine = (draft.get("date_earliest"), draft.get("date_latest"))
    theirs = (gold.earliest, gold.latest)
    if None in mine or None in theirs or mine == theirs:
        return False
    return theirs[0] <= mine[0] and mine[1] <= theirs[1]


@dataclass
class Score:
    gold_records: int = 0
    gold_suggestions: int = 0
    recalled_records: int = 0
    recalled_suggestions: int = 0
    right_in_full: int = 0
    drafts: int = 0
    suggestions: int = 0
    correct_drafts: int = 0
    correct_suggestions: int = 0
    country_tp: int = 0
    country_drafted: int = 0
    country_gold: int = 0
    roles_right: int = 0
    roles_compared: int = 0
    dates_right: int = 0
    dates_too_precise: int = 0
    pairs: int = 0
    status_right: int = 0
    duplicates_of_recorded: int = 0
    split_events: int = 0
    quotes: int = 0
    quotes_not_verbatim: int = 0
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
    s.drafts, s.suggestions = len(drafts), len(suggestions)
    quotes_of = {id(d): [e["quote"] for e in d["evidence"]] for d in drafts + suggestions}
    for d in drafts + suggestions:
        for quote in quotes_of[id(d)]:
            s.quotes += 1
            s.quotes_not_verbatim += quote not in text
    matched_by: dict[int, list[dict]] = {}
    for g in records:
        candidates = [d for d in drafts if d["kind"] == g.kind and _overlaps(quotes_of[id(d)], g.quotes)]
        if not candidates:
            s.misses.append(f"{g.label} ({g.kind})")
            continue
        s.recalled_records += 1
        # The draft that shares the most quotes with it, then the most countries (one sentence may hold several
        # records: "exercises with Kazakhstan ("KazInd"), Kyrgyzstan ("Khanjar") ...").
        best = max(candidates, key=lambda d: (sum(_overlaps([q], g.quotes) for q in quotes_of[id(d)]),
                                              len({c["iso3"] for c in d.get("countries") or ()} & set(g.countries))))
        matched_by.setdefault(id(best), []).append(g)
        s.pairs += 1
        mine = {c["iso3"]: c["role"] for c in best.get("countries") or ()}
        shared = set(mine) & set(g.countries)
        s.country_tp += len(shared)
        s.country_drafted += len(mine)
        s.country_gold += len(g.countries)
        s.roles_compared += len(shared)
        s.roles_right += sum(mine[i] == g.countries[i] for i in shared)
        right_date = date_right(best, g)
        s.dates_right += right_date
        if too_precise(best, g):
            s.dates_too_precise += 1
            s.wrong.append(f"{g.label}: date more precise than the gold: {best.get('date_precision')} "
                           f"{best.get('date')} {best.get('date_earliest')}..{best.get('date_latest')} vs {g.precision} "
                           f"{g.date} {g.earliest}..{g.latest}")
        s.status_right += best.get("status") == g.status
        if set(mine) == set(g.countries) and right_date:
            s.right_in_full += 1
        else:
            s.wrong.append(f"{g.label}: countries {sorted(mine)} vs {sorted(g.countries)}, date "
                           f"{best.get('date') or best.get('date_precision')} vs {g.date or g.precision}")
    for g in wanted:
        if any(x.get("add_evidence_to") == g.target and _overlaps(quotes_of[id(x)], g.quotes) for x in suggestions):
            s.recalled_suggestions += 1
        else:
            s.misses.append(g.label)
    for d in drafts:
        if any(d["kind"] == g.kind and _overlaps(quotes_of[id(d)], g.quotes) for g in records):
            s.correct_drafts += 1
        if any(_overlaps(quotes_of[id(d)], g.quotes) for g in wanted) and \
                not any(d["kind"] == g.kind and _overlaps(quotes_of[id(d)], g.quotes) for g in records):
            s.duplicates_of_recorded += 1
    for g in records:
        hits = [d for d in drafts if d["kind"] == g.kind and _overlaps(quotes_of[id(d)], g.quotes)]
        s.split_events += max(0, len(hits) - 1)
    for x in suggestions:
        if any(x.get("add_evidence_to") == g.target and _overlaps(quotes_of[id(x)], g.quotes) for g in wanted):
            s.correct_suggestions += 1
    return s
