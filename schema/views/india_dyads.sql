-- india_dyads: one row per partner country, year and kind of record (India's
-- dyads). Computed at the end of every build (schema/summaries/india_dyads.sql)
-- into summary_india_dyads, so the view answers at once at any size.
select
    sid.india_iso3,
    sid.partner_iso3,
    sid.partner_name,
    sid.partner_is_central_asia,
    sid.year,
    sid.kind,
    sid.records,
    sid.record_ids
from summary_india_dyads as sid
