-- timeline: one row per record (meeting, agreement, exercise, proposal,
-- facility, activity), with its date at its precision, whether its status says
-- it took place (occurrence), the ISO3 codes of every country involved (a JSON
-- array, sorted, for Datasette's _facet_array), how many evidence quotes back
-- it and when it was first reported, and whether a person has reviewed it
-- (review_status: machine_suggested marks a draft). Quotes a program suggested
-- for a record (evidence.suggested) are counted apart, in suggested_quotes, and
-- never in sources or first_reported.
-- materialized: table (at 1,000x the seeds, the view's first Datasette page took 0.85 s, and a facet timed out;
-- the build makes it a table, with these indexes for its sort and its facets)
-- index: record_id
-- index: date_earliest
-- index: kind
-- index: status
-- index: occurrence
-- index: year
-- index: category
-- index: series
-- index: review_status
select
    rec.kind,
    rec.record_id,
    rec.title,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    rec.date_latest,
    rec.year,
    rec.month,
    rec.status,
    case
        when rec.status in ('planned', 'proposed', 'offered') then 'intended'
        when rec.status = 'rumoured' then 'unverified'
        else 'occurred'
    end as occurrence,
    rec.category,
    (
        select coalesce(json_group_array(involved.iso3), '[]')
        from (
            select distinct rc.iso3
            from record_countries as rc
            where rc.record_id = rec.record_id
            order by rc.iso3
        ) as involved
    ) as countries,
    (
        select count(*)
        from evidence as ev
        where ev.record_id = rec.record_id and ev.suggested = 0
    ) as sources,
    (
        select count(*)
        from evidence as ev
        where ev.record_id = rec.record_id and ev.suggested = 1
    ) as suggested_quotes,
    (
        select doc.published_on
        from evidence as ev
        inner join documents as doc on doc.document_id = ev.document_id
        where ev.record_id = rec.record_id and ev.suggested = 0
        order by doc.published_earliest, doc.document_id
        limit 1
    ) as first_reported,
    rec.summary,
    ser.name as series,
    rec.edition,
    pla.name as place,
    pla.country_iso3 as place_country,
    pla.latitude,
    pla.longitude,
    rec.review_status
from records as rec
left join series as ser on ser.series_id = rec.series_id
left join places as pla on pla.place_id = rec.place_id
