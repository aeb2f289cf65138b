-- Everything involving one country (in any role) whose dates overlap a period.
-- Empty dates mean "no limit"; undated records are left out when a limit is set.
select
    tl.date,
    tl.date_precision,
    tl.kind,
    tl.title,
    rc.role,
    tl.status,
    tl.countries,
    tl.sources,
    tl.record_id
from timeline as tl
inner join record_countries as rc on rc.record_id = tl.record_id
where rc.iso3 = upper(:iso3)
    and (:start = '' or tl.date_latest >= :start)
    and (:end = '' or tl.date_earliest <= :end)
order by tl.date_earliest is null, tl.date_earliest, tl.record_id
