-- document_countries: one row per document and country it mentions, with how
-- often and in how many sentences.
-- materialized: table (at 1,000x the seeds, the view's first Datasette page took 1.79 s;
-- the build makes it a table, with these indexes for its sort and its facets)
-- index: mentions
-- index: name
-- index: document_id
select
    doc.document_id,
    doc.title as document_title,
    doc.published_on,
    cou.iso3,
    cou.name,
    count(*) as mentions,
    count(distinct men.sentence_id) as sentences,
    min(men.char_start) as first_char
from mentions as men
inner join documents as doc on doc.document_id = men.document_id
inner join countries as cou on cou.iso3 = men.iso3
where men.entity_type = 'country'
group by doc.document_id, cou.iso3
