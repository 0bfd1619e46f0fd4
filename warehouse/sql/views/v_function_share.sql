-- depends: v_department_functions
-- Each functional 类's share of a region's spending per year and phase: the 类 rows of
-- v_department_functions summed over the region's departments; the shares of a region-year add to 100.
CREATE OR REPLACE VIEW v_function_share AS
WITH classes AS (
    SELECT county, fiscal_year, phase, code,
           sum(amount_yuan) AS amount_yuan,
           count(DISTINCT department_key) AS departments
    FROM v_department_functions
    WHERE level = 1
    GROUP BY ALL
),
shares AS (
    SELECT *, sum(amount_yuan) OVER (PARTITION BY county, fiscal_year, phase) AS region_total_yuan
    FROM classes
)
SELECT
    s.county,
    s.fiscal_year,
    s.phase,
    s.code,
    c.name,
    CAST(s.departments AS INTEGER) AS departments,
    CAST(s.amount_yuan AS DECIMAL(18, 2)) AS amount_yuan,
    CAST(s.region_total_yuan AS DECIMAL(18, 2)) AS region_total_yuan,
    exact_pct(s.amount_yuan, s.region_total_yuan) AS share_pct
FROM shares AS s
LEFT JOIN (SELECT fiscal_year, code, name FROM dim_classification WHERE scheme = 'functional') AS c
    ON c.fiscal_year = s.fiscal_year AND c.code = s.code;
