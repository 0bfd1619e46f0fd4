-- Every document in the warehouse with what score needs to pair it with a truth file.
SELECT document_id, sha256, source_path, status, reason, county, department, fiscal_year, phase
FROM v_documents
ORDER BY document_id;
