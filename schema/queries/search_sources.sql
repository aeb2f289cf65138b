-- Search across sources: record titles and summaries, evidence quotes and the
-- full texts of the documents, best matches first. Accepts FTS5 syntax
-- ("quoted phrases", OR, prefix*).
with

hits as (
    select
        'record' as found_in,
        rec.record_id as id,
        rec.title as title,
        snippet(records_fts, -1, '[', ']', ' … ', 16) as snippet,
        records_fts.rank as rank
    from records_fts
    inner join records as rec on rec.rowid = records_fts.rowid
    where records_fts match :q
    union all
    select
        'evidence' as found_in,
        ev.record_id as id,
        rec.title as title,
        snippet(evidence_fts, -1, '[', ']', ' … ', 16) as snippet,
        evidence_fts.rank as rank
    from evidence_fts
    inner join evidence as ev on ev.evidence_id = evidence_fts.rowid
    inner join records as rec on rec.record_id = ev.record_id
    where evidence_fts match :q
    union all
    select
        'document' as found_in,
        doc.document_id as id,
        doc.title as title,
        snippet(documents_fts, 1, '[', ']', ' … ', 16) as snippet,
        documents_fts.rank as rank
    from documents_fts
    inner join documents as doc on doc.rowid = documents_fts.rowid
    where documents_fts match :q
)

select
    hit.found_in,
    hit.id,
    hit.title,
    hit.snippet
from hits as hit
order by hit.rank
