-- Contract view: yuan figures stated in the narrative text of loaded documents (shares, growth
-- rates and counts are in v_narrative_figures: they are not yuan).
CREATE OR REPLACE VIEW v_narrative_metrics AS
SELECT
    d.county,
    d.department,
    d.fiscal_year,
    d.phase,
    m.metric,
    m.amount_yuan,
    m.document_id,
    m.page,
    m.sentence
FROM fact_narrative_metric AS m
JOIN dim_document AS d USING (document_id)
WHERE d.status = 'loaded' AND m.kind = 'amount';
