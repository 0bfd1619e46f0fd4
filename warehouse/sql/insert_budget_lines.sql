-- incoming_budget_lines: the validated lines frame, registered as an Arrow table.
INSERT INTO fact_budget_line (document_id, table_type, code, item, measure, amount_yuan, page, budget_unit)
SELECT document_id, table_type, code, item, measure, amount_yuan, page, budget_unit
FROM incoming_budget_lines;
