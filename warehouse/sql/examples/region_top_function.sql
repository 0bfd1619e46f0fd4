-- Each region's largest functional 类 per budget year, and its share of the region's spending.
SELECT county, fiscal_year, code, name, amount_yuan, region_total_yuan, share_pct
FROM v_function_share
WHERE phase = 'budget'
QUALIFY row_number() OVER (PARTITION BY county, fiscal_year ORDER BY amount_yuan DESC, code) = 1
ORDER BY county, fiscal_year;
