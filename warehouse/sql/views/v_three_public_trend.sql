-- depends: v_department_year
-- Each department's "三公" spending per year and phase, its parts, and the change from the year before
-- (same department_key and phase; NULL when that year has no figure).
CREATE OR REPLACE VIEW v_three_public_trend AS
SELECT
    y.county,
    y.department_key,
    y.department,
    y.phase,
    y.fiscal_year,
    y.three_public_yuan,
    y.outbound_yuan,
    y.vehicle_yuan,
    y.vehicle_purchase_yuan,
    y.vehicle_operation_yuan,
    y.reception_yuan,
    p.three_public_yuan AS prior_three_public_yuan,
    CAST(y.three_public_yuan - p.three_public_yuan AS DECIMAL(18, 2)) AS change_yuan,
    exact_pct(y.three_public_yuan - p.three_public_yuan, p.three_public_yuan) AS change_pct
FROM v_department_year AS y
LEFT JOIN v_department_year AS p
    ON p.county = y.county AND p.department_key = y.department_key AND p.phase = y.phase
    AND p.fiscal_year = y.fiscal_year - 1
WHERE y.three_public_yuan IS NOT NULL;
