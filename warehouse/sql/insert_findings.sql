-- incoming_findings: the validated findings frame; $scope is 'document' or 'cross_document'.
INSERT INTO fact_dq_finding (document_id, scope, "check", severity, message, expected_yuan, actual_yuan)
SELECT document_id, $scope, "check", severity, message, expected_yuan, actual_yuan
FROM incoming_findings;
