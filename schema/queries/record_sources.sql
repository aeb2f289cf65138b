-- The sources of one record: every quote, with the document it comes from.
-- A draft's quotes, and quotes a program suggested, only with include_drafts = 1
-- (evidence_trail marks both machine_suggested).
select
    et.quote,
    et.document_title,
    et.publisher,
    et.published_on,
    et.document_id,
    et.char_start,
    et.char_end,
    et.note,
    et.record_id,
    et.review_status
from evidence_trail as et
where et.record_id = :record_id
    and (:include_drafts = '1' or et.review_status <> 'machine_suggested')
order by et.published_on, et.evidence_id
