"""analyst views: india_dyads, proposal_tracker, series_history, people_appearances

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23

The SQL is frozen here as it was in schema/views/ at this revision.
"""

from collections.abc import Sequence

from alembic import op

from icadb import pgsql

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = {
    "india_dyads": """
-- india_dyads: one row per partner country, year and kind of record (the
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
""",
    "proposal_tracker": """
-- proposal_tracker: one row per proposal, offer, invitation or request, with
-- who made it, to whom, at which meeting, its status, and every later mention
-- (evidence from documents other than the one that first reported it).
with

first_report as (
    select
        ev.record_id,
        min(doc.published_earliest || ' ' || doc.document_id) as first_key
    from evidence as ev
    inner join documents as doc on doc.document_id = ev.document_id
    group by ev.record_id
)

select
    rec.record_id,
    rec.title,
    pro.proposal_type,
    rec.status,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    rec.category,
    (
        select json_group_array(who.iso3)
        from (
            select rc.iso3
            from record_countries as rc
            where rc.record_id = rec.record_id and rc.role = 'proposer'
            order by rc.iso3
        ) as who
    ) as proposers,
    (
        select json_group_array(who.iso3)
        from (
            select rc.iso3
            from record_countries as rc
            where rc.record_id = rec.record_id and rc.role = 'target'
            order by rc.iso3
        ) as who
    ) as targets,
    pro.made_at,
    mtg.title as made_at_title,
    mtg.date as made_at_date,
    (
        select doc.published_on
        from documents as doc
        where doc.published_earliest || ' ' || doc.document_id = fir.first_key
    ) as first_reported,
    (
        select count(*)
        from evidence as ev
        inner join documents as doc on doc.document_id = ev.document_id
        where ev.record_id = rec.record_id
            and doc.published_earliest || ' ' || doc.document_id <> fir.first_key
    ) as later_mentions,
    (
        select json_group_array(json_object(
            'document_id', mention.document_id,
            'published_on', mention.published_on,
            'quote', mention.quote
        ))
        from (
            select
                doc.document_id,
                doc.published_on,
                ev.quote
            from evidence as ev
            inner join documents as doc on doc.document_id = ev.document_id
            where ev.record_id = rec.record_id
                and doc.published_earliest || ' ' || doc.document_id <> fir.first_key
            order by doc.published_earliest, ev.evidence_id
        ) as mention
    ) as later_mention_quotes,
    rec.summary
from proposals as pro
inner join records as rec on rec.record_id = pro.record_id
left join records as mtg on mtg.record_id = pro.made_at
left join first_report as fir on fir.record_id = rec.record_id
""",
    "series_history": """
-- series_history: one row per record that belongs to a recurring format, with
-- its position in the series (by date, then edition), place and countries.
select
    ser.series_id,
    ser.name as series,
    ser.kind,
    row_number() over (
        partition by rec.series_id
        order by rec.date_earliest is null, rec.date_earliest, rec.edition, rec.record_id
    ) as position,
    rec.edition,
    rec.record_id,
    rec.title,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    rec.status,
    pla.name as place,
    pla.country_iso3 as place_country,
    (
        select json_group_array(involved.iso3)
        from (
            select distinct rc.iso3
            from record_countries as rc
            where rc.record_id = rec.record_id
            order by rc.iso3
        ) as involved
    ) as countries
from records as rec
inner join series as ser on ser.series_id = rec.series_id
left join places as pla on pla.place_id = rec.place_id
""",
    "people_appearances": """
-- people_appearances: one row per person per record per role: who appears
-- where, in which role.
select
    per.person_id,
    per.name,
    per.position,
    per.country_iso3,
    rp.role,
    rec.kind,
    rec.record_id,
    rec.title,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    pla.name as place
from record_people as rp
inner join people as per on per.person_id = rp.person_id
inner join records as rec on rec.record_id = rp.record_id
left join places as pla on pla.place_id = rec.place_id
""",
}


def upgrade() -> None:
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS\n{pgsql.sql(sql)}")


def downgrade() -> None:
    for name in reversed(list(VIEWS)):
        op.execute(f"DROP VIEW {name}")
