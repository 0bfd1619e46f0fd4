SELECT document_id, status FROM dim_document ORDER BY document_id;
