-- Contract view: every amount of every standard table of every loaded document.
CREATE OR REPLACE VIEW v_budget_lines AS
SELECT
    d.county,
    d.department,
    d.fiscal_year,
    d.phase,
    l.table_type,
    l.code,
    l.item,
    l.measure,
    l.amount_yuan,
    l.document_id,
    l.page
FROM fact_budget_line AS l
JOIN dim_document AS d USING (document_id)
WHERE d.status = 'loaded';
