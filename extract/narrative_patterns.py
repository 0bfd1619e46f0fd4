"""Regular expressions for figures stated in the narrative (预算/决算情况说明).

They run on the squashed page stream (``extract.page_stream``): NFKC text without whitespace, so
``（境）`` is ``(境)`` and a figure wrapped over two lines reads ``1793.33万元``. Each label is
followed by a short filler (``预算``, ``为``, ``(以合同签订为准)为``) and an amount with its unit.
Labels were written from the seed budget and the 决算 template; the Putuo 决算 text and
paraphrases in the tests check that they carry over.
"""

from __future__ import annotations

import re
from decimal import Decimal

NUM = r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?)"
# 万 alone (``电费1.4万、``) counts as 万元; never 元/月 or 万人次.
UNIT = r"(?P<unit>亿元|万元|千元|元(?![/每])|万(?![人次户册平亩件辆台]))"
AMOUNT = NUM + UNIT
# Between a label and its amount: no digit or clause break; a bracketed aside counts as one step.
# A change verb in between (公用经费支出预算减少5.4万元) makes the amount a change, not the level.
FILL = r"(?:(?!增加|减少|增长|下降|上升|降低|提高)(?:[^\d。；;，,、%()（）:：]|[:：]|\([^)]{0,14}\))){0,10}?"

UNIT_FACTORS = {
    "亿元": Decimal(100000000),
    "万元": Decimal(10000),
    "万": Decimal(10000),
    "千元": Decimal(1000),
    "元": Decimal(1),
}
CENT = Decimal("0.01")

QUOTE_OPEN = "[“\"‘'「]?"
QUOTE_CLOSE = "[”\"’'」]?"
THREE_PUBLIC = QUOTE_OPEN + "三公" + QUOTE_CLOSE + "经费"

# (metric keys, label regex). Several keys: one stated figure that is both (收入支出总计).
AMOUNT_LABELS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("revenue_total", "expenditure_total"),
        r"(?<!拨款)(?:收入支出(?:预算)?(?:总计|总额)|收支(?:预算)?(?:总计|总额)|收支总预算)",
    ),
    (
        ("revenue_total",),
        r"(?<!拨款)(?:收入预算(?:总额|总计|合计)|收入总预算|预算收入总(?:额|计)|(?<!本年)收入总(?:计|额)"
        r"|(?:(?<=年)|(?<=部门))收入预算)",
    ),
    (
        ("expenditure_total",),
        r"(?<!拨款)(?:支出预算(?:总额|总计|合计)|支出总预算|预算支出总(?:额|计)|(?<!本年)支出总(?:计|额)"
        r"|(?:(?<=年)|(?<=部门))支出预算)",
    ),
    # 决算 texts that state no 总计 give 本年收入/支出合计 as their total: it also fills the total key.
    (("revenue_current_year", "revenue_total"), r"本年(?:度)?收入(?:预算)?合计"),
    (("expenditure_current_year", "expenditure_total"), r"本年(?:度)?支出(?:预算)?合计"),
    (("basic_expenditure",), r"基本(?:保障)?支出"),
    (("project_expenditure",), r"项目支出"),
    (("reserve_expenditure",), r"(?:单位)?预留机动经费"),
    (("personnel_expenditure",), r"人员经费"),
    (("public_use_expenditure",), r"(?<!日常)公用经费"),
    (("operating_cost",), r"机关运行经费"),
    (("three_public_total",), THREE_PUBLIC),
    (("outbound",), r"因公出国\(境\)(?:经)?费用?"),
    (("vehicle_total",), r"公务用?车购置(?:和|及)运行(?:维护|维修)?费"),
    (("vehicle_purchase",), r"公务用?车购置(?:预算)?(?:费|支出)"),
    (("vehicle_operation",), r"公务用?车(?:用车)?运行(?:维护|维修)?(?:预算)?(?:费|支出)"),
    (("reception",), r"(?:国内)?公务接待费"),
    # Not a named expense (市本级政府采购业务费3600万元 is a project, not the procurement total).
    (("procurement_total",), r"政府采购(?![^\d。,，;；]{0,6}费)(?:预算|金额|支出)?(?:总额|合计|总计)?"),
    (("procurement_goods",), r"货物(?:类采购|采购|类|预算|金额)"),
    (("procurement_works",), r"工程(?:类采购|采购|类|预算|金额)"),
    (("procurement_services",), r"(?<!购买)服务(?:类采购|采购|类|预算|金额)"),
)

# 决算 phrasing that states the budget and the final figure together: (budget key, final key, regex).
_BUDGET_AMOUNT = r"(?P<bnum>\d+(?:,\d{3})*(?:\.\d+)?)(?P<bunit>亿元|万元|千元|元|万)"
BUDGET_AND_FINAL: tuple[tuple[str, str, str], ...] = (
    (
        "three_public_total_budget",
        "three_public_total",
        THREE_PUBLIC
        + r"(?:财政拨款)?(?:支出)?(?:年初|全年)?预算(?:数)?为?"
        + _BUDGET_AMOUNT
        + r"[,，](?:支出)?决算(?:数)?为?"
        + AMOUNT,
    ),
)

# "无…支出" statements: the figure is zero. Not after a template instruction (作下述说明).
ZERO_LABELS: tuple[tuple[str, str], ...] = (
    ("three_public_total", r"年度?无" + THREE_PUBLIC + r"(?:财政拨款)?支出"),
    ("operating_cost", r"年度?无机关运行经费(?:支出)?"),
    ("procurement_total", r"年度?无政府采购"),
)
TEMPLATE_INSTRUCTION = re.compile(r"作下述说明|如持平|不涉及")

# Follow-ups, matched right after an amount.
ITEM = (
    r"[、,，;；]?(?P<name>[^\d,，、;；:：。()%]{1,16}(?:\([^)]{0,4}\)[^\d,，、;；:：。()%]{0,6})?)" + AMOUNT
)
ITEMS_START = re.compile(r"[。,，;；]?其中[,，:：]?")
SHARE = re.compile(r"[。,，;；]?(?:共|合计)?占(?P<base>[^\d%。;；,，]{0,12}?)的?(?P<pct>\d+(?:\.\d+)?)%")
COMPARISON = r"(?:与(?:上年度?|\d{4}年度?)(?:相比|比较)|比上年度?|较上年度?|同比|比\d{4}年度?|较\d{4}年度?)"
UP = ("增加", "增长", "上升", "提高")
DOWN = ("减少", "下降", "降低")
CHANGE = re.compile(
    r"[。,，;；]?"
    + COMPARISON
    + r"[,，]?[^\d。;；%]{0,16}?(?P<verb>增加|增长|上升|提高|减少|下降|降低)了?"
    + AMOUNT
    + r"(?:[,，]?(?:增长|增加|上升|提高|减少|下降|降低)(?:了)?(?P<pct>\d+(?:\.\d+)?)%)?"
)
UNCHANGED = re.compile(
    r"[。,，;；]?(?:与上年度?|比上年度?|较上年度?|同比|与\d{4}年度?)?(?:相比|比较)?[,，]?(?:基本)?(?:持平|无变化|相同)"
)

# Vehicle counts (not yuan: the ``count:`` family).
VEHICLES = re.compile(
    r"(?:共有|保有)?(?:车辆|公务用车)(?:共有|共计|共|总数为?|合计|为)?(?P<count>\d+)(?:辆|台)"
)
VEHICLE_ITEM = re.compile(
    r"[、,，;；]?(?:其中[,，:：]?)?(?P<name>[^\d,，、;；:：。]{1,16}?车)(?P<count>\d+)(?:辆|台)"
)
VEHICLE_NAME_NOISE = re.compile(r"^.*(?:主要是|包括|含|即)")

# Base named in a share phrase -> metric the percentage is of.
SHARE_BASES: tuple[tuple[str, str], ...] = (
    ("收入合计", "revenue_current_year"),
    ("支出合计", "expenditure_current_year"),
    ("收入总", "revenue_total"),
    ("总额", "expenditure_total"),
    ("总计", "expenditure_total"),
    ("总预算", "expenditure_total"),
)
NARROWER_BASE = re.compile(r"财政拨款|一般公共预算|基金|国有资本|拨款|公用经费|基本支出|项目支出")
# A change verb right before a label (增加基本支出844.15万元) makes the amount a change, not the level.
CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|上升|降低|提高|压减|节约)了?$")
CHANGE_BEFORE_SPAN = 3

# Parts of the procurement total: only inside a sentence that speaks of 政府采购, so a project list's
# 信息化服务类项目 300万元 is not read as the 服务类 procurement.
PROCUREMENT_PARTS = ("procurement_goods", "procurement_works", "procurement_services")
PROCUREMENT_CONTEXT = "政府采购"
# The department's split (基本/项目, 人员/公用) stated inside one functional class's sentence
# (“农林水支出”科目83万元，主要用于人员经费18万元…) has that class's scope, not the department's.
CLASS_SCOPED = (
    "basic_expenditure",
    "project_expenditure",
    "reserve_expenditure",
    "personnel_expenditure",
    "public_use_expenditure",
)
CLASS_SCOPE = re.compile(r"科目|\(类\)")
TOTAL_METRICS = ("revenue_total", "expenditure_total", "revenue_current_year", "expenditure_current_year")
