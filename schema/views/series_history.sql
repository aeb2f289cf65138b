-- series_history: one row per record that belongs to a recurring format, with
-- its position in the series, place and countries (as timeline gives them). Records are placed by their
-- date; one the sources date only by bounds is placed by its earliest bound, or
-- by its latest where it has no earliest ("before 26 January 2022"), so it
-- never comes after a record dated later; then by edition.
select
    ser.series_id,
    ser.name as series,
    ser.kind,
    row_number() over (
        partition by rec.series_id
        order by
            coalesce(rec.date_earliest, rec.date_latest) is null,
            coalesce(rec.date_earliest, rec.date_latest),
            rec.edition,
            rec.record_id
    ) as position,
    rec.edition,
    rec.record_id,
    rec.title,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    rec.date_latest,
    rec.status,
    pla.name as place,
    pla.country_iso3 as place_country,
    tl.countries,
    rec.review_status
from records as rec
inner join series as ser on ser.series_id = rec.series_id
inner join timeline as tl on tl.record_id = rec.record_id
left join places as pla on pla.place_id = rec.place_id
