"""Drafting as a curator uses it: add an article with --draft, see the drafts in
Datasette marked as machine-suggested, accept one and reject another, and
icadb check stays green; a bad drafts file is refused with its line."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
import yaml

from tests.helpers import run_icadb

ARTICLE = """India and Kazakhstan hold counter-terrorism talks in Astana

Indian and Kazakh security officials held counter-terrorism talks in Astana on Monday, the Indian embassy said.
The two sides agreed to expand the KazInd joint military exercise and to share information on drug trafficking.
India offered Kazakhstan fully funded training for 40 customs officers.
The weather was cold.
"""
TITLE = "India and Kazakhstan hold counter-terrorism talks in Astana"
DOC_ID = "2026-11-20-india-and-kazakhstan-hold-counter-terrorism-talks-in-astana"


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    """A seeds copy with the article added and drafted, and its build."""
    import shutil

    from icadb.paths import SEEDS_DIR

    folder = tmp_path_factory.mktemp("drafting")
    seeds = folder / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    article = folder / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    db = folder / "icadb.sqlite"
    result = run_icadb("add-document", str(article), "--title", TITLE, "--published-on", "2026-11-20",
                       "--seeds", str(seeds), "--draft", db=db)
    assert result.returncode == 0, result.stderr
    return seeds, db, result


def drafts_file(seeds: Path) -> Path:
    return seeds / "drafts" / f"{DOC_ID}.yaml"


def test_add_document_draft_writes_machine_suggested_drafts(drafted):
    seeds, _db, result = drafted
    assert f"wrote {drafts_file(seeds)}" in result.stderr or "draft record(s)" in result.stderr
    items = yaml.safe_load(drafts_file(seeds).read_text(encoding="utf-8"))
    kinds = sorted(item["kind"] for item in items if "kind" in item)
    assert kinds == ["agreement", "meeting", "proposal"]
    assert all(item["review_status"] == "machine_suggested" for item in items if "kind" in item)
    meeting = next(item for item in items if item.get("kind") == "meeting")
    assert str(meeting["date"]) == "2026-11-16" and meeting["date_precision"] == "day"  # "on Monday"
    assert {c["iso3"]: c["role"] for c in meeting["countries"]} == {"KAZ": "host", "IND": "participant"}


def test_the_drafts_are_in_the_database_and_marked(drafted):
    _seeds, db, _result = drafted
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT record_id, review_status FROM timeline WHERE record_id IN "
                            "(SELECT record_id FROM drafts)").fetchall()
        assert len(rows) == 3 and {status for _id, status in rows} == {"machine_suggested"}
        assert conn.execute("SELECT count(*) FROM evidence_trail WHERE review_status = 'machine_suggested'"
                            ).fetchone()[0] >= 3
        # a draft is in no count of country_activity but its own
        assert conn.execute("SELECT drafts FROM country_activity WHERE iso3 = 'KAZ'").fetchone()[0] == 3
        queued = conn.execute("SELECT drafted_as FROM review_queue WHERE text LIKE 'The two sides agreed%'").fetchone()
        assert queued is not None and "kaz" in queued[0], "a drafted sentence stays in the queue, marked as drafted"
    finally:
        conn.close()


def test_datasette_facets_the_drafts(drafted):
    from datasette.app import Datasette

    from icadb.codebook import datasette_metadata

    _seeds, db, _result = drafted

    async def fetch():
        ds = Datasette(immutables=[str(db)], metadata=datasette_metadata(db.stem))
        await ds.invoke_startup()
        # review_status is a facet the page draws already: the address is sent on without asking it twice
        return (await ds.client.get("/icadb/timeline.json?_facet=review_status&_size=0", follow_redirects=True)).json()

    facets = asyncio.run(fetch())["facet_results"]["review_status"]["results"]
    assert {f["value"]: f["count"] for f in facets}.get("machine_suggested") == 3


def test_icadb_review_lists_the_drafts_with_quotes_and_notes(drafted):
    _seeds, db, _result = drafted
    result = run_icadb("review", "--document", DOC_ID, db=db, check=True)
    assert "MACHINE-SUGGESTED" in result.stdout
    assert "> India offered Kazakhstan fully funded training for 40 customs officers." in result.stdout
    assert "- kind: trigger" in result.stdout and "confidence" in result.stdout


def edit_title_and_summary(path: Path, record_id: str, title: str, summary: str) -> None:
    """What a curator does before accepting: rewrite a draft's title and summary."""
    from icadb.drafting.yamlio import SeedFile

    file = SeedFile(path)
    item = file.get(record_id)
    item["title"], item["summary"] = title, summary
    file.save()


def test_accept_one_and_reject_another_keep_check_green_and_rebuild(drafted, tmp_path):
    import shutil

    seeds, _db, _result = drafted
    mine = tmp_path / "seeds"
    shutil.copytree(seeds, mine)
    db = tmp_path / "mine.sqlite"
    items = yaml.safe_load(drafts_file(mine).read_text(encoding="utf-8"))
    meeting = next(i["id"] for i in items if i.get("kind") == "meeting")
    proposal = next(i["id"] for i in items if i.get("kind") == "proposal")
    meetings = mine / "records" / "meetings.yaml"
    before = meetings.read_text(encoding="utf-8")
    edit_title_and_summary(drafts_file(mine), meeting, "India–Kazakhstan counter-terrorism talks, Astana",
                           "Indian and Kazakh security officials held counter-terrorism talks in Astana.")

    accepted = run_icadb("accept", meeting, "--as", "ind-kaz-ct-talks-astana-2026", "--seeds", str(mine), db=db)
    assert accepted.returncode == 0, accepted.stderr
    after = meetings.read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n")), "the file's comments and order stay as they were"
    added = after[len(before.rstrip("\n")):]
    assert added.count("\n- id: ") == 1 and "- id: ind-kaz-ct-talks-astana-2026" in added, "one added record"
    assert "review_status: reviewed" in added and "draft_notes" not in added and "kind:" not in added
    assert "India–Kazakhstan counter-terrorism talks, Astana" in added
    assert "    - {iso3: KAZ, role: host}" in added, "links are flow maps, as in the curated records"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT review_status FROM records WHERE record_id = 'ind-kaz-ct-talks-astana-2026'"
                            ).fetchone() == ("reviewed",), "accept rebuilds the database"
    finally:
        conn.close()

    rejected = run_icadb("reject", proposal, "--reason", "out_of_scope", "--note", "a customs matter",
                         "--seeds", str(mine), db=db)
    assert rejected.returncode == 0, rejected.stderr
    coverage = (mine / "coverage.yaml").read_text(encoding="utf-8")
    assert "India offered Kazakhstan fully funded training for 40 customs officers." in coverage
    assert f"Rejected draft {proposal}: a customs matter" in coverage
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM records WHERE record_id = ?", (proposal,)).fetchone() == (0,), \
            "reject rebuilds the database"
    finally:
        conn.close()

    remaining = yaml.safe_load(drafts_file(mine).read_text(encoding="utf-8"))
    assert {i["id"] for i in remaining} == {i["id"] for i in items} - {meeting, proposal}
    check = run_icadb("check", "--seeds", str(mine))
    assert check.returncode == 0, check.stderr


def test_a_draft_that_is_a_detail_of_another_record_is_rejected_as_part_of_record(drafted, tmp_path):
    """`reject --reason part_of_record` (an end date or a venue drafted as an event of its own): the sentence
    is skipped with that reason, and the build (revision 0002's CHECK) takes it."""
    import shutil

    seeds, _db, _result = drafted
    mine, db = tmp_path / "seeds", tmp_path / "icadb.sqlite"
    shutil.copytree(seeds, mine)
    items = yaml.safe_load(drafts_file(mine).read_text(encoding="utf-8"))
    linked = {i.get(key) for i in items for key in ("made_at", "sidelines_of")}
    draft = next(i["id"] for i in items if "kind" in i and i["id"] not in linked)  # no other draft points at it
    rejected = run_icadb("reject", draft, "--reason", "part_of_record", "--note", "the end date of the exercise",
                         "--seeds", str(mine), db=db)
    assert rejected.returncode == 0, rejected.stderr
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT count(*) FROM coverage_skips WHERE reason = 'part_of_record' AND note LIKE ?",
                            (f"%{draft}%",)).fetchone() == (1,)
    finally:
        conn.close()


def test_an_unedited_draft_is_refused_with_the_lines_to_edit(drafted, tmp_path):
    import shutil

    seeds, _db, _result = drafted
    mine = tmp_path / "seeds"
    shutil.copytree(seeds, mine)
    before = {p: p.read_bytes() for p in mine.rglob("*.yaml")}
    items = yaml.safe_load(drafts_file(mine).read_text(encoding="utf-8"))
    meeting = next(i["id"] for i in items if i.get("kind") == "meeting")
    result = run_icadb("accept", meeting, "--seeds", str(mine), "--no-build")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    text = drafts_file(mine).read_text(encoding="utf-8").splitlines()
    for field in ("title", "summary"):
        located = next(line for line in lines if f": {field}: still the drafter's" in line)
        path, line = located.split(":")[:2]
        assert Path(path).name == drafts_file(mine).name and text[int(line) - 1].startswith(f"  {field}: "), located
    assert "nothing was changed" in lines[-1]
    assert {p: p.read_bytes() for p in mine.rglob("*.yaml")} == before


def test_a_draft_made_at_a_draft_is_refused_until_that_one_is_accepted(drafted, tmp_path):
    import shutil

    from icadb.drafting.yamlio import SeedFile

    seeds, _db, _result = drafted
    mine = tmp_path / "seeds"
    shutil.copytree(seeds, mine)
    file = SeedFile(drafts_file(mine))
    meeting = next(i for i in file.items if i.get("kind") == "meeting")
    agreement = next(i for i in file.items if i.get("kind") == "agreement")
    agreement["made_at"] = meeting["id"]
    agreement["draft_notes"]["made_at"] = f"made at {meeting['id']}: a meeting reported in the same paragraph"
    agreement["title"], agreement["summary"] = "India–Kazakhstan understanding", "The two sides agreed."
    file.save()
    refused = run_icadb("accept", agreement["id"], "--seeds", str(mine), "--no-build")
    assert refused.returncode == 1
    located = next(line for line in refused.stderr.splitlines() if ": made_at: " in line)
    assert f"{meeting['id']!r} is still a draft" in located and f"icadb accept {meeting['id']}" in located
    edit_title_and_summary(drafts_file(mine), meeting["id"], "India–Kazakhstan talks, Astana", "They met.")
    run_icadb("accept", meeting["id"], "--as", "ind-kaz-talks-2026", "--seeds", str(mine), "--no-build", check=True)
    after = SeedFile(drafts_file(mine)).get(agreement["id"])
    assert after["made_at"] == "ind-kaz-talks-2026", "links follow the record to its new id"
    assert after["draft_notes"]["made_at"].startswith("made at ind-kaz-talks-2026:"), "and so do the draft notes"
    assert all(meeting["id"] not in str(v) for v in after["draft_notes"].values())
    run_icadb("accept", agreement["id"], "--seeds", str(mine), "--no-build", check=True)


def test_accept_of_an_unknown_draft_changes_nothing(drafted, tmp_path):
    import shutil

    seeds, _db, _result = drafted
    mine = tmp_path / "seeds"
    shutil.copytree(seeds, mine)
    before = {p: p.read_bytes() for p in mine.rglob("*.yaml")}
    result = run_icadb("accept", "no-such-draft", "--seeds", str(mine))
    assert result.returncode == 1 and "no draft or suggestion 'no-such-draft'" in result.stderr
    assert {p: p.read_bytes() for p in mine.rglob("*.yaml")} == before


@pytest.mark.parametrize("old, new, where, message", [
    ("  review_status: machine_suggested", "  review_status: reviewed", "review_status",
     "'reviewed' in a drafts file; expected machine_suggested"),
    ("  kind: meeting\n", "  kind: meetin\n", "kind", "'meetin' is not an allowed value"),
    ("    confidence: ", "    confidence: 7", "draft_notes.confidence", "is not a number from 0 to 1"),
])
def test_a_mutated_drafts_file_gets_a_located_error(drafted, tmp_path, old, new, where, message):
    import shutil

    seeds, _db, _result = drafted
    mine = tmp_path / "seeds"
    shutil.copytree(seeds, mine)
    path = drafts_file(mine)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    line = text[:text.index(old)].count("\n") + 1 + (old.startswith("\n"))
    result = run_icadb("check", "--seeds", str(mine))
    assert result.returncode == 1
    located = [l for l in result.stderr.splitlines() if f": {where}: " in l]
    assert located and message in located[0], result.stderr
    assert located[0].split(":")[1].isdigit() and abs(int(located[0].split(":")[1]) - line) <= 1, located[0]


def test_a_draft_whose_quote_is_not_in_its_document_fails_the_build(drafted, tmp_path):
    import shutil

    seeds, _db, _result = drafted
    mine = tmp_path / "seeds"
    shutil.copytree(seeds, mine)
    path = drafts_file(mine)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("held counter-terrorism talks in Astana on Monday",
                                 "held counter-terrorism talks in Almaty on Monday", 1), encoding="utf-8")
    target = mine.parent / "x.sqlite"
    result = run_icadb("build", "--seeds", str(mine), db=target)
    assert result.returncode == 1 and "quote: not found in document" in result.stderr
    assert not target.exists()


def test_drafting_again_replaces_the_drafts(drafted, tmp_path):
    import shutil

    seeds, _db, _result = drafted
    mine = tmp_path / "seeds"
    shutil.copytree(seeds, mine)
    first = drafts_file(mine).read_text(encoding="utf-8")
    result = run_icadb("draft", DOC_ID, "--seeds", str(mine))
    assert result.returncode == 0, result.stderr
    assert drafts_file(mine).read_text(encoding="utf-8") == first, "drafting is deterministic"


def test_the_front_pages_say_how_many_drafts_await_review(drafted, built_db):
    from datasette.app import Datasette

    from icadb.codebook import datasette_metadata

    _seeds, db, _result = drafted

    async def fetch(path: str, file: Path) -> str:
        ds = Datasette(immutables=[str(file)], metadata=datasette_metadata(file.stem))
        await ds.invoke_startup()
        response = await ds.client.get(path)
        assert response.status_code == 200
        return response.text

    for path in ("/", "/icadb"):
        page = asyncio.run(fetch(path, db))
        assert "3 machine-suggested drafts" in page and "await review" in page, path
    assert "No machine-suggested drafts await review" in asyncio.run(fetch("/icadb", built_db))


def test_export_leaves_drafts_out_unless_asked(drafted, tmp_path):
    import csv
    import json

    _seeds, db, _result = drafted
    plain, with_drafts = tmp_path / "plain", tmp_path / "drafts"
    run_icadb("export", "--out", str(plain), db=db, check=True)
    run_icadb("export", "--out", str(with_drafts), "--include-drafts", db=db, check=True)

    def ids(folder: Path, name: str) -> set[str]:
        with open(folder / f"{name}.csv", encoding="utf-8") as fh:
            return {row["record_id"] for row in csv.DictReader(fh)}
    conn = sqlite3.connect(db)
    drafts = {r for (r,) in conn.execute("SELECT record_id FROM drafts")}
    conn.close()
    assert len(drafts) == 3
    for name in ("records", "timeline", "evidence", "evidence_trail", "record_countries"):
        assert not ids(plain, name) & drafts, name
        assert drafts <= ids(with_drafts, name), name
    assert not (plain / "drafts.csv").exists() and (with_drafts / "drafts.csv").exists()
    package = json.loads((plain / "datapackage.json").read_text(encoding="utf-8"))
    assert package["icadb:drafts"] == "left out" and "left out" in package["icadb:drafts_description"]
    assert "Drafts: Machine-suggested drafts" in (plain / "README.md").read_text(encoding="utf-8")
    assert json.loads((with_drafts / "datapackage.json").read_text(encoding="utf-8"))["icadb:drafts"] == "included"
