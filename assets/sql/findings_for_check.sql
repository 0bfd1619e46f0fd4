-- Current findings of one check: documents that are loaded now (superseded issues left out).
SELECT f.document_id, f.department, f.fiscal_year, f.phase, f.severity, f.message,
       f.expected_yuan, f.actual_yuan
FROM v_dq_findings AS f
LEFT JOIN v_documents AS d USING (document_id)
WHERE f."check" = $check AND coalesce(d.status, 'loaded') = 'loaded'
ORDER BY f.severity, f.fiscal_year, f.department, f.document_id
