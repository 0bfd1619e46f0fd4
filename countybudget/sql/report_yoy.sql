-- The largest year-over-year changes of a department's expenditure total (合计 of the expenditure
-- table), same phase, consecutive years; percent against the prior year.
WITH totals AS (
    SELECT county, department, fiscal_year, phase, sum(amount_yuan) AS total_yuan
    FROM v_budget_lines
    WHERE table_type = 'expenditure' AND measure = 'total' AND code IS NULL AND item = '合计'
        AND budget_unit IS NULL
    GROUP BY ALL
)
SELECT
    t.county,
    t.department,
    t.phase,
    t.fiscal_year,
    p.total_yuan AS prior_yuan,
    t.total_yuan,
    t.total_yuan - p.total_yuan AS change_yuan,
    CASE WHEN p.total_yuan <> 0
        THEN CAST((t.total_yuan - p.total_yuan) * 100 / p.total_yuan AS DECIMAL(18, 2)) END AS change_pct
FROM totals AS t
JOIN totals AS p
    ON p.county IS NOT DISTINCT FROM t.county AND p.department = t.department AND p.phase = t.phase
    AND p.fiscal_year = t.fiscal_year - 1
ORDER BY abs(t.total_yuan - p.total_yuan) DESC, t.county, t.department, t.fiscal_year, t.phase
LIMIT 20
