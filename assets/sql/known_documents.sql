-- Every document the published warehouse knows, for incremental ingest and missing-file reports.
SELECT document_id, status, source_path FROM v_documents
