-- Execution rate by department: final accounts' spending against the budget of the same year, lowest first.
SELECT
    b.county,
    b.department_key,
    b.fiscal_year,
    b.expenditure_yuan AS budget_yuan,
    f.expenditure_yuan AS final_yuan,
    exact_pct(f.expenditure_yuan, b.expenditure_yuan) AS execution_pct
FROM v_department_year AS b
JOIN v_department_year AS f
    ON f.county = b.county AND f.department_key = b.department_key AND f.fiscal_year = b.fiscal_year
WHERE b.phase = 'budget' AND f.phase = 'final'
ORDER BY execution_pct, b.county, b.department_key, b.fiscal_year
LIMIT 5;
