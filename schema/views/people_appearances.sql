-- people_appearances: one row per person per record per role: who appears
-- where, in which role.
select
    per.person_id,
    per.name,
    per.position,
    per.country_iso3,
    rp.role,
    rec.kind,
    rec.record_id,
    rec.title,
    rec.date,
    rec.date_precision,
    rec.date_earliest,
    pla.name as place,
    rec.review_status
from record_people as rp
inner join people as per on per.person_id = rp.person_id
inner join records as rec on rec.record_id = rp.record_id
left join places as pla on pla.place_id = rec.place_id
