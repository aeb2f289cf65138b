"""Every class of seed defect, the exact message a curator sees, and the test that proves it.

The cases run on a small, valid seed tree made here (one real document, the
reference data, one meeting and one agreement), so the line numbers in the
messages stay put when the project's own seeds change. tests/test_check.py
runs each case; docs/defects.md is generated from this list:

    python -m tests.defects --write
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from icadb.schema.models import kinds

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DOC = "2021-09-09-india-russia-afghan-militant-threat"
DATED = "  date: 2021-09-08\n  date_precision: day\n"  # the fixture meeting's date lines
MEETING_NOTE = ("  date_note: '\"on Wednesday\", in an article of Thursday 9 September 2021: this assumes the Wednesday "
                "before it.'\n")  # the fixture meeting's date note
DOCS_PATH = ROOT / "docs" / "defects.md"

MEETINGS = f"""\
- id: india-russia-nsa-2021-09-08
  title: India–Russia meeting of security chiefs, New Delhi
  summary: India's NSA and Russia's Security Council Secretary met in New Delhi on Afghanistan.
  status: held
  category: counter_terrorism
  date: 2021-09-08
  date_precision: day
  date_basis: inferred
  date_note: '"on Wednesday", in an article of Thursday 9 September 2021: this assumes the Wednesday before it.'
  place: new-delhi
  review_status: reviewed
  meeting_level: security_advisers
  format: bilateral
  mode: in_person
  countries:
    - {{iso3: IND, role: host}}
    - {{iso3: RUS, role: participant}}
  organizations:
    - {{org: russian-security-council, role: participant}}
  people:
    - {{person: ajit-doval, role: host}}
  evidence:
    - document: {DOC}
      quote: following a meeting between Russian Security Council Secretary Nikolay Patrushev and Indian National Security Adviser Ajit Doval in New Delhi.
"""

AGREEMENTS = f"""\
- id: india-russia-deepen-counter-terrorism-2021
  title: India and Russia agree to deepen anti-terrorism cooperation
  summary: India and Russia agreed to deepen anti-terrorism cooperation.
  status: agreed
  category: counter_terrorism
  date: 2021-09-08
  date_precision: day
  date_basis: inferred
  date_note: 'Agreed at the meeting "on Wednesday"; this assumes the Wednesday before the article of 9 September 2021.'
  review_status: reviewed
  agreement_type: understanding
  made_at: india-russia-nsa-2021-09-08
  countries:
    - {{iso3: IND, role: party}}
    - {{iso3: RUS, role: party}}
  evidence:
    - document: {DOC}
      quote: agreed to deepen anti-terrorism cooperation at a meeting of their national security chiefs on Wednesday
"""

ORGANIZATIONS = f"""\
- id: russian-security-council
  name: Security Council of Russia
  org_type: government_body
  country: RUS
  description: Russia's Security Council.
  source:
    - document: {DOC}
      quote: Russia's Security Council said in a statement
"""

PEOPLE = f"""\
- id: ajit-doval
  name: Ajit Doval
  position: National Security Adviser of India
  country: IND
  source:
    - document: {DOC}
      quote: Indian National Security Adviser Ajit Doval
"""

PLACES = """\
- id: new-delhi
  name: New Delhi
  place_type: city
  country: IND
  latitude: 28.6214
  longitude: 77.2148
  coordinate_precision: city
  coordinate_source: GeoNames
"""


def make_seeds(target: Path) -> Path:
    """A small, valid seed tree at *target*."""
    (target / "documents").mkdir(parents=True)
    (target / "reference").mkdir()
    (target / "records").mkdir()
    for suffix in (".txt", ".yaml"):
        shutil.copy(SEEDS / "documents" / f"{DOC}{suffix}", target / "documents" / f"{DOC}{suffix}")
    shutil.copy(SEEDS / "reference" / "countries.csv", target / "reference" / "countries.csv")
    files = {
        "reference/organizations.yaml": ORGANIZATIONS,
        "reference/people.yaml": PEOPLE,
        "reference/places.yaml": PLACES,
        "reference/aliases.yaml": "[]\n",
        "records/meetings.yaml": MEETINGS,
        "records/agreements.yaml": AGREEMENTS,
        "series.yaml": "[]\n",
        "conflicts.yaml": "[]\n",
        "coverage.yaml": "[]\n",
    }
    for model in kinds().values():
        files.setdefault(f"records/{model.__tablename__}.yaml", "[]\n")
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8")
    return target


def replace(path: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def mutate(seeds: Path) -> None:
        file = seeds / path
        text = file.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        file.write_text(text.replace(old, new, count), encoding="utf-8")
    return mutate


def write_bytes(path: str, data: bytes | Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def mutate(seeds: Path) -> None:
        file = seeds / path
        file.write_bytes(data(file.read_bytes()) if callable(data) else data)
    return mutate


def remove(path: str) -> Callable[[Path], None]:
    return lambda seeds: (seeds / path).unlink()


EVIDENCE = "      quote: following a meeting between Russian Security Council Secretary"

SERIES = """\
- id: india-russia-nsa-meetings
  name: India–Russia meetings of security chiefs
  kind: meeting
  frequency: unknown
  description: Meetings of India's national security adviser and Russia's Security Council Secretary.
"""


def series_of_two(first_edition: int, second_edition: int, second_date: str) -> Callable[[Path], None]:
    """The fixture's meeting and a second one (after it in the file), both in one series."""
    def mutate(seeds: Path) -> None:
        (seeds / "series.yaml").write_text(SERIES, encoding="utf-8")
        first = MEETINGS.replace("  review_status: reviewed\n",
                                 f"  review_status: reviewed\n  series: india-russia-nsa-meetings\n  edition: {first_edition}\n")
        second = (first.replace("- id: india-russia-nsa-2021-09-08", f"- id: india-russia-nsa-{second_date}")
                  .replace("  date: 2021-09-08", f"  date: {second_date}")
                  .replace(f"  edition: {first_edition}", f"  edition: {second_edition}"))
        (seeds / "records" / "meetings.yaml").write_text(first + "\n" + second, encoding="utf-8")
    return mutate


PROPOSAL = (MEETINGS.replace("- id: india-russia-nsa-2021-09-08", "- id: india-russia-nsa-proposal-2021")
            .replace("  status: held\n", "  status: proposed\n")
            .replace("  meeting_level: security_advisers\n  format: bilateral\n  mode: in_person\n",
                     "  proposal_type: proposal\n")
            .replace("  people:\n    - {person: ajit-doval, role: host}\n", ""))


def a_proposal_to(target: str) -> Callable[[Path], None]:
    """The fixture's proposal beside its records, India proposing to *target*, on a quote that names
    both but makes no offer ("following a meeting between ... Patrushev and ... Doval")."""
    def mutate(seeds: Path) -> None:
        text = (PROPOSAL.replace("    - {iso3: IND, role: host}\n", "    - {iso3: IND, role: proposer}\n")
                .replace("    - {iso3: RUS, role: participant}\n", f"    - {{iso3: {target}, role: target}}\n"))
        (seeds / "records" / "proposals.yaml").write_text(text, encoding="utf-8")
    return mutate


def with_date_note(note: str) -> Callable[[Path], None]:
    """The fixture meeting with *note* for its inferred date (on one line, so lines stay put)."""
    return replace("records/meetings.yaml", MEETING_NOTE, f"  date_note: '{note}'\n")


FIVE_PARTIES = "".join(f"    - {{iso3: {iso3}, role: party}}\n" for iso3 in ("KAZ", "KGZ", "TJK", "TKM", "UZB"))


def made_at_a_proposal(seeds: Path) -> None:
    """A proposal beside the fixture's records, and the agreement's made_at pointing at it."""
    (seeds / "records" / "proposals.yaml").write_text(PROPOSAL, encoding="utf-8")
    replace("records/agreements.yaml", "  made_at: india-russia-nsa-2021-09-08", "  made_at: india-russia-nsa-proposal-2021")(seeds)


def missing_then_malformed(seeds: Path) -> None:
    remove("records/exercises.yaml")(seeds)
    write_bytes("records/facilities.yaml", b"id: x\n")(seeds)


def with_series(meeting: str = "", agreement: str = "") -> Callable[[Path], None]:
    """The fixture's series file, and *meeting* and *agreement* lines added after each record's review_status."""
    def mutate(seeds: Path) -> None:
        (seeds / "series.yaml").write_text(SERIES, encoding="utf-8")
        for name, lines in (("meetings", meeting), ("agreements", agreement)):
            if lines:
                replace(f"records/{name}.yaml", "  review_status: reviewed\n", "  review_status: reviewed\n" + lines)(seeds)
    return mutate


@dataclass(frozen=True)
class Case:
    id: str
    defect: str
    mutate: Callable[[Path], None]
    message: str  # the exact line a curator sees (paths relative to the seeds folder)
    accepted: bool = False  # a note, and the build goes on
    # Every other line the check must print for this defect (true consequences of it,
    # in the order printed); test_defect fails on any line not listed here.
    also: tuple[str, ...] = ()


DRAFT = f"""\
# Drafts of {DOC} (a fixture for the defect cases).

- id: ind-rus-meeting-2021-09-08
  kind: meeting
  title: 'Draft: meeting, India, Russia, New Delhi, 2021-09-08'
  summary: 'Machine-drafted, not reviewed: a meeting.'
  status: held
  category: counter_terrorism
  date: '2021-09-08'
  date_precision: day
  date_basis: inferred
  date_note: '"on Wednesday" in an article of Thursday 2021-09-09.'
  date_earliest: '2021-09-08'
  date_latest: '2021-09-08'
  review_status: machine_suggested
  meeting_level: security_advisers
  format: bilateral
  mode: in_person
  countries:
    - iso3: IND
      role: host
    - iso3: RUS
      role: participant
  evidence:
    - document: {DOC}
      quote: following a meeting between Russian Security Council Secretary Nikolay Patrushev and Indian National Security Adviser Ajit Doval in New Delhi.
  draft_notes:
    confidence: 0.6
    drafter: icadb draft 1
    kind: trigger "meeting"

- id: evidence-for-the-meeting
  add_evidence_to: india-russia-nsa-2021-09-08
  evidence:
    - document: {DOC}
      quote: India and Russia were both deeply concerned at the developments in Afghanistan, an Indian government official said
  note: The same meeting.
"""


def with_draft(old: str = "", new: str = "", name: str = DOC) -> Callable[[Path], None]:
    """The fixture with a drafts file (the draft of one meeting and a suggested quote), changed."""
    def mutate(seeds: Path) -> None:
        assert old in DRAFT
        (seeds / "drafts").mkdir(exist_ok=True)
        (seeds / "drafts" / f"{name}.yaml").write_text(DRAFT.replace(old, new, 1), encoding="utf-8")
    return mutate


CASES = [
    Case("malformed-yaml", "Malformed YAML", replace("records/meetings.yaml", "    - {iso3: RUS, role: participant}",
                                                      "    - {iso3: RUS, role: [participant}"),
         "records/meetings.yaml:17: (yaml): malformed YAML at column 37: did not find expected ',' or ']' while "
         "parsing a flow sequence; expected valid YAML"),
    Case("malformed-yaml-cut-record", "Malformed YAML that cuts a record short (reported first and alone, not as missing fields)",
         replace("records/meetings.yaml", "  evidence:\n", " evidence:\n"),
         "records/meetings.yaml:22: (yaml): malformed YAML at column 2: did not find expected '-' indicator while "
         "parsing a block collection; expected valid YAML (every record must start with '- ' in the same column)"),
    Case("yaml-colon-in-value", "A value holding ': ' without quotes (the parser's 'mapping values are not allowed')",
         replace("records/meetings.yaml", "  title: India–Russia meeting of security chiefs, New Delhi",
                 "  title: India–Russia meeting: security chiefs, New Delhi"),
         "records/meetings.yaml:2: (yaml): malformed YAML at column 30: mapping values are not allowed in this "
         "context; expected valid YAML (a value holding ': ' must be in quotes, and a field must start where the "
         "fields above it start)"),
    Case("malformed-csv", "Malformed CSV (a row with a field too many)",
         replace("reference/countries.csv", "KAZ,Asia,Central Asia,Astana,", "KAZ,Asia,Central,Asia,Astana,"),
         "reference/countries.csv:118: (row): has 7 fields; expected 6 "
         "(iso3,region,subregion,capital,capital_latitude,capital_longitude)"),
    Case("csv-header", "CSV with a wrong header", replace("reference/countries.csv", "capital_latitude", "latitude"),
         "reference/countries.csv:1: (header): missing column(s) capital_latitude; unknown column(s) latitude; "
         "expected the header: iso3,region,subregion,capital,capital_latitude,capital_longitude"),
    Case("unknown-field", "Unknown field (a typo in a field name)", replace("records/meetings.yaml", "  title:", "  titel:"),
         "records/meetings.yaml:2: titel: unknown field; expected one of: id, title, summary, status, category, date, "
         "date_precision, date_basis, date_note, end_date, end_date_precision, date_earliest, date_latest, place, "
         "place_note, review_status, note, series, edition, countries, organizations, people, evidence, figures, "
         "meeting_level, format, mode, sidelines_of; did you mean 'title'?",
         also=("records/meetings.yaml:1: title: missing; expected text",)),
    Case("missing-field", "Missing required field",
         replace("records/meetings.yaml", "  summary: India's NSA and Russia's Security Council Secretary met in New Delhi on Afghanistan.\n", ""),
         "records/meetings.yaml:1: summary: missing; expected one line in the curators' own words"),
    Case("empty-field", "Required field left empty", replace("records/meetings.yaml", "  status: held", "  status:"),
         "records/meetings.yaml:4: status: empty; expected one of held, planned, proposed, offered, agreed, signed, "
         "in_force, ongoing, completed, operational, unused, closed, rumoured"),
    Case("wrong-type", "Wrong type (a number where text is expected)",
         replace("records/meetings.yaml", "  title: India–Russia meeting of security chiefs, New Delhi", "  title: 2021"),
         "records/meetings.yaml:2: title: wrong type: a number (2021); expected text (put it in quotes)"),
    Case("wrong-type-list", "Wrong type (a single value where a list is expected)",
         replace("records/meetings.yaml", "  people:\n    - {person: ajit-doval, role: host}\n", "  people: ajit-doval\n"),
         "records/meetings.yaml:20: people: wrong type: 'ajit-doval'; expected a list ('- ' items)"),
    Case("impossible-date", "Impossible date", replace("records/meetings.yaml", "  date: 2021-09-08", "  date: 2021-02-30"),
         "records/meetings.yaml:6: date: '2021-02-30' is not a real day; expected a day of February 2021, which has 28 days"),
    Case("finer-date", "Date finer than its stated precision",
         replace("records/meetings.yaml", "  date_precision: day", "  date_precision: month"),
         "records/meetings.yaml:6: date: '2021-09-08' is finer than its date_precision 'month'; expected YYYY-MM, "
         "e.g. 2022-01 (or set date_precision: day)"),
    Case("inferred-date-note", "Inferred date without its reasoning",
         replace("records/meetings.yaml", MEETING_NOTE, ""),
         "records/meetings.yaml:8: date_note: missing; expected the reasoning behind an inferred date"),
    Case("unknown-country", "Unknown country code",
         replace("records/meetings.yaml", "{iso3: RUS, role: participant}", "{iso3: RSU, role: participant}"),
         "records/meetings.yaml:17: countries[2].iso3: unknown country code 'RSU'; expected an id from the ISO 3166-1 "
         "alpha-3 codes (e.g. IND, KAZ); did you mean 'RUS'?"),
    Case("unknown-organisation", "Unknown organisation",
         replace("records/meetings.yaml", "{org: russian-security-council,", "{org: russian-security-counsil,"),
         "records/meetings.yaml:19: organizations[1].org: unknown organisation id 'russian-security-counsil'; "
         "expected an id from seeds/reference/organizations.yaml; did you mean 'russian-security-council'?"),
    Case("unknown-person", "Unknown person", replace("records/meetings.yaml", "{person: ajit-doval,", "{person: ajit-dovall,"),
         "records/meetings.yaml:21: people[1].person: unknown person id 'ajit-dovall'; expected an id from "
         "seeds/reference/people.yaml; did you mean 'ajit-doval'?"),
    Case("unknown-document", "Unknown document id",
         replace("records/meetings.yaml", f"    - document: {DOC}", "    - document: 2021-09-09-india-russia-afghan-threat"),
         "records/meetings.yaml:23: evidence[1].document: unknown document id '2021-09-09-india-russia-afghan-threat'; "
         f"expected an id from seeds/documents/*.yaml; did you mean '{DOC}'?"),
    Case("unknown-place", "Unknown place", replace("records/meetings.yaml", "  place: new-delhi", "  place: delhi"),
         "records/meetings.yaml:10: place: unknown place id 'delhi'; expected an id from seeds/reference/places.yaml; "
         "did you mean 'new-delhi'?"),
    Case("draft-reviewed", "A draft in seeds/drafts/ that says it is reviewed",
         with_draft("  review_status: machine_suggested", "  review_status: reviewed"), f"drafts/{DOC}.yaml:15: review_status: 'reviewed' in a drafts file; expected machine_suggested (accept a draft "
         "with icadb accept, which moves it into seeds/records/ as reviewed)"),
    Case("draft-id-taken", "A draft with the id of a reviewed record",
         with_draft("- id: ind-rus-meeting-2021-09-08", "- id: india-russia-nsa-2021-09-08"),
         f"drafts/{DOC}.yaml:3: id: duplicate record id 'india-russia-nsa-2021-09-08' (first at records/meetings.yaml:1); "
         "expected each record id once"),
    Case("draft-confidence", "A draft's confidence outside 0 to 1",
         with_draft("    confidence: 0.6", "    confidence: 6"), f"drafts/{DOC}.yaml:28: draft_notes.confidence: 6 is not a number from 0 to 1; expected the drafter's confidence, "
         "e.g. 0.6"),
    Case("draft-notes-missing", "A draft without draft_notes",
         with_draft("  draft_notes:\n    confidence: 0.6\n    drafter: icadb draft 1\n    kind: trigger \"meeting\"\n", ""),
         f"drafts/{DOC}.yaml:3: draft_notes: missing; expected a mapping with confidence (0-1), drafter and a note for each "
         "inferred field"),
    Case("suggestion-unknown-record", "A suggested quote for a record that does not exist",
         with_draft("add_evidence_to: india-russia-nsa-2021-09-08", "add_evidence_to: india-russia-nsa-2021-09-09"),
         f"drafts/{DOC}.yaml:33: add_evidence_to: 'india-russia-nsa-2021-09-09' is not a record id; expected the id of the "
         "record the quotes back; did you mean 'india-russia-nsa-2021-09-08'?"),
    Case("suggestion-already-cited", "A suggested quote the record already cites",
         with_draft("      quote: India and Russia were both deeply concerned at the developments in Afghanistan, an "
                    "Indian government official said",
                    "      quote: following a meeting between Russian Security Council Secretary Nikolay Patrushev and "
                    "Indian National Security Adviser Ajit Doval in New Delhi."), f"drafts/{DOC}.yaml:35: evidence[1]: india-russia-nsa-2021-09-08 already cites this quote; expected a quote the record "
         "does not have yet (take the suggestion out)"),
    Case("drafts-file-no-document", "A drafts file named after no document",
         with_draft(name="2021-09-09-no-such-document"), "drafts/2021-09-09-no-such-document.yaml: (file): no document '2021-09-09-no-such-document'; expected a "
         "drafts file named after a document in seeds/documents/ (<document_id>.yaml)"),
    Case("quote-not-found", "Evidence quote not in its document (the closest passage is shown, and the word that differs)",
         replace("records/meetings.yaml", "Nikolay Patrushev and Indian", "Nikolai Patrushev and Indian"),
         "records/meetings.yaml:24: evidence[1].quote: not found in document "
         f"'{DOC}'; expected a verbatim quote (closest passage: 'following a meeting between Russian Security Council "
         "Secretary Nikolay Patrushev and Indian National Security Adviser Ajit Doval in New Delhi.'; 'Nikolay' in the "
         "document where the quote has 'Nikolai')"),
    Case("quote-punctuation", "Evidence quote that differs from its document only in punctuation (both characters are shown)",
         replace("records/agreements.yaml",
                 "      quote: agreed to deepen anti-terrorism cooperation at a meeting of their national security chiefs on Wednesday",
                 "      quote: not to allow their territory to be used by militants' groups."),
         "records/agreements.yaml:18: evidence[1].quote: not found in document "
         f"'{DOC}': it differs from the document only in punctuation, '’' (U+2019) in the document where the quote "
         "has \"'\" (U+0027) (in 'by militants’ groups.'); expected a verbatim quote, with the document's own characters"),
    Case("duplicate-id", "Duplicate record id",
         replace("records/agreements.yaml", "- id: india-russia-deepen-counter-terrorism-2021", "- id: india-russia-nsa-2021-09-08"),
         "records/agreements.yaml:1: id: duplicate record id 'india-russia-nsa-2021-09-08' (first at "
         "records/meetings.yaml:1); expected each record id once"),
    Case("duplicate-evidence", "Duplicate evidence (the same quote twice in one record)",
         replace("records/meetings.yaml", f"    - document: {DOC}\n{EVIDENCE}",
                 f"    - document: {DOC}\n{EVIDENCE} Nikolay Patrushev and Indian National Security Adviser Ajit Doval in New Delhi.\n"
                 f"    - document: {DOC}\n{EVIDENCE}"),
         "records/meetings.yaml:25: evidence[2]: duplicate evidence: the same quote from "
         f"'{DOC}' is already cited by this record; expected each quote once"),
    Case("evidence-problems-in-turn", "Several bad quotes in one record: each is reported, in order",
         replace("records/meetings.yaml", f"  evidence:\n    - document: {DOC}\n{EVIDENCE} Nikolay Patrushev and Indian "
                 "National Security Adviser Ajit Doval in New Delhi.\n",
                 f"  evidence:\n    - document: {DOC}\n      quote: a meeting of the heads of the security councils of "
                 f"all five states\n" + 2 * (f"    - document: {DOC}\n{EVIDENCE} Nikolay Patrushev and Indian National "
                                            "Security Adviser Ajit Doval in New Delhi.\n")
                 + f"    - document: {DOC}\n      quote: the two ministers signed a treaty\n"),
         "records/meetings.yaml:24: evidence[1].quote: not found in document "
         f"'{DOC}'; expected a verbatim quote (closest passage: 'a meeting of their national security chiefs on "
         "Wednesday, officials said. The Islamist')",
         also=("records/meetings.yaml:27: evidence[3]: duplicate evidence: the same quote from "
               f"'{DOC}' is already cited by this record; expected each quote once",
               "records/meetings.yaml:30: evidence[4].quote: not found in document "
               f"'{DOC}'; expected a verbatim quote (closest passage: 'The two sides agreed the Taliban')")),
    Case("figure-in-a-bad-quote", "A figure quoted only by a quote that is itself refused: the quote is reported, "
         "not the figure as well",
         replace("records/meetings.yaml", "  evidence:\n",
                 "  figures:\n    - {label: states, value: 5, unit: countries, approximate: false, text: all five}\n"
                 "  evidence:\n    - document: {DOC}\n      quote: a meeting of the heads of the security councils of "
                 "all five states\n".replace("{DOC}", DOC)),
         "records/meetings.yaml:26: evidence[1].quote: not found in document "
         f"'{DOC}'; expected a verbatim quote (closest passage: 'a meeting of their national security chiefs on "
         "Wednesday, officials said. The Islamist')"),
    Case("dangling-reference", "Dangling reference between records",
         replace("records/agreements.yaml", "  made_at: india-russia-nsa-2021-09-08", "  made_at: india-russia-nsa-2021-09-09"),
         "records/agreements.yaml:12: made_at: 'india-russia-nsa-2021-09-09' is not a record id; expected the id of a "
         "meeting; did you mean 'india-russia-nsa-2021-09-08'?"),
    Case("reference-to-a-proposal", "Reference to a record of the wrong kind (its article follows the kind)",
         made_at_a_proposal,
         "records/agreements.yaml:12: made_at: 'india-russia-nsa-proposal-2021' is a proposal, not a meeting; expected "
         "the id of a meeting; did you mean 'india-russia-nsa-2021-09-08'?"),
    Case("reference-wrong-kind", "Reference to a record of the wrong kind",
         replace("records/agreements.yaml", "  made_at: india-russia-nsa-2021-09-08",
                 "  made_at: india-russia-deepen-counter-terrorism-2021"),
         "records/agreements.yaml:12: made_at: 'india-russia-deepen-counter-terrorism-2021' is an agreement, not a "
         "meeting; expected the id of a meeting"),
    Case("outside-vocabulary", "Value outside its vocabulary", replace("records/meetings.yaml", "  status: held", "  status: hled"),
         "records/meetings.yaml:4: status: 'hled' is not an allowed value; expected one of held, planned, proposed, "
         "offered, agreed, signed, in_force, ongoing, completed, operational, unused, closed, rumoured; "
         "did you mean 'held'?"),
    Case("status-for-kind", "Status that does not fit the kind of record",
         replace("records/meetings.yaml", "  status: held", "  status: signed"),
         "records/meetings.yaml:4: status: 'signed' does not fit a meeting; expected one of held, planned, proposed, "
         "rumoured"),
    Case("duplicate-field", "The same field twice in one record",
         replace("records/meetings.yaml", "  status: held\n", "  status: held\n  status: planned\n"),
         "records/meetings.yaml:5: status: duplicate field 'status' in one record; expected each field once"),
    Case("unknown-bounds-one-day", "A date of unknown precision whose bounds are one day",
         replace("records/meetings.yaml", DATED,
                 "  date_precision: unknown\n  date_earliest: 2021-09-08\n  date_latest: 2021-09-08\n"),
         "records/meetings.yaml:6: date_precision: 'unknown' is coarser than its bounds, 2021-09-08 to 2021-09-08, "
         "which lie within the day 2021-09-08; expected date_precision: day and date: 2021-09-08 (the bounds may "
         "stay, to narrow it)"),
    Case("link-twice", "The same country, organisation or person twice in one role",
         replace("records/meetings.yaml", "    - {iso3: RUS, role: participant}\n",
                 "    - {iso3: RUS, role: participant}\n    - {iso3: IND, role: host}\n"
                 "    - {iso3: RUS, role: participant}\n"),
         "records/meetings.yaml:18: countries[3]: IND is listed twice as host; expected each entity once per role",
         also=("records/meetings.yaml:19: countries[4]: RUS is listed twice as participant; expected each entity "
               "once per role",)),
    Case("figure-label-twice", "Two figures of one record with the same label",
         replace("records/meetings.yaml", "  evidence:\n",
                 "  figures:\n    - {label: advisers, value: 1, unit: people, approximate: false, text: Ajit Doval}\n"
                 "    - {label: advisers, value: 2, unit: people, approximate: false, text: Nikolay Patrushev}\n"
                 "    - {label: states, value: 5, unit: countries, approximate: false, text: all five}\n"
                 "  evidence:\n"),
         "records/meetings.yaml:24: figures[2].label: 'advisers' is given twice; expected each label once",
         also=("records/meetings.yaml:25: figures[3].text: 'all five' is in none of this record's evidence quotes; "
               "expected the number as a quote writes it",)),
    Case("figure-not-quoted", "A figure whose text is not in the record's quotes",
         replace("records/meetings.yaml", "  evidence:\n",
                 "  figures:\n    - {label: participants, value: 2, unit: countries, approximate: false, text: two sides}\n"
                 "    - {label: states, value: 5, unit: countries, approximate: false, text: all five}\n"
                 "  evidence:\n"),
         "records/meetings.yaml:23: figures[1].text: 'two sides' is in none of this record's evidence quotes; "
         "expected the number as a quote writes it",
         also=("records/meetings.yaml:24: figures[2].text: 'all five' is in none of this record's evidence quotes; "
               "expected the number as a quote writes it",)),
    Case("happened-after-sources", "A record that says it happened (held, signed, in force ...) dated after its sources were published",
         replace("records/meetings.yaml", "  date: 2021-09-08", "  date: 2030-12-06"),
         "records/meetings.yaml:6: date: 2030-12-06 is after the latest publication date of its sources, 2021-09-09 "
         f"({DOC}), yet its status 'held' says it took place; expected a date on or before 2021-09-09, or a status "
         "that says it has not taken place (planned, proposed)"),
    Case("happened-after-sources-earliest", "The same, through date_earliest (a record with no date of its own)",
         replace("records/meetings.yaml", "  date: 2021-09-08\n  date_precision: day\n",
                 "  date_precision: unknown\n  date_earliest: 2021-10-01\n"),
         "records/meetings.yaml:7: date_earliest: 2021-10-01 is after the latest publication date of its sources, "
         f"2021-09-09 ({DOC}), yet its status 'held' says it took place; expected a date on or before 2021-09-09, or a "
         "status that says it has not taken place (planned, proposed)"),
    Case("bounds-reversed-dated", "Bounds in the wrong order around a date of known precision",
         replace("records/meetings.yaml", DATED,
                 "  date: 2021-09\n  date_precision: month\n  date_earliest: 2021-09-20\n  date_latest: 2021-09-10\n"),
         "records/meetings.yaml:9: date_latest: date_earliest 2021-09-20 is after date_latest 2021-09-10; "
         "expected earliest <= latest"),
    Case("bounds-apart-from-date", "Bounds that do not overlap the date they bound",
         replace("records/meetings.yaml", DATED,
                 "  date: 2021-09\n  date_precision: month\n  date_earliest: 2021-10-01\n  date_latest: 2021-10-05\n"),
         "records/meetings.yaml:8: date_earliest: 2021-10-01..2021-10-05 does not overlap the date itself "
         "(2021-09-01..2021-09-30); expected bounds around the date"),
    Case("bounds-outside-date", "Bounds outside the month (or day, or year) the date names",
         replace("records/meetings.yaml", "  date: 2021-09-08\n  date_precision: day\n",
                 "  date: 2021-09\n  date_precision: month\n  date_latest: 2021-10-05\n"),
         "records/meetings.yaml:8: date_latest: 2021-10-05 is outside the month 2021-09 that date gives; expected a "
         "day from 2021-09-01 to 2021-09-30, or, where the text bounds it more loosely than a month, a date_precision "
         "that says so (a coarser one, or unknown with these bounds)"),
    Case("bounds-outside-end-date", "A latest bound outside the end date's unit",
         replace("records/meetings.yaml", "  date: 2021-09-08\n  date_precision: day\n",
                 "  date: 2021-09-08\n  date_precision: day\n  end_date: 2021-10\n  end_date_precision: month\n"
                 "  date_latest: 2021-11-02\n"),
         "records/meetings.yaml:10: date_latest: 2021-11-02 is outside the month 2021-10 that end_date gives; expected "
         "a day from 2021-10-01 to 2021-10-31, or, where the text bounds it more loosely than a month, a "
         "date_precision that says so (a coarser one, or unknown with these bounds)"),
    Case("end-date-without-precision", "An end date without its precision",
         replace("records/meetings.yaml", DATED, DATED + "  end_date: 2021-09-10\n"),
         "records/meetings.yaml:8: end_date_precision: missing; expected end_date and end_date_precision together"),
    Case("end-precision-without-date", "An end date's precision without the end date",
         replace("records/meetings.yaml", DATED, DATED + "  end_date_precision: day\n"),
         "records/meetings.yaml:8: end_date: missing; expected end_date and end_date_precision together"),
    Case("end-date-of-an-undated-record", "An end date for a record with no date",
         replace("records/meetings.yaml", DATED,
                 "  date_precision: unknown\n  end_date: 2021-09-10\n  end_date_precision: day\n"),
         "records/meetings.yaml:7: end_date: given for a record without a date; expected a start date first"),
    Case("end-before-start", "An end date before the start",
         replace("records/meetings.yaml", DATED, DATED + "  end_date: 2021-09-01\n  end_date_precision: day\n"),
         "records/meetings.yaml:8: end_date: 2021-09-01 is before the date 2021-09-08; expected an end on or after the "
         "start"),
    Case("malformed-end-date", "A malformed end date",
         replace("records/meetings.yaml", DATED, DATED + "  end_date: 2021-9-10\n  end_date_precision: day\n"),
         "records/meetings.yaml:8: end_date: '2021-9-10' is not a date; expected YYYY-MM-DD, e.g. 2023-10-17"),
    Case("bounds-reversed", "Bounds the wrong way round (an undated record)",
         replace("records/meetings.yaml", DATED,
                 "  date_precision: unknown\n  date_earliest: 2021-09-05\n  date_latest: 2021-09-01\n"),
         "records/meetings.yaml:8: date_latest: 2021-09-01 is before date_earliest 2021-09-05; expected earliest <= "
         "latest"),
    Case("date-basis-missing", "A dated record without its date basis",
         replace("records/meetings.yaml", "  date_basis: inferred\n", ""),
         "records/meetings.yaml:7: date_basis: missing; expected stated or inferred for a dated record"),
    Case("precision-coarser-than-bounds", "A precision coarser than its bounds (a year whose bounds lie in one month)",
         replace("records/meetings.yaml", "  date: 2021-09-08\n  date_precision: day\n",
                 "  date: 2021\n  date_precision: year\n  date_earliest: 2021-09-01\n  date_latest: 2021-09-08\n"),
         "records/meetings.yaml:7: date_precision: 'year' is coarser than its bounds, 2021-09-01 to 2021-09-08, which "
         "lie within the month 2021-09; expected date_precision: month and date: 2021-09 (the bounds may stay, to "
         "narrow it)"),
    Case("unknown-precision-bounds-in-a-year", "Precision unknown, with bounds that lie within one year",
         replace("records/meetings.yaml", "  date: 2021-09-08\n  date_precision: day\n",
                 "  date_precision: unknown\n  date_earliest: 2021-03-01\n  date_latest: 2021-09-08\n"),
         "records/meetings.yaml:6: date_precision: 'unknown' is coarser than its bounds, 2021-03-01 to 2021-09-08, "
         "which lie within the year 2021; expected date_precision: year and date: 2021 (the bounds may stay, to "
         "narrow it)"),
    Case("edition-below-one", "An edition number below 1",
         with_series(meeting="  series: india-russia-nsa-meetings\n  edition: 0\n"),
         "records/meetings.yaml:13: edition: 0 is below 1; expected an edition number of 1 or more, with the series "
         "it belongs to"),
    Case("edition-without-series", "An edition without the series it is an edition of",
         with_series(meeting="  edition: 1\n"),
         "records/meetings.yaml:12: edition: 1 is given without a series; expected an edition number of 1 or more, "
         "with the series it belongs to"),
    Case("series-of-another-kind", "A record in a series of another kind of record",
         with_series(agreement="  series: india-russia-nsa-meetings\n"),
         "records/agreements.yaml:11: series: 'india-russia-nsa-meetings' is a series of meetings; expected a series "
         "of agreements"),
    Case("edition-twice", "The same edition of a series twice", series_of_two(1, 1, "2021-09-01"),
         "records/meetings.yaml:40: edition: 1 is given twice in series 'india-russia-nsa-meetings' (first at "
         "records/meetings.yaml:13); expected each edition of a series once"),
    Case("edition-out-of-order", "Editions of a series that do not rise with the date", series_of_two(1, 2, "2021-09-01"),
         "records/meetings.yaml:40: edition: 2 of series 'india-russia-nsa-meetings' is dated 2021-09-01, before "
         "edition 1 (records/meetings.yaml:13), dated 2021-09-08; expected editions that rise with the date"),
    Case("central-asian-state-unnamed", "A Central Asian state linked though no quote names it (nor all five)",
         replace("records/meetings.yaml", "    - {iso3: RUS, role: participant}\n",
                 "    - {iso3: RUS, role: participant}\n    - {iso3: KAZ, role: participant}\n"),
         "records/meetings.yaml:18: countries[3]: KAZ is linked as participant, but it is named in none of this "
         "record's evidence quotes, and none says all five Central Asian states; expected a quote that names it (or, "
         "as the record's place, a place in it), or one that covers all five (e.g. \"all five Central Asian "
         "states\"), or no link"),
    Case("group-link-unnamed", "The five Central Asian states linked as a group on words that name none of them",
         replace("records/agreements.yaml", "    - {iso3: RUS, role: party}\n", "    - {iso3: RUS, role: party}\n" + FIVE_PARTIES),
         "records/agreements.yaml:16: countries[3]: KAZ, KGZ, TJK, TKM and UZB are linked as party, but they are named "
         "in none of this record's evidence quotes, and none says all five Central Asian states; expected a quote that "
         "names each, or one that covers all five (e.g. \"all five Central Asian states\"), or no link"),
    Case("target-without-addressee", "A target that no quote names as the addressee (after the word that makes the offer)",
         a_proposal_to("RUS"),
         "records/proposals.yaml:15: countries[2]: RUS is linked as target, but no evidence quote names it after the "
         "word that makes the offer (offered, invited, proposed, sought ...); expected a quote that names the addressee "
         "after that word (the five Central Asian states as a group: e.g. \"offered its assistance to Central Asian "
         "states\"), or, where the text names none, no target"),
    Case("inferred-date-no-assumption", "An inferred date whose note does not say what it assumes",
         with_date_note('"on Wednesday", in an article of Thursday 9 September 2021.'),
         "records/meetings.yaml:9: date_note: does not say what the inferred date assumes; expected a sentence that "
         "names it, with assumes, assumed or assumption (e.g. \"This assumes the meeting was held the day the officials "
         "arrived.\")"),
    Case("inferred-date-no-words", "An inferred date whose note quotes none of the words it is worked out from",
         with_date_note("The Wednesday before the article of Thursday 9 September 2021; this assumes the day before."),
         "records/meetings.yaml:9: date_note: quotes none of the words the inferred date is worked out from; expected "
         "those words in double quotes, as a document this record cites writes them (e.g. \"on Wednesday\")"),
    Case("inferred-date-misquoted", "An inferred date whose note quotes words its sources do not have",
         with_date_note('"on Tuesday", in an article of Thursday 9 September 2021: this assumes the Tuesday before it.'),
         "records/meetings.yaml:9: date_note: quotes 'on Tuesday', which is in none of the documents this record "
         f"cites ({DOC}); expected the words as a cited document writes them"),
    Case("empty-file", "Empty file", write_bytes("records/agreements.yaml", b""),
         "records/agreements.yaml:1: (file): file is empty; expected a YAML list of records"),
    Case("missing-file", "Missing seed file", remove("records/exercises.yaml"),
         "records/exercises.yaml: (file): missing; expected the exercises seed file (an empty list [] if there are none)"),
    Case("missing-file-then-more", "A missing seed file does not stop the check of the files after it",
         missing_then_malformed,
         "records/facilities.yaml:1: (file): top level is a mapping; expected a YAML list of records ('- field: value')",
         also=("records/exercises.yaml: (file): missing; expected the exercises seed file (an empty list [] if there "
               "are none)",)),
    Case("no-countries", "A record with neither countries nor organisations",
         replace("records/meetings.yaml", "  countries:\n    - {iso3: IND, role: host}\n    - {iso3: RUS, role: participant}\n"
                 "  organizations:\n    - {org: russian-security-council, role: participant}\n", ""),
         "records/meetings.yaml:1: countries: missing; expected at least one country (or, where a source names none, "
         "an organisation)"),
    Case("not-a-list", "A file that is not a list of records", write_bytes("records/agreements.yaml", b"id: x\n"),
         "records/agreements.yaml:1: (file): top level is a mapping; expected a YAML list of records ('- field: value')"),
    Case("non-utf8", "Non-UTF-8 file (e.g. saved as Latin-1)",
         write_bytes("records/meetings.yaml", lambda data: data.replace("–".encode(), b"\x96", 1)),
         "records/meetings.yaml:2: (file): not valid UTF-8 text (invalid leading UTF-8 octet at byte 48); expected "
         "UTF-8 text (save the file as UTF-8)"),
    Case("bom-accepted", "UTF-8 byte-order mark in a YAML or CSV file (accepted, with a note)",
         write_bytes("records/meetings.yaml", lambda data: b"\xef\xbb\xbf" + data),
         "records/meetings.yaml: note: starts with a UTF-8 byte-order mark; accepted and ignored", accepted=True),
    Case("crlf-accepted", "CRLF (Windows) line ends in a YAML or CSV file (accepted, with a note)",
         write_bytes("records/meetings.yaml", lambda data: data.replace(b"\n", b"\r\n")),
         "records/meetings.yaml: note: has CRLF (Windows) line ends; accepted, read as LF", accepted=True),
    Case("document-bom", "Byte-order mark in a document's text (refused: offsets count characters)",
         write_bytes(f"documents/{DOC}.txt", lambda data: b"\xef\xbb\xbf" + data),
         f"documents/{DOC}.txt:1: (file): starts with a byte-order mark; expected UTF-8 text without one "
         "(evidence offsets count characters, and a BOM is an invisible one)"),
    Case("document-metadata-missing", "Document text without its metadata", remove(f"documents/{DOC}.yaml"),
         f"documents/{DOC}.txt: (metadata): document metadata missing; expected {DOC}.yaml beside it (id, title, "
         "publisher, published_on, ...)",
         also=tuple(f"{where}: unknown document id '{DOC}'; expected an id from seeds/documents/*.yaml"
                    for where in ("reference/organizations.yaml:7: source[1].document",
                                  "reference/people.yaml:6: source[1].document",
                                  "records/meetings.yaml:23: evidence[1].document",
                                  "records/agreements.yaml:17: evidence[1].document"))),
    Case("document-field-missing", "Document metadata without a required field",
         replace(f"documents/{DOC}.yaml", "date_precision: day\n", ""),
         f"documents/{DOC}.yaml:1: date_precision: missing; expected one of day, month, year, unknown"),
    Case("document-edited", "A document's text edited after curation",
         write_bytes(f"documents/{DOC}.txt", lambda data: data.replace(b"Wednesday", b"Tuesday", 1)),
         f"documents/{DOC}.yaml:11: sha256: the text of {DOC}.txt has changed since it was recorded (its SHA-256 is "
         "now e3ee8382b8385fcb9b404846775f4a2180b5631d85889be813e9d761e15d3a85); expected the text exactly as first "
         "added: documents are evidence and are never edited"),
]


def relative(message: str, seeds: Path) -> str:
    return message.replace(f"{seeds}/", "")


def markdown() -> str:
    lines = [
        "# What a curator sees for each kind of seed defect",
        "",
        "<!-- Generated from tests/defects.py by `python -m tests.defects --write`; do not edit by hand. -->",
        "",
        "`icadb check` (and `icadb build`, which runs the same checks first) reports every problem in the seeds in",
        "one run, one per line, as `path:line: field: what is wrong; what was expected`, with \"did you mean ...?\"",
        "where a near match exists, and exits 1. A failed build leaves the existing database byte for byte as it was.",
        "Never a Python traceback. Paths below are relative to `seeds/`; each row is proven by the test named.",
        "A UTF-8 byte-order mark or CRLF line ends in a YAML or CSV file are accepted, with a note.",
        "",
        "| defect | what the curator sees | test |",
        "|---|---|---|",
    ]
    for case in CASES:
        message = case.message.replace("|", "\\|")
        lines.append(f"| {case.defect} | `{message}` | `tests/test_check.py::test_defect[{case.id}]` |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if "--write" in sys.argv:
        DOCS_PATH.write_text(markdown(), encoding="utf-8")
        print(f"wrote {DOCS_PATH.relative_to(ROOT)}")
    else:
        print(markdown(), end="")
