"""coverage skips: a sentence may be skipped as part of another record

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-08

`icadb reject --reason part_of_record`: a draft that is only a detail of an
event recorded elsewhere (an exercise's end date drafted as an exercise of its
own, one unit of a contingent, the venue of a meeting) is rejected as that,
not as `background`. The CHECK on ``coverage_skips.reason`` gains the value;
on SQLite the table is rebuilt in batch mode (no view or trigger reads it
while the revisions run: the build makes the views afterwards).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ("background", "analysis", "recommendation", "commentary", "page_furniture", "out_of_scope",
          "series_description", "position_statement", "statistic")
AFTER = BEFORE + ("part_of_record",)


def _reason_in(values: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{v}'" for v in values)
    with op.batch_alter_table("coverage_skips") as batch:
        batch.drop_constraint(op.f("ck_coverage_skips_reason"), type_="check")
        batch.create_check_constraint(op.f("ck_coverage_skips_reason"), f"reason IN ({listed})")


def upgrade() -> None:
    _reason_in(AFTER)


def downgrade() -> None:
    op.execute(f"DELETE FROM coverage_skips WHERE reason = '{AFTER[-1]}'")
    _reason_in(BEFORE)
