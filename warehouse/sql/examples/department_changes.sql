-- Departments that appeared, disappeared, split or merged between two years (followed by department_key).
SELECT "check", county, department, fiscal_year, phase, message
FROM v_dq_findings
WHERE "check" IN ('department_appeared', 'department_disappeared', 'department_split', 'department_merged')
ORDER BY county, fiscal_year, phase, "check", department;
