-- india_dyads (computed at the end of every build into summary_india_dyads, which the
-- view india_dyads reads): one row per partner country, year, kind of record,
-- occurrence and review status (the COW/ATOP "dyad-year" shape, long form): how
-- many records involve both India and the partner, each in any role but
-- "subject". occurrence says whether the records' status says they took place
-- ('occurred'), had not yet ('intended': planned, proposed, offered) or are
-- rumoured ('unverified'): count what happened with occurrence = 'occurred'.
-- review_status tells drafts (machine_suggested) from reviewed records.
-- Undated records have an empty year.
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
        case
            when rec.status in ('planned', 'proposed', 'offered') then 'intended'
            when rec.status = 'rumoured' then 'unverified'
            else 'occurred'
        end as occurrence,
        rec.review_status,
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
    dyr.occurrence,
    dyr.review_status,
    count(*) as records,
    coalesce(jsonb_agg(dyr.record_id order by dyr.record_id nulls first), '[]'::jsonb) as record_ids
from dyad_records as dyr
inner join countries as cou on cou.iso3 = dyr.partner_iso3
group by dyr.partner_iso3, dyr.year, dyr.kind, dyr.occurrence, dyr.review_status, cou.iso3
