-- Budget against final accounts per region, department (department_key), year and functional code,
-- for departments with both phases loaded: the expenditure table's `total` measure on coded rows of
-- the department's own disclosures (not the 单位预算 of its units). Pairing by department_key, a
-- budget printed by 中共X县委组织部 meets the final account printed by X县委组织部.
-- depends: v_budget_lines, v_department_documents
CREATE OR REPLACE VIEW v_execution AS
WITH coded AS (
    SELECT d.county, d.department_key, d.fiscal_year, d.phase, l.code, sum(l.amount_yuan) AS amount_yuan
    FROM v_budget_lines AS l
    JOIN v_department_documents AS d USING (document_id)
    WHERE l.table_type = 'expenditure' AND l.measure = 'total' AND l.code IS NOT NULL
    GROUP BY ALL
),
both_phases AS (
    SELECT county, department_key, fiscal_year, max(department) FILTER (WHERE phase = 'final') AS department
    FROM v_department_documents
    GROUP BY ALL
    HAVING count(DISTINCT phase) = 2
),
paired AS (
    SELECT
        coalesce(b.county, f.county) AS county,
        coalesce(b.department_key, f.department_key) AS department_key,
        coalesce(b.fiscal_year, f.fiscal_year) AS fiscal_year,
        coalesce(b.code, f.code) AS code,
        b.amount_yuan AS budget_yuan,
        f.amount_yuan AS final_yuan,
        -- the scheme as a column, not a constant in the ON clause: DuckDB 2.0.1 drops an outer LIMIT
        -- when a LEFT JOIN's ON holds a constant filter and the right table is empty
        'functional' AS scheme
    FROM (SELECT * FROM coded WHERE phase = 'budget') AS b
    FULL OUTER JOIN (SELECT * FROM coded WHERE phase = 'final') AS f
        ON b.county = f.county AND b.department_key = f.department_key
        AND b.fiscal_year = f.fiscal_year AND b.code = f.code
)
SELECT
    p.county,
    both_phases.department,
    p.fiscal_year,
    p.code,
    c.name,
    c.level,
    CAST(p.budget_yuan AS DECIMAL(18, 2)) AS budget_yuan,
    CAST(p.final_yuan AS DECIMAL(18, 2)) AS final_yuan,
    CASE WHEN p.budget_yuan <> 0
        THEN CAST(p.final_yuan / p.budget_yuan AS DECIMAL(18, 4)) END AS execution_rate,
    p.department_key
FROM paired AS p
JOIN both_phases USING (county, department_key, fiscal_year)
LEFT JOIN dim_classification AS c
    ON c.scheme = p.scheme AND c.fiscal_year = p.fiscal_year AND c.code = p.code;
