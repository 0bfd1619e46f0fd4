-- Contract view: the yuan figures of the contract's metric list stated in the narrative text of
-- loaded documents; a filter over v_narrative_figures, which also holds everything else the
-- narrative states (机关运行经费 items, 比上年 changes of other totals, shares, growth rates, counts).
-- depends: v_narrative_figures
CREATE OR REPLACE VIEW v_narrative_metrics AS
SELECT county, department, fiscal_year, phase, metric, amount_yuan, document_id, page, sentence
FROM v_narrative_figures
WHERE kind = 'amount'
    AND metric IN (
        'revenue_total', 'expenditure_total', 'revenue_change', 'basic_expenditure', 'project_expenditure',
        'operating_cost', 'three_public_total', 'outbound', 'vehicle_purchase', 'vehicle_operation',
        'reception', 'procurement_total', 'procurement_goods', 'procurement_works', 'procurement_services'
    );
