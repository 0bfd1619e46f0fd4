-- Departments followed across years (dim_department.department_key), per region and phase, between two
-- consecutive years in which the region published documents of that phase: a key that appears, one that
-- disappears, one printed under more names than the year before (split) or fewer (merged). Department
-- disclosures only (单位预算 of units come and go with the units). Rebuilt in finalize(), scope 'department'.
DELETE FROM fact_dq_finding WHERE scope = 'department';
INSERT INTO fact_dq_finding (document_id, scope, "check", severity, message, expected_yuan, actual_yuan)
WITH docs AS (
    SELECT d.document_id, d.county, d.department, d.fiscal_year, d.phase, k.department_key
    FROM dim_document AS d
    JOIN dim_department AS k USING (county, department, fiscal_year)
    WHERE d.status = 'loaded' AND d.budget_unit IS NULL AND d.phase IS NOT NULL
),
keys AS (
    SELECT
        county, department_key, phase, fiscal_year,
        min(document_id) AS document_id,
        count(DISTINCT department_key_of(department)) AS names,  -- 中共X and X are one name
        string_agg(DISTINCT department, '、' ORDER BY department) AS printed,
        CASE phase WHEN 'budget' THEN 'budget (预算)' ELSE 'final accounts (决算)' END AS what
    FROM docs
    GROUP BY ALL
),
region_years AS (SELECT DISTINCT county, phase, fiscal_year FROM docs),
pairs AS (
    SELECT r.county, r.phase, r.fiscal_year - 1 AS prior, r.fiscal_year AS year
    FROM region_years AS r
    JOIN region_years AS p ON p.county = r.county AND p.phase = r.phase AND p.fiscal_year = r.fiscal_year - 1
),
before AS (
    SELECT p.county, p.phase, p.prior, p.year, k.department_key, k.names, k.printed, k.document_id, k.what
    FROM pairs AS p
    JOIN keys AS k ON k.county = p.county AND k.phase = p.phase AND k.fiscal_year = p.prior
),
after AS (
    SELECT p.county, p.phase, p.prior, p.year, k.department_key, k.names, k.printed, k.document_id, k.what
    FROM pairs AS p
    JOIN keys AS k ON k.county = p.county AND k.phase = p.phase AND k.fiscal_year = p.year
),
compared AS (
    SELECT
        coalesce(o.county, n.county) AS county,
        coalesce(o.prior, n.prior) AS prior,
        coalesce(o.year, n.year) AS year,
        o.department_key AS old_key, n.department_key AS new_key,
        o.names AS old_names, n.names AS new_names, o.printed AS old_printed, n.printed AS new_printed,
        o.document_id AS old_document, n.document_id AS new_document, coalesce(n.what, o.what) AS what
    FROM before AS o
    FULL OUTER JOIN after AS n
        ON n.county = o.county AND n.phase = o.phase AND n.year = o.year AND n.department_key = o.department_key
)
SELECT new_document, 'department', 'department_appeared', 'warn',
       format('{} publishes a {} for {} but had none for {} in {} (department_key {})',
              new_printed, what, year, prior, county, new_key),
       NULL, NULL
FROM compared WHERE old_key IS NULL AND new_key IS NOT NULL
UNION ALL
SELECT old_document, 'department', 'department_disappeared', 'warn',
       format('{} published a {} for {} but none for {} in {} (department_key {})',
              old_printed, what, prior, year, county, old_key),
       NULL, NULL
FROM compared WHERE new_key IS NULL AND old_key IS NOT NULL
UNION ALL
SELECT new_document, 'department',
       CASE WHEN new_names > old_names THEN 'department_split' ELSE 'department_merged' END, 'warn',
       format('department_key {} in {}: {} ({} names) in {}, {} ({} names) in {}',
              new_key, county, old_printed, old_names, prior, new_printed, new_names, year),
       NULL, NULL
FROM compared WHERE old_key IS NOT NULL AND new_key IS NOT NULL AND old_names <> new_names;
