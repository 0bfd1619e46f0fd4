-- Loaded documents not yet reported missing, with the file they came from.
SELECT document_id, source_path FROM v_documents WHERE status = 'loaded' AND missing_since IS NULL
