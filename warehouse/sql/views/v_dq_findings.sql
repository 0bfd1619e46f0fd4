-- Contract view: failed reconciliations (per document and across documents).
CREATE OR REPLACE VIEW v_dq_findings AS
SELECT
    f.document_id,
    d.county,
    d.department,
    d.fiscal_year,
    d.phase,
    f."check",
    f.severity,
    f.message,
    f.expected_yuan,
    f.actual_yuan,
    f.scope
FROM fact_dq_finding AS f
LEFT JOIN dim_document AS d USING (document_id)
WHERE d.status IS NULL OR d.status = 'loaded';
