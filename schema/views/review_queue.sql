-- review_queue: one row per sentence that names India and either a Central
-- Asian state or a cooperation term, and that no curator has settled yet:
-- no evidence or conflict quote cites it and it is not skipped in
-- seeds/coverage.yaml. The curators' to-do list for a new article.
with

india as (
    select distinct men.sentence_id
    from mentions as men
    where men.iso3 = 'IND'
),

central_asia as (
    select distinct men.sentence_id
    from mentions as men
    inner join countries as cou on cou.iso3 = men.iso3
    where cou.is_central_asia = 1
),

candidates as (
    select sen.*
    from sentences as sen
    where sen.sentence_id in (select ind.sentence_id from india as ind)
        and (
            sen.sentence_id in (select cas.sentence_id from central_asia as cas)
            or sen.cooperation_terms <> '[]'
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
        select json_group_array(named.iso3)
        from (
            select distinct men.iso3
            from mentions as men
            where men.sentence_id = can.sentence_id and men.entity_type = 'country'
            order by men.iso3
        ) as named
    ) as countries,
    can.cooperation_terms,
    can.sentence_id
from candidates as can
inner join documents as doc on doc.document_id = can.document_id
where not exists (
    select 1 from evidence as ev
    where ev.document_id = can.document_id and ev.char_start < can.char_end and ev.char_end > can.char_start
)
    and not exists (
        select 1 from conflict_quotes as cq
        where cq.document_id = can.document_id and cq.char_start < can.char_end and cq.char_end > can.char_start
    )
    and not exists (
        select 1 from coverage_skips as cs
        where cs.document_id = can.document_id and cs.char_start < can.char_end and cs.char_end > can.char_start
    )
