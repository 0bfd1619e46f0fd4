-- Dimensions of the star schema. Natural keys (county, department, year, code) keep analyst joins obvious;
-- dimensions are rebuilt from the documents in finalize(), so they never drift from the facts.

CREATE TABLE IF NOT EXISTS dim_county (
    county VARCHAR PRIMARY KEY          -- county-level region as printed, e.g. 通城县
);

CREATE TABLE IF NOT EXISTS dim_department (
    county VARCHAR NOT NULL,
    department VARCHAR NOT NULL,        -- full unit name as printed in the title
    PRIMARY KEY (county, department)
);

CREATE TABLE IF NOT EXISTS dim_fiscal_year (
    fiscal_year INTEGER PRIMARY KEY
);

-- Functional (支出功能分类) and economic (支出经济分类) classifications, one row per scheme, year and code:
-- names change between years, so the name printed in that year's documents wins over the standard list.
CREATE TABLE IF NOT EXISTS dim_classification (
    scheme VARCHAR NOT NULL,            -- 'functional' | 'economic'
    fiscal_year INTEGER NOT NULL,
    code VARCHAR NOT NULL,              -- digits only
    name VARCHAR NOT NULL,
    level INTEGER NOT NULL,             -- 1 类, 2 款, 3 项
    parent_code VARCHAR,                -- NULL at level 1
    source VARCHAR NOT NULL             -- 'printed' | 'standard'
);

-- One row per document ever seen (content hash); status moves loaded -> superseded, never deleted.
CREATE TABLE IF NOT EXISTS dim_document (
    document_id VARCHAR PRIMARY KEY,    -- first 16 hex digits of sha256
    sha256 VARCHAR NOT NULL,
    source_path VARCHAR NOT NULL,
    county VARCHAR,                     -- identity is NULL for quarantined documents
    department VARCHAR,
    fiscal_year INTEGER,
    phase VARCHAR,
    title VARCHAR,
    pages INTEGER,
    seconds DOUBLE,                     -- extraction time
    status VARCHAR NOT NULL,            -- 'loaded' | 'quarantined' | 'superseded'
    reason VARCHAR,                     -- ReasonClass for quarantined, 'superseded' for superseded
    message VARCHAR,
    superseded_by VARCHAR,
    tables_found VARCHAR[] NOT NULL,    -- table_type keys, empty tables included
    toc_tables VARCHAR[] NOT NULL,      -- table_type keys named in the 目录
    loaded_at TIMESTAMP NOT NULL,
    missing_since TIMESTAMP,            -- the file left the inbox; rows are kept and reported
    region_level VARCHAR,               -- 'county' | 'district' | 'city' | 'province' | 'central'
    budget_unit VARCHAR,                -- the 预算单位 of a 单位预算, else NULL
    part VARCHAR,                       -- 'full' | 'narrative' | 'tables' (a disclosure split in two files)
    extractor_version INTEGER           -- extract.version that read the facts (NULL: before versions)
);
-- Warehouses created before these columns existed get them (NULL for their older rows).
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS region_level VARCHAR;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS budget_unit VARCHAR;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS part VARCHAR;
ALTER TABLE dim_document ADD COLUMN IF NOT EXISTS extractor_version INTEGER;
