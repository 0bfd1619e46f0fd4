-- depends: v_department_documents
-- One row per region, department (department_key), year and phase: the department's totals, read from
-- its own rows (not a unit's section) of the standard tables, the 机关运行经费 from its narrative.
-- A table's 合计 row, else the sum of its 类 rows, else (a table printed as its units' sections or with
-- its units as rows, as 深圳市 prints them) the sum of the units' totals; NULL where nothing is printed.
CREATE OR REPLACE VIEW v_department_year AS
WITH lines AS (
    SELECT l.document_id, l.table_type, l.code, l.item, l.measure, l.amount_yuan
    FROM fact_budget_line AS l
    JOIN v_department_documents USING (document_id)
    WHERE l.budget_unit IS NULL
),
per_document AS (
    SELECT
        document_id,
        coalesce(
            sum(amount_yuan) FILTER (table_type = 'revenue' AND measure = 'total' AND code IS NULL AND item = '合计'),
            sum(amount_yuan) FILTER (table_type = 'revenue' AND measure = 'total' AND length(code) = 3)
        ) AS revenue_yuan,
        coalesce(
            sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'total' AND code IS NULL AND item = '合计'),
            sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'total' AND length(code) = 3)
        ) AS expenditure_yuan,
        coalesce(
            sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'basic' AND code IS NULL AND item = '合计'),
            sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'basic' AND length(code) = 3)
        ) AS basic_yuan,
        coalesce(
            sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'project' AND code IS NULL AND item = '合计'),
            sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'project' AND length(code) = 3)
        ) AS project_yuan,
        -- 人员经费 / 公用经费 of the basic spending: the economic table (budget: its 合计 row's columns;
        -- final: its 人员经费合计 / 公用经费合计 rows), else the general-budget table's 合计 row
        coalesce(
            sum(amount_yuan) FILTER (table_type = 'basic_expenditure_economic' AND code IS NULL AND (
                (item = '合计' AND measure = 'personnel') OR (item = '人员经费合计' AND measure IN ('amount', 'total')))),
            sum(amount_yuan) FILTER (table_type = 'general_budget_expenditure' AND code IS NULL AND item = '合计'
                AND measure = 'personnel')
        ) AS personnel_yuan,
        coalesce(
            sum(amount_yuan) FILTER (table_type = 'basic_expenditure_economic' AND code IS NULL AND (
                (item = '合计' AND measure = 'public_use') OR (item = '公用经费合计' AND measure IN ('amount', 'total')))),
            sum(amount_yuan) FILTER (table_type = 'general_budget_expenditure' AND code IS NULL AND item = '合计'
                AND measure = 'public_use')
        ) AS public_use_yuan,
        -- the 三公 table's row for the document's own year (item NULL); in final accounts the 决算数
        sum(amount_yuan) FILTER (table_type = 'three_public' AND item IS NULL AND measure = 'total') AS three_public_yuan,
        sum(amount_yuan) FILTER (table_type = 'three_public' AND item IS NULL AND measure = 'outbound') AS outbound_yuan,
        sum(amount_yuan) FILTER (table_type = 'three_public' AND item IS NULL AND measure = 'vehicle_total') AS vehicle_yuan,
        sum(amount_yuan) FILTER (table_type = 'three_public' AND item IS NULL AND measure = 'vehicle_purchase')
            AS vehicle_purchase_yuan,
        sum(amount_yuan) FILTER (table_type = 'three_public' AND item IS NULL AND measure = 'vehicle_operation')
            AS vehicle_operation_yuan,
        sum(amount_yuan) FILTER (table_type = 'three_public' AND item IS NULL AND measure = 'reception') AS reception_yuan,
        sum(amount_yuan) FILTER (table_type = 'procurement' AND code IS NULL AND item = '合计' AND measure = 'total')
            AS procurement_table_yuan
    FROM lines
    GROUP BY document_id
),
units AS (
    -- tables printed only as sections of the department's units (预算单位 rows, lines with budget_unit):
    -- each unit's own total row, else its 类 rows; and tables listing the units as rows (no code, the
    -- item naming a unit the document's sections name)
    SELECT l.document_id, l.table_type, l.measure, l.budget_unit, 'section' AS source,
           coalesce(sum(l.amount_yuan) FILTER (l.code IS NULL AND l.item = l.budget_unit),
                    sum(l.amount_yuan) FILTER (length(l.code) = 3)) AS amount_yuan
    FROM fact_budget_line AS l
    JOIN v_department_documents USING (document_id)
    WHERE l.budget_unit IS NOT NULL AND l.table_type IN ('revenue', 'expenditure')
        AND l.measure IN ('total', 'basic', 'project')
    GROUP BY ALL
    UNION ALL
    SELECT l.document_id, l.table_type, l.measure, l.item, 'row', sum(l.amount_yuan)
    FROM lines AS l
    WHERE l.code IS NULL AND l.table_type IN ('revenue', 'expenditure') AND l.measure IN ('total', 'basic', 'project')
        AND EXISTS (
            SELECT 1 FROM fact_budget_line AS u WHERE u.document_id = l.document_id AND u.budget_unit = l.item
        )
    GROUP BY ALL
),
by_units AS (
    SELECT
        document_id,
        coalesce(sum(amount_yuan) FILTER (table_type = 'revenue' AND measure = 'total' AND source = 'section'),
                 sum(amount_yuan) FILTER (table_type = 'revenue' AND measure = 'total' AND source = 'row'))
            AS revenue_yuan,
        coalesce(sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'total' AND source = 'section'),
                 sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'total' AND source = 'row'))
            AS expenditure_yuan,
        coalesce(sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'basic' AND source = 'section'),
                 sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'basic' AND source = 'row'))
            AS basic_yuan,
        coalesce(sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'project' AND source = 'section'),
                 sum(amount_yuan) FILTER (table_type = 'expenditure' AND measure = 'project' AND source = 'row'))
            AS project_yuan
    FROM units
    GROUP BY document_id
),
narrative AS (
    -- the first figure the text states (lowest page, then smallest amount: deterministic)
    SELECT
        document_id,
        first(amount_yuan ORDER BY page, amount_yuan) FILTER (metric = 'operating_cost') AS operating_cost_yuan,
        first(amount_yuan ORDER BY page, amount_yuan) FILTER (metric = 'procurement_total') AS procurement_text_yuan
    FROM fact_narrative_metric
    JOIN v_department_documents USING (document_id)
    WHERE kind = 'amount'
    GROUP BY document_id
)
SELECT
    d.county,
    d.department_key,
    string_agg(DISTINCT d.department, '、' ORDER BY d.department) AS department,
    d.fiscal_year,
    d.phase,
    CAST(count(DISTINCT d.document_id) AS INTEGER) AS documents,
    CAST(sum(coalesce(p.revenue_yuan, u.revenue_yuan)) AS DECIMAL(18, 2)) AS revenue_yuan,
    CAST(sum(coalesce(p.expenditure_yuan, u.expenditure_yuan)) AS DECIMAL(18, 2)) AS expenditure_yuan,
    CAST(sum(coalesce(p.basic_yuan, u.basic_yuan)) AS DECIMAL(18, 2)) AS basic_yuan,
    CAST(sum(coalesce(p.project_yuan, u.project_yuan)) AS DECIMAL(18, 2)) AS project_yuan,
    CAST(sum(p.personnel_yuan) AS DECIMAL(18, 2)) AS personnel_yuan,
    CAST(sum(p.public_use_yuan) AS DECIMAL(18, 2)) AS public_use_yuan,
    CAST(sum(p.three_public_yuan) AS DECIMAL(18, 2)) AS three_public_yuan,
    CAST(sum(p.outbound_yuan) AS DECIMAL(18, 2)) AS outbound_yuan,
    CAST(sum(p.vehicle_yuan) AS DECIMAL(18, 2)) AS vehicle_yuan,
    CAST(sum(p.vehicle_purchase_yuan) AS DECIMAL(18, 2)) AS vehicle_purchase_yuan,
    CAST(sum(p.vehicle_operation_yuan) AS DECIMAL(18, 2)) AS vehicle_operation_yuan,
    CAST(sum(p.reception_yuan) AS DECIMAL(18, 2)) AS reception_yuan,
    CAST(sum(n.operating_cost_yuan) AS DECIMAL(18, 2)) AS operating_cost_yuan,
    -- the 政府采购 table's 合计, else the figure the text states
    CAST(sum(coalesce(p.procurement_table_yuan, n.procurement_text_yuan)) AS DECIMAL(18, 2)) AS procurement_yuan
FROM v_department_documents AS d
LEFT JOIN per_document AS p USING (document_id)
LEFT JOIN by_units AS u USING (document_id)
LEFT JOIN narrative AS n USING (document_id)
GROUP BY d.county, d.department_key, d.fiscal_year, d.phase;
