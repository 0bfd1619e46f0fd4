-- Budget against final accounts per county, department, year and functional code, for departments
-- with both phases loaded: the expenditure table's `total` measure on coded rows.
-- depends: v_budget_lines
CREATE OR REPLACE VIEW v_execution AS
WITH coded AS (
    SELECT county, department, fiscal_year, phase, code, sum(amount_yuan) AS amount_yuan
    FROM v_budget_lines
    WHERE table_type = 'expenditure' AND measure = 'total' AND code IS NOT NULL
    GROUP BY ALL
),
both_phases AS (
    SELECT county, department, fiscal_year
    FROM dim_document
    WHERE status = 'loaded'
    GROUP BY ALL
    HAVING count(DISTINCT phase) = 2
),
paired AS (
    SELECT
        coalesce(b.county, f.county) AS county,
        coalesce(b.department, f.department) AS department,
        coalesce(b.fiscal_year, f.fiscal_year) AS fiscal_year,
        coalesce(b.code, f.code) AS code,
        b.amount_yuan AS budget_yuan,
        f.amount_yuan AS final_yuan,
        -- the scheme as a column, not a constant in the ON clause: DuckDB 2.0.1 drops an outer LIMIT
        -- when a LEFT JOIN's ON holds a constant filter and the right table is empty
        'functional' AS scheme
    FROM (SELECT * FROM coded WHERE phase = 'budget') AS b
    FULL OUTER JOIN (SELECT * FROM coded WHERE phase = 'final') AS f
        ON b.county = f.county AND b.department = f.department
        AND b.fiscal_year = f.fiscal_year AND b.code = f.code
)
SELECT
    p.county,
    p.department,
    p.fiscal_year,
    p.code,
    c.name,
    c.level,
    CAST(p.budget_yuan AS DECIMAL(18, 2)) AS budget_yuan,
    CAST(p.final_yuan AS DECIMAL(18, 2)) AS final_yuan,
    CASE WHEN p.budget_yuan <> 0
        THEN CAST(p.final_yuan / p.budget_yuan AS DECIMAL(18, 4)) END AS execution_rate
FROM paired AS p
JOIN both_phases USING (county, department, fiscal_year)
LEFT JOIN dim_classification AS c
    ON c.scheme = p.scheme AND c.fiscal_year = p.fiscal_year AND c.code = p.code;
