-- The regions whose 机关运行经费 per department is highest (budgets, each year).
SELECT
    county,
    fiscal_year,
    departments,
    operating_cost_yuan,
    exact_per(operating_cost_yuan, departments) AS per_department_yuan
FROM v_region_year
WHERE phase = 'budget' AND operating_cost_yuan IS NOT NULL
ORDER BY per_department_yuan DESC, county, fiscal_year;
