-- Other loaded documents about the same county, department, year and phase as this one.
SELECT document_id
FROM dim_document
WHERE status = 'loaded'
  AND document_id <> $document_id
  AND county = $county
  AND department = $department
  AND fiscal_year = $fiscal_year
  AND phase = $phase
ORDER BY document_id;
