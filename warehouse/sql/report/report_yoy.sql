-- The largest year-over-year changes of a department's expenditure total, same phase, consecutive
-- years, percent against the prior year. From v_yoy (level 0), so a department is followed by its
-- department_key across a rename and a unit's 单位预算 is not counted as its department.
SELECT
    county,
    department,
    phase,
    fiscal_year,
    prior_amount_yuan AS prior_yuan,
    amount_yuan AS total_yuan,
    change_yuan,
    change_pct
FROM v_yoy
WHERE code IS NULL AND amount_yuan IS NOT NULL AND prior_amount_yuan IS NOT NULL
ORDER BY abs(change_yuan) DESC, county, department, fiscal_year, phase
LIMIT 20
