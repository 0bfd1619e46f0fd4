-- The most recently loaded documents, for the published_warehouse markdown preview.
SELECT document_id, county, department, fiscal_year, phase, status, reason, pages
FROM v_documents ORDER BY loaded_at DESC, document_id LIMIT 20
