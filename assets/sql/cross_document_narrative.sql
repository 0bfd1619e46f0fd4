SELECT * FROM v_narrative_metrics
