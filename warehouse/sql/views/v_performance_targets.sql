-- Indicator rows of the 部门整体 / 项目 绩效目标表 of loaded documents.
CREATE OR REPLACE VIEW v_performance_targets AS
SELECT
    d.county,
    d.department,
    d.fiscal_year,
    d.phase,
    t.scope,
    t.project,
    t.level1,
    t.level2,
    t.level3,
    t.target_text,
    t.target_value,
    t.target_unit,
    t.prior_text,
    t.document_id,
    t.page
FROM fact_performance_target AS t
JOIN dim_document AS d USING (document_id)
WHERE d.status = 'loaded';
