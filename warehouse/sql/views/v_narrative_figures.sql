-- Every figure the narrative states, money or not: kind 'amount' (yuan, in amount_yuan),
-- 'share_pct' / 'change_pct' (percent, in value), 'count' (in value).
CREATE OR REPLACE VIEW v_narrative_figures AS
SELECT
    d.county,
    d.department,
    d.fiscal_year,
    d.phase,
    m.metric,
    m.kind,
    m.amount_yuan,
    m.value,
    m.document_id,
    m.page,
    m.sentence
FROM fact_narrative_metric AS m
JOIN dim_document AS d USING (document_id)
WHERE d.status = 'loaded';
