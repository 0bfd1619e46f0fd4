-- Every yuan figure of the narratives (the 比上年 changes of both totals included) for the
-- cross-document checks.
SELECT county, department, fiscal_year, phase, metric, amount_yuan, document_id, page
FROM v_narrative_figures
WHERE kind = 'amount'
