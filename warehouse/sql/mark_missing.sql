-- The file left the inbox: keep its rows, report it (first time seen missing wins).
UPDATE dim_document
SET missing_since = now()
WHERE list_contains($document_ids, document_id) AND missing_since IS NULL;
