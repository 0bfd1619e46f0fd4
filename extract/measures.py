"""Column header words → the contract's measure keys, per table type and phase.

A column's header is a path of merged header cells, top to bottom (``本年支出 / 合计``). We walk
the path from its most specific (lowest) element upwards and take the first element that names a
measure; ``小计`` means "the group above me" (``基本支出 / 小计`` → basic).
"""

from __future__ import annotations

import re

SUBTOTAL = "小计"
Rule = tuple[str, str]  # (regex on one squashed header element, measure key)

# The side's group header: 收入 / 本年收入 / 财政拨款收入 (a 收入项目 header is the label column).
_TWO_SIDED: tuple[Rule, ...] = (("^收入|收入$", "revenue"), ("^支出|支出$", "expenditure"))
_FUND: tuple[Rule, ...] = (
    ("年初结转", "opening_balance"),
    ("年末结转", "closing_balance"),
    ("本年收入", "revenue"),
    ("^合计$|总计$|本年支出合计", "total"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("本年支出", "total"),
)

RULES: dict[str, tuple[Rule, ...]] = {
    "summary": _TWO_SIDED,
    "fiscal_summary": (
        ("^合计$|^总计$|^小计$", "total"),
        ("一般公共预算", "general_budget"),
        ("政府性基金", "government_fund"),
        ("国有资本", "state_capital"),
        ("^收入|收入$", "revenue"),
        ("^支出|支出$", "total"),
    ),
    "revenue": (
        ("本年收入合计|^合计$|^总计$|收入总计", "total"),
        ("上年结转|年初结转|结转结余|上年结余", "carryover"),
        ("一般公共预算", "general_budget"),
        ("政府性基金", "government_fund"),
        ("国有资本", "state_capital"),
        ("财政专户", "special_account"),
        ("^财政拨款(收入)?$", "fiscal_appropriation"),
        ("经营收入", "operation_income"),
        ("事业收入", "business_income"),
        ("上级补助", "superior_subsidy"),
        ("附属单位", "affiliated_remit"),
        ("其他收入", "other_income"),
    ),
    "expenditure": (
        ("本年支出合计|^合计$|^总计$|支出总计", "total"),
        ("人员(?:经费|支出)", "personnel"),
        ("公用(?:经费|支出)", "public_use"),
        ("基本支出", "basic"),
        ("项目支出", "project"),
        ("上缴上级", "remit_superior"),
        ("预留机动", "reserve"),  # 单位预留机动经费 (Jiangsu provincial budgets)
        ("经营支出", "operation_expense"),
        ("附属单位", "affiliated_subsidy"),
    ),
    "general_budget_expenditure": (
        ("^合计$|总计$", "total"),
        ("人员(?:经费|支出)", "personnel"),
        ("公用(?:经费|支出)", "public_use"),
        ("基本支出", "basic"),
        ("项目支出", "project"),
    ),
    "basic_expenditure_economic": (
        ("^合计$|总计$", "total"),
        ("人员(?:经费|支出)", "personnel"),
        ("公用(?:经费|支出)", "public_use"),
        ("决算数|^金额$", "amount"),
    ),
    "three_public": (
        ("购置及运行", "vehicle_total"),
        ("公务用车购置|^(?:车辆)?购置费?$", "vehicle_purchase"),
        ("公务用车运行|运行维护|运行费", "vehicle_operation"),
        ("出国", "outbound"),
        ("接待", "reception"),
        ("^合计$|^总计$|三公.*合计", "total"),
        ("三公", "total"),  # "三公"经费 / 小计 beside 会议费 and 培训费 columns
    ),
    "government_fund_expenditure": _FUND,
    "state_capital_expenditure": _FUND,
    "project_expenditure": (
        ("总预算|项目总额|预算总额|总金额", "total_budget"),
        ("本年|年度预算|当年", "annual_budget"),
    ),
    "procurement": (
        ("^合计$|^总计$|采购预算总额|预算金额合计", "total"),
        ("货物", "goods"),
        ("工程", "works"),
        ("服务", "services"),
    ),
}

# A bare 小计 column (one-row header, no group above it) is the subtotal of the group it opens.
BARE_SUBTOTAL = {
    "general_budget_expenditure": "basic",
    "three_public": "vehicle_total",
    "expenditure": "basic",
}
_BUDGET_QUALIFIER = "预算数"
_FINAL_QUALIFIER = "决算数"


# A coded table printing one amount column under a generic heading (金额, 预算数): its total.
_GENERIC_AMOUNT = re.compile(r"^(?:金额|(?:本年)?预算数|决算数|本年预算)$")
GENERIC_TOTAL_TABLES = (
    "revenue",
    "expenditure",
    "general_budget_expenditure",
    "government_fund_expenditure",
    "state_capital_expenditure",
)


# Two-sided tables print 收入 on the left and 支出 on the right: a generic amount column (预算数)
# whose header names no side takes the side of its block (first block: 收入), e.g. when the side
# heading was not seen above it (a table without vertical rules).
SIDE_BY_BLOCK: dict[str, tuple[str, str]] = {
    "summary": ("revenue", "expenditure"),
    "fiscal_summary": ("revenue", "total"),
}


def side_measure(table_type: str, path: tuple[str, ...], block: int) -> str | None:
    """The measure of a generic amount column by its block, in a two-sided table; else None."""
    sides = SIDE_BY_BLOCK.get(table_type)
    if sides is None or not path or not _GENERIC_AMOUNT.match(path[-1]):
        return None
    return sides[min(block, 1)]


def measure_of(table_type: str, phase: str, path: list[str]) -> str | None:
    """The measure key a header path names, or None."""
    rules = RULES[table_type]
    key = _walk(rules, path)
    if key is None and SUBTOTAL in path:
        key = BARE_SUBTOTAL.get(table_type)
    if key is None and table_type in GENERIC_TOTAL_TABLES and path and _GENERIC_AMOUNT.match(path[-1]):
        key = "total"
    if key is None or table_type != "three_public" or phase != "final":
        return key
    return f"{key}_budget" if _BUDGET_QUALIFIER in path and _FINAL_QUALIFIER not in path else key


def _walk(rules: tuple[Rule, ...], path: list[str]) -> str | None:
    for element in reversed(path):
        if element == SUBTOTAL:
            continue
        for pattern, key in rules:
            if re.search(pattern, element):
                return key
    return None
