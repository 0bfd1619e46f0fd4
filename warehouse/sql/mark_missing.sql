-- $document_ids is the complete set of documents whose file is gone now: they get missing_since
-- (the first time seen missing wins); any other document's file is back, so its mark is cleared.
-- Rows are never deleted: a removed file is reported, not silently dropped.
UPDATE dim_document
SET missing_since = CASE WHEN list_contains($document_ids, document_id) THEN now() END
WHERE (list_contains($document_ids, document_id) AND missing_since IS NULL)
   OR (NOT list_contains($document_ids, document_id) AND missing_since IS NOT NULL);
