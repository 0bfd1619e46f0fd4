INSERT INTO fact_narrative_metric (document_id, metric, kind, amount_yuan, value, page, sentence)
SELECT document_id, metric, kind, amount_yuan, value, page, sentence
FROM incoming_narrative_metrics;
