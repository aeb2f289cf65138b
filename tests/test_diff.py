"""icadb diff: the changelog between two builds."""

from __future__ import annotations

import shutil

import pytest

from icadb.build import build
from icadb.diff import diff, format_text
from icadb.paths import SEEDS_DIR
from tests.helpers import run_icadb


def test_same_build_has_no_changes(built_db):
    result = diff(built_db, built_db)
    assert result.empty and "no record added, removed or changed" in format_text(result)


@pytest.fixture(scope="module")
def changed_db(tmp_path_factory):
    """The seeds with one meeting removed, one added (the removed one under a
    new id), and one changed (its title, and China added as a participant)."""
    seeds = tmp_path_factory.mktemp("diff") / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    meetings = seeds / "records" / "meetings.yaml"
    text = meetings.read_text(encoding="utf-8")
    start = text.index("\n- id: modi-mirziyoyev-samarkand-2022")
    end = text.index("\n- id: ", start + 1)
    removed_block = text[start:end]
    text = text[:start] + text[end:]
    text = text.replace("  title: 22nd SCO Summit, Samarkand\n", "  title: 22nd SCO Summit in Samarkand\n")
    text = text.replace("    - {iso3: IND, role: participant}\n  organizations:\n    - {org: sco, role: framework}",
                        "    - {iso3: IND, role: participant}\n    - {iso3: CHN, role: participant}\n"
                        "  organizations:\n    - {org: sco, role: framework}", 1)
    text += removed_block.replace("id: modi-mirziyoyev-samarkand-2022", "id: modi-mirziyoyev-meeting-2022")
    meetings.write_text(text, encoding="utf-8")
    (seeds / "published_ids.txt").write_text("", encoding="utf-8")
    new = seeds.parent / "new.sqlite"
    build(new, seeds=seeds)
    return new


def test_added_removed_and_changed_records_field_by_field(built_db, changed_db):
    result = diff(built_db, changed_db)
    assert [rid for rid, _ in result.added] == ["modi-mirziyoyev-meeting-2022"]
    assert [rid for rid, _ in result.removed] == ["modi-mirziyoyev-samarkand-2022"]
    changed = {c.record_id: {name for name, *_ in c.fields} for c in result.changed}
    assert changed == {"sco-summit-22-samarkand": {"title", "countries"}}
    text_out = format_text(result)
    assert "title: '22nd SCO Summit, Samarkand' -> '22nd SCO Summit in Samarkand'" in text_out
    assert "countries: + CHN (participant)" in text_out
    assert result.old_version != result.new_version


def test_cli_diff_of_the_same_build(built_db):
    result = run_icadb("diff", str(built_db), str(built_db), check=True)
    assert "no record added, removed or changed" in result.stdout


def test_cli_diff_prints_what_changed(built_db, changed_db):
    """The command prints what format_text says of the two builds, nothing else."""
    result = run_icadb("diff", str(built_db), str(changed_db), check=True)
    assert result.stdout.strip() == format_text(diff(built_db, changed_db)).strip()
    for line in ("modi-mirziyoyev-meeting-2022", "modi-mirziyoyev-samarkand-2022",
                 "title: '22nd SCO Summit, Samarkand' -> '22nd SCO Summit in Samarkand'", "countries: + CHN (participant)"):
        assert line in result.stdout
