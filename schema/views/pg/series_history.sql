-- series_history: one row per record that belongs to a recurring format, with
-- its position in the series (by date, then edition), place and countries.
select
    ser.series_id,
    ser.name as series,
    ser.kind,
    row_number() over (
        partition by rec.series_id
        order by rec.date_earliest is null nulls first, rec.date_earliest nulls first, rec.edition nulls first, rec.record_id nulls first
    ) as position,
    rec.edition,
    rec.record_id,
    rec.title,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    rec.status,
    pla.name as place,
    pla.country_iso3 as place_country,
    (
        select coalesce(jsonb_agg(involved.iso3), '[]'::jsonb)
        from (
            select distinct rc.iso3
            from record_countries as rc
            where rc.record_id = rec.record_id
            order by rc.iso3 nulls first
        ) as involved
    ) as countries,
    rec.review_status
from records as rec
inner join series as ser on ser.series_id = rec.series_id
left join places as pla on pla.place_id = rec.place_id
