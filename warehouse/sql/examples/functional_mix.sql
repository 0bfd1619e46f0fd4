-- A department's functional mix over three years: each 类's spending and share of the department's total
-- (budgets of 白石县's education bureau; change the two names in `chosen` for another department).
WITH chosen AS (SELECT '白石县' AS county, '白石县教育局' AS department_key),
classes AS (
    SELECT l.fiscal_year, l.code, sum(l.amount_yuan) AS amount_yuan
    FROM v_budget_lines AS l
    JOIN v_department_documents AS d USING (document_id)
    JOIN chosen AS c ON c.county = d.county AND c.department_key = d.department_key
    WHERE l.phase = 'budget' AND l.table_type = 'expenditure' AND l.measure = 'total' AND length(l.code) = 3
        AND l.budget_unit IS NULL
    GROUP BY ALL
)
SELECT
    fiscal_year,
    code,
    CAST(amount_yuan AS DECIMAL(18, 2)) AS amount_yuan,
    exact_pct(amount_yuan, sum(amount_yuan) OVER (PARTITION BY fiscal_year)) AS share_pct
FROM classes
ORDER BY fiscal_year, code;
