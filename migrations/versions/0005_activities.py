"""record kind 'activity': alliance activations, deployments, training programmes

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from icadb import pgsql

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS_BEFORE = "kind IN ('meeting', 'agreement', 'exercise', 'proposal', 'facility')"
KINDS_AFTER = "kind IN ('meeting', 'agreement', 'exercise', 'proposal', 'facility', 'activity')"


def upgrade() -> None:
    for table in ("records", "series"):
        with op.batch_alter_table(table, schema=None, recreate=pgsql.recreate()) as batch_op:
            batch_op.drop_constraint(batch_op.f(f"ck_{table}_kind"), type_="check")
            batch_op.create_check_constraint(batch_op.f(f"ck_{table}_kind"), KINDS_AFTER)
    op.create_table(
        "activities",
        sa.Column("record_id", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), server_default="activity", nullable=False),
        sa.Column("activity_type", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "activity_type IN ('alliance_activation', 'deployment', 'training_programme')",
            name=op.f("ck_activities_activity_type"),
        ),
        sa.CheckConstraint("kind = 'activity'", name=op.f("ck_activities_kind_fixed")),
        sa.ForeignKeyConstraint(["record_id", "kind"], ["records.record_id", "records.kind"],
                                name=op.f("fk_activities_record_id_kind_records")),
        sa.PrimaryKeyConstraint("record_id", name=op.f("pk_activities")),
    )
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activities_activity_type"), ["activity_type"], unique=False)


def downgrade() -> None:
    activity_ids = "SELECT record_id FROM records WHERE kind = 'activity'"
    for table in ("figures", "evidence", "record_countries", "record_organizations", "record_people",
                  "conflict_records"):
        op.execute(f"DELETE FROM {table} WHERE record_id IN ({activity_ids})")
    op.execute("DELETE FROM records WHERE kind = 'activity'")
    op.execute("UPDATE series SET kind = 'meeting' WHERE kind = 'activity'")
    with op.batch_alter_table("activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activities_activity_type"))
    op.drop_table("activities")
    for table in ("records", "series"):
        with op.batch_alter_table(table, schema=None, recreate=pgsql.recreate()) as batch_op:
            batch_op.drop_constraint(batch_op.f(f"ck_{table}_kind"), type_="check")
            batch_op.create_check_constraint(batch_op.f(f"ck_{table}_kind"), KINDS_BEFORE)
