-- country_activity: one row per country involved in any record: what it took
-- part in, what was only planned or rumoured, and drafts apart. The counts
-- are computed at the end of every build (schema/summaries/country_activity.sql)
-- into summary_country_activity, so the view answers at once at any size.
select
    sca.iso3,
    sca.name,
    sca.is_central_asia,
    sca.meetings,
    sca.exercises,
    sca.agreements,
    sca.proposals,
    sca.facilities,
    sca.activities,
    sca.planned,
    sca.rumoured,
    sca.discussed_in,
    sca.records,
    sca.first_date,
    sca.last_date,
    sca.drafts
from summary_country_activity as sca
