-- country_activity: one row per country involved in any record (what it took part in, by
-- the records' kind and occurrence as timeline gives them). Only reviewed
-- records (review_status reviewed or needs_review) are counted, and each only
-- once per country:
-- - the kind counts are records the country takes part in (any role but
--   "subject") whose status says they took place (occurrence 'occurred'), except
--   proposals, which count every proposal, offer, invitation or request made,
--   whatever became of it (but not rumoured ones);
-- - planned counts records of other kinds that are planned or proposed, not yet
--   taken place as of the report; rumoured counts records reported as rumour;
-- - discussed_in counts records where the country is only discussed;
-- - records counts them all, and first_date / last_date span them;
-- - drafts counts machine-suggested records that involve the country, which
--   are in none of the other counts.
-- materialized: table (at 1,000x the seeds, the view's first Datasette page took 1.01 s;
-- the build makes it a table, with these indexes for its sort and its facets)
-- index: records
-- index: is_central_asia
with

involvement as (
    select
        rc.iso3,
        rc.record_id,
        count(*) filter (where rc.role <> 'subject') = 0 as only_subject
    from record_countries as rc
    group by rc.iso3, rc.record_id
),

classified as (
    select
        inv.iso3,
        inv.only_subject,
        tl.kind,
        tl.date_earliest,
        tl.date_latest,
        tl.review_status = 'machine_suggested' as is_draft,
        tl.review_status <> 'machine_suggested' and not inv.only_subject as takes_part,
        tl.occurrence
    from involvement as inv
    inner join timeline as tl on tl.record_id = inv.record_id
),

activity as (
    select
        cla.iso3,
        count(*) filter (where cla.takes_part and cla.kind = 'meeting' and cla.occurrence = 'occurred') as meetings,
        count(*) filter (where cla.takes_part and cla.kind = 'exercise' and cla.occurrence = 'occurred') as exercises,
        count(*) filter (where cla.takes_part and cla.kind = 'agreement' and cla.occurrence = 'occurred') as agreements,
        count(*) filter (where cla.takes_part and cla.kind = 'proposal' and cla.occurrence <> 'unverified') as proposals,
        count(*) filter (where cla.takes_part and cla.kind = 'facility' and cla.occurrence = 'occurred') as facilities,
        count(*) filter (where cla.takes_part and cla.kind = 'activity' and cla.occurrence = 'occurred') as activities,
        count(*) filter (where cla.takes_part and cla.kind <> 'proposal' and cla.occurrence = 'intended') as planned,
        count(*) filter (where cla.takes_part and cla.occurrence = 'unverified') as rumoured,
        count(*) filter (where not cla.is_draft and cla.only_subject) as discussed_in,
        count(*) filter (where not cla.is_draft) as records,
        min(case when not cla.is_draft then cla.date_earliest end) as first_date,
        max(case when not cla.is_draft then cla.date_latest end) as last_date,
        count(*) filter (where cla.is_draft) as drafts
    from classified as cla
    group by cla.iso3
)

select
    act.iso3,
    cou.name,
    cou.is_central_asia,
    act.meetings,
    act.exercises,
    act.agreements,
    act.proposals,
    act.facilities,
    act.activities,
    act.planned,
    act.rumoured,
    act.discussed_in,
    act.records,
    act.first_date,
    act.last_date,
    act.drafts
from activity as act
inner join countries as cou on cou.iso3 = act.iso3
