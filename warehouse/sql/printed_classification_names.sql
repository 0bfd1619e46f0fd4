-- The name each year's loaded documents print for each code (most frequent, ties by name).
WITH printed AS (
    SELECT d.fiscal_year, l.code, l.item AS name, count(*) AS n
    FROM fact_budget_line AS l
    JOIN dim_document AS d USING (document_id)
    WHERE d.status = 'loaded'
      AND l.code IS NOT NULL
      AND l.item IS NOT NULL
      AND list_contains($table_types, l.table_type)
    GROUP BY ALL
)
SELECT fiscal_year, code, name
FROM printed
QUALIFY row_number() OVER (PARTITION BY fiscal_year, code ORDER BY n DESC, name) = 1
ORDER BY fiscal_year, code;
