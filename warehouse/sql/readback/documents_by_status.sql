-- Documents per status, for the published_warehouse metadata.
SELECT status, count(*) AS documents FROM v_documents GROUP BY status ORDER BY status
