"""What the drafter knows before it reads an article: the gazetteer, places,
series, people, organisations, and the records already there (reviewed or
drafted), all read from a build of the seeds.

Names are matched with dashes and apostrophes folded (an en dash in the
gazetteer's "India–Central Asia" finds the text's hyphen), on a copy of the
text of the same length, so offsets stay those of the stored text.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from icadb.drafting.people import OfficeHolders
from icadb.drafting.people import load as load_holders
from icadb.loaders.text import Gazetteer, trie_pattern

FOLD = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2212": "-", "\u2019": "'", "\u2018": "'",
                      "\u201c": '"', "\u201d": '"'})
CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
_WORD = re.compile(r"[a-z][a-z-]+")
STOP = frozenset("""a an the and or of in on at to for with by from as is are was were be been has have had it its
this that these those their his her he she they them which who whom will would said says also into about after
before over under than between other such not no more most very all any each both india indian central asia asian
states state countries country held hold holds meeting meetings met meet said says told added officials official
ministry minister ministers year years month next last first second new during also two sides both one""".split())


def fold(text: str) -> str:
    return text.translate(FOLD)


def series_short_names(name: str) -> list[str]:
    """The shorter names reporting gives a series: without its bracketed
    parties and without a qualifying tail ("India-Central Asia Dialogue" for
    "India-Central Asia Dialogue of foreign ministers", "KazInd" for "KazInd
    exercise (India-Kazakhstan)"), and in capitals for a one-word name
    ("KAZIND"). Only names of two words or more, or a one-word name's capitals."""
    out = []
    bare = re.sub(r"\s*\([^)]*\)$", "", name)
    for short in (bare, re.sub(r"\s+(?:of|exercise)\b.*$", "", bare)):
        if short != name and len(short.split()) >= 2 and \
                re.search(r"\b(?:Dialogue|Summit|Forum|Roundtable|Conference|Consultations|exercise|dialogue|2\+2)$",
                          short):
            out.append(short)
    for short in list(out) + ([bare] if re.search(r"\s(?:Dialogue|Summit|Forum|Roundtable|Conference)$", bare) else []):
        # "the India-Central Asia summit": reporting writes the generic noun of a name in lower case
        tail = re.search(r"\s(Dialogue|Summit|Forum|Roundtable|Conference|Consultations)$", short)
        if tail and len(short.split()) >= 3:
            out.append(short[:tail.start(1)] + tail.group(1).lower())
    single = re.sub(r"\s+exercise$", "", bare)
    if len(single.split()) == 1:
        out += [single, single.upper()]
    return [s for s in dict.fromkeys(out) if s]


# Short forms written out, so that "NSA-level meeting" and "national security advisers" share their words.
SHORT_FORMS = {"nsa": "national security adviser", "nsas": "national security adviser", "mou": "memorandum understanding",
               "mous": "memorandum understanding", "jwg": "joint working group", "fm": "foreign minister",
               "fms": "foreign minister", "pm": "prime minister", "instc": "north south transport corridor",
               "sco": "shanghai cooperation organisation", "advisor": "adviser", "advisors": "adviser",
               "defense": "defence", "organization": "organisation", "programs": "programme",
               "program": "programme"}


_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1")


@lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    """A word without its plural or tense ending, as far as comparing needs ("advisers", "adviser"), and with
    the long vowels and doubled consonants of transliterations folded ("Shaheed" and "Shahid" are one name)."""
    for ending, keep in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if word.endswith(ending) and len(word) > 4 and not word.endswith("ss"):
            word = word[: -len(ending)] + keep
            break
    return _DOUBLED.sub(r"\1", word.replace("ee", "i").replace("oo", "u").replace("aa", "a"))


def content_words(text: str) -> set[str]:
    """The words of *text* that carry content (for comparing an event with a record), stemmed, with short
    forms written out."""
    out = set()
    for word in _WORD.findall(fold(text).lower()):
        for part in SHORT_FORMS.get(word, word).replace("-", " ").split():
            if part not in STOP and len(part) > 2:
                out.add(_stem(part))
    return out


@dataclass
class Place:
    place_id: str
    name: str
    place_type: str
    country: str


@dataclass
class Series:
    series_id: str
    name: str
    kind: str
    frequency: str
    countries: tuple[str, ...]


@dataclass
class KnownRecord:
    record_id: str
    kind: str
    status: str
    review_status: str
    series_id: str | None
    edition: int | None
    precision: str
    earliest: str | None
    latest: str | None
    countries: dict[str, set[str]]  # iso3 -> roles
    words: set[str]
    type: str | None = None  # agreement_type, proposal_type, facility_type or activity_type
    orgs: dict[str, set[str]] = field(default_factory=dict)  # org_id -> roles
    level: str | None = None  # a meeting's meeting_level


@dataclass
class Knowledge:
    gazetteer: Gazetteer
    country_names: dict[str, str]  # iso3 -> name
    capitals: dict[str, str]  # capital name (and other city aliases of a country) -> iso3
    country_words: dict[str, str]  # every alias of a country -> iso3
    proper_names: frozenset[str]  # the countries' own names (not demonyms): "in Kazakhstan" is a place
    places: dict[str, Place]  # folded name -> place
    series: dict[str, Series]
    people: dict[str, tuple[str, str | None]]  # person_id -> (name, iso3)
    organizations: dict[str, str]  # org_id -> name
    records: list[KnownRecord] = field(default_factory=list)
    holders: OfficeHolders = field(default_factory=lambda: OfficeHolders([]))
    series_names: dict[str, str] = field(default_factory=dict)  # a series' names (and short names) -> series_id
    documents: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)  # id -> (earliest, latest, title)
    country_vocabulary: frozenset[str] = frozenset()  # the words of country names, left out of word comparisons

    def published(self, document_id: str) -> dt.date:
        return dt.date.fromisoformat(self.documents[document_id][1])

    def add_drafts(self, drafts: list[dict]) -> None:
        """Know the drafts of a document drafted in this run, so that the next
        document's retelling of their events adds evidence to them instead of
        drafting them again."""
        for record in drafts:
            countries: dict[str, set[str]] = {}
            for link in record.get("countries") or ():
                countries.setdefault(link["iso3"], set()).add(link["role"])
            kind_type = next((record.get(k) for k in ("agreement_type", "proposal_type", "facility_type",
                                                      "activity_type") if record.get(k)), None)
            words = content_words(" ".join([record["title"], record["summary"],
                                            *(e["quote"] for e in record["evidence"])])) - self.country_vocabulary
            orgs: dict[str, set[str]] = {}
            for link in record.get("organizations") or ():
                orgs.setdefault(link["org"], set()).add(link["role"])
            self.records.append(KnownRecord(record["id"], record["kind"], record["status"], "machine_suggested",
                                            record.get("series"), record.get("edition"), record["date_precision"],
                                            record.get("date_earliest"), record.get("date_latest"), countries, words,
                                            kind_type, orgs, record.get("meeting_level")))

    @cached_property
    def place_pattern(self) -> re.Pattern:
        """Every place name of the gazetteer, in one pattern (whole words, the longest first)."""
        names = sorted(self.places, key=len, reverse=True)
        body = trie_pattern(names) if names else "(?!)"
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def from_database(conn: sqlite3.Connection, *, leave_out_document: str | None = None,
                  seeds: Path | None = None) -> Knowledge:
    """Read what the drafter needs from a built database (and the office
    holders from *seeds*, the project's by default); *leave_out_document*'s
    own drafts are not records it knows (they are about to be drafted again)."""
    rows = conn.execute("SELECT alias, entity_type, coalesce(iso3, org_id, person_id, series_id), origin FROM aliases"
                        ).fetchall()
    names = {fold(alias): (entity_type, entity_id) for alias, entity_type, entity_id, _origin in rows}
    proper = {fold(alias) for alias, entity_type, _id, origin in rows if entity_type == "country" and origin != "curated"}
    capital_rows = conn.execute("SELECT capital, iso3 FROM countries WHERE capital IS NOT NULL").fetchall()
    capitals = {fold(name): iso3 for name, iso3 in capital_rows}
    country_words = {alias: ref[1] for alias, ref in names.items() if ref[0] == "country"}
    series_names: dict[str, str] = {}  # every name of a series, the organisation's it shares too
    for series_id, name in conn.execute("SELECT series_id, name FROM series"):
        for short in [fold(name), *series_short_names(fold(name))]:
            names.setdefault(short, ("series", series_id))
            series_names.setdefault(short, series_id)
    gazetteer = Gazetteer(names, sorted(a for a in country_words if a in capitals))
    country_names = dict(conn.execute("SELECT iso3, name FROM countries"))
    places = {}
    for place_id, name, place_type, iso3 in conn.execute(
            "SELECT place_id, name, place_type, country_iso3 FROM places ORDER BY place_id"):
        plain = re.sub(r"\s*\(.*\)$", "", name)
        places[fold(plain)] = Place(place_id, plain, place_type, iso3)
    series = {}
    for series_id, name, kind, frequency in conn.execute("SELECT series_id, name, kind, frequency FROM series"):
        named = tuple(sorted({m.entity_id for m in gazetteer.mentions(fold(name)) if m.entity_type == "country"}))
        series[series_id] = Series(series_id, name, kind, frequency, named)
    people = {pid: (name, iso3) for pid, name, iso3 in conn.execute("SELECT person_id, name, country_iso3 FROM people")}
    organizations = dict(conn.execute("SELECT org_id, name FROM organizations"))
    documents = {doc_id: (earliest, latest, title) for doc_id, earliest, latest, title in conn.execute(
        "SELECT document_id, published_earliest, published_latest, title FROM documents")}
    kb = Knowledge(gazetteer, country_names, capitals, country_words, frozenset(proper), places, series, people,
                   organizations, documents=documents, holders=load_holders(seeds) if seeds else load_holders(),
                   series_names=series_names)
    links: dict[str, dict[str, set[str]]] = {}
    for record_id, iso3, role in conn.execute("SELECT record_id, iso3, role FROM record_countries"):
        links.setdefault(record_id, {}).setdefault(iso3, set()).add(role)
    texts: dict[str, list[str]] = {}
    for record_id, quote in conn.execute("SELECT record_id, quote FROM evidence"):
        texts.setdefault(record_id, []).append(quote)
    drafted_here = set()
    if leave_out_document:
        drafted_here = {r for (r,) in conn.execute("SELECT record_id FROM drafts WHERE document_id = ?",
                                                   (leave_out_document,))}
    types = {}
    for table, column in (("agreements", "agreement_type"), ("proposals", "proposal_type"),
                          ("facilities", "facility_type"), ("activities", "activity_type")):
        types.update(conn.execute(f"SELECT record_id, {column} FROM {table}"))
    orgs: dict[str, dict[str, set[str]]] = {}
    for record_id, org_id, role in conn.execute("SELECT record_id, org_id, role FROM record_organizations"):
        orgs.setdefault(record_id, {}).setdefault(org_id, set()).add(role)
    levels = dict(conn.execute("SELECT record_id, meeting_level FROM meetings"))
    country_vocabulary = {w for alias in country_words for w in content_words(alias)}
    for (record_id, kind, status, review_status, series_id, edition, precision, earliest, latest, title,
         summary) in conn.execute(
            "SELECT record_id, kind, status, review_status, series_id, edition, date_precision, date_earliest, "
            "date_latest, title, summary FROM records ORDER BY record_id"):
        if record_id in drafted_here:
            continue
        words = content_words(" ".join([title, summary, *texts.get(record_id, [])])) - country_vocabulary
        kb.records.append(KnownRecord(record_id, kind, status, review_status, series_id, edition, precision, earliest,
                                      latest, links.get(record_id, {}), words, types.get(record_id),
                                      orgs.get(record_id, {}), levels.get(record_id)))
    kb.country_vocabulary = frozenset(country_vocabulary)
    return kb

