-- incoming_budget_lines: the validated lines frame, registered as an Arrow table.
INSERT INTO fact_budget_line (document_id, table_type, code, item, measure, amount_yuan, page)
SELECT document_id, table_type, code, item, measure, amount_yuan, page
FROM incoming_budget_lines;
