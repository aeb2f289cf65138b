-- review_queue: one row per sentence that may report an event of cooperation
-- and that no curator has settled yet. A sentence may report one when it names
-- India together with a Central Asian state, or when it names a series, an
-- organisation or a cooperation term together with India, a Central Asian
-- state, a person of one of them ("Doval offered ..."), or a phrase that stands
-- for the parties ("the two sides", "both countries", "Central Asian states";
-- seeds/reference/party_phrases.yaml) in a document that names India. It is settled when a quote of a reviewed record or of a conflict
-- cites it, or seeds/coverage.yaml skips it. A draft does not settle it:
-- drafted_as lists the drafts and suggested quotes that cite it, still to be
-- reviewed.
--
-- What each sentence names is read once, in one pass over its mentions
-- (named), and joined to the sentence: on PostgreSQL an IN (subquery) inside
-- an OR is a subplan, and once its rows outgrow work_mem it is scanned again
-- for every sentence (at 10,000x the seeds the view did not finish in 27 minutes).
-- materialized: table (at 1,000x the seeds, the view's first Datasette page took more than Datasette's 1 s time limit: the page failed;
-- the build makes it a table, with these indexes for its sort and its facets)
-- index: published_earliest
-- index: document_id
with

named as (
    select
        men.sentence_id,
        max(case when men.iso3 = 'IND' then 1 else 0 end) as india,
        max(case when cou.is_central_asia = 1 then 1 else 0 end) as central_asia,
        max(case when per.country_iso3 = 'IND' or per_cou.is_central_asia = 1 then 1 else 0 end) as their_people,
        max(case when men.entity_type in ('organization', 'series') then 1 else 0 end) as named_body
    from mentions as men
    left join countries as cou on cou.iso3 = men.iso3
    left join people as per on per.person_id = men.person_id
    left join countries as per_cou on per_cou.iso3 = per.country_iso3
    group by men.sentence_id
),

india_documents as (
    select distinct men.document_id
    from mentions as men
    where men.iso3 = 'IND'
),

candidates as (
    select
        sen.sentence_id,
        sen.document_id,
        sen.position,
        sen.char_start,
        sen.char_end,
        sen.text,
        sen.cooperation_terms,
        sen.party_phrases
    from sentences as sen
    left join named as nam on nam.sentence_id = sen.sentence_id
    left join india_documents as idoc on idoc.document_id = sen.document_id
    where (nam.india = 1 and nam.central_asia = 1)
    or (
        (nam.named_body = 1 or sen.cooperation_terms <> '[]')
        and (
            nam.india = 1
            or nam.central_asia = 1
            or nam.their_people = 1
            or (sen.party_phrases <> '[]' and idoc.document_id is not null)
        )
    )
)

select
    can.document_id,
    doc.title as document_title,
    doc.published_on,
    doc.published_earliest,
    can.position,
    can.char_start,
    can.char_end,
    can.text,
    (
        select coalesce(json_group_array(named.iso3), '[]')
        from (
            select distinct men.iso3
            from mentions as men
            where men.sentence_id = can.sentence_id and men.entity_type = 'country'
            order by men.iso3
        ) as named
    ) as countries,
    can.cooperation_terms,
    can.party_phrases,
    (
        select coalesce(json_group_array(drafted.record_id), '[]')
        from (
            select distinct ev.record_id
            from evidence as ev
            inner join records as rec on rec.record_id = ev.record_id
            where ev.document_id = can.document_id and ev.char_start < can.char_end and ev.char_end > can.char_start
                and (ev.suggested = 1 or rec.review_status = 'machine_suggested')
            order by ev.record_id
        ) as drafted
    ) as drafted_as,
    can.sentence_id
from candidates as can
inner join documents as doc on doc.document_id = can.document_id
where not exists (
    select 1
    from evidence as ev
    inner join records as rec on rec.record_id = ev.record_id
    where ev.document_id = can.document_id and ev.char_start < can.char_end and ev.char_end > can.char_start
        and ev.suggested = 0 and rec.review_status <> 'machine_suggested'
)
    and not exists (
        select 1 from conflict_quotes as cq
        where cq.document_id = can.document_id and cq.char_start < can.char_end and cq.char_end > can.char_start
    )
    and not exists (
        select 1 from coverage_skips as cs
        where cs.document_id = can.document_id and cs.char_start < can.char_end and cs.char_end > can.char_start
    )
