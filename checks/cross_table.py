"""Rules across two tables of one document: 基本支出 vs the economic table, 人员+公用, "三公".

Each must hold in a correct document (both sides cover 一般公共预算 / 财政拨款 funds), so a
failure is an ``error``.
"""

from __future__ import annotations

from decimal import Decimal

from checks import names
from checks.finding_text import mismatch
from checks.findings import Finding
from checks.line_index import LineIndex, Row
from checks.tolerance import Tolerances, agrees, figure_step, figures_allowance

ZERO = Decimal("0.00")
GBE, ECONOMIC, THREE = "general_budget_expenditure", "basic_expenditure_economic", "three_public"
# economic code -> the 三公 measure it may not exceed
ECONOMIC_THREE_PUBLIC = {
    "30212": "outbound",
    "30217": "reception",
    "30231": "vehicle_operation",
    "31013": "vehicle_purchase",
}


def personnel_and_public(row: Row) -> Decimal | None:
    """人员经费 + 公用经费 of a row (a missing one counts zero); None when it prints neither."""
    if "personnel" not in row and "public_use" not in row:
        return None
    return row.get("personnel", ZERO) + row.get("public_use", ZERO)


def general_budget_basic(index: LineIndex) -> Decimal | None:
    """基本支出 of the 一般公共预算 expenditure table's 合计 row (小计, or 人员+公用 when no 小计)."""
    row = index.row(GBE, "合计")
    if not row:
        return None
    return row["basic"] if "basic" in row else personnel_and_public(row)


def _basic_figures(index: LineIndex) -> int:
    """How many printed figures ``general_budget_basic`` adds up (for the rounding allowance)."""
    row = index.row(GBE, "合计") or {}
    return 1 if "basic" in row else max(1, sum(1 for m in ("personnel", "public_use") if m in row))


def economic_total(index: LineIndex) -> Decimal | None:
    """The economic table's total: budget 合计 row, 决算 人员经费合计 + 公用经费合计."""
    total = index.cell(ECONOMIC, "合计", "total")
    if total is not None:
        return total
    people = index.cell(ECONOMIC, "人员经费合计", "amount")
    public = index.cell(ECONOMIC, "公用经费合计", "amount")
    return None if people is None and public is None else (people or ZERO) + (public or ZERO)


def _economic_figures(index: LineIndex) -> int:
    return 1 if index.cell(ECONOMIC, "合计", "total") is not None else 2


def basic_vs_economic(index: LineIndex, tol: Tolerances) -> list[Finding]:
    basic, economic = general_budget_basic(index), economic_total(index)
    if basic is None or economic is None:
        return []
    steps = [figure_step(tol.step(GBE), basic)] * _basic_figures(index)
    steps += [figure_step(tol.step(ECONOMIC), economic)] * _economic_figures(index)
    allowance = figures_allowance(steps)
    if agrees(basic, economic, allowance):
        return []
    return [
        mismatch(
            names.BASIC_VS_ECONOMIC,
            "error",
            "basic_expenditure_economic total vs general_budget_expenditure 基本支出",
            basic,
            economic,
        )
    ]


def expenditure_covers_general_budget(index: LineIndex, tol: Tolerances) -> list[Finding]:
    """The expenditure table covers every fund, so its 基本/项目支出 are at least the 一般公共预算
    ones (larger is normal where 事业收入 pays too; smaller cannot be)."""
    found = []
    for measure, label in (("basic", "基本支出"), ("project", "项目支出")):
        every_fund = index.cell("expenditure", "合计", measure)
        general = general_budget_basic(index) if measure == "basic" else index.cell(GBE, "合计", measure)
        figures = _basic_figures(index) if measure == "basic" else 1
        if (
            every_fund is not None
            and general is not None
            and general - every_fund > tol.figures(*[GBE] * figures, "expenditure")
        ):
            found.append(
                mismatch(
                    names.EXPENDITURE_VS_GENERAL_BUDGET,
                    "error",
                    f"expenditure 合计 {label} is less than general_budget_expenditure's",
                    general,
                    every_fund,
                )
            )
    return found


def personnel_plus_public(index: LineIndex, tol: Tolerances) -> list[Finding]:
    """On every general_budget_expenditure row: 人员经费 + 公用经费 = 基本支出."""
    found = []
    for key, row in index.tables.get(GBE, {}).items():
        expected = personnel_and_public(row)
        if "basic" not in row or expected is None:
            continue
        figures = [row["basic"], *(row[m] for m in ("personnel", "public_use") if m in row)]
        if not agrees(expected, row["basic"], tol.sum(GBE, len(figures) - 1, figures)):
            found.append(
                mismatch(
                    names.PERSONNEL_PLUS_PUBLIC,
                    "error",
                    f"{GBE} row {key}: 基本支出 vs 人员经费+公用经费",
                    expected,
                    row["basic"],
                )
            )
    return found


def three_public_sums(index: LineIndex, tol: Tolerances) -> list[Finding]:
    """total = outbound + vehicle_total + reception; vehicle_total = purchase + operation (each
    printed year, 决算数 and 预算数 columns)."""
    found = []
    for key, row in index.tables.get(THREE, {}).items():
        for suffix in ("", "_budget"):

            def get(measure: str, row=row, suffix=suffix) -> Decimal | None:
                return row.get(measure + suffix)

            purchase, operation, vehicles = (
                get("vehicle_purchase"),
                get("vehicle_operation"),
                get("vehicle_total"),
            )
            if vehicles is not None and (purchase is not None or operation is not None):
                expected = (purchase or ZERO) + (operation or ZERO)
                printed = (purchase is not None) + (operation is not None)
                if not agrees(expected, vehicles, tol.sum(THREE, printed)):
                    found.append(
                        mismatch(
                            names.THREE_PUBLIC_VEHICLE,
                            "error",
                            f"三公 {key or 'this year'} vehicle_total{suffix} vs purchase+operation",
                            expected,
                            vehicles,
                        )
                    )
            vehicle_figures = 1
            if vehicles is None and (purchase is not None or operation is not None):
                vehicles = (purchase or ZERO) + (operation or ZERO)
                vehicle_figures = (purchase is not None) + (operation is not None)
            parts = [get("outbound"), vehicles, get("reception")]
            total = get("total")
            if total is not None and any(p is not None for p in parts):
                expected = sum((p or ZERO for p in parts), ZERO)
                printed = sum(1 for p in (parts[0], parts[2]) if p is not None)
                printed += vehicle_figures if vehicles is not None else 0
                if not agrees(expected, total, tol.sum(THREE, printed)):
                    found.append(
                        mismatch(
                            names.THREE_PUBLIC_TOTAL,
                            "error",
                            f"三公 {key or 'this year'} total{suffix} vs outbound+vehicles+reception",
                            expected,
                            total,
                        )
                    )
    return found


# economic code -> what its printed label must name for the code to mean the 三公 item: local
# classifications reuse codes (Shanghai prints 30212 机关事业单位退休人员活动费).
ECONOMIC_THREE_PUBLIC_LABEL = {"30212": "出国", "30217": "接待", "30231": "公务用车", "31013": "公务用车"}


def three_public_vs_economic(
    index: LineIndex, tol: Tolerances, three_public_present: bool, labels: dict[str, str] | None = None
) -> list[Finding]:
    """30212/30217/30231/31013 of the basic economic table do not exceed the 三公 items.
    ``labels``: economic code -> printed label; a code printed with another meaning is skipped."""
    if not three_public_present:
        return []
    own_year = index.row(THREE, None) or {}
    found = []
    for code, measure in ECONOMIC_THREE_PUBLIC.items():
        label = (labels or {}).get(code)
        if label and ECONOMIC_THREE_PUBLIC_LABEL[code] not in label:
            continue
        row = index.row(ECONOMIC, code) or {}
        economic = row.get("total", row.get("amount"))
        ceiling = own_year.get(measure, ZERO)
        if economic is not None and economic - ceiling > tol.figures(THREE, ECONOMIC):
            found.append(
                mismatch(
                    names.THREE_PUBLIC_VS_ECONOMIC,
                    "error",
                    f"basic_expenditure_economic {code} exceeds 三公 {measure}",
                    ceiling,
                    economic,
                )
            )
    return found
