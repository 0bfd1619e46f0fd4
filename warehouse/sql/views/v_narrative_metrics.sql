-- Contract view: the yuan figures of the contract's metric list stated in the narrative text of
-- loaded documents. Everything else the narrative states (机关运行经费 items, 比上年 changes of
-- other totals, shares, growth rates, counts) is in v_narrative_figures.
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
WHERE d.status = 'loaded'
    AND m.kind = 'amount'
    AND m.metric IN (
        'revenue_total', 'expenditure_total', 'revenue_change', 'basic_expenditure', 'project_expenditure',
        'operating_cost', 'three_public_total', 'outbound', 'vehicle_purchase', 'vehicle_operation',
        'reception', 'procurement_total', 'procurement_goods', 'procurement_works', 'procurement_services'
    );
