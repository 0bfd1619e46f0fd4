-- Contract view: one row per ingested document; extraction-report columns follow the contract's.
CREATE OR REPLACE VIEW v_documents AS
SELECT
    d.document_id,
    d.sha256,
    d.source_path,
    d.county,
    d.department,
    d.fiscal_year,
    d.phase,
    d.title,
    d.pages,
    d.status,
    d.reason,
    d.tables_found,
    d.loaded_at,
    d.seconds,
    d.message,
    d.superseded_by,
    d.missing_since,
    d.toc_tables,
    coalesce((
        SELECT count(*) FROM fact_budget_line AS l WHERE l.document_id = d.document_id
    ), 0) AS amounts,
    coalesce((
        SELECT list(
            {'table_type': r.table_type, 'title': r.title, 'pages': r.pages, 'unit': r.unit,
             'accuracy': r.accuracy, 'whitespace': r.whitespace, 'rows': r.rows, 'empty': r.empty,
             'errors': r.errors, 'amounts': r.amounts, 'verified': r.verified}
            ORDER BY r.ordinal)
        FROM fact_table_report AS r
        WHERE r.document_id = d.document_id
    ), []) AS table_reports,
    -- self-verification: share of the amounts an arithmetic identity confirms (NULL: none read)
    (
        SELECT round(sum(r.verified) / nullif(sum(r.amounts), 0), 4)
        FROM fact_table_report AS r
        WHERE r.document_id = d.document_id
    ) AS verified_share,
    d.region_level,
    d.budget_unit,
    d.part,
    -- The files of one disclosure (a narrative file and a tables file): loaded documents with the same
    -- complete identity share the first one's id (the 中共 prefix some covers drop is ignored).
    CASE WHEN d.status = 'loaded' AND d.county IS NOT NULL AND d.department IS NOT NULL
              AND d.fiscal_year IS NOT NULL AND d.phase IS NOT NULL
         THEN min(d.document_id) OVER (
             PARTITION BY d.status, d.county, regexp_replace(d.department, '^(中国共产党|中共)', ''),
                          d.budget_unit, d.fiscal_year, d.phase)
    END AS disclosure_id,
    d.extractor_version
FROM dim_document AS d;
