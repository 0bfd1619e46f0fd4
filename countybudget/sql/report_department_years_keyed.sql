-- Each department's expenditure per year and phase followed across renames by its department_key
-- (v_department_year, where the warehouse has it), named by its latest printed name.
SELECT
    county,
    max_by(department, fiscal_year) OVER (PARTITION BY county, department_key) AS department,
    fiscal_year,
    phase,
    expenditure_yuan
FROM v_department_year
WHERE expenditure_yuan IS NOT NULL
ORDER BY county, department, fiscal_year, phase
