-- Meetings and exercises with a known place, for the map (latitude and
-- longitude columns). Places given only as a country sit on its capital.
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
order by tl.date_earliest
