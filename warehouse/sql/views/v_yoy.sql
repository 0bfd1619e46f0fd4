-- depends: v_department_documents, v_department_functions, v_department_year
-- Year-over-year change per department (department_key), phase and year, for the department's total
-- spending (level 0, code NULL) and each functional 类 (level 1) and 款 (level 2) of its expenditure
-- table, when the department has documents of that phase in both years. A code printed in one year
-- only has NULL on the other side (and NULL change): blank is "not reported", not zero.
CREATE OR REPLACE VIEW v_yoy AS
WITH amounts AS (
    SELECT county, department_key, fiscal_year, phase, NULL::VARCHAR AS code, expenditure_yuan AS amount_yuan
    FROM v_department_year
    WHERE expenditure_yuan IS NOT NULL
    UNION ALL
    SELECT county, department_key, fiscal_year, phase, code, amount_yuan
    FROM v_department_functions
),
present AS (SELECT DISTINCT county, department_key, phase, fiscal_year FROM v_department_documents),
pairs AS (
    SELECT c.county, c.department_key, c.phase, c.fiscal_year AS year, p.fiscal_year AS prior
    FROM present AS c
    JOIN present AS p
        ON p.county = c.county AND p.department_key = c.department_key AND p.phase = c.phase
        AND p.fiscal_year = c.fiscal_year - 1
),
this_year AS (
    SELECT p.*, a.code, a.amount_yuan
    FROM pairs AS p
    JOIN amounts AS a
        ON a.county = p.county AND a.department_key = p.department_key AND a.phase = p.phase AND a.fiscal_year = p.year
),
last_year AS (
    SELECT p.*, a.code, a.amount_yuan
    FROM pairs AS p
    JOIN amounts AS a
        ON a.county = p.county AND a.department_key = p.department_key AND a.phase = p.phase AND a.fiscal_year = p.prior
),
joined AS (
    SELECT
        coalesce(t.county, l.county) AS county,
        coalesce(t.department_key, l.department_key) AS department_key,
        coalesce(t.phase, l.phase) AS phase,
        coalesce(t.year, l.year) AS fiscal_year,
        coalesce(t.prior, l.prior) AS prior_year,
        coalesce(t.code, l.code) AS code,
        t.amount_yuan,
        l.amount_yuan AS prior_amount_yuan
    FROM this_year AS t
    FULL OUTER JOIN last_year AS l
        ON l.county = t.county AND l.department_key = t.department_key AND l.phase = t.phase
        AND l.year = t.year AND coalesce(l.code, '') = coalesce(t.code, '')
)
SELECT
    j.county,
    j.department_key,
    y.department,
    j.phase,
    j.fiscal_year,
    j.prior_year,
    j.code,
    CASE WHEN j.code IS NULL THEN '合计' ELSE coalesce(c.name, cp.name) END AS name,
    CASE WHEN j.code IS NULL THEN 0 WHEN length(j.code) = 3 THEN 1 ELSE 2 END AS level,
    CAST(j.amount_yuan AS DECIMAL(18, 2)) AS amount_yuan,
    CAST(j.prior_amount_yuan AS DECIMAL(18, 2)) AS prior_amount_yuan,
    CAST(j.amount_yuan - j.prior_amount_yuan AS DECIMAL(18, 2)) AS change_yuan,
    exact_pct(j.amount_yuan - j.prior_amount_yuan, j.prior_amount_yuan) AS change_pct
FROM joined AS j
JOIN v_department_year AS y
    ON y.county = j.county AND y.department_key = j.department_key AND y.phase = j.phase
    AND y.fiscal_year = j.fiscal_year
LEFT JOIN (SELECT fiscal_year, code, name FROM dim_classification WHERE scheme = 'functional') AS c
    ON c.fiscal_year = j.fiscal_year AND c.code = j.code
LEFT JOIN (SELECT fiscal_year, code, name FROM dim_classification WHERE scheme = 'functional') AS cp
    ON cp.fiscal_year = j.prior_year AND cp.code = j.code;
