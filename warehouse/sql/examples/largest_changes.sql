-- The largest year-over-year changes of a functional 类 in a department's budget.
SELECT county, department_key, fiscal_year, code, name, prior_amount_yuan, amount_yuan, change_yuan, change_pct
FROM v_yoy
WHERE phase = 'budget' AND level = 1 AND change_yuan IS NOT NULL
ORDER BY abs(change_yuan) DESC, county, department_key, fiscal_year, code
LIMIT 5;
