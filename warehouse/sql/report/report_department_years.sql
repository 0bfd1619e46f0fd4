-- Each department's expenditure total (the 合计 row of the expenditure table) per year and phase.
SELECT county, department, fiscal_year, phase, sum(amount_yuan) AS expenditure_yuan
FROM v_budget_lines
WHERE table_type = 'expenditure' AND measure = 'total' AND code IS NULL AND item = '合计'
GROUP BY ALL
ORDER BY county, department, fiscal_year, phase
