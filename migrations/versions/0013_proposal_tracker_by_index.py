"""proposal_tracker looks up its first report row by row

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-23

The view compared every document with every proposal's first report (a full
scan of documents per row), which took hours at a million records; it now
finds the first reporting document through the evidence index. Same columns,
same rows. The SQL is frozen here; the downgrade restores the text of 0008.
"""

from collections.abc import Sequence

from alembic import op

from icadb import pgsql

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

PROPOSAL_TRACKER = """
-- proposal_tracker: one row per proposal, offer, invitation or request, with
-- who made it, to whom, at which meeting, its status, and every later mention
-- (evidence from documents other than the one that first reported it).
-- Everything is looked up row by row through indexes, so a page of the view
-- costs the same at any size.
with

tracked as (
    select
        rec.record_id,
        rec.title,
        pro.proposal_type,
        rec.status,
        rec.date,
        rec.date_precision,
        rec.date_earliest,
        rec.category,
        pro.made_at,
        rec.summary,
        (
            select ev.document_id
            from evidence as ev
            inner join documents as doc on doc.document_id = ev.document_id
            where ev.record_id = rec.record_id
            order by doc.published_earliest, doc.document_id
            limit 1
        ) as first_document_id
    from proposals as pro
    inner join records as rec on rec.record_id = pro.record_id
)

select
    trk.record_id,
    trk.title,
    trk.proposal_type,
    trk.status,
    trk.date,
    trk.date_precision,
    trk.date_earliest,
    trk.category,
    (
        select json_group_array(who.iso3)
        from (
            select rc.iso3
            from record_countries as rc
            where rc.record_id = trk.record_id and rc.role = 'proposer'
            order by rc.iso3
        ) as who
    ) as proposers,
    (
        select json_group_array(who.iso3)
        from (
            select rc.iso3
            from record_countries as rc
            where rc.record_id = trk.record_id and rc.role = 'target'
            order by rc.iso3
        ) as who
    ) as targets,
    trk.made_at,
    mtg.title as made_at_title,
    mtg.date as made_at_date,
    (
        select doc.published_on
        from documents as doc
        where doc.document_id = trk.first_document_id
    ) as first_reported,
    (
        select count(*)
        from evidence as ev
        where ev.record_id = trk.record_id and ev.document_id <> trk.first_document_id
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
            where ev.record_id = trk.record_id and ev.document_id <> trk.first_document_id
            order by doc.published_earliest, ev.evidence_id
        ) as mention
    ) as later_mention_quotes,
    trk.summary
from tracked as trk
left join records as mtg on mtg.record_id = trk.made_at
"""


def upgrade() -> None:
    op.execute("DROP VIEW proposal_tracker")
    op.execute(f"CREATE VIEW proposal_tracker AS\n{pgsql.sql(PROPOSAL_TRACKER)}")


def downgrade() -> None:
    earlier = op.get_context().script.get_revision("0008").module.VIEWS["proposal_tracker"]
    op.execute("DROP VIEW proposal_tracker")
    op.execute(f"CREATE VIEW proposal_tracker AS\n{pgsql.sql(earlier)}")
