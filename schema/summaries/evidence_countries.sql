-- evidence_countries (computed at the end of every build into
-- summary_evidence_countries): one row per evidence quote and country taking
-- part in, or discussed in, the record the quote backs (any role).
select distinct
    rc.iso3,
    ev.evidence_id
from evidence as ev
inner join record_countries as rc on rc.record_id = ev.record_id
