-- Rebuild the small dimensions from the documents that are loaded (or were, before a re-issue).
DELETE FROM dim_county;
INSERT INTO dim_county
SELECT DISTINCT county FROM dim_document WHERE county IS NOT NULL ORDER BY county;
DELETE FROM dim_department;
INSERT INTO dim_department
SELECT DISTINCT county, department FROM dim_document
WHERE county IS NOT NULL AND department IS NOT NULL ORDER BY county, department;
DELETE FROM dim_fiscal_year;
INSERT INTO dim_fiscal_year
SELECT DISTINCT fiscal_year FROM dim_document WHERE fiscal_year IS NOT NULL ORDER BY fiscal_year;
