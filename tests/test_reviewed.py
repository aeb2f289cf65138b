"""What counts as reviewed data for exports, icadb.read and the canned queries."""

from __future__ import annotations

import pytest

from icadb.reviewed import reviewed_only


def test_a_view_with_review_status_keeps_reviewed_rows():
    assert reviewed_only("timeline", ["record_id", "review_status"]) == "review_status <> 'machine_suggested'"


def test_evidence_keeps_quotes_people_entered_for_reviewed_records():
    condition = reviewed_only("evidence", ["evidence_id", "record_id", "suggested"])
    assert "suggested = 0" in condition and "review_status <> 'machine_suggested'" in condition


def test_a_table_of_records_keeps_the_reviewed_records_rows():
    assert "review_status <> 'machine_suggested'" in reviewed_only("record_countries", ["record_id", "iso3", "role"])


def test_reference_data_is_kept_whole():
    assert reviewed_only("countries", ["iso3", "name"]) is None


def test_draft_tables_are_left_out_whole():
    with pytest.raises(ValueError):
        reviewed_only("drafts", ["record_id"])


def test_every_published_table_is_decided(db):
    """Each table or view a reader may publish either holds no record rows or is filtered."""
    from icadb.resources import resources
    from icadb.reviewed import is_draft_table

    for res in resources(db):
        if is_draft_table(res.name):
            continue
        names = [c.name for c in res.columns]
        condition = reviewed_only(res.name, names)
        if condition is None:
            assert "record_id" not in names and "review_status" not in names, res.name
        else:
            db.execute(f'SELECT count(*) FROM "{res.name}" WHERE {condition}').fetchone()
