"""The outline identity of a list printed without codes (a 政府采购预算表 whose levels are only the
column each row starts in), and what it confirms in the self-verification share."""

from __future__ import annotations

from decimal import Decimal

from checks.outline import outline_holds
from checks.verification import verified_counts
from extract.model import BudgetLine, DocumentIdentity, ExtractedDocument

Y = Decimal
# 合计 | 货物 | a 专项 and its items | a second 专项 | 服务 | its 专项 and item (万元 × 10,000)
PROCUREMENT = [
    ("合计", "4340000.00"),
    ("货物", "3340000.00"),
    ("办公设备购置", "1200000.00"),
    ("政府集中采购", "350000.00"),
    ("政府集中采购", "850000.00"),
    ("执法执勤车辆购置", "2140000.00"),
    ("政府集中采购", "2140000.00"),
    ("服务", "1000000.00"),
    ("租赁费", "1000000.00"),
    ("分散自行组织", "1000000.00"),
]


def _document(rows: list[tuple[str, str]]) -> ExtractedDocument:
    identity = DocumentIdentity("江苏省", "江苏省某某厅", 2017, "budget", "江苏省某某厅2017年部门预算")
    lines = [BudgetLine("procurement", None, item, "total", Y(amount), 16) for item, amount in rows]
    return ExtractedDocument(identity, 20, lines=lines)


def test_rows_that_nest_into_their_parents_hold() -> None:
    total, *rows = [Y(amount) for _, amount in PROCUREMENT]
    assert outline_holds(total, rows)
    assert outline_holds(Y("3.00"), [Y("1.00"), Y("1.00"), Y("0.00"), Y("1.00")])


def test_a_misread_amount_breaks_every_nesting() -> None:
    total, *rows = [Y(amount) for _, amount in PROCUREMENT]
    rows[2] = Y("360000.00")  # 35 read as 36
    assert not outline_holds(total, rows)
    assert not outline_holds(total, rows[:-1])  # a lost row
    assert not outline_holds(Y("5.00"), [Y("5.00")])  # one row proves nothing
    assert not outline_holds(Y("1.00"), [Y("2.00"), Y("-1.00")])  # no negative outlines


def test_a_holding_procurement_outline_is_verified_and_a_broken_one_is_not() -> None:
    assert verified_counts(_document(PROCUREMENT)) == {"procurement": (10, 10)}
    broken = [*PROCUREMENT[:-1], ("分散自行组织", "900000.00")]
    assert verified_counts(_document(broken)) == {"procurement": (0, 10)}


def _summary(rows: list[tuple[str, str, str]]) -> ExtractedDocument:
    identity = DocumentIdentity("江苏省", "江苏省某某厅", 2017, "budget", "江苏省某某厅2017年部门预算")
    lines = [BudgetLine("summary", None, item, measure, Y(amount), 10) for item, measure, amount in rows]
    return ExtractedDocument(identity, 20, lines=lines)


# A 收支预算总表 printing the 支出 side twice (支出用途 | 功能分类), with 当年 subtotals and the
# grand totals labelled 收入合计 / 支出合计 (江苏省 2017-2018).
TWO_CLASSIFICATIONS = [
    ("财政拨款", "revenue", "179816800.00"),
    ("基本支出", "expenditure", "123234800.00"),
    ("项目支出", "expenditure", "56732000.00"),
    ("公共安全支出", "expenditure", "136563400.00"),
    ("其他资金", "revenue", "150000.00"),
    ("社会保障和就业支出", "expenditure", "20211800.00"),
    ("住房保障支出", "expenditure", "23191600.00"),
    ("当年收入小计", "revenue", "179966800.00"),
    ("当年支出小计", "expenditure", "179966800.00"),
    ("收入合计", "revenue", "179966800.00"),
    ("支出合计", "expenditure", "179966800.00"),
]


def test_expenditure_items_add_up_once_per_classification() -> None:
    assert verified_counts(_summary(TWO_CLASSIFICATIONS)) == {"summary": (11, 11)}
    one = [row for row in TWO_CLASSIFICATIONS if row[0] not in ("基本支出", "项目支出")]
    assert verified_counts(_summary(one)) == {"summary": (9, 9)}


def test_expenditure_items_that_do_not_add_up_stay_unconfirmed() -> None:
    misread = [
        ("基本支出", "expenditure", "123234900.00") if r[0] == "基本支出" else r for r in TWO_CLASSIFICATIONS
    ]
    # the revenue items, 当年收入小计 and the balanced grand totals 收入合计 = 支出合计
    assert verified_counts(_summary(misread)) == {"summary": (5, 11)}
