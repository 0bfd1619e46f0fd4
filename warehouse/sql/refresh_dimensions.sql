-- Rebuild the small dimensions from the documents that are loaded (or were, before a re-issue).
DELETE FROM dim_county;
INSERT INTO dim_county
SELECT DISTINCT county FROM dim_document WHERE county IS NOT NULL ORDER BY county;
-- Every printed name per region and year with its department_key (dim_department_alias is loaded first).
CREATE OR REPLACE TABLE dim_department AS
SELECT
    d.county,
    d.department,
    d.fiscal_year,
    department_key_of(coalesce(a.department_key, d.department)) AS department_key,
    CASE WHEN a.department_key IS NULL THEN 'name' ELSE 'alias' END AS key_source
FROM (
    SELECT DISTINCT county, department, fiscal_year FROM dim_document
    WHERE county IS NOT NULL AND department IS NOT NULL
) AS d
LEFT JOIN dim_department_alias AS a
    ON a.region = d.county AND department_key_of(a.name) = department_key_of(d.department)
    AND d.fiscal_year BETWEEN coalesce(a.valid_from, 0) AND coalesce(a.valid_to, 9999)
ORDER BY d.county, d.department, d.fiscal_year;
DELETE FROM dim_fiscal_year;
INSERT INTO dim_fiscal_year
SELECT DISTINCT fiscal_year FROM dim_document WHERE fiscal_year IS NOT NULL ORDER BY fiscal_year;
