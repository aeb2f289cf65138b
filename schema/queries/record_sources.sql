-- The sources of one record: every quote, with the document it comes from.
select
    et.quote,
    et.document_title,
    et.publisher,
    et.published_on,
    et.document_id,
    et.char_start,
    et.char_end,
    et.note
from evidence_trail as et
where et.record_id = :record_id
order by et.published_on, et.evidence_id
