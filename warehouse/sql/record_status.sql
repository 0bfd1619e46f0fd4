-- Append to the status history only when the status or reason actually changed (re-loads add nothing).
INSERT INTO fact_document_status (document_id, status, reason, changed_at)
SELECT $document_id, $status, $reason, now()
WHERE NOT EXISTS (
    SELECT 1
    FROM fact_document_status AS s
    WHERE s.document_id = $document_id
      AND s.changed_at = (SELECT max(changed_at) FROM fact_document_status WHERE document_id = $document_id)
      AND s.status = $status
      AND s.reason IS NOT DISTINCT FROM $reason
);
