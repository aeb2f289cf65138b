"""contracted analyst views: timeline, evidence_trail, country_activity

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

The SQL is frozen here as it was in schema/views/ at this revision; a later
change to a view is a new revision that drops and recreates it.
"""

from collections.abc import Sequence

from alembic import op

from icadb import pgsql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

VIEWS = {
    "timeline": """
-- timeline: one row per record (meeting, agreement, exercise, proposal,
-- facility), with its date at its precision, the ISO3 codes of every country
-- involved (a JSON array, sorted, for Datasette's _facet_array), how many
-- evidence quotes back it and when it was first reported.
-- Correlated subqueries keep the view cheap to filter and page: each is
-- computed only for the rows a query returns.
select
    rec.kind,
    rec.record_id,
    rec.title,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    rec.date_latest,
    rec.year,
    rec.month,
    rec.status,
    rec.category,
    (
        select json_group_array(involved.iso3)
        from (
            select distinct rc.iso3
            from record_countries as rc
            where rc.record_id = rec.record_id
            order by rc.iso3
        ) as involved
    ) as countries,
    (
        select count(*)
        from evidence as ev
        where ev.record_id = rec.record_id
    ) as sources,
    (
        select doc.published_on
        from evidence as ev
        inner join documents as doc on doc.document_id = ev.document_id
        where ev.record_id = rec.record_id
        order by doc.published_earliest, doc.document_id
        limit 1
    ) as first_reported,
    rec.summary,
    ser.name as series,
    rec.edition,
    pla.name as place,
    pla.country_iso3 as place_country,
    pla.latitude,
    pla.longitude,
    rec.review_status
from records as rec
left join series as ser on ser.series_id = rec.series_id
left join places as pla on pla.place_id = rec.place_id
""",
    "evidence_trail": """
-- evidence_trail: one row per evidence quote, with the record it backs and
-- the document it comes from.
select
    rec.kind,
    ev.record_id,
    rec.title,
    ev.document_id,
    doc.title as document_title,
    doc.publisher,
    doc.published_on,
    ev.quote,
    ev.evidence_id,
    ev.char_start,
    ev.char_end,
    ev.note
from evidence as ev
inner join records as rec on rec.record_id = ev.record_id
inner join documents as doc on doc.document_id = ev.document_id
""",
    "country_activity": """
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
    act.discussed_in,
    act.records,
    act.first_date,
    act.last_date
from activity as act
inner join countries as cou on cou.iso3 = act.iso3
""",
}


def upgrade() -> None:
    for name, sql in VIEWS.items():
        op.execute(f"CREATE VIEW {name} AS\n{pgsql.sql(sql)}")


def downgrade() -> None:
    for name in reversed(list(VIEWS)):
        op.execute(f"DROP VIEW {name}")
