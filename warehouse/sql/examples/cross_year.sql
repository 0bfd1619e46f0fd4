-- Each department's total expenditure per phase (sum of its 类 rows in the 支出总表), one column per year.
PIVOT (
    SELECT county, department, phase, fiscal_year, amount_yuan
    FROM v_budget_lines
    WHERE table_type = 'expenditure' AND measure = 'total' AND length(code) = 3
)
ON fiscal_year
USING sum(amount_yuan)
GROUP BY county, department, phase
ORDER BY county, department, phase;
