"""The nine standard tables of a final-accounts (决算) document, built from its Finances."""

from __future__ import annotations

from collections.abc import Callable

from extract.text import normalise_label
from samplegen.catalog import ECONOMIC_NAMES
from samplegen.coded_tables import coded_body, coded_spec
from samplegen.context import DocContext
from samplegen.finance import ZERO, Leaf
from samplegen.layout import HeaderCell, Mark, Row, TableSpec
from samplegen.tablekit import Cells, empty_body, plain_spec
from samplegen.tables_budget import expenditure_measures, fiscal_class_side, fund_measures
from samplegen.two_sided import class_side, numbered_items, two_sided_rows, two_sided_spec


def summary(ctx: DocContext, title: str) -> TableSpec:
    fin, cells = ctx.fin, Cells(ctx.style, "summary")
    left = numbered_items(
        [
            ("一般公共预算财政拨款收入", [("revenue", fin.general_budget)]),
            ("政府性基金预算财政拨款收入", [("revenue", fin.government_fund)]),
            ("国有资本经营预算财政拨款收入", [("revenue", fin.state_capital or None)]),
            ("上级补助收入", [("revenue", fin.sum("subsidy") or None)]),
            ("事业收入", [("revenue", fin.sum("business_final"))]),
            ("经营收入", [("revenue", None)]),
            ("附属单位上缴收入", [("revenue", None)]),
            ("其他收入", [("revenue", fin.sum("other") or None)]),
        ]
    )
    right = class_side(ctx, "total", [("expenditure", "total")])
    totals = [
        ([("本年收入合计", [("revenue", fin.total)])], [("本年支出合计", [("expenditure", fin.total)])]),
        ([("使用非财政拨款结余", [("revenue", None)])], [("结余分配", [("expenditure", None)])]),
        (
            [("年初结转和结余", [("revenue", fin.balance or None)])],
            [("年末结转和结余", [("expenditure", fin.balance or None)])],
        ),
        (
            [("总计", [("revenue", fin.grand_total)])],
            [("总计", [("expenditure", ctx.summary_expenditure_total)])],
        ),
    ]
    rows = two_sided_rows(cells, left, right, totals, 1)
    return two_sided_spec(ctx, "summary", title, "决算数", ["决算数"], rows)


def coded_final(
    ctx: DocContext,
    key: str,
    title: str,
    measures: dict[str, Callable[[Leaf], object]],
    printed: list[str],
    groups: list[tuple[str, list[str]]],
    wide: bool,
    keep: Callable[[Leaf], bool] = lambda leaf: True,
) -> TableSpec:
    body = coded_body(ctx, key, ctx.fin.leaves, measures, printed, keep)
    return coded_spec(ctx, key, title, groups, body, wide=wide)


def revenue(ctx: DocContext, title: str) -> TableSpec:
    measures = {"total": lambda leaf: leaf.total, "fiscal_appropriation": lambda leaf: leaf.fiscal}
    for key, attribute in (
        ("superior_subsidy", "subsidy"),
        ("business_income", "business_final"),
        ("other_income", "other"),
    ):
        if ctx.fin.sum(attribute):
            measures[key] = lambda leaf, attribute=attribute: getattr(leaf, attribute)
    printed = [
        "total",
        "fiscal_appropriation",
        "superior_subsidy",
        "business_income",
        "operation_income",
        "affiliated_remit",
        "other_income",
    ]
    groups = [
        ("本年收入合计", []),
        ("财政拨款收入", []),
        ("上级补助收入", []),
        ("事业收入", []),
        ("经营收入", []),
        ("附属单位上缴收入", []),
        ("其他收入", []),
    ]
    return coded_final(ctx, "revenue", title, measures, printed, groups, wide=True)


def expenditure(ctx: DocContext, title: str) -> TableSpec:
    measures = expenditure_measures(ctx.fin)
    printed = ["total", "basic", "project", "remit_superior", "operation_expense", "affiliated_subsidy"]
    groups = [
        ("本年支出合计", []),
        ("基本支出", []),
        ("项目支出", []),
        ("上缴上级支出", []),
        ("经营支出", []),
        ("对附属单位补助支出", []),
    ]
    return coded_final(ctx, "expenditure", title, measures, printed, groups, wide=True)


def fiscal_summary(ctx: DocContext, title: str) -> TableSpec:
    fin, cells = ctx.fin, Cells(ctx.style, "fiscal_summary")
    fiscal = fin.fiscal
    left = numbered_items(
        [
            ("一般公共预算财政拨款", [("revenue", fin.general_budget)]),
            ("政府性基金预算财政拨款", [("revenue", fin.government_fund)]),
            ("国有资本经营预算财政拨款", [("revenue", fin.state_capital or None)]),
        ]
    )
    right = fiscal_class_side(ctx)
    sums = [
        ("total", fiscal),
        ("general_budget", fin.general_budget),
        ("government_fund", fin.government_fund),
        ("state_capital", fin.state_capital or None),
    ]
    balances = [
        ("total", fin.balance or None),
        ("general_budget", None),
        ("government_fund", fin.sum("fund_balance") or None),
        ("state_capital", fin.sum("capital_balance") or None),
    ]
    grand = [
        (m, None if a is None else a + (b or ZERO)) for (m, a), (_, b) in zip(sums, balances, strict=True)
    ]
    totals = [
        ([("本年收入合计", [("revenue", fiscal)])], [("本年支出合计", sums)]),
        (
            [("年初财政拨款结转和结余", [("revenue", fin.balance or None)])],
            [("年末财政拨款结转和结余", balances)],
        ),
        ([("总计", [("revenue", fiscal + fin.balance)])], [("总计", grand)]),
    ]
    rows = two_sided_rows(cells, left, right, totals, 4)
    return two_sided_spec(
        ctx,
        "fiscal_summary",
        title,
        "决算数",
        ["合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
        rows,
    )


def general_budget(ctx: DocContext, title: str) -> TableSpec:
    measures = {
        "total": lambda leaf: leaf.gb_total,
        "basic": lambda leaf: leaf.gb_basic,
        "project": lambda leaf: leaf.project,
    }
    groups = [("合计", []), ("基本支出", []), ("项目支出", [])]
    return coded_final(
        ctx,
        "general_budget_expenditure",
        title,
        measures,
        list(measures),
        groups,
        wide=False,
        keep=lambda leaf: leaf.gb_total != ZERO,
    )


def _economic_block(ctx: DocContext, classes: tuple[str, ...]) -> list[tuple[str, str, object]]:
    entries = []
    for klass in classes:
        items = {c: a for c, a in ctx.fin.economic.items() if c.startswith(klass)}
        if items:
            entries.append((klass, ECONOMIC_NAMES[klass], sum(items.values(), ZERO)))
            entries += [(c, ECONOMIC_NAMES[c], a) for c, a in sorted(items.items())]
    return entries


def basic_economic(ctx: DocContext, title: str) -> TableSpec:
    """Two blocks side by side: 人员经费 (301, 303) left, 公用经费 (302, 310) right."""
    fin, cells = ctx.fin, Cells(ctx.style, "basic_expenditure_economic")
    left, right = _economic_block(ctx, ("301", "303")), _economic_block(ctx, ("302", "310"))
    rows = []
    for i in range(max(len(left), len(right))):
        marks: list[Mark] = []
        row: list[str] = []
        for block in (left, right):
            if i < len(block):
                code, name, amount = block[i]
                row += [code, name, cells.money(marks, amount, code, normalise_label(name), "amount")]
            else:
                row += ["", "", ""]
        rows.append(Row(row, marks))
    marks = []
    rows.append(
        Row(
            [
                "人员经费合计",
                "",
                cells.money(marks, fin.personnel, None, "人员经费合计", "amount"),
                "公用经费合计",
                "",
                cells.money(marks, fin.public_use, None, "公用经费合计", "amount"),
            ],
            marks,
            merges=[(0, 2), (3, 2)],
        )
    )
    header = [
        HeaderCell("经济分类科目编码", 0, 0),
        HeaderCell("科目名称", 0, 1),
        HeaderCell("决算数", 0, 2),
        HeaderCell("经济分类科目编码", 0, 3),
        HeaderCell("科目名称", 0, 4),
        HeaderCell("决算数", 0, 5),
    ]
    return plain_spec(
        ctx,
        "basic_expenditure_economic",
        title,
        [0.9, 2.2, 1.0, 0.9, 2.2, 1.0],
        header,
        rows,
        ["c", "l", "r", "c", "l", "r"],
        font_size=7.5,
    )


def three_public(ctx: DocContext, title: str) -> TableSpec:
    fin, cells = ctx.fin, Cells(ctx.style, "three_public")
    planned = fin.budget_three_public.measures() if fin.budget_three_public else {}
    marks: list[Mark] = []
    money = []
    for key, amount in fin.three_public.measures().items():
        money.append(cells.money(marks, planned.get(key), None, None, f"{key}_budget"))
        money.append(cells.money(marks, amount, None, None, key))
    header = [
        HeaderCell("合计", 0, 0, 2, 2),
        HeaderCell("因公出国（境）费", 0, 2, 2, 2),
        HeaderCell("公务用车购置及运行维护费", 0, 4, 1, 6),
        HeaderCell("公务接待费", 0, 10, 2, 2),
        HeaderCell("小计", 1, 4, 1, 2),
        HeaderCell("公务用车购置费", 1, 6, 1, 2),
        HeaderCell("公务用车运行维护费", 1, 8, 1, 2),
    ]
    header += [HeaderCell("预算数" if i % 2 == 0 else "决算数", 2, i) for i in range(12)]
    return TableSpec(
        "three_public",
        title,
        ctx.style.unit,
        [1.0] * 12,
        header,
        [Row(money, marks)],
        ["r"] * 12,
        department=ctx.department,
        landscape=ctx.style.landscape_wide,
        font_size=8.0 if ctx.style.landscape_wide else 6.5,
    )


def fund_table(
    ctx: DocContext, key: str, title: str, leaves: list[Leaf], what: str, attribute: str
) -> TableSpec:
    """政府性基金 / 国有资本经营 决算 table; ``attribute``: ``fund`` or ``capital`` (see Leaf)."""
    groups = [
        ("年初结转和结余", []),
        ("本年收入", []),
        ("本年支出", ["合计", "基本支出", "项目支出"]),
        ("年末结转和结余", []),
    ]
    if not leaves:
        columns = (4 if ctx.style.code_split else 2) + 6
        note = f"说明：{ctx.department}本年度没有{what}财政拨款收入和支出，故本表无数据。"
        rows, below = empty_body(ctx.style, columns, note)
        return coded_spec(ctx, key, title, groups, rows, wide=True, note=below, empty=True)
    balance = f"{attribute}_balance"
    measures = {
        "opening_balance": lambda leaf: getattr(leaf, balance),
        "revenue": lambda leaf: getattr(leaf, attribute),  # 年初 = 年末: this year's revenue = spending
        **fund_measures(leaves, attribute),
        "closing_balance": lambda leaf: getattr(leaf, balance),
    }
    printed = ["opening_balance", "revenue", "total", "basic", "project", "closing_balance"]
    body = coded_body(ctx, key, leaves, measures, printed)
    return coded_spec(ctx, key, title, groups, body, wide=True)


def builders(
    ctx: DocContext, fund_leaves: list[Leaf], capital_leaves: list[Leaf]
) -> dict[str, Callable[[DocContext, str], TableSpec]]:
    return {
        "summary": summary,
        "revenue": revenue,
        "expenditure": expenditure,
        "fiscal_summary": fiscal_summary,
        "general_budget_expenditure": general_budget,
        "basic_expenditure_economic": basic_economic,
        "three_public": three_public,
        "government_fund_expenditure": lambda c, t: fund_table(
            c, "government_fund_expenditure", t, fund_leaves, "政府性基金预算", "fund"
        ),
        "state_capital_expenditure": lambda c, t: fund_table(
            c, "state_capital_expenditure", t, capital_leaves, "国有资本经营预算", "capital"
        ),
    }
