-- india_dyads: one row per partner country, year, kind of record, occurrence
-- and review status (the COW/ATOP "dyad-year" shape, long form): how many
-- records involve both India and the partner, each in any role but "subject"
-- (their year, kind and occurrence as timeline gives them).
-- occurrence says whether the records' status says they took place
-- ('occurred'), had not yet ('intended': planned, proposed, offered) or are
-- rumoured ('unverified'): count what happened with occurrence = 'occurred'.
-- review_status tells drafts (machine_suggested) from reviewed records.
-- Undated records have an empty year. record_ids lists the records, in id order.
-- materialized: table (at 1,000x the seeds, the view's first Datasette page took 3.39 s;
-- the build makes it a table, with these indexes for its sort and its facets)
-- index: year
-- index: partner_name
-- index: kind
-- index: occurrence
-- index: partner_is_central_asia
-- index: review_status
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
        tl.year,
        tl.kind,
        tl.occurrence,
        tl.review_status,
        tl.record_id
    from taking_part as india
    inner join taking_part as partner
        on partner.record_id = india.record_id and partner.iso3 <> india.iso3
    inner join timeline as tl on tl.record_id = india.record_id
    where india.iso3 = 'IND'
),

dyads as (
    select
        dre.partner_iso3,
        dre.year,
        dre.kind,
        dre.occurrence,
        dre.review_status,
        count(*) as records
    from dyad_records as dre
    group by dre.partner_iso3, dre.year, dre.kind, dre.occurrence, dre.review_status
)

select
    'IND' as india_iso3,
    dya.partner_iso3,
    cou.name as partner_name,
    cou.is_central_asia as partner_is_central_asia,
    dya.year,
    dya.kind,
    dya.occurrence,
    dya.review_status,
    dya.records,
    (
        select coalesce(json_group_array(ids.record_id), '[]')
        from (
            select dre.record_id
            from dyad_records as dre
            where dre.partner_iso3 = dya.partner_iso3
                and coalesce(dre.year, 0) = coalesce(dya.year, 0)
                and dre.kind = dya.kind
                and dre.occurrence = dya.occurrence
                and dre.review_status = dya.review_status
            order by dre.record_id
        ) as ids
    ) as record_ids
from dyads as dya
inner join countries as cou on cou.iso3 = dya.partner_iso3
