"""Within-document checks: the seed's three contradictions and nothing else; the real Putuo 决算
gives no finding; each rule fires on a planted inconsistency with exact figures."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from checks import names
from checks.document import check_document
from extract.model import BudgetLine, DocumentIdentity, ExtractedDocument, TableReport
from extract.narrative import extract_narrative, extract_projects
from tests.shared_inputs import SEED_TEXT

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SEED_TEXT  # the committed copy of ../shared/seeds (tests/test_seed_copy.py keeps them equal)
PUTUO = SHARED / "real-pdfs" / "putuo-shehui-gongzuobu-2024-final.pdf"
W = Decimal(10000)


def wan(text: str) -> Decimal:
    return (Decimal(text) * W).quantize(Decimal("0.01"))


def line(table: str, code: str | None, item: str | None, measure: str, amount: str) -> BudgetLine:
    return BudgetLine(table, code, item, measure, wan(amount), 20)


def seed_tables() -> list[BudgetLine]:
    """Tables consistent with the seed's narrative (its own tables were images)."""
    rows = [
        ("summary", None, "一般公共预算拨款收入", "revenue", "1793.33"),
        ("summary", None, "本年收入合计", "revenue", "1793.33"),
        ("summary", None, "总计", "revenue", "1793.33"),
        ("summary", None, "科学技术支出", "expenditure", "1793.33"),
        ("summary", None, "本年支出合计", "expenditure", "1793.33"),
        ("summary", None, "总计", "expenditure", "1793.33"),
    ]
    for code, item in ((None, "合计"), ("206", "科学技术支出"), ("20601", "科学技术管理事务")):
        rows += [
            ("expenditure", code, item, "total", "1793.33"),
            ("expenditure", code, item, "basic", "606.93"),
            ("expenditure", code, item, "project", "1186.40"),
        ]
        rows += [
            ("general_budget_expenditure", code, item, m, v)
            for m, v in (
                ("total", "1793.33"),
                ("basic", "606.93"),
                ("personnel", "500.00"),
                ("public_use", "106.93"),
                ("project", "1186.40"),
            )
        ]
    rows += [("expenditure", "2060101", "行政运行", m, "606.93") for m in ("total", "basic")]
    rows += [
        ("expenditure", "2060199", "其他科学技术管理事务支出", m, "1186.40") for m in ("total", "project")
    ]
    rows += [
        ("general_budget_expenditure", "2060101", "行政运行", m, v)
        for m, v in (
            ("total", "606.93"),
            ("basic", "606.93"),
            ("personnel", "500.00"),
            ("public_use", "106.93"),
        )
    ]
    rows += [
        ("general_budget_expenditure", "2060199", "其他科学技术管理事务支出", m, "1186.40")
        for m in ("total", "project")
    ]
    economic = [
        (None, "合计", "606.93", "500.00", "106.93"),
        ("301", "工资福利支出", "500.00", "500.00", None),
        ("30101", "基本工资", "500.00", "500.00", None),
        ("302", "商品和服务支出", "106.93", None, "106.93"),
        ("30217", "公务接待费", "0.67", None, "0.67"),
        ("30299", "其他商品和服务支出", "106.26", None, "106.26"),
    ]
    for code, item, total, people, public in economic:
        rows.append(("basic_expenditure_economic", code, item, "total", total))
        rows += [("basic_expenditure_economic", code, item, "personnel", people)] if people else []
        rows += [("basic_expenditure_economic", code, item, "public_use", public)] if public else []
    rows += [
        ("three_public", None, None, m, v)
        for m, v in (
            ("total", "0.67"),
            ("outbound", "0"),
            ("vehicle_total", "0"),
            ("vehicle_purchase", "0"),
            ("vehicle_operation", "0"),
            ("reception", "0.67"),
        )
    ]
    return [line(*row) for row in rows]


def seed_document() -> ExtractedDocument:
    pages = re.split(r"\n{3,}", SEED.read_text(encoding="utf-8"))
    lines = seed_tables()
    tables = [TableReport(t, t, [20], "万元") for t in dict.fromkeys(x.table_type for x in lines)]
    identity = DocumentIdentity(
        "通城县", "通城县科学技术和经济信息化局", 2024, "budget", "通城县科学技术和经济信息化局2024年部门预算"
    )
    return ExtractedDocument(
        identity,
        len(pages),
        lines=lines,
        tables=tables,
        narrative=extract_narrative(pages),
        projects=extract_projects(pages),
    )


def summary(findings) -> list[tuple[str, str, str | None, str | None]]:
    return sorted((f.check, f.severity, str(f.expected_yuan), str(f.actual_yuan)) for f in findings)


def test_seed_finds_exactly_its_three_contradictions() -> None:
    findings = check_document(seed_document())
    assert summary(findings) == [
        (names.NARRATIVE_PARTS, "error", "562000.00", "0.00"),  # 政府采购 0 of which goods 56.2
        (
            names.NARRATIVE_PERCENTAGE,
            "error",
            "437600.00",
            "2365402.27",
        ),  # 43.76 of 1793.33 is 2.44%, not 13.19%
        (names.NARRATIVE_VS_PROJECTS, "warn", "2554000.00", "11864000.00"),  # 项目支出 1186.4 vs 255.4
    ]
    by_check = {f.check: f.message for f in findings}
    assert by_check[names.NARRATIVE_PERCENTAGE] == (
        "narrative operating_cost share of expenditure_total: stated 13.19%, computed 2.44% "
        "(43.76万元 of 1793.33万元); the stated share implies 236.540227万元"
    )
    assert by_check[names.NARRATIVE_VS_PROJECTS] == (
        "narrative 项目支出 vs the listed projects' 本年度预算: printed 1186.4万元 (11864000.00 yuan), "
        "expected 255.4万元 (2554000.00 yuan), difference 9310000.00 yuan"
    )


def test_putuo_final_accounts_have_no_findings() -> None:
    if not PUTUO.exists():
        pytest.skip(f"real PDF missing: {PUTUO}")
    from extract.document import extract_document

    doc = extract_document(PUTUO)
    assert len(doc.lines) == 205 and len(doc.narrative) == 31
    assert check_document(doc) == []
    # the rules did run: a narrative 基本支出 of 105.00 instead of 105.58 is caught three ways
    wrong = [
        replace(m, amount_yuan=Decimal("1050000.00")) if m.metric == "basic_expenditure" else m
        for m in doc.narrative
    ]
    assert summary(check_document(replace(doc, narrative=wrong))) == [
        (names.NARRATIVE_PARTS, "warn", "3072400.00", "3078200.00"),
        (names.NARRATIVE_PERCENTAGE, "error", "1050000.00", "1055822.60"),  # 34.30% of 307.82万元
        (names.NARRATIVE_VS_TABLE, "error", "1055800.00", "1050000.00"),
    ]


def with_line(
    doc: ExtractedDocument, table: str, key: str | None, measure: str, amount: str
) -> ExtractedDocument:
    """The document with one cell changed (key: code, or label for uncoded rows)."""
    lines = [
        replace(x, amount_yuan=wan(amount))
        if x.table_type == table and (x.code or x.item) == key and x.measure == measure
        else x
        for x in doc.lines
    ]
    assert lines != doc.lines, "no such cell"
    return replace(doc, lines=lines)


PLANTED = [
    (
        ("summary", "总计", "expenditure", "1793.43"),
        [  # the narrative agrees with 本年支出合计: no finding
            (names.SUMMARY_BALANCE, "error", "17933300.00", "17934300.00")
        ],
    ),
    (
        ("summary", "总计", "revenue", "1793.43"),
        [(names.SUMMARY_BALANCE, "error", "17934300.00", "17933300.00")],
    ),
    (
        ("summary", "一般公共预算拨款收入", "revenue", "1793.00"),
        [(names.SUMMARY_REVENUE_SUM, "error", "17930000.00", "17933300.00")],
    ),
    (
        ("expenditure", "2060101", "basic", "600.00"),
        [
            (names.HIERARCHY_SUM, "error", "6000000.00", "6069300.00"),
            (names.ROW_TOTAL, "error", "6000000.00", "6069300.00"),
        ],
    ),
    (
        ("expenditure", "206", "project", "1186.50"),
        [
            (names.HIERARCHY_SUM, "error", "11864000.00", "11865000.00"),
            (names.ROW_TOTAL, "error", "17934300.00", "17933300.00"),
            (names.TABLE_TOTAL, "error", "11865000.00", "11864000.00"),
        ],
    ),
    (
        ("general_budget_expenditure", "合计", "personnel", "499.00"),
        [
            (names.PERSONNEL_PLUS_PUBLIC, "error", "6059300.00", "6069300.00"),
            (names.TABLE_TOTAL, "error", "5000000.00", "4990000.00"),
        ],
    ),
    (
        ("expenditure", "合计", "basic", "600.00"),
        [  # less than the 一般公共预算 606.93
            (names.EXPENDITURE_VS_GENERAL_BUDGET, "error", "6069300.00", "6000000.00"),
            (names.ROW_TOTAL, "error", "17864000.00", "17933300.00"),
            (names.TABLE_TOTAL, "error", "6069300.00", "6000000.00"),
        ],
    ),
    (
        ("basic_expenditure_economic", "合计", "total", "607.93"),
        [
            (names.BASIC_VS_ECONOMIC, "error", "6069300.00", "6079300.00"),
            (names.ROW_TOTAL, "error", "6069300.00", "6079300.00"),
            (names.TABLE_TOTAL, "error", "6069300.00", "6079300.00"),
        ],
    ),
    (
        ("three_public", None, "reception", "0.50"),
        [
            (names.NARRATIVE_VS_TABLE, "error", "5000.00", "6700.00"),
            (names.THREE_PUBLIC_TOTAL, "error", "5000.00", "6700.00"),
            (names.THREE_PUBLIC_VS_ECONOMIC, "error", "5000.00", "6700.00"),
        ],
    ),
    (
        ("three_public", None, "vehicle_total", "0.10"),
        [
            (names.THREE_PUBLIC_TOTAL, "error", "7700.00", "6700.00"),
            (names.THREE_PUBLIC_VEHICLE, "error", "0.00", "1000.00"),
            (names.NARRATIVE_VS_TABLE, "error", "1000.00", "0.00"),
        ],
    ),
]


@pytest.mark.parametrize(("cell", "expected"), PLANTED)
def test_each_rule_finds_its_planted_inconsistency(cell, expected) -> None:
    seed = seed_document()
    findings = [f for f in check_document(with_line(seed, *cell)) if f not in check_document(seed)]
    assert summary(findings) == sorted(expected)


def test_rounding_of_one_hundredth_of_the_printed_unit_passes() -> None:
    doc = with_line(seed_document(), "expenditure", "2060101", "basic", "606.92")  # 类 606.93 vs 606.92
    assert summary(check_document(doc)) == summary(check_document(seed_document()))


def test_a_table_in_the_toc_but_not_found_is_reported() -> None:
    doc = replace(seed_document(), toc_tables=["summary", "procurement"], narrative=[], projects=[])
    assert [(f.check, f.severity, f.message) for f in check_document(doc)] == [
        (names.TOC_TABLE_MISSING, "error", "目录 names table procurement but it was not found")
    ]


def test_a_sub_item_row_is_not_summed_into_the_summary_revenue() -> None:
    """其中：捐赠收入 under 其他收入 (西南大学 2021/2023 收支总表) is a part of the row above."""
    seed = seed_document()
    donations = BudgetLine("summary", None, "捐赠收入", "revenue", wan("5.00"), 20, sub_item=True)
    doc = replace(seed, lines=[*seed.lines, donations])
    assert summary(check_document(doc)) == summary(check_document(seed))
    doc = replace(seed, lines=[*seed.lines, replace(donations, sub_item=False)])
    assert [f.check for f in check_document(doc) if f not in check_document(seed)] == [
        names.SUMMARY_REVENUE_SUM
    ]
