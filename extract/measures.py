"""Column header words → the contract's measure keys, per table type and phase.

A column's header is a path of merged header cells, top to bottom (``本年支出 / 合计``). We walk
the path from its most specific (lowest) element upwards and take the first element that names a
measure; ``小计`` means "the group above me" (``基本支出 / 小计`` → basic).
"""

from __future__ import annotations

import re

from extract.registry import REGISTRY

SUBTOTAL = "小计"
Rule = tuple[str, str]  # (regex on one squashed header element, measure key)

# Per table type, from the registry: the column rules, the group a bare 小计 column opens (a one-row
# header with no group above it), the tables whose one generic amount column is their total, and
# the two-sided tables' measure of a generic column by block.
RULES: dict[str, tuple[Rule, ...]] = {spec.key: spec.measures for spec in REGISTRY.tables}
BARE_SUBTOTAL = {spec.key: spec.bare_subtotal for spec in REGISTRY.tables if spec.bare_subtotal}
_BUDGET_QUALIFIER = "预算数"
_FINAL_QUALIFIER = "决算数"


# A coded table printing one amount column under a generic heading (金额, 预算数): its total.
_GENERIC_AMOUNT = re.compile(r"^(?:金额|(?:本年)?预算数|决算数|本年预算)$")
GENERIC_TOTAL_TABLES = tuple(spec.key for spec in REGISTRY.tables if spec.generic_total)


# Two-sided tables print 收入 on the left and 支出 on the right: a generic amount column (预算数)
# whose header names no side takes the side of its block (first block: 收入), e.g. when the side
# heading was not seen above it (a table without vertical rules).
SIDE_BY_BLOCK: dict[str, tuple[str, str]] = {
    spec.key: spec.two_sided for spec in REGISTRY.tables if spec.two_sided
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
    if key is None or not REGISTRY[table_type].final_budget_columns or phase != "final":
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
