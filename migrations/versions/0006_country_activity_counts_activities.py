"""country_activity counts activities

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23

The view is dropped and recreated whole with its SQL frozen here; the
downgrade restores the text frozen in revision 0003.
"""

from collections.abc import Sequence

from alembic import op

from icadb import pgsql

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTRY_ACTIVITY = """
-- country_activity: one row per country involved in any record. The kind
-- counts are records the country takes part in (any role but "subject");
-- discussed_in counts records where it is only discussed.
with

involvement as (
    select
        rc.iso3,
        rc.record_id,
        min(rc.role = 'subject') as only_subject
    from record_countries as rc
    group by rc.iso3, rc.record_id
),

activity as (
    select
        inv.iso3,
        sum(rec.kind = 'meeting' and not inv.only_subject) as meetings,
        sum(rec.kind = 'exercise' and not inv.only_subject) as exercises,
        sum(rec.kind = 'agreement' and not inv.only_subject) as agreements,
        sum(rec.kind = 'proposal' and not inv.only_subject) as proposals,
        sum(rec.kind = 'facility' and not inv.only_subject) as facilities,
        sum(rec.kind = 'activity' and not inv.only_subject) as activities,
        sum(inv.only_subject) as discussed_in,
        count(*) as records,
        min(rec.date_earliest) as first_date,
        max(rec.date_latest) as last_date
    from involvement as inv
    inner join records as rec on rec.record_id = inv.record_id
    group by inv.iso3
)

select
    act.iso3,
    cou.name,
    cou.is_central_asia,
    act.meetings,
    act.exercises,
    act.agreements,
    act.proposals,
    act.facilities,
    act.activities,
    act.discussed_in,
    act.records,
    act.first_date,
    act.last_date
from activity as act
inner join countries as cou on cou.iso3 = act.iso3
"""


def _frozen(revision_id: str, name: str) -> str:
    """A view's SQL as an earlier revision froze it."""
    return op.get_context().script.get_revision(revision_id).module.VIEWS[name]


def upgrade() -> None:
    op.execute("DROP VIEW country_activity")
    op.execute(f"CREATE VIEW country_activity AS\n{pgsql.sql(COUNTRY_ACTIVITY.lstrip())}")


def downgrade() -> None:
    op.execute("DROP VIEW country_activity")
    op.execute(f"CREATE VIEW country_activity AS\n{pgsql.sql(_frozen('0003', 'country_activity'))}")
