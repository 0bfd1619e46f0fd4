-- depends: v_department_documents
-- Each department's spending per functional 类 (3-digit code) and 款 (5-digit), year and phase: the
-- 支出总表's total on its own coded rows, or, for a document whose table holds only its units'
-- sections (lines with budget_unit, as 深圳市 prints them), the sum over the units.
CREATE OR REPLACE VIEW v_department_functions AS
WITH coded AS (
    SELECT d.county, d.department_key, d.fiscal_year, d.phase, l.document_id, l.code, l.budget_unit IS NULL AS own,
           l.amount_yuan
    FROM fact_budget_line AS l
    JOIN v_department_documents AS d USING (document_id)
    WHERE l.table_type = 'expenditure' AND l.measure = 'total' AND length(l.code) IN (3, 5)
),
chosen AS (
    SELECT *, bool_or(own) OVER (PARTITION BY document_id) AS has_own
    FROM coded
)
SELECT
    county,
    department_key,
    fiscal_year,
    phase,
    code,
    CAST(length(code) // 2 AS INTEGER) AS level,
    CAST(sum(amount_yuan) AS DECIMAL(18, 2)) AS amount_yuan
FROM chosen
WHERE own = has_own
GROUP BY county, department_key, fiscal_year, phase, code;
