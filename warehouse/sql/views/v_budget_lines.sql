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
    l.page,
    l.budget_unit,  -- after the contract's columns: the 预算单位 section, NULL for department rows
    l.source,  -- 'text' or 'ocr' (read from a table image)
    l.confidence  -- OCR engine confidence in the cell, 0..1 (NULL for text)
FROM fact_budget_line AS l
JOIN dim_document AS d USING (document_id)
WHERE d.status = 'loaded';
