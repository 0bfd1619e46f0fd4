DELETE FROM fact_dq_finding WHERE scope = 'cross_document';
