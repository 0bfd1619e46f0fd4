INSERT INTO fact_narrative_metric (document_id, metric, amount_yuan, page, sentence)
SELECT document_id, metric, amount_yuan, page, sentence
FROM incoming_narrative_metrics;
