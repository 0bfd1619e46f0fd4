-- Documents an older extractor version read (NULL: read before versions were recorded): loaded ones,
-- and quarantined ones whose reason a better reader may overcome ($reasons).
SELECT document_id
FROM v_documents
WHERE (status = 'loaded' OR (status = 'quarantined' AND list_contains($reasons, reason)))
  AND coalesce(extractor_version, 0) < $version
ORDER BY document_id
