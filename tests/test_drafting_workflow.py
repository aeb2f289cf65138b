"""Drafting's steps as a curator meets them: a recorded plan reported as done
becomes a suggested change of status that icadb review shows and icadb
accept applies; a draft field that would fail the checks is left out of its
draft with a note, never the whole article; page furniture leaves the review
queue."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml

from icadb.paths import SEEDS_DIR
from tests.helpers import run_icadb


def add(seeds: Path, db: Path, text: str, title: str, published: str) -> str:
    article = seeds.parent / f"{published}.txt"
    article.write_text(text, encoding="utf-8")
    result = run_icadb("add-document", str(article), "--title", title, "--published-on", published,
                       "--seeds", str(seeds), "--draft", db=db)
    assert result.returncode == 0, result.stderr
    return next(p.stem for p in (seeds / "drafts").glob(f"{published}-*.yaml"))


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder, ignore=shutil.ignore_patterns("drafts"))
    return folder


SCO = """India hosts SCO summit online

New Delhi, 5 July 2023

India hosted the SCO summit in a virtual format on 4 July 2023.
"""


def test_a_plan_reported_as_done_is_a_status_suggestion_that_accept_applies(seeds, tmp_path):
    db = tmp_path / "icadb.sqlite"
    document = add(seeds, db, SCO, "India hosts SCO summit online", "2023-07-05")
    items = yaml.safe_load((seeds / "drafts" / f"{document}.yaml").read_text(encoding="utf-8"))
    suggestion = next(i for i in items if i.get("add_evidence_to") == "sco-summit-2023-india")
    assert suggestion["suggest_status"] == "held"
    assert (suggestion["suggest_date"], suggestion["suggest_date_precision"]) == (dt.date(2023, 7, 4), "day"), \
        "when it was held, as the text says: the record's own date is the one it was planned for"
    assert suggestion["evidence"][0]["note"].startswith("Suggested status: held (recorded as planned)")

    review = run_icadb("review", "--document", document, "--no-notes", db=db, check=True)
    assert "add evidence to sco-summit-2023-india" in review.stdout and "recorded as planned" in review.stdout
    assert "- suggests: Suggested status: held (recorded as planned)" in review.stdout, "shown even with --no-notes"

    accepted = run_icadb("accept", suggestion["id"], "--seeds", str(seeds), db=db)
    assert accepted.returncode == 0, accepted.stderr
    assert "its status is now held (was planned)" in accepted.stderr
    records = yaml.safe_load((seeds / "records" / "meetings.yaml").read_text(encoding="utf-8"))
    record = next(r for r in records if r["id"] == "sco-summit-2023-india")
    assert record["status"] == "held"
    assert (record["date"], record["date_precision"]) == (dt.date(2023, 7, 4), "day")
    assert "Recorded before as planned, 2023 (year precision); " in record["date_note"]
    assert "dated 2023-07-04 (day precision) as the text gives it" in accepted.stderr
    assert record["evidence"][-1]["quote"] == "India hosted the SCO summit in a virtual format on 4 July 2023."
    assert record["evidence"][-1]["note"] == "The sentence that reports it held (it was recorded as planned before).", \
        "the drafter's 'icadb accept sets both' does not stay in a reviewed record"
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT status FROM records WHERE record_id = 'sco-summit-2023-india'").fetchone() == \
            ("held",), "accept rebuilt the database"
    finally:
        conn.close()


def test_a_status_change_that_says_it_happened_without_saying_when_is_refused(seeds, tmp_path):
    """A planned date is not the date an event took place: a hand-made suggestion that moves a planned
    record to held without a suggested date is refused with its line, and nothing changes."""
    db = tmp_path / "icadb.sqlite"
    document = add(seeds, db, SCO, "India hosts SCO summit online", "2023-07-05")
    path = seeds / "drafts" / f"{document}.yaml"
    text = "".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                   if not line.startswith("  suggest_date"))
    path.write_text(text, encoding="utf-8")
    suggestion = next(i for i in yaml.safe_load(text) if i.get("add_evidence_to") == "sco-summit-2023-india")
    before = (seeds / "records" / "meetings.yaml").read_bytes()
    result = run_icadb("accept", suggestion["id"], "--seeds", str(seeds), "--no-build")
    assert result.returncode == 1
    assert f"{document}.yaml:" in result.stderr and "suggest_status: 'held' says sco-summit-2023-india took " \
        "place, but its date (2023 (year precision)) is the date it was planned for; expected suggest_date" \
        in result.stderr
    assert (seeds / "records" / "meetings.yaml").read_bytes() == before


def test_a_suggested_date_without_a_suggested_status_or_precision_is_refused_with_its_line(seeds, tmp_path):
    db = tmp_path / "icadb.sqlite"
    document = add(seeds, db, SCO, "India hosts SCO summit online", "2023-07-05")
    path = seeds / "drafts" / f"{document}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  suggest_status: held\n", ""), encoding="utf-8")
    located = [line for line in run_icadb("check", "--seeds", str(seeds)).stderr.splitlines() if "suggest_" in line]
    assert any(": suggest_date: given without suggest_status" in line for line in located), located
    path.write_text(text.replace("  suggest_date_precision: day\n", ""), encoding="utf-8")
    located = [line for line in run_icadb("check", "--seeds", str(seeds)).stderr.splitlines() if "suggest_" in line]
    assert any(": suggest_date_precision: missing" in line for line in located), located


def test_a_suggested_status_the_target_cannot_have_is_refused_with_its_line(seeds, tmp_path):
    db = tmp_path / "icadb.sqlite"
    document = add(seeds, db, SCO, "India hosts SCO summit online", "2023-07-05")
    path = seeds / "drafts" / f"{document}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("suggest_status: held", "suggest_status: signed"),
                    encoding="utf-8")
    result = run_icadb("check", "--seeds", str(seeds))
    assert result.returncode == 1
    located = next(line for line in result.stderr.splitlines() if ": suggest_status: " in line)
    assert "'signed' is no status of a meeting" in located and located.split(":")[1].isdigit()


FURNITURE = """India, Kazakhstan hold counter-terrorism talks in Astana

Home | India | World | Central Asia
Advertisement

Indian and Kazakh security officials held counter-terrorism talks in Astana on Monday.

Also Read: India and Kazakhstan sign cyber security pact
Share on WhatsApp | Telegram | X
"""


def test_page_furniture_reaches_no_draft_and_leaves_the_review_queue(seeds, tmp_path):
    db = tmp_path / "icadb.sqlite"
    document = add(seeds, db, FURNITURE, "India, Kazakhstan hold counter-terrorism talks in Astana", "2026-11-20")
    drafts = (seeds / "drafts" / f"{document}.yaml").read_text(encoding="utf-8")
    assert "Also Read" not in drafts and "Home | India" not in drafts
    coverage = yaml.safe_load((seeds / "coverage.yaml").read_text(encoding="utf-8"))
    skips = next(c["skips"] for c in coverage if c["document"] == document)
    assert {s["quote"] for s in skips} >= {"Also Read: India and Kazakhstan sign cyber security pact"}
    assert all(s["reason"] == "page_furniture" and "icadb draft" in s["note"] for s in skips)
    conn = sqlite3.connect(db)
    try:
        queued = {t for (t,) in conn.execute("SELECT text FROM review_queue WHERE document_id = ?", (document,))}
    finally:
        conn.close()
    assert not any(t.startswith(("Also Read", "Home |", "Share on")) for t in queued), queued
    assert "Indian and Kazakh security officials held counter-terrorism talks in Astana on Monday." in queued


CLASHES = """Leaders meet in Tashkent

The first India-Central Asia Summit was held in Tashkent on 10 May 2024.

The 30th India-Russia summit was held in Moscow on 1 March 2019.

India and Kazakhstan signed a memorandum on cyber security in Astana on 12 May 2024.
"""


def test_a_field_that_fails_the_checks_is_left_out_of_its_draft_not_the_article(seeds, tmp_path):
    """An edition given twice in its series (the seeds' first summit is of 2022) and an edition out of order
    (a 30th summit before the recorded 21st): each draft keeps everything else, says why in draft_notes, and
    the article's other draft is written whole."""
    db = tmp_path / "icadb.sqlite"
    document = add(seeds, db, CLASHES, "Leaders meet in Tashkent", "2024-05-14")
    drafts = {d["series"] if d.get("series") else d["kind"]: d
              for d in yaml.safe_load((seeds / "drafts" / f"{document}.yaml").read_text(encoding="utf-8"))}
    summit, russia, memorandum = drafts["ica-summit"], drafts["india-russia-summits"], drafts["agreement"]
    assert "edition" not in summit and "edition: left out: 1 is given twice in series 'ica-summit'" in \
        summit["draft_notes"]["left_out"]
    assert "edition" not in russia and "before edition 21" in russia["draft_notes"]["left_out"]
    assert "left_out" not in memorandum["draft_notes"] and memorandum["status"] == "signed"
    assert run_icadb("check", "--seeds", str(seeds)).returncode == 0


def test_a_link_to_no_record_and_bounds_outside_the_date_are_left_out_with_a_note(seeds, tmp_path):
    from icadb.drafting.compose import DraftSet
    from icadb.drafting.workflow import write_drafts

    db = tmp_path / "icadb.sqlite"
    document = add(seeds, db, CLASHES, "Leaders meet in Tashkent", "2024-05-14")
    path = seeds / "drafts" / f"{document}.yaml"
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    memorandum = next(d for d in items if d.get("kind") == "agreement")
    memorandum["made_at"] = "no-such-meeting"
    memorandum["date_earliest"] = "2024-06-01"
    result = DraftSet(document, drafts=[d for d in items if "kind" in d])
    write_drafts(seeds, [result], "a test")
    written = next(d for d in yaml.safe_load(path.read_text(encoding="utf-8")) if d["id"] == memorandum["id"])
    assert "made_at" not in written and "made_at: left out: 'no-such-meeting'" in written["draft_notes"]["left_out"]
    assert "date_earliest" not in written and "date_latest" not in written
    assert "left out: date_earliest 2024-06-01 is after date_latest 2024-05-12" in written["draft_notes"]["left_out"]
    assert str(written["date"]) == "2024-05-12" and written["status"] == "signed"
    assert run_icadb("check", "--seeds", str(seeds)).returncode == 0


def test_a_draft_edition_that_puts_a_recorded_one_out_of_order_is_left_out_of_the_draft(seeds, tmp_path):
    """A draft that claims an earlier edition after a reviewed one (a 10th SCO summit dated after the
    recorded 22nd, of 2022): the checks report the clash at the draft, the record read later, naming the
    reviewed one. The draft's edition is left out with a note; the article's drafts are written and the
    seeds still pass."""
    from icadb.drafting.compose import DraftSet
    from icadb.drafting.workflow import write_drafts

    db = tmp_path / "icadb.sqlite"
    document = add(seeds, db, CLASHES, "Leaders meet in Tashkent", "2024-05-14")
    path = seeds / "drafts" / f"{document}.yaml"
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    summit = next(d for d in items if d.get("kind") == "meeting")
    summit.update(series="sco-summits", edition=10)
    write_drafts(seeds, [DraftSet(document, drafts=[d for d in items if "kind" in d])], "a test")
    written = {d["id"]: d for d in yaml.safe_load(path.read_text(encoding="utf-8"))}
    assert len(written) == len(items)
    assert "edition" not in written[summit["id"]]
    left_out = written[summit["id"]]["draft_notes"]["left_out"]
    assert "edition: left out: 10 of series 'sco-summits' is dated" in left_out
    assert "after edition 22 (" in left_out and "dated 2022" in left_out
    assert run_icadb("check", "--seeds", str(seeds)).returncode == 0
