-- Amounts in the published warehouse.
SELECT count(*) FROM v_budget_lines
