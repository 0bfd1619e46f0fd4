-- Projects listed outside the tables (项目名称, 类型, 总预算, 本年度预算) of loaded documents.
CREATE OR REPLACE VIEW v_projects AS
SELECT
    d.county,
    d.department,
    d.fiscal_year,
    d.phase,
    p.name AS project,
    p.kind,
    p.total_budget_yuan,
    p.annual_budget_yuan,
    p.document_id,
    p.page
FROM fact_project AS p
JOIN dim_document AS d USING (document_id)
WHERE d.status = 'loaded';
