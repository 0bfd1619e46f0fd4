-- An older issue of the same county / department / year / phase gives way to the one just loaded.
UPDATE dim_document
SET status = 'superseded', reason = 'superseded', message = 'superseded by ' || $superseded_by,
    superseded_by = $superseded_by
WHERE document_id = $document_id;
