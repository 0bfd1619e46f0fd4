-- incoming_regions: each printed region placed in the gazetteer (warehouse.regions.region_table).
DELETE FROM dim_region;
INSERT INTO dim_region
    (county, region_code, level, division_type, parent_code, parent, province_code, province, match, candidates)
SELECT county, region_code, level, division_type, parent_code, parent, province_code, province, match, candidates
FROM incoming_regions;
