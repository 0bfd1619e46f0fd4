INSERT INTO fact_project (document_id, name, kind, total_budget_yuan, annual_budget_yuan, page)
SELECT document_id, name, kind, total_budget_yuan, annual_budget_yuan, page
FROM incoming_projects;
