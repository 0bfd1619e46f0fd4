INSERT INTO fact_performance_target (
    document_id, scope, project, level1, level2, level3, target_text, target_value, target_unit, prior_text, page
)
SELECT document_id, scope, project, level1, level2, level3, target_text, target_value, target_unit, prior_text, page
FROM incoming_performance_targets;
