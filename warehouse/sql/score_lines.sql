-- The loaded lines of the documents being scored (money stays DECIMAL: fetched through Arrow).
SELECT document_id, table_type, code, item, measure, amount_yuan
FROM v_budget_lines
WHERE list_contains($document_ids, document_id);
