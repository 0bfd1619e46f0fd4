-- incoming_classification: every (scheme, year, code) row, standard names overridden by printed ones.
DELETE FROM dim_classification;
INSERT INTO dim_classification (scheme, fiscal_year, code, name, level, parent_code, source)
SELECT scheme, fiscal_year, code, name, level, parent_code, source
FROM incoming_classification
ORDER BY scheme, fiscal_year, code;
