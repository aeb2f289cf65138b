-- evidence_trail: one row per evidence quote, with the record it backs and
-- the document it comes from. review_status is machine_suggested for a quote
-- a program suggested (evidence.suggested) and for every quote of a draft.
-- materialized: table (at 1,000x the seeds, the view's first Datasette page took 0.68 s;
-- the build makes it a table, with these indexes for its sort and its facets)
-- index: published_on
-- index: kind
-- index: publisher
-- index: document_id
-- index: record_id
select
    rec.kind,
    ev.record_id,
    rec.title,
    ev.document_id,
    doc.title as document_title,
    doc.publisher,
    doc.published_on,
    ev.quote,
    ev.evidence_id,
    ev.char_start,
    ev.char_end,
    ev.note,
    case when ev.suggested = 1 then 'machine_suggested' else rec.review_status end as review_status
from evidence as ev
inner join records as rec on rec.record_id = ev.record_id
inner join documents as doc on doc.document_id = ev.document_id
