-- proposal_tracker: one row per proposal, offer, invitation or request, with
-- who made it, to whom, at which meeting, its status, and every later mention
-- (evidence from documents other than the one that first reported it; quotes
-- a program suggested are left out until a person accepts them).
-- Everything is looked up row by row through indexes, so a page of the view
-- costs the same at any size.
-- materialized: table (at 1,000x the seeds, the view's first Datasette page took 0.96 s, and a facet timed out;
-- the build makes it a table, with these indexes for its sort and its facets)
-- index: date_earliest
-- index: proposal_type
-- index: status
-- index: category
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
        rec.review_status,
        (
            select ev.document_id
            from evidence as ev
            inner join documents as doc on doc.document_id = ev.document_id
            where ev.record_id = rec.record_id and ev.suggested = 0
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
        select coalesce(json_group_array(who.iso3), '[]')
        from (
            select rc.iso3
            from record_countries as rc
            where rc.record_id = trk.record_id and rc.role = 'proposer'
            order by rc.iso3
        ) as who
    ) as proposers,
    (
        select coalesce(json_group_array(who.iso3), '[]')
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
        where ev.record_id = trk.record_id and ev.suggested = 0 and ev.document_id <> trk.first_document_id
    ) as later_mentions,
    (
        select coalesce(json_group_array(json_object(
            'document_id', mention.document_id,
            'published_on', mention.published_on,
            'quote', mention.quote
        )), '[]')
        from (
            select
                doc.document_id,
                doc.published_on,
                ev.quote
            from evidence as ev
            inner join documents as doc on doc.document_id = ev.document_id
            where ev.record_id = trk.record_id and ev.suggested = 0 and ev.document_id <> trk.first_document_id
            order by doc.published_earliest, ev.evidence_id
        ) as mention
    ) as later_mention_quotes,
    trk.summary,
    trk.review_status
from tracked as trk
left join records as mtg on mtg.record_id = trk.made_at
