-- The history of one recurring format, in order, with editions where a source
-- gives them. Leave series empty to list every series. Drafts only with
-- include_drafts = 1.
select
    sh.series,
    sh.position,
    sh.edition,
    sh.date,
    sh.title,
    sh.status,
    sh.place,
    sh.countries,
    sh.record_id,
    sh.review_status
from series_history as sh
where (:series = '' or sh.series_id = :series)
    and (:include_drafts = '1' or sh.review_status <> 'machine_suggested')
order by sh.series, sh.position
