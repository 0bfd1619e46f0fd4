-- Quarantined documents with their reason class and message.
SELECT document_id, source_path, reason
FROM v_documents WHERE status = 'quarantined' ORDER BY reason, source_path
