-- Remove every fact of one document (first step of replacing it; also used for quarantine/supersede).
DELETE FROM fact_budget_line WHERE document_id = $document_id;
DELETE FROM fact_narrative_metric WHERE document_id = $document_id;
DELETE FROM fact_performance_target WHERE document_id = $document_id;
DELETE FROM fact_project WHERE document_id = $document_id;
DELETE FROM fact_table_report WHERE document_id = $document_id;
DELETE FROM fact_dq_finding WHERE document_id = $document_id AND scope = 'document';
