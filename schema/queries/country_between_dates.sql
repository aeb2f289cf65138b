-- Everything involving one country (in any role) whose dates overlap a period,
-- optionally of one kind or status. Empty dates mean "no limit"; undated
-- records are left out when a limit is set. Drafts only with include_drafts = 1.
select
    tl.date,
    tl.date_precision,
    tl.kind,
    tl.title,
    rc.role,
    tl.status,
    tl.countries,
    tl.sources,
    tl.record_id,
    tl.review_status
from timeline as tl
inner join record_countries as rc on rc.record_id = tl.record_id
where rc.iso3 = upper(:iso3)
    and (:start = '' or tl.date_latest >= :start)
    and (:end = '' or tl.date_earliest <= :end)
    and (:kind = '' or tl.kind = :kind)
    and (:status = '' or tl.status = :status)
    and (:include_drafts = '1' or tl.review_status <> 'machine_suggested')
order by tl.date_earliest is null, tl.date_earliest, tl.record_id
