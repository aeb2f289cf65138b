-- timeline: one row per record (meeting, agreement, exercise, proposal,
-- facility, activity), with its date at its precision, the ISO3 codes of every
-- country involved (a JSON array, sorted, for Datasette's _facet_array), how
-- many evidence quotes back it and when it was first reported, whether its
-- status says it took place (occurrence) and whether a person has reviewed it
-- (review_status: machine_suggested marks a draft). Computed at the
-- end of every build (schema/summaries/timeline.sql) into summary_timeline, so
-- counting, faceting and paging the view cost the same as a table's.
select
    stl.kind,
    stl.record_id,
    stl.title,
    stl.date,
    stl.date_precision,
    stl.date_earliest,
    stl.date_latest,
    stl.year,
    stl.month,
    stl.status,
    stl.occurrence,
    stl.category,
    stl.countries,
    stl.sources,
    stl.suggested_quotes,
    stl.first_reported,
    stl.summary,
    stl.series,
    stl.edition,
    stl.place,
    stl.place_country,
    stl.latitude,
    stl.longitude,
    stl.review_status
from summary_timeline as stl
