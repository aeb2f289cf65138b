"""Drafting's steps as a curator meets them: a recorded plan reported as done
becomes a suggested change of status that icadb review shows and icadb
accept applies; a draft field that would fail the checks is left out of its
draft with a note, never the whole article; page furniture leaves the review
queue."""

from __future__ import annotations

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
    assert record["evidence"][-1]["quote"] == "India hosted the SCO summit in a virtual format on 4 July 2023."
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT status FROM records WHERE record_id = 'sco-summit-2023-india'").fetchone() == \
            ("held",), "accept rebuilt the database"
    finally:
        conn.close()


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
