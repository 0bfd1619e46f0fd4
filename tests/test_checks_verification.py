"""The rounding rule (checks.tolerance), which tables count as read, and the self-verification share
carried to the warehouse (v_documents) and to the Dagster metadata."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import duckdb

from assets.previews import extraction_report, table_report_markdown
from checks import names
from checks.document import check_document
from checks.tolerance import (
    Tolerances,
    amount_step,
    figure_step,
    narrative_step,
    rounding_allowance,
)
from checks.verification import read_tables, verified_counts, with_verification
from extract.model import BudgetLine, DocumentIdentity, ExtractedDocument, NarrativeMetric, TableReport
from schemas.frames import document_frames
from tests.test_checks_document import seed_document, summary, with_line
from tests.warehouse_fixtures import ensure_classification, sha_of

ensure_classification()

from warehouse.loader import DocumentRecord, WarehouseWriter  # noqa: E402

Y = Decimal


def document(lines: list[BudgetLine], units: dict[str, str], **extra) -> ExtractedDocument:
    identity = DocumentIdentity("通城县", "通城县测试局", 2024, "budget", "通城县测试局2024年部门预算")
    tables = [TableReport(t, t, [3], unit) for t, unit in units.items()]
    return ExtractedDocument(identity, 9, lines=lines, tables=tables, **extra)


def coded(table: str, rows: list[tuple[str | None, str, str]], measure: str = "total") -> list[BudgetLine]:
    return [BudgetLine(table, code, item, measure, Y(amount), 3) for code, item, amount in rows]


# 万元 printed without decimals: 类 205 (1,000,000) vs its three 项 (each rounded to 10,000 yuan)
WHOLE_WAN = [
    (None, "合计", "1000000.00"),
    ("205", "教育支出", "1000000.00"),
    ("2050101", "行政运行", "330000.00"),
    ("2050102", "一般行政管理事务", "330000.00"),
    ("2050199", "其他教育管理事务支出", "330000.00"),
]


def test_rounding_allowance_is_half_a_unit_per_printed_figure() -> None:
    assert rounding_allowance(Y(100), 1) == Y(100)  # two figures that should be equal: one unit
    assert rounding_allowance(Y(100), 2) == Y(150)  # a total and two parts
    assert rounding_allowance(Y("0.01"), 3) == Y("0.02")
    assert amount_step(Y("123400.00"), Y(10000)) == Y(100)
    assert amount_step(Y("1230000.00"), Y(10000)) == Y(10000)  # capped by the 万元 unit
    assert amount_step(Y("12.34"), Y(1)) == Y("0.01")
    assert figure_step(Y("0.01"), Y("22118861.00")) == Y(1)  # whole yuan in a fen table
    assert figure_step(Y(100), Y("22118800.00")) == Y(100)


def test_printed_precision_is_inferred_per_table_from_its_amounts() -> None:
    lines = coded("expenditure", WHOLE_WAN)
    lines += coded("general_budget_expenditure", [(None, "合计", "1793.33"), ("205", "x", "1793.33")])
    lines += coded("revenue", [(None, "合计", "12.34")])
    tol = Tolerances(
        document(lines, {"expenditure": "万元", "general_budget_expenditure": "元", "revenue": "元"})
    )
    assert tol.step("expenditure") == Y(10000)  # five amounts, none finer than 1万元
    assert tol.step("general_budget_expenditure") == Y("0.01")  # too few: the document's finest in 元
    assert tol.step("summary") == Y(100)  # not read: 0.01 of the common 万元


def test_a_difference_within_the_printed_rounding_is_no_finding() -> None:
    units = {"expenditure": "万元"}
    assert check_document(document(coded("expenditure", WHOLE_WAN), units)) == []  # 10,000 off, 3 parts
    off = [(c, i, "1030000.00" if c in (None, "205") else a) for c, i, a in WHOLE_WAN]  # 40,000 off
    assert summary(check_document(document(coded("expenditure", off), units))) == [
        (names.HIERARCHY_SUM, "error", "990000.00", "1030000.00"),  # 合计 = 205 still holds
    ]


def test_a_total_added_up_from_rounded_leaves_is_no_finding() -> None:
    """Wuxi prints 合计 人员经费 25,530.51 = the sum of the rounded 项, while 301 + 303 printed
    23,647.92 + 1,882.57 = 25,530.49: the allowance counts the leaves beneath each 类."""
    rows = [(None, "合计", "255305100.00"), ("301", "工资福利支出", "236479200.00")]
    rows += [("3010" + str(i), f"w{i}", "19706600.00") for i in range(1, 9)]  # 8 × 1970.66 = 15765.28
    rows += [("30110", "w9", "78826600.00")]  # the 项 add up to 23,647.94
    rows += [("303", "对个人和家庭的补助", "18825700.00"), ("30301", "离休费", "18825700.00")]
    doc = document(coded("basic_expenditure_economic", rows), {"basic_expenditure_economic": "万元"})
    found = [f for f in check_document(doc) if f.check == names.TABLE_TOTAL]
    assert found == []
    leaves = [(c, i, "255306100.00" if i == "合计" else a) for c, i, a in rows]  # 1,200 yuan off: too far
    doc = document(coded("basic_expenditure_economic", leaves), {"basic_expenditure_economic": "万元"})
    assert [(f.check, str(f.actual_yuan)) for f in check_document(doc) if f.check == names.TABLE_TOTAL] == [
        (names.TABLE_TOTAL, "255306100.00")
    ]


def test_narrative_precision_is_read_from_its_sentence() -> None:
    assert narrative_step(
        NarrativeMetric("project_expenditure", Y("11860000.00"), 2, "项目支出1186万元")
    ) == Y(10000)
    assert narrative_step(NarrativeMetric("outbound", Y("12345.60"), 2, "因公出国(境)费12,345.6元")) == Y(
        "0.1"
    )
    assert narrative_step(NarrativeMetric("outbound", Y("0.00"), 2, "因公出国(境)费0万元")) == Y("0.01")
    assert narrative_step(NarrativeMetric("outbound", Y("5.00"), 2, "no figure here")) == Y(100)


def test_a_narrative_figure_printed_in_whole_wan_agrees_with_its_rounded_table_cell() -> None:
    seed = seed_document()
    stated = [
        replace(m, amount_yuan=Y("11860000.00"), sentence="项目支出1186万元")
        if m.metric == "project_expenditure"
        else m
        for m in seed.narrative
    ]
    doc = replace(seed, narrative=stated, projects=[])
    assert [f for f in check_document(doc) if f.check == names.NARRATIVE_VS_TABLE] == []
    stated = [
        replace(m, amount_yuan=Y("11800000.00")) if m.metric == "project_expenditure" else m for m in stated
    ]
    assert [
        (f.check, str(f.expected_yuan), str(f.actual_yuan))
        for f in check_document(replace(doc, narrative=stated))
        if f.check == names.NARRATIVE_VS_TABLE
    ] == [(names.NARRATIVE_VS_TABLE, "11864000.00", "11800000.00")]


def test_summary_subtotal_rows_are_counted_once() -> None:
    rows = [
        ("财政拨款", "300.00"),
        ("一般公共预算拨款", "200.00"),
        ("政府性基金预算拨款", "100.00"),
        ("单位资金", "50.00"),
        ("事业收入", "50.00"),
        ("本年收入合计", "350.00"),
    ]
    lines = [BudgetLine("summary", None, item, "revenue", Y(a) * 10000, 3) for item, a in rows]
    doc = document(lines, {"summary": "万元"})
    assert check_document(doc) == []
    assert verified_counts(doc) == {"summary": (6, 6)}
    wrong = [replace(x, amount_yuan=Y("3600000.00")) if x.item == "本年收入合计" else x for x in lines]
    assert summary(check_document(document(wrong, {"summary": "万元"}))) == [
        (names.SUMMARY_REVENUE_SUM, "error", "7000000.00", "3600000.00")  # the plain sum, as printed
    ]


def test_narrative_figures_are_not_compared_with_tables_that_were_not_read() -> None:
    seed = seed_document()
    zeros = [replace(x, amount_yuan=Y("0.00")) if x.table_type == "three_public" else x for x in seed.lines]
    assert "three_public" not in read_tables(replace(seed, lines=zeros))
    baseline = summary(
        check_document(replace(seed, lines=[x for x in seed.lines if x.table_type != "three_public"]))
    )
    assert summary(check_document(replace(seed, lines=zeros))) == baseline  # all zeros: as if absent
    no_lines = [x for x in seed.lines if x.table_type != "three_public"]
    assert summary(check_document(replace(seed, lines=no_lines))) == baseline  # found, nothing read
    noted = [replace(t, empty=True) if t.table_type == "three_public" else t for t in seed.tables]
    extra = [
        f
        for f in check_document(replace(seed, lines=no_lines, tables=noted))
        if f.check in (names.NARRATIVE_VS_TABLE, names.THREE_PUBLIC_VS_ECONOMIC)
    ]
    assert sorted((f.check, str(f.expected_yuan), str(f.actual_yuan)) for f in extra) == [
        (names.NARRATIVE_VS_TABLE, "0.00", "6700.00"),  # a printed no-data note is a zero
        (names.NARRATIVE_VS_TABLE, "0.00", "6700.00"),  # three_public_total and reception
        (names.THREE_PUBLIC_VS_ECONOMIC, "0.00", "6700.00"),
    ]


def test_verified_counts_drop_exactly_the_cells_a_misread_breaks() -> None:
    seed = seed_document()
    full = {"summary": (6, 6), "expenditure": (13, 13), "general_budget_expenditure": (21, 21)}
    full |= {"basic_expenditure_economic": (13, 13), "three_public": (6, 6)}
    assert verified_counts(seed) == full
    assert verified_counts(with_line(seed, "expenditure", "2060101", "basic", "600.00")) == full | {
        "expenditure": (12, 13)
    }
    assert verified_counts(with_line(seed, "three_public", None, "reception", "0.50")) == full | {
        "three_public": (3, 6)  # purchase + operation = vehicles still holds
    }
    reports = with_verification(with_line(seed, "three_public", None, "reception", "0.50")).tables
    assert [(t.table_type, t.amounts, t.verified) for t in reports][-1] == ("three_public", 6, 3)


def test_the_verified_share_reaches_v_documents_and_the_metadata(tmp_path: Path) -> None:
    doc = with_verification(with_line(seed_document(), "three_public", None, "reception", "0.50"))
    sha = sha_of("verified share")
    with WarehouseWriter(tmp_path / "w.duckdb") as writer:
        writer.load_document(DocumentRecord(sha[:16], sha, "v.pdf"), document_frames(doc, sha[:16]), [])
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        share, reports = con.execute("SELECT verified_share, table_reports FROM v_documents").fetchone()
    assert share == 0.9492  # 56 of 59 amounts
    assert [(r["table_type"], r["amounts"], r["verified"]) for r in reports][-1] == ("three_public", 6, 3)
    assert extraction_report(doc)["verified_share"] == 0.9492
    assert "| three_public | 20 | 万元 | 0 | 3/6 |" in table_report_markdown(doc.tables)
