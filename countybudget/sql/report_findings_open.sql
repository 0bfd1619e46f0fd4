-- Every open data-quality finding with what it takes to link it to its document and page: the
-- file, the pages of each table read, and the first page the narrative was read from.
SELECT
    f.county,
    f.department,
    f.fiscal_year,
    f.phase,
    f."check",
    f.severity,
    f.message,
    f.document_id,
    d.source_path,
    d.table_reports,
    (SELECT min(n.page) FROM v_narrative_figures AS n WHERE n.document_id = f.document_id) AS narrative_page
FROM v_dq_findings AS f
LEFT JOIN v_documents AS d USING (document_id)
ORDER BY f.severity, f.county, f.department, f.fiscal_year, f.phase, f."check", f.message
LIMIT 1000
