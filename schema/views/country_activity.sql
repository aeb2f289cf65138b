-- country_activity: one row per country involved in any record. The counts
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
    sca.discussed_in,
    sca.records,
    sca.first_date,
    sca.last_date
from summary_country_activity as sca
