-- Documents per county, phase and status.
SELECT coalesce(county, '(unknown)') AS county, coalesce(phase, '-') AS phase, status, count(*) AS documents
FROM v_documents
GROUP BY ALL
ORDER BY county, phase, status
