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
