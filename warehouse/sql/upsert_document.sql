-- Insert or refresh one document's row; a (re)load clears missing_since and any superseded mark.
INSERT INTO dim_document (
    document_id, sha256, source_path, county, department, fiscal_year, phase, title, pages, seconds,
    status, reason, message, superseded_by, tables_found, toc_tables, loaded_at, missing_since,
    region_level, budget_unit, part, extractor_version
) VALUES (
    $document_id, $sha256, $source_path, $county, $department, $fiscal_year, $phase, $title, $pages, $seconds,
    $status, $reason, $message, NULL, $tables_found, $toc_tables, now(), NULL,
    $region_level, $budget_unit, $part, $extractor_version
)
ON CONFLICT (document_id) DO UPDATE SET
    sha256 = excluded.sha256,
    source_path = excluded.source_path,
    county = excluded.county,
    department = excluded.department,
    fiscal_year = excluded.fiscal_year,
    phase = excluded.phase,
    title = excluded.title,
    pages = excluded.pages,
    seconds = excluded.seconds,
    status = excluded.status,
    reason = excluded.reason,
    message = excluded.message,
    superseded_by = NULL,
    tables_found = excluded.tables_found,
    toc_tables = excluded.toc_tables,
    loaded_at = excluded.loaded_at,
    missing_since = NULL,
    region_level = excluded.region_level,
    budget_unit = excluded.budget_unit,
    part = excluded.part,
    extractor_version = excluded.extractor_version;
