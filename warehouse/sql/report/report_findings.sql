-- Data-quality findings per department and check.
SELECT county, department, fiscal_year, phase, "check", severity, count(*) AS findings
FROM v_dq_findings
GROUP BY ALL
ORDER BY severity, county, department, fiscal_year, phase, "check"
