"""Arithmetic inside one table: code hierarchy sums, the 合计 row, row totals, the summary table.

All of these must hold in a correct document, so a failure is an ``error``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from checks import names
from checks.finding_text import mismatch
from checks.findings import Finding
from checks.line_index import LineIndex, Row
from checks.tolerance import Tolerances, agrees, rounding_allowance
from extract.registry import REGISTRY

# Tables whose rows form a code tree (hierarchy and 合计 sums), and each table's row identity:
# table -> (total measure, alternatives of part measures); the first alternative whose measures the
# row prints is used (general_budget_expenditure prints 基本支出 小计 or only 人员/公用经费). Both
# come from the table registry (extract/tables.toml).
CODED_TABLES = tuple(spec.key for spec in REGISTRY.tables if spec.code_tree)
TOTAL_LABELS = ("合计", "总计")
ZERO = Decimal("0.00")
ROW_PARTS: dict[str, tuple[str, tuple[tuple[str, ...], ...]]] = REGISTRY.row_parts()
NOT_A_SUMMARY_ITEM = re.compile(r"合计|总计|小计|结转|结余")


def parent_code(code: str, codes: set[str]) -> str | None:
    """The nearest printed code that is a proper prefix of ``code`` (类 for a 款, 款 for a 项)."""
    for length in range(len(code) - 1, 2, -1):
        if code[:length] in codes:
            return code[:length]
    return None


def sum_rows(rows: list[Row], measure: str) -> Decimal:
    return sum((row.get(measure, ZERO) for row in rows), ZERO)


def children_by_parent(codes: list[str]) -> dict[str, list[str]]:
    """Each printed code's printed children (款 under 类, 项 under 款), in printed order."""
    code_set = set(codes)
    kids: dict[str, list[str]] = {}
    for code in codes:
        parent = parent_code(code, code_set)
        if parent:
            kids.setdefault(parent, []).append(code)
    return kids


def leaf_counts(codes: list[str]) -> dict[str, int]:
    """Per code, the printed leaf rows beneath it (1 for a leaf). Documents often add up their
    totals from the rounded leaves, so a 合计 may differ from the sum of its rounded 类 by the
    rounding of every leaf beneath: the allowance counts leaves, not direct children."""
    kids = children_by_parent(codes)
    counts: dict[str, int] = {}
    for code in sorted(codes, key=len, reverse=True):  # children (longer codes) first
        counts[code] = sum(counts[k] for k in kids.get(code, ())) or 1
    return counts


def _compare_parent(
    table: str,
    label: str,
    parent: Row,
    children: list[Row],
    tol: Tolerances,
    check: str,
    leaves: list[int] | None = None,
) -> list[Finding]:
    """``leaves``: per child, the rounded leaf figures beneath it (default 1 each)."""
    measures = set(parent).union(*children)
    found = []
    weights = leaves or [1] * len(children)
    for measure in sorted(measures):
        expected, actual = sum_rows(children, measure), parent.get(measure, ZERO)
        figures = [actual, *(row[measure] for row in children if measure in row)]
        hidden = sum(w for row, w in zip(children, weights, strict=True) if measure in row)
        if not agrees(expected, actual, tol.sum(table, hidden, figures)):
            found.append(
                mismatch(check, "error", f"{table} {label} {measure} vs sum of its parts", expected, actual)
            )
    return found


def hierarchy_sums(index: LineIndex, tol: Tolerances) -> list[Finding]:
    """Each 类 = sum of its 款, each 款 = sum of its 项 (economic: 301 = sum of 301xx)."""
    found: list[Finding] = []
    for table in CODED_TABLES:
        rows = index.coded_rows(table)
        children = children_by_parent(list(rows))
        leaves = leaf_counts(list(rows))
        for parent, kids in children.items():
            found += _compare_parent(
                table,
                parent,
                rows[parent],
                [rows[k] for k in kids],
                tol,
                names.HIERARCHY_SUM,
                [leaves[k] for k in kids],
            )
    return found


def table_totals(index: LineIndex, tol: Tolerances) -> list[Finding]:
    """The 合计 row = sum of the top-level coded rows (决算 economic: 人员+公用经费合计 = sum)."""
    found: list[Finding] = []
    for table in CODED_TABLES:
        rows = index.coded_rows(table)
        codes = set(rows)
        root_codes = [code for code in rows if parent_code(code, codes) is None]
        roots = [rows[code] for code in root_codes]
        if not roots:
            continue
        total = index.first_cell(table, TOTAL_LABELS, "total") is not None
        if total:
            total_row = index.row(table, "合计") or index.row(table, "总计") or {}
            leaves = leaf_counts(list(rows))
            found += _compare_parent(
                table, "合计", total_row, roots, tol, names.TABLE_TOTAL, [leaves[c] for c in root_codes]
            )
        elif table == "basic_expenditure_economic":
            leaves = leaf_counts(list(rows))
            found += _economic_final_total(index, roots, tol, sum(leaves[c] for c in root_codes))
    return found


def _economic_final_total(index: LineIndex, roots: list[Row], tol: Tolerances, leaves: int) -> list[Finding]:
    people = index.cell("basic_expenditure_economic", "人员经费合计", "amount")
    public = index.cell("basic_expenditure_economic", "公用经费合计", "amount")
    if people is None or public is None:
        return []
    expected = sum_rows(roots, "amount")
    # the leaves beneath the 类 rows, and one more for the second 合计 figure
    if agrees(expected, people + public, tol.sum("basic_expenditure_economic", leaves + 1)):
        return []
    return [
        mismatch(
            names.TABLE_TOTAL,
            "error",
            "basic_expenditure_economic 人员经费合计+公用经费合计 vs sum of 类 rows",
            expected,
            people + public,
        )
    ]


def _row_parts(row: Row, total: str, alternatives: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    if not alternatives:
        return tuple(m for m in row if m != total)
    for parts in alternatives:
        if any(m in row for m in parts if m != "project"):
            return parts
    return alternatives[0] if any(m in row for m in alternatives[0]) else ()


# Some templates print 事业单位经营支出 as a share of 基本/项目支出 (Shenzhen: 支出总计 = 基本 + 项目),
# others beside them: the row adds up one way or the other.
INSIDE_PARTS = ("operation_expense",)


def row_part_options(
    row: Row, total: str, alternatives: tuple[tuple[str, ...], ...]
) -> list[tuple[str, ...]]:
    """The parts a row's total may be the sum of: all of them, or without a part some templates
    print as a share of the others."""
    parts = _row_parts(row, total, alternatives)
    inside = tuple(m for m in parts if m not in INSIDE_PARTS)
    return [parts, inside] if inside != parts and inside else [parts]


def row_totals(index: LineIndex, tol: Tolerances) -> list[Finding]:
    """合计 column = sum of the other columns, on every row that prints both."""
    found: list[Finding] = []
    for table, (total, alternatives) in ROW_PARTS.items():
        for key, row in index.tables.get(table, {}).items():
            options = row_part_options(row, total, alternatives)
            if total not in row or not options[0]:
                continue
            if any(_row_adds_up(row, total, parts, tol, table) for parts in options):
                continue
            parts = options[0]
            expected = sum((row.get(m, ZERO) for m in parts), ZERO)
            what = f"{table} row {key}: {total} vs {'+'.join(parts)}"
            found.append(mismatch(names.ROW_TOTAL, "error", what, expected, row[total]))
    return found


def _row_adds_up(row: Row, total: str, parts: tuple[str, ...], tol: Tolerances, table: str) -> bool:
    figures = [row[total], *(row[m] for m in parts if m in row)]
    expected = sum((row.get(m, ZERO) for m in parts), ZERO)
    return agrees(expected, row[total], tol.sum(table, len(figures) - 1, figures))


def summary_revenue_items(index: LineIndex) -> list[tuple[str, Decimal]]:
    """The summary's revenue items in printed order (labels without 合计/总计/小计/结转/结余; a
    其中 row is part of the item above it)."""
    parts = index.sub_items.get("summary", set())
    return [
        (label, row["revenue"])
        for label, row in index.labelled_rows("summary").items()
        if "revenue" in row and label and label not in parts and not NOT_A_SUMMARY_ITEM.search(label)
    ]


def _run_end(values: list[Decimal], at: int, end: int, step: Decimal) -> int | None:
    """Where the rows after ``at`` (up to ``end``) first add up to it, if they do."""
    running = ZERO
    for stop in range(at + 1, end):
        running += values[stop]
        count = stop - at
        if abs(running - values[at]) <= rounding_allowance(step, count):
            return stop + 1
        if running > values[at] + rounding_allowance(step, count):
            return None
    return None


def _leaves(values: list[Decimal], start: int, end: int, step: Decimal) -> list[Decimal]:
    out: list[Decimal] = []
    at = start
    while at < end:
        stop = _run_end(values, at, end, step) if values[at] != 0 else None
        if stop is None:
            out.append(values[at])
            at += 1
        else:  # a subtotal: its parts are the rows up to ``stop``, which may hold subtotals too
            out += _leaves(values, at + 1, stop, step)
            at = stop
    return out


def without_subtotals(values: list[Decimal], step: Decimal) -> list[Decimal]:
    """The values with subtotal rows dropped: a non-zero row equal to the sum of the rows right
    after it (some templates print 财政拨款 above 一般公共预算拨款…, 单位资金 above 事业收入…); a
    subtotal's parts never reach past it. Only ever tried when the plain sum fails, so a
    coincidence cannot hide a real error."""
    return _leaves(values, 0, len(values), step)


def summary_checks(index: LineIndex, tol: Tolerances) -> list[Finding]:
    """收入总计 = 支出总计; 本年收入合计 = sum of the revenue items (subtotal rows counted once)."""
    found: list[Finding] = []
    revenue = index.first_cell("summary", ("总计", "收入总计"), "revenue")
    expenditure = index.first_cell("summary", ("总计", "支出总计"), "expenditure")
    if (
        revenue is not None
        and expenditure is not None
        and not agrees(revenue, expenditure, tol.sum("summary", 1))
    ):
        found.append(
            mismatch(names.SUMMARY_BALANCE, "error", "summary 支出总计 vs 收入总计", revenue, expenditure)
        )
    current = index.first_cell("summary", ("本年收入合计", "本年收入小计", "收入合计"), "revenue")
    items = [value for _, value in summary_revenue_items(index)]
    if current is not None and items:
        expected = sum(items, ZERO)
        leaves = without_subtotals(items, tol.step("summary"))
        if not agrees(expected, current, tol.sum("summary", len(items))) and not agrees(
            sum(leaves, ZERO), current, tol.sum("summary", len(leaves))
        ):
            found.append(
                mismatch(
                    names.SUMMARY_REVENUE_SUM,
                    "error",
                    "summary 本年收入合计 vs sum of revenue items",
                    expected,
                    current,
                )
            )
    return found
