-- Every document the published warehouse knows, for incremental ingest and missing-file reports.
SELECT document_id, status, source_path, missing_since IS NOT NULL AS reported_missing FROM v_documents
