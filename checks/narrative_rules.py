"""Narrative figures against the tables, against each other, and their stated percentages.

Severities: a narrative figure that contradicts the table it summarises, a total that is not the
sum of the parts the same paragraph lists, and a wrong percentage are ``error``; sums across
categories the text may leave out (基本+项目 vs 总额) and the project list (which may list only
key projects) are ``warn``.
"""

from __future__ import annotations

from decimal import Decimal

from checks import names
from checks.finding_text import mismatch, percent_mismatch
from checks.findings import Finding
from checks.line_index import LineIndex
from checks.tolerance import (
    NARRATIVE_STEP,
    Tolerances,
    agrees,
    figures_allowance,
    narrative_step,
    rounding_allowance,
    share_tolerance,
)
from extract.model import ExtractedDocument

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)
Source = tuple[str, tuple[str | None, ...], str]  # table, row keys (first printed wins), measure

_THREE = "three_public"
NARRATIVE_SOURCES: dict[str, tuple[Source, ...]] = {
    "revenue_total": (
        ("summary", ("总计", "收入总计"), "revenue"),
        ("summary", ("本年收入合计",), "revenue"),
    ),
    "expenditure_total": (
        ("summary", ("总计", "支出总计"), "expenditure"),
        ("summary", ("本年支出合计",), "expenditure"),
    ),
    "revenue_current_year": (("summary", ("本年收入合计",), "revenue"),),
    "expenditure_current_year": (("summary", ("本年支出合计",), "expenditure"),),
    "basic_expenditure": (
        ("expenditure", ("合计",), "basic"),
        ("general_budget_expenditure", ("合计",), "basic"),
    ),
    "project_expenditure": (
        ("expenditure", ("合计",), "project"),
        ("general_budget_expenditure", ("合计",), "project"),
    ),
    "personnel_expenditure": (
        ("general_budget_expenditure", ("合计",), "personnel"),
        ("basic_expenditure_economic", ("合计",), "personnel"),
        ("basic_expenditure_economic", ("人员经费合计",), "amount"),
    ),
    "public_use_expenditure": (
        ("general_budget_expenditure", ("合计",), "public_use"),
        ("basic_expenditure_economic", ("合计",), "public_use"),
        ("basic_expenditure_economic", ("公用经费合计",), "amount"),
    ),
    **{
        key: ((_THREE, (None,), key),)
        for key in ("outbound", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")
    },
    "three_public_total": ((_THREE, (None,), "total"),),
    "three_public_total_budget": ((_THREE, (None,), "total_budget"),),
    **{
        f"procurement_{key}": (("procurement", ("合计",), key),)
        for key in ("total", "goods", "works", "services")
    },
}
# total metric -> the metric stating its change (others: ``<metric>_change``)
CHANGE_OF_TOTAL = {
    "revenue_total": "revenue_change",
    "expenditure_total": "expenditure_change",
    "three_public_total": "three_public_change",
}
# Tables whose printed no-data note (present, ``empty``) means zero for the narrative figure.
ZERO_WHEN_EMPTY = (_THREE, "procurement")


def _table_value(index: LineIndex, doc: ExtractedDocument, source: Source) -> Decimal | None:
    table, keys, measure = source
    value = index.first_cell(table, keys, measure)
    if value is None and table in ZERO_WHEN_EMPTY and table not in index.tables:
        noted_empty = any(t.table_type == table and t.empty for t in doc.tables)
        return ZERO if noted_empty else None
    return value


def narrative_vs_tables(doc: ExtractedDocument, index: LineIndex, tol: Tolerances) -> list[Finding]:
    """Narrative figures vs the cells they summarise. ``index`` holds only the tables that were read
    (``checks.verification.read_tables``): a table the reader missed says nothing about the text."""
    found = []
    for metric in doc.narrative:
        sources = NARRATIVE_SOURCES.get(metric.metric, ())
        values = [(s, v) for s in sources if (v := _table_value(index, doc, s)) is not None]
        if not values or any(
            agrees(v, metric.amount_yuan, tol.narrative_figure(metric, s[0])) for s, v in values
        ):
            continue
        (table, keys, measure), expected = values[0]
        what = f"narrative {metric.metric} (page {metric.page}) vs {table} {keys[0] or 'this year'} {measure}"
        found.append(mismatch(names.NARRATIVE_VS_TABLE, "error", what, expected, metric.amount_yuan))
    return found


def _stated(doc: ExtractedDocument) -> dict[str, Decimal]:
    return {m.metric: m.amount_yuan for m in doc.narrative}


def _parts_finding(
    what: str,
    total: Decimal | None,
    parts: list[Decimal | None],
    severity: str = "error",
    steps: list[Decimal] | None = None,
) -> list[Finding]:
    """``steps``: the printed precision of each figure involved (default: 万元 to 2 decimals)."""
    if total is None or all(p is None for p in parts):
        return []
    expected = sum((p or ZERO for p in parts), ZERO)
    printed = steps or [NARRATIVE_STEP] * (1 + sum(p is not None for p in parts))
    if agrees(expected, total, figures_allowance(printed)):
        return []
    return [mismatch(names.NARRATIVE_PARTS, severity, what, expected, total)]


def narrative_parts(doc: ExtractedDocument) -> list[Finding]:
    s = _stated(doc)
    step = {m.metric: narrative_step(m) for m in doc.narrative}

    def steps(*keys: str) -> list[Decimal]:
        return [step[k] for k in keys if k in step]

    items = [k for k in s if k.startswith("operating_cost_item:")]
    vehicles = s.get("vehicle_total")
    vehicle_keys = ["vehicle_total"]
    if vehicles is None and ("vehicle_purchase" in s or "vehicle_operation" in s):
        vehicles = s.get("vehicle_purchase", ZERO) + s.get("vehicle_operation", ZERO)
        vehicle_keys = ["vehicle_purchase", "vehicle_operation"]
    total_key = "expenditure_current_year" if "expenditure_current_year" in s else "expenditure_total"
    total = s.get(total_key)
    found = _parts_finding(
        "narrative 机关运行经费 vs sum of its items",
        s.get("operating_cost"),
        [s[k] for k in items] or [None],
        steps=steps("operating_cost", *items),
    )
    found += _parts_finding(
        "narrative 政府采购 total vs goods+works+services",
        s.get("procurement_total"),
        [s.get(f"procurement_{k}") for k in ("goods", "works", "services")],
        steps=steps(*(f"procurement_{k}" for k in ("total", "goods", "works", "services"))),
    )
    found += _parts_finding(
        'narrative "三公" total vs its parts',
        s.get("three_public_total"),
        [s.get("outbound"), vehicles, s.get("reception")],
        steps=steps("three_public_total", "outbound", *vehicle_keys, "reception"),
    )
    found += _parts_finding(
        "narrative 公务用车 vs purchase+operation",
        s.get("vehicle_total"),
        [s.get("vehicle_purchase"), s.get("vehicle_operation")],
        steps=steps("vehicle_total", "vehicle_purchase", "vehicle_operation"),
    )
    if "basic_expenditure" in s and "project_expenditure" in s:
        found += _parts_finding(
            "narrative 支出 total vs 基本支出+项目支出(+单位预留机动经费)",
            total,
            [s["basic_expenditure"], s["project_expenditure"], s.get("reserve_expenditure")],
            "warn",
            steps(total_key, "basic_expenditure", "project_expenditure", "reserve_expenditure"),
        )
    return found


def narrative_percentages(doc: ExtractedDocument) -> list[Finding]:
    s, found = _stated(doc), []
    for key, stated in s.items():
        if key.startswith("share_pct:"):
            _, part, base = key.split(":", 2)
            part_value = s.get(part)
            base_value = next((s[b] for b in (base, "expenditure_total", "revenue_total") if s.get(b)), None)
            what, severity = f"narrative {part} share of {base}", "error"
        elif key.startswith("change_pct:"):
            part = key.split(":", 1)[1]
            part_value = s.get(CHANGE_OF_TOTAL.get(part, f"{part}_change"))
            base_value = s[part] - part_value if part in s and part_value is not None else None
            # the base (total - change) is itself derived from two stated figures: weaker evidence
            what, severity = f"narrative {part} change rate (base = total - change)", "warn"
        else:
            continue
        if part_value is None or not base_value or base_value <= 0:
            continue
        computed = part_value * HUNDRED / base_value
        if abs(computed - stated) > share_tolerance(abs(part_value), base_value):
            found.append(
                percent_mismatch(
                    names.NARRATIVE_PERCENTAGE,
                    severity,
                    what,
                    part_value,
                    base_value,
                    stated,
                    computed.quantize(Decimal("0.01")),
                )
            )
    return found


def narrative_vs_projects(doc: ExtractedDocument, index: LineIndex, tol: Tolerances) -> list[Finding]:
    """项目支出 in the text vs the projects listed outside a table, and vs the 项目支出表."""
    metric = next((m for m in doc.narrative if m.metric == "project_expenditure"), None)
    if metric is None:
        return []
    stated, found = metric.amount_yuan, []
    annual = [p.annual_budget_yuan for p in doc.projects if p.annual_budget_yuan is not None]
    allowance = max(narrative_step(metric), rounding_allowance(NARRATIVE_STEP, len(annual)))
    if annual and not agrees(sum(annual, ZERO), stated, allowance):
        found.append(
            mismatch(
                names.NARRATIVE_VS_PROJECTS,
                "warn",
                "narrative 项目支出 vs the listed projects' 本年度预算",
                sum(annual, ZERO),
                stated,
            )
        )
    table_total = index.cell("project_expenditure", "合计", "annual_budget")
    if table_total is not None and not agrees(
        table_total, stated, tol.narrative_figure(metric, "project_expenditure")
    ):
        found.append(
            mismatch(
                names.NARRATIVE_VS_PROJECTS,
                "warn",
                "narrative 项目支出 vs 项目支出表 合计 本年度预算",
                table_total,
                stated,
            )
        )
    return found
