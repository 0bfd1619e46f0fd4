"""Check names (stable keys in ``v_dq_findings.check``, in Dagster asset checks and in truth files)."""

SUMMARY_BALANCE = "summary_balance"  # 收入总计 = 支出总计
SUMMARY_REVENUE_SUM = "summary_revenue_sum"  # 本年收入合计 = sum of revenue items
HIERARCHY_SUM = "hierarchy_sum"  # each 类 = sum of its 款, each 款 = sum of its 项
TABLE_TOTAL = "table_total"  # 合计 row = sum of 类 rows
ROW_TOTAL = "row_total"  # 合计 column = sum of the other columns on a row
BASIC_VS_ECONOMIC = "basic_vs_economic"  # general_budget 基本支出 = basic_expenditure_economic total
PERSONNEL_PLUS_PUBLIC = "personnel_plus_public"  # 人员经费 + 公用经费 = 基本支出
THREE_PUBLIC_TOTAL = "three_public_total"  # total = outbound + vehicle_total + reception
THREE_PUBLIC_VEHICLE = "three_public_vehicle"  # vehicle_total = purchase + operation
THREE_PUBLIC_VS_ECONOMIC = "three_public_vs_economic"  # 30212/30217/30231/31013 do not exceed 三公 items
NARRATIVE_VS_TABLE = "narrative_vs_table"  # a narrative figure contradicts the tables
NARRATIVE_PARTS = "narrative_parts"  # a narrative total is not the sum of the parts it lists
NARRATIVE_PERCENTAGE = "narrative_percentage"  # a stated share (x% of the total) is wrong
NARRATIVE_VS_PROJECTS = "narrative_vs_projects"  # 项目支出 in the text vs the listed projects / targets
PRIOR_YEAR_CHANGE = "prior_year_change"  # 比上年增加 X vs this total minus last year's document's total
TOC_TABLE_MISSING = "toc_table_missing"  # a table named in the 目录 is not in the document
EXPENDITURE_VS_GENERAL_BUDGET = "expenditure_vs_general_budget"  # 一般公共预算 基本/项目 exceed all funds

ALL_CHECKS = (
    SUMMARY_BALANCE,
    SUMMARY_REVENUE_SUM,
    HIERARCHY_SUM,
    TABLE_TOTAL,
    ROW_TOTAL,
    BASIC_VS_ECONOMIC,
    PERSONNEL_PLUS_PUBLIC,
    THREE_PUBLIC_TOTAL,
    THREE_PUBLIC_VEHICLE,
    THREE_PUBLIC_VS_ECONOMIC,
    NARRATIVE_VS_TABLE,
    NARRATIVE_PARTS,
    NARRATIVE_PERCENTAGE,
    NARRATIVE_VS_PROJECTS,
    PRIOR_YEAR_CHANGE,
    TOC_TABLE_MISSING,
    EXPENDITURE_VS_GENERAL_BUDGET,
)

# Not a reconciliation rule: a rule that itself failed on a document's data (reported, never raised).
CHECK_FAILED = "check_failed"

# Not reconciliation rules either: what a document says about itself (warn, never blocks loading).
IDENTITY_INCOMPLETE = "identity_incomplete"  # the cover lacks county / department / year / phase
TABLES_IN_OTHER_FILE = "tables_in_other_file"  # a narrative-only part: its 目录 tables are published apart

# Not reconciliation rules: departments followed across years by dim_department.department_key
# (warehouse/sql/department_findings.sql, warn, scope 'department'), between two consecutive years a
# region published documents of the same phase.
DEPARTMENT_APPEARED = "department_appeared"  # a key with no document the year before
DEPARTMENT_DISAPPEARED = "department_disappeared"  # a key with no document the year after
DEPARTMENT_SPLIT = "department_split"  # a key printed under more names than the year before
DEPARTMENT_MERGED = "department_merged"  # a key printed under fewer names than the year before
DEPARTMENT_CHECKS = (DEPARTMENT_APPEARED, DEPARTMENT_DISAPPEARED, DEPARTMENT_SPLIT, DEPARTMENT_MERGED)
