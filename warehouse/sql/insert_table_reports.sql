INSERT INTO fact_table_report (
    document_id, ordinal, table_type, title, pages, unit, accuracy, whitespace, rows, empty, errors,
    amounts, verified
)
SELECT document_id, ordinal, table_type, title, pages, unit, accuracy, whitespace, rows, empty, errors,
    amounts, verified
FROM incoming_table_reports;
