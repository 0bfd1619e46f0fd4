-- Each region's expenditure by functional 类 (3-digit code) per year and phase: the expenditure
-- table's `total` on 类 rows of department documents (unit sections left out: they repeat the department's).
SELECT county, fiscal_year, phase, code, min(item) AS name, sum(amount_yuan) AS amount_yuan
FROM v_budget_lines
WHERE table_type = 'expenditure' AND measure = 'total' AND length(code) = 3 AND budget_unit IS NULL
GROUP BY county, fiscal_year, phase, code
ORDER BY county, fiscal_year, phase, code
