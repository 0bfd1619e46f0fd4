-- Facts, keyed by document_id (no enforced foreign keys: DuckDB checks them eagerly inside the
-- delete-then-insert transaction that replaces a document's rows).

CREATE TABLE IF NOT EXISTS fact_budget_line (
    document_id VARCHAR NOT NULL,
    table_type VARCHAR NOT NULL,
    code VARCHAR,
    item VARCHAR,
    measure VARCHAR NOT NULL,
    amount_yuan DECIMAL(18, 2) NOT NULL,
    page INTEGER NOT NULL,
    budget_unit VARCHAR              -- the 预算单位 section of a table that lists several units
);
-- Warehouses built before budget_unit existed gain it (CREATE IF NOT EXISTS keeps old tables).
ALTER TABLE fact_budget_line ADD COLUMN IF NOT EXISTS budget_unit VARCHAR;
-- Provenance of each amount: 'text' (the PDF's text layer) or 'ocr' (a table image), and for OCR the
-- engine's confidence in the cell (0..1; NULL for text).
ALTER TABLE fact_budget_line ADD COLUMN IF NOT EXISTS source VARCHAR DEFAULT 'text';
ALTER TABLE fact_budget_line ADD COLUMN IF NOT EXISTS confidence DOUBLE;

-- Yuan figures in amount_yuan (kind 'amount'); shares and growth rates (percent) and counts in value.
CREATE TABLE IF NOT EXISTS fact_narrative_metric (
    document_id VARCHAR NOT NULL,
    metric VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,              -- 'amount' | 'share_pct' | 'change_pct' | 'count'
    amount_yuan DECIMAL(18, 2),
    value DECIMAL(18, 4),
    page INTEGER NOT NULL,
    sentence VARCHAR
);

CREATE TABLE IF NOT EXISTS fact_performance_target (
    document_id VARCHAR NOT NULL,
    scope VARCHAR NOT NULL,
    project VARCHAR,
    level1 VARCHAR,
    level2 VARCHAR,
    level3 VARCHAR,
    target_text VARCHAR NOT NULL,
    target_value DECIMAL(18, 4),
    target_unit VARCHAR,
    prior_text VARCHAR,
    page INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_project (
    document_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    kind VARCHAR,
    total_budget_yuan DECIMAL(18, 2),
    annual_budget_yuan DECIMAL(18, 2),
    page INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS fact_table_report (
    document_id VARCHAR NOT NULL,
    ordinal INTEGER NOT NULL,
    table_type VARCHAR NOT NULL,
    title VARCHAR,
    pages INTEGER[] NOT NULL,
    unit VARCHAR,
    accuracy DOUBLE,
    whitespace DOUBLE,
    rows INTEGER NOT NULL,
    empty BOOLEAN NOT NULL,
    errors VARCHAR[] NOT NULL,
    amounts INTEGER NOT NULL DEFAULT 0,    -- amounts read from this table
    verified INTEGER NOT NULL DEFAULT 0    -- of those, confirmed by an arithmetic identity (checks.verification)
);

CREATE TABLE IF NOT EXISTS fact_dq_finding (
    document_id VARCHAR,
    scope VARCHAR NOT NULL,             -- 'document' (replaced with the document) | 'cross_document'
    "check" VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    expected_yuan DECIMAL(18, 2),
    actual_yuan DECIMAL(18, 2)
);

-- Every status change of every document (loaded, quarantined, superseded), with why and when.
CREATE TABLE IF NOT EXISTS fact_document_status (
    document_id VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    reason VARCHAR,
    changed_at TIMESTAMP NOT NULL
);
