-- Calendar feed (add .ics to the URL): meetings, exercises and other records
-- dated to the day, as all-day events. Records known only to the month or
-- year are left out: a calendar cannot place them on a day. Drafts only with
-- include_drafts = 1.
select
    tl.record_id as event_uid,
    tl.title as event_name,
    tl.date as event_dtstart,
    tl.kind || ' (' || tl.status || '): ' || coalesce(tl.summary, '') as event_description,
    tl.place
from timeline as tl
where tl.date_precision = 'day'
    and (:include_drafts = '1' or tl.review_status <> 'machine_suggested')
order by tl.date_earliest
