-- co_mentions: one row per pair of countries named in the same sentence, with
-- how many sentences and documents name both, and the first such sentence.
-- materialized: table (at 1,000x the seeds, the view's first Datasette page took 2.75 s, and a facet timed out;
-- the build makes it a table, with these indexes for its sort and its facets)
-- index: sentences
-- index: name_a
-- index: name_b
with

sentence_countries as (
    select distinct
        men.sentence_id,
        men.document_id,
        men.iso3
    from mentions as men
    where men.entity_type = 'country'
),

pairs as (
    select
        one.iso3 as iso3_a,
        two.iso3 as iso3_b,
        one.sentence_id,
        one.document_id
    from sentence_countries as one
    inner join sentence_countries as two
        on two.sentence_id = one.sentence_id and one.iso3 < two.iso3
),

pair_counts as (
    select
        par.iso3_a,
        par.iso3_b,
        count(*) as sentences,
        count(distinct par.document_id) as documents,
        min(par.sentence_id) as example_sentence_id
    from pairs as par
    group by par.iso3_a, par.iso3_b
)

select
    pc.iso3_a,
    cou_a.name as name_a,
    pc.iso3_b,
    cou_b.name as name_b,
    pc.sentences,
    pc.documents,
    ex.document_id as example_document_id,
    ex.text as example_sentence
from pair_counts as pc
inner join countries as cou_a on cou_a.iso3 = pc.iso3_a
inner join countries as cou_b on cou_b.iso3 = pc.iso3_b
inner join sentences as ex on ex.sentence_id = pc.example_sentence_id
