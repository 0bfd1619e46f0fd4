-- Findings of the documents loaded now (superseded issues left out), for the asset checks.
SELECT f."check", f.document_id, f.department, f.fiscal_year, f.phase, f.severity, f.message,
       f.expected_yuan, f.actual_yuan
FROM v_dq_findings AS f
LEFT JOIN v_documents AS d USING (document_id)
WHERE coalesce(d.status, 'loaded') = 'loaded'
ORDER BY f."check", f.severity, f.fiscal_year, f.department, f.document_id
