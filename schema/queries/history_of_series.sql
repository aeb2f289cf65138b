-- The history of one recurring format, in order, with editions where a source
-- gives them. Leave series empty to list every series.
select
    sh.series,
    sh.position,
    sh.edition,
    sh.date,
    sh.title,
    sh.status,
    sh.place,
    sh.countries,
    sh.record_id
from series_history as sh
where :series = '' or sh.series_id = :series
order by sh.series, sh.position
