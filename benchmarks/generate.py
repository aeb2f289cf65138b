"""A synthetic seed corpus, in the project's own formats, at a chosen scale.

    python benchmarks/generate.py --scale 100 --out benchmarks/work/seeds-100

Scale 1 has as many documents (5) and records (59) as the real seeds; scale
10,000 has 50,000 documents, 590,000 records and about a million evidence
quotes. The output is deterministic (a fixed random seed): the same scale
gives the same files. It passes `icadb check`.

Reference data (organisations, people, series) grows with the square root of
the scale. Distributions follow the real seeds where they can: India in most records,
the five Central Asian states often, a few other powers sometimes and a long
tail of rarely seen countries; the kinds, statuses and date precisions in
the seeds' proportions; 1 to 4 evidence quotes per record, each a sentence of
a document (a later mention goes to a later document); series of very
different lengths. Documents are written one by one, so memory stays flat.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import random
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from icadb.schema import vocab  # noqa: E402

SEEDS = ROOT / "seeds"
PER_SCALE = {"documents": 5, "records": 59}
# Reference data grows more slowly than the reporting: more articles name more
# organisations and people, but far from one new one per article.
PER_ROOT_SCALE = {"series": 9, "people": 6, "organizations": 21}
KINDS = [("meeting", 16), ("agreement", 18), ("exercise", 4), ("proposal", 13), ("facility", 5), ("activity", 3)]
PRECISIONS = [("day", 45), ("month", 15), ("year", 25), ("unknown", 15)]
EVIDENCE_COUNTS = [(1, 55), (2, 25), (3, 13), (4, 7)]
FIRST_DAY, SPAN_DAYS = dt.date(1995, 1, 1), (dt.date(2025, 12, 31) - dt.date(1995, 1, 1)).days
CENTRAL_ASIA = list(vocab.CENTRAL_ASIA)
POWERS = ["RUS", "CHN", "PAK", "AFG", "IRN", "USA", "JPN", "TUR"]
PUBLISHERS = ["The Diplomat", "The Financial Express", "The Hindu", "Eurasianet", "Reuters", "Times of Central Asia",
              "The Economic Times", "Hindustan Times", "RFE/RL", None]
FILLER = [
    "Analysts said the region's security depended on closer coordination.",
    "Officials did not give further details.",
    "The meeting was described as constructive by both sides.",
    "Observers noted the growing interest in regional connectivity.",
    "Trade between the two sides has grown in recent years.",
    "The statement did not mention a timeline.",
]
ROLE_FOR = {
    "meeting": ("host", "participant"), "agreement": ("party", "party"), "exercise": ("host", "participant"),
    "proposal": ("proposer", "target"), "facility": ("operator", "host"), "activity": ("organizer", "participant"),
}
KIND_FIELDS = {
    "meeting": lambda r: {"meeting_level": r.choice(list(vocab.MEETING_LEVEL)), "format": "multilateral",
                          "mode": r.choice(["in_person", "virtual", "unknown"])},
    "agreement": lambda r: {"agreement_type": r.choice(list(vocab.AGREEMENT_TYPE))},
    "exercise": lambda r: {"exercise_name": f"Exercise {r.randrange(10**6)}", "format": "multilateral",
                           "frequency": r.choice(["annual", "one_off", "unknown"])},
    "proposal": lambda r: {"proposal_type": r.choice(list(vocab.PROPOSAL_TYPE))},
    "facility": lambda r: {"facility_type": r.choice(list(vocab.FACILITY_TYPE))},
    "activity": lambda r: {"activity_type": r.choice(list(vocab.ACTIVITY_TYPE))},
}
FILES = {"meeting": "meetings.yaml", "agreement": "agreements.yaml", "exercise": "exercises.yaml",
         "proposal": "proposals.yaml", "facility": "facilities.yaml", "activity": "activities.yaml"}


def q(value: object) -> str:
    """A YAML scalar: JSON's double-quoted strings are valid YAML."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)


def weighted(rng: random.Random, pairs):
    items, weights = zip(*pairs)
    return rng.choices(items, weights=weights)[0]


class Generator:
    def __init__(self, scale: int, out: Path, seed: int = 20261123):
        self.scale = scale
        self.out = out
        self.rng = random.Random(seed)
        self.n_docs = PER_SCALE["documents"] * scale
        self.n_records = PER_SCALE["records"] * scale
        with open(SEEDS / "reference" / "countries.csv", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        self.names = {}
        import pycountry

        for c in pycountry.countries:
            self.names[c.alpha_3] = getattr(c, "common_name", None) or c.name
        self.capitals = {r["iso3"]: (r["capital"], float(r["capital_latitude"]), float(r["capital_longitude"]))
                         for r in rows if r["capital_latitude"]}
        self.tail = sorted(set(self.capitals) - {"IND", *CENTRAL_ASIA, *POWERS})
        self.tail_weights = [1 / (i + 1) for i in range(len(self.tail))]  # a long tail: a few often, most rarely
        self.rng.shuffle(self.tail)
        self.counts = defaultdict(int)

    # -- reference data ---------------------------------------------------------

    def root_scaled(self, name: str) -> int:
        return max(1, round(PER_ROOT_SCALE[name] * self.scale ** 0.5))

    def reference(self) -> None:
        import yaml

        (self.out / "reference").mkdir()
        for name in ("countries.csv", "cooperation_terms.yaml"):
            if (SEEDS / "reference" / name).exists():
                shutil.copy(SEEDS / "reference" / name, self.out / "reference" / name)
        # The curated names of countries (demonyms, capitals); the rest of the reference data is synthetic.
        aliases = yaml.safe_load((SEEDS / "reference" / "aliases.yaml").read_text(encoding="utf-8"))
        kept = [a for a in aliases if a["entity_type"] in ("country", "ignore")]
        (self.out / "reference" / "aliases.yaml").write_text(yaml.safe_dump(kept, allow_unicode=True), encoding="utf-8")
        for name in ("organizations.yaml", "people.yaml", "places.yaml"):
            (self.out / "reference" / name).write_text("# Synthetic reference data.\n", encoding="utf-8")
        self.orgs = [f"synthetic-org-{i}" for i in range(self.root_scaled("organizations"))]
        self.people = [f"synthetic-person-{i}" for i in range(self.root_scaled("people"))]
        # Reference rows need a source quote: document i % n names the i-th one.
        self.naming: dict[int, list[str]] = defaultdict(list)
        with open(self.out / "reference" / "organizations.yaml", "a", encoding="utf-8") as fh:
            for i, org in enumerate(self.orgs):
                name, doc = f"Synthetic Council {i}", i % self.n_docs
                sentence = f"The {name} was mentioned."
                self.naming[doc].append(sentence)
                fh.write(f"\n- id: {org}\n  name: {q(name)}\n  org_type: forum\n  description: A synthetic organisation.\n"
                         f"  source:\n    - document: {self.doc_id(doc)}\n      quote: {q(sentence)}\n")
        with open(self.out / "reference" / "people.yaml", "a", encoding="utf-8") as fh:
            for i, person in enumerate(self.people):
                name, doc = f"Synthetic Official {i}", i % self.n_docs
                sentence = f"{name} was quoted."
                self.naming[doc].append(sentence)
                fh.write(f"\n- id: {person}\n  name: {q(name)}\n  position: Official\n  country: IND\n"
                         f"  source:\n    - document: {self.doc_id(doc)}\n      quote: {q(sentence)}\n")
        with open(self.out / "reference" / "places.yaml", "a", encoding="utf-8") as fh:
            for iso3, (capital, lat, lon) in sorted(self.capitals.items()):
                fh.write(f"\n- id: capital-{iso3.lower()}\n  name: {q(capital)}\n  place_type: city\n  country: {iso3}\n"
                         f"  latitude: {lat}\n  longitude: {lon}\n  coordinate_precision: city\n"
                         f"  coordinate_source: GeoNames\n")
        self.series = []
        n_series = self.root_scaled("series")
        with open(self.out / "series.yaml", "w", encoding="utf-8") as fh:
            fh.write("# Synthetic series.\n")
            for i in range(n_series):
                kind = "meeting" if i % 3 else "exercise"
                self.series.append((f"synthetic-series-{i}", kind))
                fh.write(f"\n- id: synthetic-series-{i}\n  name: Synthetic series {i}\n  kind: {kind}\n"
                         f"  frequency: {'annual' if i % 2 else 'unknown'}\n  description: A synthetic recurring format.\n")
        self.series_weights = [1 / (i + 1) ** 1.1 for i in range(n_series)]  # long-tailed lengths
        self.editions = defaultdict(int)
        for name in ("conflicts.yaml", "coverage.yaml"):
            (self.out / name).write_text("[]\n", encoding="utf-8")
        (self.out / "published_ids.txt").write_text("", encoding="utf-8")

    # -- records and documents ------------------------------------------------

    @staticmethod
    def doc_id(i: int) -> str:
        return f"synthetic-document-{i:06d}"

    def countries(self) -> list[str]:
        rng = self.rng
        chosen = ["IND"] if rng.random() < 0.85 else []
        chosen += rng.sample(CENTRAL_ASIA, k=rng.choice([0, 1, 1, 2, 5]))
        if rng.random() < 0.35:
            chosen.append(rng.choice(POWERS))
        if rng.random() < 0.25:
            chosen.append(rng.choices(self.tail, weights=self.tail_weights)[0])
        if not chosen:
            chosen = [rng.choice(CENTRAL_ASIA)]
        return list(dict.fromkeys(chosen))

    def published(self, i: int) -> dt.date:
        """Document *i*'s publication day: 1995 to 2025, in document order."""
        return FIRST_DAY + dt.timedelta(days=(i * SPAN_DAYS) // self.n_docs)

    def date(self, doc_index: int, edition: bool):
        """A date at a drawn precision on or before the record's first report (a
        record that says it happened was reported after it), most within a few
        years of it. An edition of a series is dated by its report, so that the
        editions rise with the date."""
        rng = self.rng
        precision = weighted(rng, PRECISIONS)
        back = 0 if edition else int(rng.random() ** 2 * 3650)
        day = self.published(doc_index) - dt.timedelta(days=back)
        text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": day.isoformat()[:4],
                "unknown": None}[precision]
        return precision, text

    def record(self, n: int, doc_index: int, pending: dict) -> None:
        rng = self.rng
        kind = weighted(rng, KINDS)
        record_id = f"synthetic-{kind}-{n:07d}"
        countries = self.countries()
        series = edition = None
        if kind in ("meeting", "exercise") and rng.random() < 0.3:
            series = rng.choices(self.series, weights=self.series_weights)[0]
            if series[1] != kind:
                series = None
            elif rng.random() < 0.7:
                self.editions[series[0]] += 1
                edition = self.editions[series[0]]
        precision, date = self.date(doc_index, edition is not None)
        first, other = ROLE_FOR[kind]
        title = f"{kind.title()} {n} of {', '.join(self.names[c] for c in countries)}"
        lines = [f"- id: {record_id}", f"  title: {q(title)}",
                 f"  summary: {q(f'Synthetic {kind} for the benchmark.')}",
                 f"  status: {rng.choice(vocab.KIND_STATUSES[kind])}",
                 f"  category: {rng.choice(list(vocab.CATEGORY))}",
                 f"  date_precision: {precision}", "  review_status: machine_suggested"]
        if date:
            lines += [f"  date: {q(date)}", "  date_basis: stated"]
        if rng.random() < 0.6:
            lines.append(f"  place: capital-{rng.choice(countries).lower()}")
        if series is not None:
            lines.append(f"  series: {series[0]}")
            if edition is not None:
                lines.append(f"  edition: {edition}")
        for name, value in KIND_FIELDS[kind](rng).items():
            lines.append(f"  {name}: {q(value)}")
        lines.append("  countries:")
        for index, iso3 in enumerate(countries):
            lines.append(f"    - {{iso3: {iso3}, role: {first if index == 0 else other}}}")
        if rng.random() < 0.3:
            lines += ["  organizations:", f"    - {{org: {rng.choice(self.orgs)}, role: participant}}"]
        if rng.random() < 0.3:
            lines += ["  people:", f"    - {{person: {rng.choice(self.people)}, role: participant}}"]
        lines.append("  evidence:")
        amount = rng.randint(1, 900) if rng.random() < 0.03 else None
        for k in range(weighted(rng, EVIDENCE_COUNTS)):
            target = min(self.n_docs - 1, doc_index + k)  # later mentions in later documents
            sentence = (f"{' and '.join(self.names[c] for c in countries)} took part in {kind} {n} "
                        f"(report {k + 1}), officials said" + (f", at a cost of about US${amount} million." if amount else "."))
            pending[target].append(sentence)
            lines += [f"    - document: {self.doc_id(target)}", f"      quote: {q(sentence)}"]
        if amount:
            lines += ["  figures:", f"    - {{label: cost, value: {amount * 1_000_000}, unit: USD, approximate: true, "
                      f"text: \"about US${amount} million\"}}"]
        self.files[kind].write("\n".join(lines) + "\n\n")
        self.counts[kind] += 1

    def write_document(self, i: int, sentences: list[str]) -> None:
        rng = self.rng
        body = list(self.naming.pop(i, []))
        for sentence in sentences:
            body.append(sentence)
            if rng.random() < 0.5:
                body.append(rng.choice(FILLER))
        body = body or [rng.choice(FILLER)]
        paragraphs = [" ".join(body[j:j + 4]) for j in range(0, len(body), 4)]  # four sentences a paragraph
        text = f"Synthetic report {i}\n\n" + "\n".join(paragraphs) + "\n"
        data = text.encode("utf-8")
        doc = self.doc_id(i)
        folder = self.out / "documents"
        (folder / f"{doc}.txt").write_bytes(data)
        published = self.published(i).isoformat()
        (folder / f"{doc}.yaml").write_text(
            f"id: {doc}\ntitle: {q(f'Synthetic report {i}')}\ntitle_basis: stated\n"
            f"publisher: {q(rng.choice(PUBLISHERS)) if rng.random() < 0.9 else ''}\npublished_on: {published}\n"
            f"date_precision: day\ndate_basis: stated\nurl: ''\noriginal_filename: {doc}.txt\n"
            f"sha256: {hashlib.sha256(data).hexdigest()}\n", encoding="utf-8")
        self.counts["documents"] += 1

    def run(self) -> dict[str, int]:
        if self.out.exists():
            shutil.rmtree(self.out)
        (self.out / "documents").mkdir(parents=True)
        (self.out / "records").mkdir()
        self.reference()
        self.files = {kind: open(self.out / "records" / name, "w", encoding="utf-8") for kind, name in FILES.items()}
        for handle in self.files.values():
            handle.write("# Synthetic records for the benchmark (benchmarks/generate.py).\n\n")
        pending: dict[int, list[str]] = defaultdict(list)
        n = 0
        for i in range(self.n_docs):
            share = (self.n_records * (i + 1)) // self.n_docs - (self.n_records * i) // self.n_docs
            for _ in range(share):
                self.record(n, i, pending)
                n += 1
            self.write_document(i, pending.pop(i, []))
        for kind, handle in self.files.items():
            if not self.counts[kind]:
                handle.write("[]\n")
            handle.close()
        self.counts["records"] = n
        return dict(self.counts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="1, 100, 10000, ... times the real seeds")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the seeds into (replaced)")
    args = parser.parse_args()
    started = time.perf_counter()
    counts = Generator(args.scale, args.out).run()
    print(f"wrote scale {args.scale} to {args.out} in {time.perf_counter() - started:.1f} s: "
          + ", ".join(f"{v:,} {k}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
