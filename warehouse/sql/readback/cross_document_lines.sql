-- Inputs of the cross-document checks: every amount of the documents loaded now.
SELECT * FROM v_budget_lines
