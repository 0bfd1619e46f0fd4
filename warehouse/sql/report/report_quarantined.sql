-- Files that could not be loaded, and why.
SELECT source_path, reason
FROM v_documents
WHERE status = 'quarantined'
ORDER BY source_path
