"""The narrative part: sentences that state the figures of ``v_narrative_metrics``.

Each stated figure is a mark at its character offset, so its page is known after rendering.
Several phrasings per figure; a document states each metric once.
"""

from __future__ import annotations

from decimal import Decimal

from samplegen.catalog import ECONOMIC_NAMES
from samplegen.context import DocContext
from samplegen.layout import Paragraph
from samplegen.money import CENT, printed_text


class Writer:
    """Builds one paragraph from fragments; ``fig`` inserts a stated figure and its mark."""

    def __init__(self, ctx: DocContext) -> None:
        self.ctx = ctx
        self.unit = ctx.style.unit
        self.text = ""
        self.marks: list[tuple[int, dict]] = []

    def say(self, fragment: str) -> Writer:
        self.text += fragment
        return self

    def fig(self, amount: Decimal, metric: str | None = None) -> Writer:
        """Write an amount with its unit; ``metric`` records it (stated value, possibly planted)."""
        if metric is not None:
            amount = self.ctx.stated.get(metric, amount)
            self.marks.append((len(self.text), {"metric": metric, "amount_yuan": f"{amount:.2f}"}))
        self.text += f"{printed_text(amount, self.unit)}{self.unit}"
        return self

    def paragraph(self) -> Paragraph:
        return Paragraph(self.text, marks=self.marks)


def percent(part: Decimal, whole: Decimal) -> str:
    return f"{(part * 100 / whole).quantize(CENT) if whole else Decimal('0.00')}"


def change_words(ctx: DocContext, change: Decimal) -> tuple[str, str]:
    """(增加|减少, 增长|下降) after one of three comparison phrasings."""
    up = change >= 0
    lead = ("比上年", f"较{ctx.year - 1}年", "与上年相比")[(ctx.style.phrasing + ctx.year) % 3]
    return f"{lead}{'增加' if up else '减少'}", "增长" if up else "下降"


def revenue_change(ctx: DocContext, w: Writer) -> None:
    """``，比上年增加 X 万元，增长 p%``; the rate is of the text's own base (stated total - change)."""
    fin = ctx.fin
    if fin.prior_total is None:
        return
    change = ctx.stated.get("revenue_change", fin.grand_total - fin.prior_total)
    base = ctx.stated.get("revenue_total", fin.grand_total) - change
    verb, trend = change_words(ctx, change)
    w.say(f"，{verb}")
    w.marks.append((len(w.text), {"metric": "revenue_change", "amount_yuan": f"{change:.2f}"}))
    w.fig(abs(change))
    w.say(f"，{trend}{percent(abs(change), base)}%")


def basic_and_project(ctx: DocContext) -> tuple[Decimal, Decimal]:
    return ctx.fin.sum("basic"), ctx.fin.sum("all_project")


def budget_totals(ctx: DocContext) -> list[Paragraph]:
    """收入 and 支出 totals in one of three phrasings (Hubei seed, 收支总额, numbered list)."""
    fin, dept, year, style = ctx.fin, ctx.department, ctx.year, ctx.style
    basic, project = basic_and_project(ctx)
    if style.phrasing == 1:
        w = Writer(ctx).say(f"{dept}{year}年收支预算总额").fig(fin.total, "revenue_total")
        w.marks.append((w.marks[-1][0], {**w.marks[-1][1], "metric": "expenditure_total"}))
        revenue_change(ctx, w)
        first = w.say("。").paragraph()
        w = Writer(ctx).say("收入预算中：一般公共预算拨款收入").fig(fin.appropriation)
        w.say(f"，占{percent(fin.appropriation, fin.total)}%")
        if fin.carryover:
            w.say("；上年结转").fig(fin.carryover)
        if fin.government_fund:
            w.say("；政府性基金预算拨款收入").fig(fin.government_fund)
        if fin.business_income:
            w.say("；事业收入").fig(fin.business_income)
        second = w.say("。").paragraph()
        w = Writer(ctx).say("支出预算中：基本支出").fig(basic, "basic_expenditure")
        w.say(f"，占{percent(basic, fin.total)}%，主要用于保障机构正常运转；项目支出").fig(
            project, "project_expenditure"
        )
        return [
            first,
            second,
            w.say(f"，占{percent(project, fin.total)}%，主要用于完成特定工作任务。").paragraph(),
        ]
    if style.phrasing == 2:
        w = Writer(ctx).say(f"（一）收入预算。{year}年收入预算").fig(fin.total, "revenue_total")
        revenue_change(ctx, w)
        first = w.say("。").paragraph()
        w = Writer(ctx).say(f"（二）支出预算。{year}年支出预算").fig(fin.total, "expenditure_total")
        w.say("。按支出类型分：基本支出").fig(basic, "basic_expenditure").say("，项目支出")
        return [first, w.fig(project, "project_expenditure").say("。").paragraph()]
    w = Writer(ctx).say(f"{dept}{year}年收入预算总额").fig(fin.total, "revenue_total")
    revenue_change(ctx, w)
    w.say("，其中：一般公共预算财政拨款收入").fig(fin.appropriation).say("；政府性基金拨款收入")
    w.fig(fin.government_fund)
    if fin.business_income:
        w.say("；事业收入").fig(fin.business_income)
    first = w.say("。上年结转").fig(fin.carryover).say("。").paragraph()
    basic_word = "基本保障支出" if style.code_split else "基本支出"
    w = Writer(ctx).say(f"{dept}{year}年支出预算总额").fig(fin.total, "expenditure_total")
    w.say(f"，其中：{basic_word}").fig(basic, "basic_expenditure").say(
        f"，占{percent(basic, fin.total)}%；项目支出"
    )
    return [first, w.fig(project, "project_expenditure").say("。").paragraph()]


def budget_paragraphs(ctx: DocContext) -> list[Paragraph]:
    year, dept = ctx.year, ctx.department
    out = budget_totals(ctx)
    if ctx.kind != "hospital":
        out.append(operating_cost(ctx, f"{year}年机关运行经费预算"))
    out.append(three_public(ctx, f"{year}年“三公”经费预算"))
    lead = f"{year}年，{dept}政府采购预算" if ctx.style.phrasing != 1 else f"{year}年本部门政府采购预算总额"
    out.append(procurement(ctx, lead))
    return out


def final_totals(ctx: DocContext) -> list[Paragraph]:
    fin, dept, year = ctx.fin, ctx.department, ctx.year
    basic, project = basic_and_project(ctx)
    fiscal = fin.fiscal
    out = []
    if ctx.style.phrasing == 1:  # Shanghai: 收入支出总计 first, then 本年收入/支出合计 restated
        w = Writer(ctx).say(f"{dept}{year}年度收入支出总计").fig(fin.grand_total, "revenue_total")
        w.marks.append((w.marks[-1][0], {**w.marks[-1][1], "metric": "expenditure_total"}))
        revenue_change(ctx, w)
        out.append(w.say("。").paragraph())
        w = Writer(ctx).say("本年收入合计").fig(fin.total).say("，其中：财政拨款收入").fig(fiscal)
    elif fin.balance:  # 总计 (with 年初结转和结余) is the figure 比上年 compares, as the checks do
        w = Writer(ctx).say(f"{dept}{year}年度收入总计").fig(fin.grand_total, "revenue_total")
        revenue_change(ctx, w)
        out.append(w.say("。").paragraph())
        w = Writer(ctx).say("本年收入合计").fig(fin.total).say("，其中：财政拨款收入").fig(fiscal)
    else:
        w = Writer(ctx).say(f"{dept}{year}年度本年收入合计").fig(fin.total, "revenue_total")
        revenue_change(ctx, w)
        w.say("，其中：财政拨款收入").fig(fiscal)
    w.say(f"，占{percent(fiscal, fin.total)}%")
    if fin.business_income:
        w.say("；事业收入").fig(fin.business_income).say(f"，占{percent(fin.business_income, fin.total)}%")
    out.append(w.say("。").paragraph())
    w = Writer(ctx).say("本年支出合计")
    w.fig(fin.total) if ctx.style.phrasing == 1 else w.fig(fin.total, "expenditure_total")
    w.say("，其中：基本支出").fig(basic, "basic_expenditure").say(
        f"，占{percent(basic, fin.total)}%；项目支出"
    )
    out.append(w.fig(project, "project_expenditure").say(f"，占{percent(project, fin.total)}%。").paragraph())
    return out


def final_paragraphs(ctx: DocContext) -> list[Paragraph]:
    out = final_totals(ctx)
    out.append(three_public(ctx, "“三公”经费财政拨款支出决算为"))
    if ctx.kind != "hospital":
        out.append(operating_cost(ctx, "机关运行经费支出"))
    out.append(procurement(ctx, f"{ctx.department}{ctx.year}年度政府采购金额（以合同签订为准）为"))
    return out


def operating_cost(ctx: DocContext, lead: str) -> Paragraph:
    """机关运行经费 with its items (and, in budgets, its share of the total)."""
    fin = ctx.fin
    w = Writer(ctx).say(lead).fig(fin.public_use, "operating_cost")
    if ctx.style.phrasing == 1 and ctx.stated_share is None:
        return w.say("，主要用于办公费、水电费、邮电费、差旅费、维修（护）费等日常公用经费支出。").paragraph()
    w.say("。其中：")
    parts = [(ECONOMIC_NAMES[c], a) for c, a in fin.public_items().items() if a]
    for i, (name, amount) in enumerate(parts):
        w.say(("、" if i else "") + name).fig(amount)
    if not ctx.is_budget:
        return w.say("。").paragraph()
    share = ctx.stated_share if ctx.stated_share is not None else percent(fin.public_use, fin.total)
    return w.say(f"。共占预算总额的{share}%。").paragraph()


def three_public(ctx: DocContext, lead: str) -> Paragraph:
    tp = ctx.fin.three_public
    w = Writer(ctx).say(lead).fig(tp.total, "three_public_total").say("，其中：因公出国（境）费")
    if ctx.style.phrasing == 1:
        w.fig(tp.outbound, "outbound").say("，公务用车购置费").fig(tp.vehicle_purchase, "vehicle_purchase")
        w.say("，公务用车运行维护费").fig(tp.vehicle_operation, "vehicle_operation")
        return w.say("，公务接待费").fig(tp.reception, "reception").say("。").paragraph()
    w.fig(tp.outbound, "outbound").say("；公务用车购置及运行维护费").fig(tp.vehicle_total).say(
        "（其中：公务用车购置费"
    )
    w.fig(tp.vehicle_purchase, "vehicle_purchase").say("，公务用车运行维护费").fig(
        tp.vehicle_operation, "vehicle_operation"
    )
    return w.say("）；公务接待费").fig(tp.reception, "reception").say("。").paragraph()


def procurement(ctx: DocContext, lead: str) -> Paragraph:
    p = ctx.fin.procurement
    kinds = (
        ("货物采购预算", "工程采购预算", "服务采购预算")
        if ctx.style.phrasing == 1
        else ("货物类", "工程类", "服务类")
    )
    w = Writer(ctx).say(lead).fig(p["total"], "procurement_total").say(f"，其中：{kinds[0]}")
    w.fig(p["goods"], "procurement_goods").say(f"，{kinds[1]}").fig(p["works"], "procurement_works")
    return w.say(f"，{kinds[2]}").fig(p["services"], "procurement_services").say("。").paragraph()
