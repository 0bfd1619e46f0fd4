-- Execution rate per department and year (percent): final over budget, summed over the functional 类 rows
-- that v_execution pairs (departments with both phases loaded).
SELECT
    county,
    department,
    fiscal_year,
    sum(budget_yuan) AS budget_yuan,
    sum(final_yuan) AS final_yuan,
    CAST(sum(final_yuan) * 100 / nullif(sum(budget_yuan), 0) AS DECIMAL(18, 2)) AS execution_pct
FROM v_execution
WHERE length(code) = 3
GROUP BY ALL
ORDER BY county, department, fiscal_year
