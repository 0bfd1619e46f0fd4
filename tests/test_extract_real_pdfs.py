"""extract_document on the two real 决算 PDFs: every amount exactly as hand-checked from page images."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from extract.document import extract_document
from extract.model import TABLE_TYPES
from extract.settings import ExtractSettings

REAL_PDFS = Path(__file__).resolve().parents[2] / "shared" / "real-pdfs"
EXPECTED = Path(__file__).resolve().parent / "expected"
PUTUO = REAL_PDFS / "putuo-shehui-gongzuobu-2024-final.pdf"
TEMPLATE = REAL_PDFS / "template-department-final-2024.pdf"
NINE = list(TABLE_TYPES[:9])
SETTINGS = ExtractSettings(run_narrative=False)  # these tests are about tables only


def _require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"real PDF not available at {path} (shared folder missing)")
    return path


@pytest.fixture(scope="module")
def putuo():
    return extract_document(_require(PUTUO), SETTINGS)


@pytest.fixture(scope="module")
def template():
    return extract_document(_require(TEMPLATE), SETTINGS)


def _as_rows(lines) -> list[tuple]:
    return [(x.table_type, x.code, x.item, x.measure, x.amount_yuan, x.page) for x in lines]


def _expected_rows(expected: dict) -> list[tuple]:
    keys = ("table_type", "code", "item", "measure", "amount_yuan", "page")
    return [tuple(Decimal(r[k]) if k == "amount_yuan" else r[k] for k in keys) for r in expected["lines"]]


def test_putuo_matches_hand_checked_file_exactly(putuo):
    expected = json.loads((EXPECTED / "putuo-shehui-gongzuobu-2024-final.json").read_text())
    assert sorted(_as_rows(putuo.lines), key=str) == sorted(_expected_rows(expected), key=str)
    assert len(putuo.lines) == 205


def test_putuo_identity(putuo):
    identity = putuo.identity
    assert (identity.county, identity.department, identity.fiscal_year, identity.phase) == (
        "普陀区",
        "中共上海市普陀区委社会工作部",
        2024,
        "final",
    )
    assert identity.title == "中共上海市普陀区委社会工作部2024年度部门决算"
    assert putuo.pages == 24


def test_putuo_nine_tables_three_present_and_empty(putuo):
    assert putuo.tables_found == NINE
    assert putuo.toc_tables == NINE
    empty = [t.table_type for t in putuo.tables if t.empty]
    assert empty == ["three_public", "government_fund_expenditure", "state_capital_expenditure"]
    assert [t.pages for t in putuo.tables] == [[5], [6, 7], [8, 9], [10, 11], [12], [13], [14], [15], [16]]
    assert all(t.unit == "万元" and t.errors == [] for t in putuo.tables)
    assert sum(t.rows for t in putuo.tables) == 205


def test_putuo_expected_file_is_internally_consistent():
    """The hand-checked file itself adds up (a typo in it would show here)."""
    expected = json.loads((EXPECTED / "putuo-shehui-gongzuobu-2024-final.json").read_text())
    amount = {}
    for r in expected["lines"]:
        amount[(r["table_type"], r["code"], r["item"], r["measure"])] = Decimal(r["amount_yuan"])
    for table in ("revenue", "expenditure", "general_budget_expenditure"):
        classes = sum(
            v for (t, c, _, m), v in amount.items() if t == table and m == "total" and c and len(c) == 3
        )
        assert classes == amount[(table, None, "合计", "total")] == Decimal("3078200.00")
    assert amount[("expenditure", None, "合计", "basic")] + amount[
        ("expenditure", None, "合计", "project")
    ] == Decimal("3078200.00")
    personnel = sum(
        v for (t, c, _, _), v in amount.items() if t == "basic_expenditure_economic" and c in ("301", "303")
    )
    assert personnel == amount[("basic_expenditure_economic", None, "人员经费合计", "amount")]


def test_template_nine_tables_and_no_amount_from_placeholders(template):
    assert template.tables_found == NINE
    assert template.identity.department == "上海市XX局"
    assert (template.identity.fiscal_year, template.identity.phase) == (2024, "final")
    assert template.lines == []
    assert [t.pages for t in template.tables] == [[5], [6], [7], [8, 9], [10], [11], [12], [13], [14]]


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("southwest-university/04_swu_2021_department_budget.pdf", [("捐赠收入", 6)]),
        (
            "southwest-university/21_swu_2023_final_accounts__download.jsp.pdf",
            [("政府性基金预算财政拨款", 8), ("捐赠收入", 8)],
        ),
    ],
)
def test_a_qizhong_row_is_read_as_a_part_of_the_row_above(relative: str, expected: list) -> None:
    """西南大学's 收支总表 prints 其中：捐赠收入 under 其他收入 (and the 决算 其中：政府性基金预算财政拨款
    under 财政拨款收入): their amounts are not items of 本年收入合计."""
    from checks import names
    from checks.document import check_document

    doc = extract_document(_require(REAL_PDFS / "corpus" / relative))
    parts = [(x.item, x.page) for x in doc.lines if x.table_type == "summary" and x.sub_item]
    assert parts == expected
    assert names.SUMMARY_REVENUE_SUM not in {f.check for f in check_document(doc)}


def test_a_row_cut_by_a_page_break_is_read_once_whole() -> None:
    """Hangzhou 公安局 表2 (pages 21-22): the last row of page 21 is 杭州市机动 | 14,549.64 | … |
    12,437.3 and page 22 begins with its rest, 车驾驶员考试服务中心 | 6 (the amount 12,437.36 cut in two)."""
    doc = extract_document(
        _require(REAL_PDFS / "corpus" / "hangzhou" / "2026年杭州市公安局部门预算.pdf"), SETTINGS
    )
    row = {
        x.measure: (x.amount_yuan, x.page)
        for x in doc.lines
        if x.table_type == "revenue" and x.item == "杭州市机动车驾驶员考试服务中心"
    }
    assert row == {
        "total": (Decimal("145496400.00"), 21),
        "business_income": (Decimal("124373600.00"), 21),
        "other_income": (Decimal("21122800.00"), 21),
    }
    assert not [x for x in doc.lines if x.item in ("杭州市机动", "车驾驶员考试服务中心")]
