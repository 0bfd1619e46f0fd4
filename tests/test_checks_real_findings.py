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


def test_hangzhou_transport_prints_a_basic_subtotal_that_is_not_its_parts() -> None:
    """Page 30 (表5 一般公共预算支出预算表) prints 基本支出 小计 51,417.49 on 交通运输支出 and 公路水路运输
    beside 人员经费 41,277.20 + 日常公用支出 10,190.89 = 51,468.09, and a 合计 小计 of 82,479.29
    beside 67,627.51 + 14,902.37 = 82,529.88; the narrative (page 12) and the economic table state
    82,529.89. Checked on the page render: the document's own inconsistency."""
    doc = read("hangzhou/2026年杭州市交通运输局部门预算.pdf")
    basic = {
        (x.item, x.page): x.amount_yuan
        for x in doc.lines
        if x.table_type == "general_budget_expenditure" and x.measure == "basic" and x.page == 30
    }
    assert basic[("交通运输支出", 30)] == Decimal("514174900.00")
    assert errors(doc) == [
        (names.BASIC_VS_ECONOMIC, "824792900.00", "825298900.00"),
        (names.NARRATIVE_VS_TABLE, "824792900.00", "825298900.00"),
        (names.PERSONNEL_PLUS_PUBLIC, "514680900.00", "514174900.00"),
        (names.PERSONNEL_PLUS_PUBLIC, "514680900.00", "514174900.00"),
        (names.PERSONNEL_PLUS_PUBLIC, "825298800.00", "824792900.00"),
    ]


def test_shenzhen_operation_expense_is_a_share_of_basic_and_project_not_a_finding() -> None:
    """Shenzhen's 支出总表 (page 81 on) prints 事业单位经营支出 as a share of 基本/项目支出: 支出总计
    190,281.97 = 51,374.73 + 138,907.24, with 经营支出 11,575.59 inside. The row identity holds
    without it, so neither the department nor its units' sections report a row_total error."""
    doc = read("shenzhen/2026年深圳市生态环境局部门预算.pdf")
    row = {
        x.measure: x.amount_yuan
        for x in doc.lines
        if x.table_type == "expenditure" and x.page == 81 and x.item == "深圳市生态环境局"
    }
    assert row["total"] == row["basic"] + row["project"] == Decimal("1902819700.00")
    assert row["operation_expense"] == Decimal("115755900.00")
    assert [e for e in errors(doc) if e[0] == names.ROW_TOTAL] == []


def test_jiangsu_procuratorate_states_two_basic_expenditures_in_its_narrative() -> None:
    """Page 19 states 基本支出预算数为 12323.46 万元 in 支出预算总计's paragraph and, a few lines
    below (三、支出预算情况说明), 基本支出 12323.48 万元, which the 收支预算总表 (page 10) and the
    支出预算总表 (page 11) print. The first statement is a typo of the document, not a misread."""
    doc = read("jiangsu-province/2017年省检察院部门预算.pdf")
    basic = next(m for m in doc.narrative if m.metric == "basic_expenditure")
    assert (basic.amount_yuan, basic.page) == (Decimal("123234600.00"), 19)
    assert errors(doc) == [(names.NARRATIVE_VS_TABLE, "123234800.00", "123234600.00")]
