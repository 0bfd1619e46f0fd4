-- Which departments put the largest share of their budget into projects (项目支出 / 支出合计)?
SELECT
    county,
    department_key,
    fiscal_year,
    project_yuan,
    expenditure_yuan,
    exact_pct(project_yuan, expenditure_yuan) AS project_pct
FROM v_department_year
WHERE phase = 'budget' AND expenditure_yuan IS NOT NULL
ORDER BY project_pct DESC, county, department_key, fiscal_year
LIMIT 5;
