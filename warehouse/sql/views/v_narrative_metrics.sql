-- Contract view: figures stated in the narrative text of loaded documents.
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
WHERE d.status = 'loaded';
