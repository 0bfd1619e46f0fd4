-- Only the current issue of each document takes part in cross-document checks.
SELECT * FROM v_documents WHERE status = 'loaded'
