"""Every gold file of the drafting test data is well formed: what the
benchmark (benchmarks/drafting.py) scores against must be right itself.

For each article of every set (tune/, tune2/, held_out/, real/tune/,
real/held_out/, real/held_out_2/): its metadata names it, every quote is a whole sentence of
the article as the project's splitter cuts it, and every gold item uses the
project's ids and vocabularies: kinds and statuses of the kind, dates and
bounds that agree, references to records, places, series, people and
organisations that exist, ids unique in their file and apart from the
seeds' record ids, ``need`` (must or may; required on the records of the
real-style sets) and ``suggest_status`` (a status of the target's kind). The held-out
files are read here only to check their format."""

from __future__ import annotations

import calendar
import csv
import re
from functools import cache
from pathlib import Path

import pytest

from icadb.loaders.yamlread import load as read
from icadb.schema.models import kinds
from icadb.paths import SEEDS_DIR
from icadb.schema import vocab
from icadb.loaders.text import sentences

DATA = Path(__file__).resolve().parent / "data" / "drafting"
SETS = ("tune", "tune2", "held_out", "real/tune", "real/held_out", "real/held_out_2")
ARTICLES = sorted(p for s in SETS if (DATA / s).is_dir() for p in (DATA / s).glob("*.txt"))
KIND_FIELDS = {kind: {column.name: column.info["vocab"] for column in model.fields() if "vocab" in column.info}
               for kind, model in kinds().items()}  # each kind's own fields with a vocabulary


@cache
def reference() -> dict[str, set[str]]:
    with open(SEEDS_DIR / "reference" / "countries.csv", encoding="utf-8") as fh:
        countries = {row["iso3"] for row in csv.DictReader(fh)}
    ids = {name: {str(item["id"]) for item in read(SEEDS_DIR / "reference" / f"{name}.yaml") or []}
           for name in ("places", "people", "organizations")}
    return {"countries": countries, **ids, "series": {str(item["id"]) for item in read(SEEDS_DIR / "series.yaml")}}


@cache
def seed_records() -> dict[str, str]:
    """Every seed record id, with its kind."""
    out = {}
    for path in (SEEDS_DIR / "records").glob("*.yaml"):
        kind = path.stem[:-3] + "y" if path.stem.endswith("ies") else path.stem[:-1]
        out.update({str(item["id"]): kind for item in read(path) or []})
    return out


def _bounds(date: str, precision: str) -> tuple[str, str]:
    if precision == "day":
        return date, date
    if precision == "month":
        year, month = map(int, date.split("-"))
        return f"{date}-01", f"{date}-{calendar.monthrange(year, month)[1]:02d}"
    return f"{date}-01-01", f"{date}-12-31"


DATE_SHAPES = {"day": r"\d{4}-\d\d-\d\d", "month": r"\d{4}-\d\d", "year": r"\d{4}"}


def check_dates(item: dict) -> list[str]:
    problems = []
    precision = item.get("date_precision")
    if precision not in vocab.DATE_PRECISION:
        return [f"date_precision {precision!r}"]
    earliest = str(item["date_earliest"]) if item.get("date_earliest") is not None else None
    latest = str(item["date_latest"]) if item.get("date_latest") is not None else None
    if earliest and latest and earliest > latest:
        problems.append(f"date_earliest {earliest} after date_latest {latest}")
    if precision == "unknown":
        if item.get("date") is not None:
            problems.append("a date with precision unknown")
        return problems
    date = str(item.get("date"))
    if not re.fullmatch(DATE_SHAPES[precision], date):
        return problems + [f"date {date!r} is not a {precision}"]
    if item.get("date_basis") not in vocab.DATE_BASIS:
        problems.append(f"date_basis {item.get('date_basis')!r}")
    first, last = _bounds(date, precision)
    if item.get("end_date") is not None:
        end_precision = item.get("end_date_precision")
        end = str(item["end_date"])
        if end_precision not in DATE_SHAPES or not re.fullmatch(DATE_SHAPES[end_precision], end):
            return problems + [f"end_date {end!r} at {end_precision!r}"]
        last = _bounds(end, end_precision)[1]
    if not (earliest and latest):
        problems.append("a dated record without both bounds")
    elif not (first <= earliest <= latest <= last):
        problems.append(f"bounds {earliest}..{latest} outside the date's {first}..{last}")
    return problems


def check_record(item: dict, ids: set[str]) -> list[str]:
    ref = reference()
    kind = item.get("kind")
    problems = []
    if kind not in vocab.RECORD_KIND:
        return [f"kind {kind!r}"]
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", str(item.get("id"))):
        problems.append(f"id {item.get('id')!r}")
    for key in ("title", "summary"):
        if not isinstance(item.get(key), str) or not item[key].strip():
            problems.append(f"no {key}")
    if item.get("status") not in vocab.KIND_STATUSES[kind]:
        problems.append(f"status {item.get('status')!r} of a {kind}")
    if item.get("category") not in vocab.CATEGORY:
        problems.append(f"category {item.get('category')!r}")
    problems += check_dates(item)
    for key, values in KIND_FIELDS[kind].items():
        if key in item and item[key] not in values:
            problems.append(f"{key} {item[key]!r}")
    if item.get("place") is not None and item["place"] not in ref["places"]:
        problems.append(f"place {item['place']!r}")
    if item.get("series") is not None and item["series"] not in ref["series"]:
        problems.append(f"series {item['series']!r}")
    if item.get("edition") is not None and (not isinstance(item["edition"], int) or item["edition"] < 1):
        problems.append(f"edition {item['edition']!r}")
    for key in ("made_at", "sidelines_of"):
        if item.get(key) is not None and item[key] not in ids and item[key] not in seed_records():
            problems.append(f"{key} {item[key]!r} is neither a gold record of the file nor a seed record")
    for link, key, known in (("countries", "iso3", ref["countries"]), ("organizations", "org", ref["organizations"]),
                             ("people", "person", ref["people"])):
        for entry in item.get(link) or ():
            if entry.get(key) not in known:
                problems.append(f"{link}: {entry.get(key)!r}")
            if entry.get("role") not in vocab.ROLE:
                problems.append(f"{link}: role {entry.get('role')!r}")
    quotes = [str(e.get("quote")) for e in item.get("evidence") or ()]
    for figure in item.get("figures") or ():
        if not any(str(figure.get("text")) in q for q in quotes):
            problems.append(f"figure text {figure.get('text')!r} in no quote")
    return problems


def gold_problems(text_path: Path) -> list[str]:
    real = text_path.parent.parent.name == "real"
    text = text_path.read_text(encoding="utf-8")
    whole = {s.text for s in sentences(text)}
    problems = []
    meta = read(text_path.with_suffix(".yaml"))
    if meta.get("id") != text_path.stem:
        problems.append(f"metadata id {meta.get('id')!r}")
    if not text_path.stem.startswith(str(meta.get("published_on"))):
        problems.append(f"published_on {meta.get('published_on')!r} is not the file name's date")
    if str(meta.get("title")).strip() != text.splitlines()[0].strip():
        problems.append("metadata title is not the headline")
    items = read(text_path.with_name(text_path.stem + ".gold.yaml")) or []
    ids = [str(item.get("id")) for item in items if "kind" in item]
    problems += [f"id {rid!r} given twice" for rid in sorted({r for r in ids if ids.count(r) > 1})]
    problems += [f"id {rid!r} is a seed record's" for rid in ids if rid in seed_records()]
    ids = set(ids)
    for n, item in enumerate(items, start=1):
        where = f"item {n} ({item.get('id') or item.get('add_evidence_to')})"
        need = item.get("need")  # required on a record of the real-style sets; a suggestion may go without
        if need not in (("must", "may") if real and "add_evidence_to" not in item else ("must", "may", None)):
            problems.append(f"{where}: need {need!r}")
        quotes = [e.get("quote") for e in item.get("evidence") or ()]
        if not quotes:
            problems.append(f"{where}: no evidence")
        for quote in quotes:
            if not isinstance(quote, str) or quote not in text:
                problems.append(f"{where}: quote not verbatim: {str(quote)[:60]!r}")
            elif quote not in whole:
                problems.append(f"{where}: quote not a whole sentence: {quote[:60]!r}")
        if "add_evidence_to" in item:
            target = item["add_evidence_to"]
            if target not in seed_records():
                problems.append(f"{where}: add_evidence_to {target!r} is no seed record")
            elif item.get("suggest_status") is not None and \
                    item["suggest_status"] not in vocab.KIND_STATUSES[seed_records()[target]]:
                problems.append(f"{where}: suggest_status {item['suggest_status']!r} of a {seed_records()[target]}")
        else:
            if "suggest_status" in item:
                problems.append(f"{where}: suggest_status on a gold record")
            problems += [f"{where}: {p}" for p in check_record(item, ids)]
    return problems


def test_there_are_gold_articles():
    assert len([p for p in ARTICLES if p.parent.name in ("tune", "tune2")]) >= 14


@pytest.mark.parametrize("text_path", ARTICLES, ids=lambda p: f"{p.parent.relative_to(DATA)}/{p.stem}")
def test_a_gold_file_is_well_formed(text_path):
    assert gold_problems(text_path) == []


def test_the_checks_find_what_is_wrong(tmp_path):
    """The checks above are not vacuous: a gold file broken in each way is reported."""
    (tmp_path / "real" / "tune").mkdir(parents=True)
    text = "India and Kazakhstan held talks\n\nIndian and Kazakh officials met in Astana on 22 April. They agreed.\n"
    article = tmp_path / "real" / "tune" / "2024-04-23-x.txt"
    article.write_text(text, encoding="utf-8")
    article.with_suffix(".yaml").write_text("id: 2024-04-23-x\ntitle: India and Kazakhstan held talks\n"
                                            "published_on: 2024-04-23\n", encoding="utf-8")
    gold = article.with_name("2024-04-23-x.gold.yaml")
    gold.write_text("""
- id: ica-nsa-2024-kyrgyzstan
  kind: meeting
  title: T
  summary: S
  status: signed
  category: diplomacy
  date: 2024-04-22
  date_precision: day
  date_basis: inferred
  date_earliest: 2024-04-21
  date_latest: 2024-04-22
  countries: [{iso3: KAZ, role: host}, {iso3: XXX, role: guest}]
  made_at: nowhere
  evidence: [{quote: Indian and Kazakh officials met in Astana}]
- add_evidence_to: ica-nsa-2024-kyrgyzstan
  need: must
  suggest_status: signed
  evidence: [{quote: They agreed.}]
""", encoding="utf-8")
    found = "\n".join(gold_problems(article))
    for expected in ("need None", "is a seed record's", "status 'signed' of a meeting", "bounds 2024-04-21..2024-04-22 outside",
                     "countries: 'XXX'", "role 'guest'", "made_at 'nowhere'", "not a whole sentence",
                     "suggest_status 'signed' of a meeting"):
        assert expected in found, expected
