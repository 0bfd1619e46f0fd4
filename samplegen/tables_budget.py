"""The standard tables of a budget (预算) document, built from its Finances."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from samplegen.catalog import ECONOMIC_NAMES
from samplegen.coded_tables import coded_body, coded_spec
from samplegen.context import DocContext
from samplegen.finance import ZERO, Finances, Leaf
from samplegen.layout import HeaderCell, Mark, Row, TableSpec, simple_header
from samplegen.tablekit import Cells, empty_body, plain_spec
from samplegen.two_sided import class_side, numbered_items, two_sided_rows, two_sided_spec

REVENUE_SOURCES = (
    ("carryover", "上年结转", lambda leaf: leaf.carryover),
    ("general_budget", "一般公共预算拨款收入", lambda leaf: leaf.gb_total - leaf.carryover),
    ("government_fund", "政府性基金预算拨款收入", lambda leaf: leaf.fund),
    ("state_capital", "国有资本经营预算拨款收入", lambda leaf: leaf.capital),
    ("special_account", "财政专户管理资金收入", lambda leaf: leaf.special),
    ("business_income", "事业收入", lambda leaf: leaf.business),
    ("operation_income", "事业单位经营收入", lambda leaf: ZERO),
    ("superior_subsidy", "上级补助收入", lambda leaf: leaf.subsidy),
    ("affiliated_remit", "附属单位上缴收入", lambda leaf: ZERO),
    ("other_income", "其他收入", lambda leaf: leaf.other),
)


def summary(ctx: DocContext, title: str) -> TableSpec:
    fin, cells = ctx.fin, Cells(ctx.style, "summary")
    left = numbered_items(
        [
            ("一般公共预算拨款收入", [("revenue", fin.appropriation)]),
            ("政府性基金预算拨款收入", [("revenue", fin.government_fund)]),
            ("国有资本经营预算拨款收入", [("revenue", fin.state_capital)]),
            ("财政专户管理资金收入", [("revenue", fin.sum("special") or None)]),
            ("事业收入", [("revenue", fin.business_income)]),
            ("事业单位经营收入", [("revenue", None)]),
            ("上级补助收入", [("revenue", fin.sum("subsidy") or None)]),
            ("附属单位上缴收入", [("revenue", None)]),
            ("其他收入", [("revenue", fin.sum("other") or None)]),
        ]
    )
    right = class_side(ctx, "total", [("expenditure", "total")])
    totals = [
        (
            [("本年收入合计", [("revenue", fin.total - fin.carryover)])],
            [("本年支出合计", [("expenditure", fin.total)])],
        ),
        ([("上年结转", [("revenue", fin.carryover)])], [("结转下年", [("expenditure", ZERO)])]),
        ([("总计", [("revenue", fin.total)])], [("总计", [("expenditure", ctx.summary_expenditure_total)])]),
    ]
    rows = two_sided_rows(cells, left, right, totals, 1)
    return two_sided_spec(ctx, "summary", title, "预算数", ["预算数"], rows)


def revenue(ctx: DocContext, title: str) -> TableSpec:
    fin = ctx.fin
    used = [
        (key, label, get)
        for key, label, get in REVENUE_SOURCES
        if key == "general_budget" or any(get(leaf) != ZERO for leaf in fin.leaves)
    ]
    measures = {"total": lambda leaf: leaf.total} | {key: get for key, _, get in used}
    sources = [key for key, _, _ in REVENUE_SOURCES[1:]]
    this_year = ("本年收入", [label for _, label, _ in REVENUE_SOURCES[1:]])
    if ctx.style.carryover_last:  # some templates put 上年结转 after the year's sources
        printed, groups = ["total", *sources, "carryover"], [("合计", []), this_year, ("上年结转", [])]
    else:
        printed, groups = ["total", "carryover", *sources], [("合计", []), ("上年结转", []), this_year]
    body = coded_body(ctx, "revenue", fin.leaves, measures, printed)
    return coded_spec(ctx, "revenue", title, groups, body, wide=True)


def expenditure_measures(fin: Finances) -> dict[str, Callable[[Leaf], Decimal]]:
    """Expenditure-table columns with amounts: 上缴上级 / 对附属单位补助 only where some leaf spends them."""
    measures: dict[str, Callable[[Leaf], Decimal]] = {
        "total": lambda leaf: leaf.total,
        "basic": lambda leaf: leaf.basic,
        "project": lambda leaf: leaf.all_project,
    }
    if fin.sum("remit"):
        measures["remit_superior"] = lambda leaf: leaf.remit
    if fin.sum("affiliated"):
        measures["affiliated_subsidy"] = lambda leaf: leaf.affiliated
    return measures


def expenditure(ctx: DocContext, title: str) -> TableSpec:
    printed = ["total", "basic", "project", "remit_superior", "operation_expense", "affiliated_subsidy"]
    body = coded_body(ctx, "expenditure", ctx.fin.leaves, expenditure_measures(ctx.fin), printed)
    groups = [
        ("合计", []),
        ("基本支出", []),
        ("项目支出", []),
        ("上缴上级支出", []),
        ("事业单位经营支出", []),
        ("对附属单位补助支出", []),
    ]
    return coded_spec(ctx, "expenditure", title, groups, body, wide=True)


def fiscal_summary(ctx: DocContext, title: str) -> TableSpec:
    fin, cells = ctx.fin, Cells(ctx.style, "fiscal_summary")
    fiscal = fin.fiscal
    left = numbered_items(
        [
            ("一般公共预算拨款", [("revenue", fin.appropriation)]),
            ("政府性基金预算拨款", [("revenue", fin.government_fund)]),
            ("国有资本经营预算拨款", [("revenue", fin.state_capital)]),
        ]
    )
    right = fiscal_class_side(ctx)
    sums = [
        ("total", fiscal),
        ("general_budget", fin.general_budget),
        ("government_fund", fin.government_fund),
        ("state_capital", fin.state_capital or None),
    ]
    totals = [
        ([("本年收入合计", [("revenue", fiscal - fin.carryover)])], [("本年支出合计", sums)]),
        ([("上年结转", [("revenue", fin.carryover)])], [("结转下年", [(m, None) for m, _ in sums])]),
        ([("总计", [("revenue", fiscal)])], [("总计", sums)]),
    ]
    rows = two_sided_rows(cells, left, right, totals, 4)
    return two_sided_spec(
        ctx,
        "fiscal_summary",
        title,
        "预算数",
        ["合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
        rows,
    )


def general_budget(ctx: DocContext, title: str) -> TableSpec:
    measures = {
        "total": lambda leaf: leaf.gb_total,
        "basic": lambda leaf: leaf.gb_basic,
        "personnel": lambda leaf: leaf.personnel,
        "public_use": lambda leaf: leaf.public,
        "project": lambda leaf: leaf.project,
    }
    body = coded_body(
        ctx,
        "general_budget_expenditure",
        ctx.fin.leaves,
        measures,
        list(measures),
        keep=lambda leaf: leaf.gb_total != ZERO,
    )
    groups = [("合计", []), ("基本支出", ["小计", "人员经费", "公用经费"]), ("项目支出", [])]
    return coded_spec(ctx, "general_budget_expenditure", title, groups, body)


def basic_economic(ctx: DocContext, title: str) -> TableSpec:
    fin, style, cells = ctx.fin, ctx.style, Cells(ctx.style, "basic_expenditure_economic")
    rows: list[Row] = []
    for klass in ("301", "302", "303", "310"):
        items = {c: a for c, a in fin.economic.items() if c.startswith(klass)}
        if not items:
            continue
        personnel = klass in ("301", "303")
        for code, amount in [(klass, sum(items.values(), ZERO)), *sorted(items.items())]:
            values = [
                ("total", amount),
                ("personnel", amount if personnel else None),
                ("public_use", None if personnel else amount),
            ]
            rows.append(cells.row([code, ECONOMIC_NAMES[code]], code, ECONOMIC_NAMES[code], values))
    total_row = cells.row(
        ["合计", ""],
        None,
        "合计",
        [
            ("total", fin.personnel + fin.public_use + ctx.rounding),
            ("personnel", fin.personnel),
            ("public_use", fin.public_use),
        ],
    )
    total_row.merges = [(0, 2)]
    rows = [total_row, *rows] if style.total_first else [*rows, total_row]
    if style.merged_header:
        header = [
            HeaderCell("经济分类科目", 0, 0, 1, 2),
            HeaderCell("科目编码", 1, 0),
            HeaderCell("科目名称", 1, 1),
            HeaderCell("合计", 0, 2, 2),
            HeaderCell("人员经费", 0, 3, 2),
            HeaderCell("公用经费", 0, 4, 2),
        ]
    else:
        header = simple_header(["科目编码", "科目名称", "合计", "人员经费", "公用经费"])
    return plain_spec(
        ctx,
        "basic_expenditure_economic",
        title,
        [1.0, 2.8, 1.2, 1.2, 1.2],
        header,
        rows,
        ["c", "l", "r", "r", "r"],
    )


def three_public(ctx: DocContext, title: str) -> TableSpec:
    fin, style, cells = ctx.fin, ctx.style, Cells(ctx.style, "three_public")
    with_prior = style.prior_three_public and fin.prior_three_public is not None
    lead = 1 if with_prior else 0
    rows = []
    years = [(f"{ctx.year}年", None, fin.three_public)]
    if with_prior:
        years.append((f"{ctx.year - 1}年", "prior_year", fin.prior_three_public))
    for label, item, figures in years:
        marks: list[Mark] = []
        money = [
            cells.money(marks, amount, None, item, measure) for measure, amount in figures.measures().items()
        ]
        rows.append(Row(([label] if with_prior else []) + money, marks))
    header = [
        HeaderCell("合计", 0, lead, 2),
        HeaderCell("因公出国（境）费", 0, lead + 1, 2),
        HeaderCell("公务用车购置及运行费", 0, lead + 2, 1, 3),
        HeaderCell("小计", 1, lead + 2),
        HeaderCell("公务用车购置费", 1, lead + 3),
        HeaderCell("公务用车运行费", 1, lead + 4),
        HeaderCell("公务接待费", 0, lead + 5, 2),
    ]
    if with_prior:
        header.insert(0, HeaderCell("年度", 0, 0, 2))
    return TableSpec(
        "three_public",
        title,
        style.unit,
        [1.0] * (6 + lead),
        header,
        rows,
        ["c"] * (6 + lead),
        department=ctx.department,
    )


def fund_table(
    ctx: DocContext, key: str, title: str, leaves: list[Leaf], what: str, attribute: str
) -> TableSpec:
    """政府性基金 / 国有资本经营 budget table: coded rows, or an empty grid with a note.

    ``attribute`` names the Leaf fields of the fund: ``fund`` or ``capital`` (``<it>_basic``, ``<it>_project``).
    """
    groups = [("合计", []), ("基本支出", []), ("项目支出", [])]
    if not leaves:
        columns = (4 if ctx.style.code_split else 2) + 3
        note = f"注：{ctx.department}{ctx.year}年无{what}支出，故本表为空表。"
        rows, below = empty_body(ctx.style, columns, note)
        return coded_spec(ctx, key, title, groups, rows, note=below, empty=True)
    measures = fund_measures(leaves, attribute)
    body = coded_body(ctx, key, leaves, measures, ["total", "basic", "project"])
    return coded_spec(ctx, key, title, groups, body)


def fund_measures(leaves: list[Leaf], attribute: str) -> dict[str, Callable[[Leaf], Decimal]]:
    """total / basic / project of one fund; 基本支出 prints blank when no leaf has any."""
    measures: dict[str, Callable[[Leaf], Decimal]] = {
        "total": lambda leaf: getattr(leaf, attribute),
        "basic": lambda leaf: getattr(leaf, f"{attribute}_basic"),
        "project": lambda leaf: getattr(leaf, f"{attribute}_project"),
    }
    if not any(getattr(leaf, f"{attribute}_basic") for leaf in leaves):
        del measures["basic"]
    return measures


def fiscal_class_side(ctx: DocContext) -> list:
    """The 支出 side of 财政拨款收支总表: per 类, total and each fund (国有资本经营 blank when unused)."""
    measures = [("total", "fiscal"), ("general_budget", "gb_total"), ("government_fund", "fund")]
    if ctx.fin.state_capital:
        return class_side(ctx, "fiscal", [*measures, ("state_capital", "capital")])
    return [
        (label, [*values, ("state_capital", None)]) for label, values in class_side(ctx, "fiscal", measures)
    ]


def projects(ctx: DocContext, title: str) -> TableSpec:
    cells = Cells(ctx.style, "project_expenditure")
    rows = [
        cells.row(
            [p.name, p.code, p.kind],
            p.code,
            p.name,
            [("total_budget", p.total_budget), ("annual_budget", p.annual_budget)],
        )
        for p in ctx.fin.projects
    ]
    rows.append(
        cells.row(
            ["合计", "", ""],
            None,
            "合计",
            [
                ("total_budget", sum((p.total_budget for p in ctx.fin.projects), ZERO)),
                ("annual_budget", sum((p.annual_budget for p in ctx.fin.projects), ZERO)),
            ],
        )
    )
    header = simple_header(["项目名称", "功能科目编码", "项目类型", "项目总预算", "本年度预算"])
    return plain_spec(
        ctx,
        "project_expenditure",
        title,
        [3.0, 1.2, 1.1, 1.2, 1.2],
        header,
        rows,
        ["l", "c", "c", "r", "r"],
    )


def procurement(ctx: DocContext, title: str) -> TableSpec:
    style, cells = ctx.style, Cells(ctx.style, "procurement")
    keys = ("total", "goods", "works", "services")
    rows = []
    for p in ctx.fin.projects:
        if p.procurement:
            amounts = (p.procurement, p.goods, p.works, p.services)
            rows.append(cells.row([p.name], None, p.name, list(zip(keys, amounts, strict=True))))
    totals = ctx.fin.procurement
    rows.append(cells.row(["合计"], None, "合计", [(k, totals[k]) for k in keys]))
    header = [
        HeaderCell("项目名称", 0, 0, 2),
        HeaderCell("合计", 0, 1, 2),
        HeaderCell("采购类别", 0, 2, 1, 3),
        HeaderCell("货物", 1, 2),
        HeaderCell("工程", 1, 3),
        HeaderCell("服务", 1, 4),
    ]
    return TableSpec(
        "procurement",
        title,
        style.unit,
        [3.0, 1.2, 1.2, 1.2, 1.2],
        header,
        rows,
        ["l", "r", "r", "r", "r"],
        department=ctx.department,
    )
