"""Error findings on real disclosures that are the document's own inconsistency, checked by eye on
the page render (pdftoppm): the checks must keep reporting them, on the page that prints them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from checks import names
from checks.document import check_document
from extract.document import extract_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "real-pdfs" / "corpus"


def read(relative: str):
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"real PDF not available at {path} (shared folder missing)")
    return extract_document(path)


def errors(doc) -> list[tuple[str, str, str]]:
    found = [f for f in check_document(doc) if f.severity == "error"]
    return sorted((f.check, str(f.expected_yuan), str(f.actual_yuan)) for f in found)


def test_putuo_welfare_home_prints_class_7_for_210_on_its_medical_row() -> None:
    """Page 11 (一般公共预算支出功能分类预算表, and page 9 the 支出预算总表) print 类 ``7`` | 款 11 |
    项 02 for 事业单位医疗 under 210 卫生健康支出: the code 71102 has no parent, so the 合计 row
    is 503,724 short of the sum of its top-level rows. The amounts themselves add up."""
    doc = read("shanghai-putuo/1769321433314-826553525.pdf")
    orphans = {(x.table_type, x.page) for x in doc.lines if x.code == "71102" and x.measure == "total"}
    assert orphans == {("expenditure", 9), ("general_budget_expenditure", 11)}
    assert errors(doc) == [
        (names.TABLE_TOTAL, "10004888.00", "9501164.00"),  # expenditure 合计 basic
        (names.TABLE_TOTAL, "10004888.00", "9501164.00"),  # general_budget_expenditure 合计 basic
        (names.TABLE_TOTAL, "10004888.00", "9501164.00"),  # general_budget_expenditure 合计 total
        (names.TABLE_TOTAL, "12624888.00", "12121164.00"),  # expenditure 合计 total
    ]


def test_putuo_justice_unit_budget_prints_the_project_total_on_its_admin_row() -> None:
    """Pages 11 and 14 print 64,840,547.00 in 项目支出 on 2040601 行政运行, whose 合计 14,348,853.34
    is all 基本支出: the row does not add up and 20406 司法's 项目支出 is half its 项 sum. The 合计
    row's 基本支出 printed in whole yuan (22,118,861 for 22,118,861.34) is rounding, not an error."""
    doc = read("shanghai-putuo/unit_budget.pdf")
    misprint = {
        (x.table_type, x.page)
        for x in doc.lines
        if x.code == "2040601" and x.measure == "project" and x.amount_yuan == Decimal("64840547.00")
    }
    assert misprint == {("expenditure", 11), ("general_budget_expenditure", 14)}
    assert errors(doc) == [
        (names.HIERARCHY_SUM, "129681094.00", "64840547.00"),
        (names.HIERARCHY_SUM, "129681094.00", "64840547.00"),
        (names.ROW_TOTAL, "79189400.34", "14348853.34"),
        (names.ROW_TOTAL, "79189400.34", "14348853.34"),
    ]
