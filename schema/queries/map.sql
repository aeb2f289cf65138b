-- Meetings and exercises with a known place, for the map (latitude and
-- longitude columns). Places given only as a country sit on its capital.
-- Drafts only with include_drafts = 1.
select
    tl.title,
    tl.kind,
    tl.date,
    tl.status,
    tl.place,
    tl.latitude,
    tl.longitude,
    tl.record_id
from timeline as tl
where tl.kind in ('meeting', 'exercise') and tl.latitude is not null
    and (:include_drafts = '1' or tl.review_status <> 'machine_suggested')
order by tl.date_earliest
