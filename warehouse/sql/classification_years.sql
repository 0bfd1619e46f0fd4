SELECT DISTINCT fiscal_year FROM dim_document WHERE fiscal_year IS NOT NULL ORDER BY fiscal_year;
