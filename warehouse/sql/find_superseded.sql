-- Other loaded documents about the same county, department, 预算单位, year and phase as this one;
-- the narrative part and the tables part of one disclosure (two files) complete, not replace, each other.
SELECT document_id
FROM dim_document
WHERE status = 'loaded'
  AND document_id <> $document_id
  AND county = $county
  AND department = $department
  AND budget_unit IS NOT DISTINCT FROM $budget_unit
  AND fiscal_year = $fiscal_year
  AND phase = $phase
  AND NOT (coalesce(part, 'full') = 'narrative' AND $part = 'tables')
  AND NOT (coalesce(part, 'full') = 'tables' AND $part = 'narrative')
ORDER BY document_id;
