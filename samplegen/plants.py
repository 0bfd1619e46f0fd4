"""Planted inconsistencies: a few documents contradict themselves the way real ones do.

Each plant changes one printed figure and records the expected finding. Conventions for
``expected_yuan`` / ``actual_yuan``: *expected* is what the rest of the document implies,
*actual* is the figure as printed.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from checks import names
from extract.amounts import UNIT_FACTORS
from samplegen.context import DocContext
from samplegen.money import CENT, QUANTUM_YUAN

ROUNDING = "rounding"  # not a finding: a 0.01 difference the checks' tolerance must absorb


def finding(
    check: str,
    expected: Decimal | None,
    actual: Decimal | None,
    metric: str | None = None,
    table_type: str | None = None,
) -> dict:
    return {
        "check": check,
        "metric": metric,
        "table_type": table_type,
        "expected_yuan": None if expected is None else f"{expected:.2f}",
        "actual_yuan": None if actual is None else f"{actual:.2f}",
    }


def plant(ctx: DocContext, check: str) -> None:
    """Apply one planted inconsistency to ``ctx`` and record its expected finding."""
    fin = ctx.fin
    delta = QUANTUM_YUAN[ctx.style.unit] * 1234
    if check == ROUNDING:
        ctx.rounding = CENT * UNIT_FACTORS[ctx.style.unit]
    elif check == names.SUMMARY_BALANCE:
        # seed-style wording: the text states 本年收入合计 (or 收入总计) and its change, never the 支出 总计 planted here,
        # so the wrong 支出 总计 does not spill into 比上年 checks (plant it in the last year only)
        ctx.style = replace(ctx.style, phrasing=0)
        ctx.planted_summary_total = fin.grand_total + delta
        ctx.findings.append(finding(check, fin.grand_total, fin.grand_total + delta, table_type="summary"))
    elif check == names.NARRATIVE_VS_TABLE:
        ctx.stated["revenue_total"] = fin.total + delta
        ctx.findings.append(finding(check, fin.total, fin.total + delta, metric="revenue_total"))
        if ctx.style.phrasing == 1:  # 收支预算总额: one printed figure states both totals ...
            ctx.findings.append(finding(check, fin.total, fin.total + delta, metric="expenditure_total"))
            # ... so the stated 支出 total is no longer 基本 + 项目 (expected: the parts, actual: the total)
            ctx.findings.append(
                finding(names.NARRATIVE_PARTS, fin.total, fin.total + delta, metric="expenditure_total")
            )
    elif check == names.PRIOR_YEAR_CHANGE:
        true_change = fin.grand_total - fin.prior_total
        ctx.stated["revenue_change"] = true_change + delta
        ctx.findings.append(finding(check, true_change, true_change + delta, metric="revenue_change"))
    elif check == names.NARRATIVE_PERCENTAGE:
        share = (fin.public_use * 100 / fin.total).quantize(CENT) + Decimal("10.00")
        ctx.stated_share = f"{share}"
        implied = (fin.total * share / 100).quantize(CENT)
        ctx.findings.append(finding(check, fin.public_use, implied, metric="operating_cost"))
    elif check == names.TOC_TABLE_MISSING:
        ctx.style = replace(ctx.style, with_procurement=False)
        ctx.toc_extra.append("procurement")
        ctx.findings.append(finding(check, None, None, table_type="procurement"))
    else:
        raise ValueError(f"no plant for {check}")


def known_warnings(ctx: DocContext) -> list[dict]:
    """Warnings the checks give on a correct document, listed so the truth names every finding.

    A narrative states 基本支出 and 项目支出 but not 上缴上级 / 对附属单位补助 支出, so when a
    department spends those (the hospital), 基本 + 项目 falls short of the stated total (a ``warn``).
    """
    fin = ctx.fin
    stated_parts = fin.sum("basic") + fin.sum("all_project")
    if stated_parts == fin.total:
        return []
    return [finding(names.NARRATIVE_PARTS, stated_parts, fin.total, metric="expenditure_total")]
