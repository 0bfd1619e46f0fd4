-- What each printed region's documents print around it (to tell 上海市普陀区 from 舟山市普陀区), and the
-- level the extractor read; one row per (county, text).
SELECT DISTINCT county, text, region_level
FROM (
    SELECT county, unnest([title, department, budget_unit]) AS text, region_level
    FROM dim_document
    WHERE county IS NOT NULL
)
WHERE text IS NOT NULL
ORDER BY ALL;
