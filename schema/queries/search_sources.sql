-- Search across sources: record titles and summaries, and every sentence of
-- the documents, with the records whose quotes cite it (cited_by; empty for a
-- sentence no record cites). Records first, then sentences, best matches
-- first. Accepts FTS5 syntax ("quoted phrases", OR, prefix*). Drafts, and
-- quotes a program suggested, only with include_drafts = 1.
with

record_hits as (
    select
        'record' as found_in,
        rec.record_id,
        rec.title,
        null as document_id,
        null as document_title,
        null as published_on,
        snippet(records_fts, -1, '[', ']', ' … ', 16) as snippet,
        null as cited_by,
        null as char_start,
        records_fts.rank as rank
    from records_fts
    inner join records as rec on rec.rowid = records_fts.rowid
    where records_fts match :q
        and (:include_drafts = '1' or rec.review_status <> 'machine_suggested')
),

sentence_hits as (
    select
        'sentence' as found_in,
        null as record_id,
        null as title,
        sen.document_id,
        doc.title as document_title,
        doc.published_on,
        snippet(sentences_fts, 0, '[', ']', ' … ', 64) as snippet,
        (
            select json_group_array(citing.record_id)
            from (
                select distinct ev.record_id
                from evidence as ev
                inner join records as rec on rec.record_id = ev.record_id
                where ev.document_id = sen.document_id
                    and ev.char_start < sen.char_end
                    and ev.char_end > sen.char_start
                    and (:include_drafts = '1' or (ev.suggested = 0 and rec.review_status <> 'machine_suggested'))
                order by ev.record_id
            ) as citing
        ) as cited_by,
        sen.char_start,
        sentences_fts.rank as rank
    from sentences_fts
    inner join sentences as sen on sen.sentence_id = sentences_fts.rowid
    inner join documents as doc on doc.document_id = sen.document_id
    where sentences_fts match :q
),

hits as (
    select * from record_hits
    union all
    select * from sentence_hits
)

select
    hit.found_in,
    hit.record_id,
    hit.title,
    hit.document_id,
    hit.document_title,
    hit.published_on,
    hit.snippet,
    hit.cited_by,
    hit.char_start
from hits as hit
order by hit.found_in = 'sentence', hit.rank, hit.document_id, hit.char_start
