-- Which departments' "三公" budgets rose most from the year before (yuan, then percent)?
SELECT county, department_key, fiscal_year, prior_three_public_yuan, three_public_yuan, change_yuan, change_pct
FROM v_three_public_trend
WHERE phase = 'budget' AND change_yuan IS NOT NULL
ORDER BY change_yuan DESC, county, department_key, fiscal_year
LIMIT 5;
