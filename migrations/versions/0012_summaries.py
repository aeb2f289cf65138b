"""summaries: country_activity and india_dyads computed once per build

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-23

Both views aggregated every link row on every request, which takes seconds
at a million records. Their rows are now computed into summary tables (at
the end of every build, and here from the data already in the database) and
the views read those. The SQL is frozen here as it was at this revision.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from icadb import pgsql

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTRY_ACTIVITY_ROWS = """
-- country_activity (computed at the end of every build into summary_country_activity, which the
-- view country_activity reads): one row per country involved in any record. The kind
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

INDIA_DYADS_ROWS = """
-- india_dyads (computed at the end of every build into summary_india_dyads, which the
-- view india_dyads reads): one row per partner country, year and kind of record (the
-- COW/ATOP "dyad-year" shape, long form): how many records involve both India
-- and the partner, each in any role but "subject". Undated records have an
-- empty year.
with

taking_part as (
    select distinct
        rc.record_id,
        rc.iso3
    from record_countries as rc
    where rc.role <> 'subject'
),

dyad_records as (
    select
        partner.iso3 as partner_iso3,
        rec.year,
        rec.kind,
        rec.record_id
    from taking_part as india
    inner join taking_part as partner
        on partner.record_id = india.record_id and partner.iso3 <> india.iso3
    inner join records as rec on rec.record_id = india.record_id
    where india.iso3 = 'IND'
)

select
    'IND' as india_iso3,
    dyr.partner_iso3,
    cou.name as partner_name,
    cou.is_central_asia as partner_is_central_asia,
    dyr.year,
    dyr.kind,
    count(*) as records,
    json_group_array(dyr.record_id) as record_ids
from dyad_records as dyr
inner join countries as cou on cou.iso3 = dyr.partner_iso3
group by dyr.partner_iso3, dyr.year, dyr.kind
"""

VIEWS = {
    "country_activity": """
-- country_activity: one row per country involved in any record. The counts
-- are computed at the end of every build (schema/summaries/country_activity.sql)
-- into summary_country_activity, so the view answers at once at any size.
select
    sca.iso3,
    sca.name,
    sca.is_central_asia,
    sca.meetings,
    sca.exercises,
    sca.agreements,
    sca.proposals,
    sca.facilities,
    sca.activities,
    sca.discussed_in,
    sca.records,
    sca.first_date,
    sca.last_date
from summary_country_activity as sca
""",
    "india_dyads": """
-- india_dyads: one row per partner country, year and kind of record (India's
-- dyads). Computed at the end of every build (schema/summaries/india_dyads.sql)
-- into summary_india_dyads, so the view answers at once at any size.
select
    sid.india_iso3,
    sid.partner_iso3,
    sid.partner_name,
    sid.partner_is_central_asia,
    sid.year,
    sid.kind,
    sid.records,
    sid.record_ids
from summary_india_dyads as sid
""",
}
DYAD_COLUMNS = ("india_iso3, partner_iso3, partner_name, partner_is_central_asia, year, kind, records, record_ids")


def _frozen(revision_id: str, attribute: str):
    """SQL an earlier revision froze (for the downgrade)."""
    return getattr(op.get_context().script.get_revision(revision_id).module, attribute)


def upgrade() -> None:
    op.create_table(
        "summary_country_activity",
        sa.Column("iso3", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("is_central_asia", sa.Integer(), nullable=False),
        sa.Column("meetings", sa.Integer(), nullable=False),
        sa.Column("exercises", sa.Integer(), nullable=False),
        sa.Column("agreements", sa.Integer(), nullable=False),
        sa.Column("proposals", sa.Integer(), nullable=False),
        sa.Column("facilities", sa.Integer(), nullable=False),
        sa.Column("activities", sa.Integer(), nullable=False),
        sa.Column("discussed_in", sa.Integer(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("first_date", sa.Text(), nullable=True),
        sa.Column("last_date", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["iso3"], ["countries.iso3"], name=op.f("fk_summary_country_activity_iso3_countries")),
        sa.PrimaryKeyConstraint("iso3", name=op.f("pk_summary_country_activity")),
    )
    with op.batch_alter_table("summary_country_activity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_summary_country_activity_records"), ["records"], unique=False)
    op.create_table(
        "summary_india_dyads",
        sa.Column("summary_id", sa.Integer(), nullable=False),
        sa.Column("india_iso3", sa.Text(), nullable=False),
        sa.Column("partner_iso3", sa.Text(), nullable=False),
        sa.Column("partner_name", sa.Text(), nullable=False),
        sa.Column("partner_is_central_asia", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("records", sa.Integer(), nullable=False),
        sa.Column("record_ids", pgsql.json_type(), nullable=False),
        sa.ForeignKeyConstraint(["india_iso3"], ["countries.iso3"], name=op.f("fk_summary_india_dyads_india_iso3_countries")),
        sa.ForeignKeyConstraint(["partner_iso3"], ["countries.iso3"],
                                name=op.f("fk_summary_india_dyads_partner_iso3_countries")),
        sa.PrimaryKeyConstraint("summary_id", name=op.f("pk_summary_india_dyads")),
        sa.UniqueConstraint("partner_iso3", "year", "kind", name=op.f("uq_summary_india_dyads_partner_iso3_year_kind")),
    )
    with op.batch_alter_table("summary_india_dyads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_summary_india_dyads_year"), ["year"], unique=False)
    op.execute(pgsql.sql(f"INSERT INTO summary_country_activity SELECT * FROM ({COUNTRY_ACTIVITY_ROWS}) AS q ORDER BY 1"))
    op.execute(pgsql.sql(f"INSERT INTO summary_india_dyads ({DYAD_COLUMNS}) SELECT * FROM ({INDIA_DYADS_ROWS}) AS q ORDER BY 2, 5, 6"))
    for name, sql in VIEWS.items():
        op.execute(f"DROP VIEW {name}")
        op.execute(f"CREATE VIEW {name} AS\n{pgsql.sql(sql)}")


def downgrade() -> None:
    op.execute("DROP VIEW country_activity")
    op.execute(f"CREATE VIEW country_activity AS\n{pgsql.sql(_frozen('0006', 'COUNTRY_ACTIVITY'))}")
    op.execute("DROP VIEW india_dyads")
    op.execute(f"CREATE VIEW india_dyads AS\n{pgsql.sql(_frozen('0008', 'VIEWS')['india_dyads'])}")
    with op.batch_alter_table("summary_india_dyads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_summary_india_dyads_year"))
    op.drop_table("summary_india_dyads")
    with op.batch_alter_table("summary_country_activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_summary_country_activity_records"))
    op.drop_table("summary_country_activity")
