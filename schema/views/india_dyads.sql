-- india_dyads: one row per partner country, year, kind of record, occurrence
-- and review status (India's dyads; occurrence = 'occurred' for what happened).
-- Computed at the end of every build (schema/summaries/india_dyads.sql) into
-- summary_india_dyads, so the view answers at once at any size.
select
    sid.india_iso3,
    sid.partner_iso3,
    sid.partner_name,
    sid.partner_is_central_asia,
    sid.year,
    sid.kind,
    sid.occurrence,
    sid.review_status,
    sid.records,
    sid.record_ids
from summary_india_dyads as sid
