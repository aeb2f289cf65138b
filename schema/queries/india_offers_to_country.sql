-- Everything India proposed, offered, requested or invited a country to, with
-- its status and the meeting where it was made; optionally of one status.
-- Drafts only with include_drafts = 1.
select
    pt.date,
    pt.proposal_type,
    pt.status,
    pt.title,
    pt.made_at_title,
    pt.first_reported,
    pt.later_mentions,
    pt.record_id,
    pt.made_at,
    pt.review_status
from proposal_tracker as pt
where exists (
    select 1 from record_countries as rc
    where rc.record_id = pt.record_id and rc.iso3 = 'IND' and rc.role = 'proposer'
)
    and exists (
        select 1 from record_countries as rc
        where rc.record_id = pt.record_id and rc.iso3 = upper(:iso3) and rc.role = 'target'
    )
    and (:status = '' or pt.status = :status)
    and (:include_drafts = '1' or pt.review_status <> 'machine_suggested')
order by pt.date_earliest is null, pt.date_earliest, pt.record_id
