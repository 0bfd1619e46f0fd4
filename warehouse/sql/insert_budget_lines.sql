-- incoming_budget_lines: the validated lines frame, registered as an Arrow table.
INSERT INTO fact_budget_line (document_id, table_type, code, item, measure, amount_yuan, page, budget_unit,
    source, confidence)
SELECT document_id, table_type, code, item, measure, amount_yuan, page, budget_unit, source, confidence
FROM incoming_budget_lines;
