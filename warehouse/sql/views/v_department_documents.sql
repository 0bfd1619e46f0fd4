-- depends:
-- The department disclosures the comparison views read: loaded documents of a department (not the
-- 单位预算 of a unit under it: budget_unit NULL) with a complete identity, and their department_key.
CREATE OR REPLACE VIEW v_department_documents AS
SELECT
    d.county,
    k.department_key,
    d.department,
    d.fiscal_year,
    d.phase,
    d.document_id,
    k.key_source
FROM dim_document AS d
JOIN dim_department AS k USING (county, department, fiscal_year)
WHERE d.status = 'loaded' AND d.budget_unit IS NULL AND d.phase IS NOT NULL;
