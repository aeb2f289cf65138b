"""vocabulary additions: role 'framework', conflict type 'one_sided_account'

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

Organisations under whose roof something happens (the SCO for an SCO summit)
get their own role instead of 'organizer' or 'subject'; conflicts gain a type
for claims only one party's account supports.
"""

from collections.abc import Sequence

from alembic import op

from icadb import pgsql

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ROLES_BEFORE = ("host", "chair", "participant", "organizer", "proposer", "target", "party", "member",
                "prospective_member", "observer", "operator", "funder", "subject")
ROLES_AFTER = (*ROLES_BEFORE, "framework")
CONFLICTS_BEFORE = ("contradiction", "vague_reference", "attendance", "possible_duplicate", "unverified_claim",
                    "inference")
CONFLICTS_AFTER = (*CONFLICTS_BEFORE, "one_sided_account")
LINK_TABLES = {"record_countries": "iso3", "record_organizations": "org_id", "record_people": "person_id"}


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _replace_check(table: str, name: str, column: str, values: tuple[str, ...]) -> None:
    with op.batch_alter_table(table, schema=None, recreate=pgsql.recreate()) as batch_op:
        batch_op.drop_constraint(batch_op.f(name), type_="check")
        batch_op.create_check_constraint(batch_op.f(name), _in(column, values))


def upgrade() -> None:
    for table in LINK_TABLES:
        _replace_check(table, f"ck_{table}_role", "role", ROLES_AFTER)
    _replace_check("conflicts", "ck_conflicts_conflict_type", "conflict_type", CONFLICTS_AFTER)


def downgrade() -> None:
    # 'framework' links become 'subject' links (dropped where one already exists).
    for table, column in LINK_TABLES.items():
        op.execute(
            f"DELETE FROM {table} WHERE role = 'framework' AND EXISTS (SELECT 1 FROM {table} AS other "
            f"WHERE other.record_id = {table}.record_id AND other.{column} = {table}.{column} AND other.role = 'subject')"
        )
        op.execute(f"UPDATE {table} SET role = 'subject' WHERE role = 'framework'")
        _replace_check(table, f"ck_{table}_role", "role", ROLES_BEFORE)
    op.execute("UPDATE conflicts SET conflict_type = 'vague_reference' WHERE conflict_type = 'one_sided_account'")
    _replace_check("conflicts", "ck_conflicts_conflict_type", "conflict_type", CONFLICTS_BEFORE)
