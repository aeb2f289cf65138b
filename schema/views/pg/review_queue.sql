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

their_people as (
    select distinct men.sentence_id
    from mentions as men
    inner join people as per on per.person_id = men.person_id
    inner join countries as cou on cou.iso3 = per.country_iso3
    where per.country_iso3 = 'IND' or cou.is_central_asia = 1
),

named_bodies as (
    select distinct men.sentence_id
    from mentions as men
    where men.entity_type in ('organization', 'series')
),

india_documents as (
    select distinct men.document_id
    from mentions as men
    where men.iso3 = 'IND'
),

candidates as (
    select sen.*
    from sentences as sen
    where (
        sen.sentence_id in (select ind.sentence_id from india as ind)
        and sen.sentence_id in (select cas.sentence_id from central_asia as cas)
    )
    or (
        (
            sen.sentence_id in (select nb.sentence_id from named_bodies as nb)
            or sen.cooperation_terms <> '[]'
        )
        and (
            sen.sentence_id in (select ind.sentence_id from india as ind)
            or sen.sentence_id in (select cas.sentence_id from central_asia as cas)
            or sen.sentence_id in (select tp.sentence_id from their_people as tp)
            or (
                sen.party_phrases <> '[]'
                and sen.document_id in (select idoc.document_id from india_documents as idoc)
            )
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
        select coalesce(jsonb_agg(named.iso3), '[]'::jsonb)
        from (
            select distinct men.iso3
            from mentions as men
            where men.sentence_id = can.sentence_id and men.entity_type = 'country'
            order by men.iso3 nulls first
        ) as named
    ) as countries,
    can.cooperation_terms,
    can.party_phrases,
    (
        select coalesce(jsonb_agg(drafted.record_id), '[]'::jsonb)
        from (
            select distinct ev.record_id
            from evidence as ev
            inner join records as rec on rec.record_id = ev.record_id
            where ev.document_id = can.document_id and ev.char_start < can.char_end and ev.char_end > can.char_start
                and (ev.suggested = 1 or rec.review_status = 'machine_suggested')
            order by ev.record_id nulls first
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
