-- depends: v_department_year
-- Region totals per year and phase: the sums of its departments' v_department_year rows, with the
-- region's place in the administrative hierarchy (dim_region) so a province's counties roll up.
CREATE OR REPLACE VIEW v_region_year AS
SELECT
    y.county,
    r.region_code,
    r.level,
    r.province,
    y.fiscal_year,
    y.phase,
    CAST(count(*) AS INTEGER) AS departments,
    CAST(sum(y.documents) AS INTEGER) AS documents,
    CAST(sum(y.revenue_yuan) AS DECIMAL(18, 2)) AS revenue_yuan,
    CAST(sum(y.expenditure_yuan) AS DECIMAL(18, 2)) AS expenditure_yuan,
    CAST(sum(y.basic_yuan) AS DECIMAL(18, 2)) AS basic_yuan,
    CAST(sum(y.project_yuan) AS DECIMAL(18, 2)) AS project_yuan,
    CAST(sum(y.personnel_yuan) AS DECIMAL(18, 2)) AS personnel_yuan,
    CAST(sum(y.public_use_yuan) AS DECIMAL(18, 2)) AS public_use_yuan,
    CAST(sum(y.three_public_yuan) AS DECIMAL(18, 2)) AS three_public_yuan,
    CAST(sum(y.operating_cost_yuan) AS DECIMAL(18, 2)) AS operating_cost_yuan,
    CAST(sum(y.procurement_yuan) AS DECIMAL(18, 2)) AS procurement_yuan
FROM v_department_year AS y
LEFT JOIN dim_region AS r USING (county)
GROUP BY y.county, r.region_code, r.level, r.province, y.fiscal_year, y.phase;
