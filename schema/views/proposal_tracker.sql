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
