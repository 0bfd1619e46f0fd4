"""Classification by column-header signature, for a table whose title is missing: exactly one
signature → that table; none or several → unknown (never a guess). End to end on real PDFs with
every title line blanked from routing (bench.signatures)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extract.grid import grid_from_rows
from extract.routing import PageRoute, route_pages
from extract.signature import classify_header
from extract.stitch import stitch

THREE_PUBLIC = [
    ["合计", "因公出国(境)费", "公务用车购置及运行费", "", "", "公务接待费"],
    ["", "", "小计", "公务用车购置费", "公务用车运行费", ""],
    ["12.50", "2.00", "8.00", "0.00", "8.00", "2.50"],
]
EXPENDITURE_FINAL = [
    ["科目编码", "科目名称", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出"],
    ["201", "一般公共服务支出", "100.00", "60.00", "40.00", "", ""],
]
GBE = [
    ["科目编码", "科目名称", "合计", "基本支出", "", "项目支出"],
    ["", "", "", "人员经费", "公用经费", ""],
    ["201", "一般公共服务支出", "100.00", "50.00", "10.00", "40.00"],
]
ECONOMIC = [
    ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
    ["301", "工资福利支出", "50.00", "50.00", ""],
    ["30101", "基本工资", "50.00", "50.00", ""],
]
SUMMARY = [
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["一般公共预算拨款收入", "90.00", "一般公共服务支出", "100.00"],
    ["事业收入", "10.00", "", ""],
]
FISCAL_SUMMARY = [
    ["收入", "", "支出", ""],
    ["项目", "预算数", "项目", "预算数"],
    ["一般公共预算拨款", "90.00", "一般公共服务支出", "90.00"],
]
PROCUREMENT = [["采购项目", "合计", "货物", "工程", "服务"], ["办公设备", "5.00", "5.00", "", ""]]
# 合计 | 基本支出 | 项目支出 by functional code: the expenditure, general-budget and fund tables all
# print this; nothing in the header says which.
AMBIGUOUS = [
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["201", "一般公共服务支出", "9.00", "5.00", "4.00"],
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (THREE_PUBLIC, "three_public"),
        (EXPENDITURE_FINAL, "expenditure"),
        (GBE, "general_budget_expenditure"),
        (ECONOMIC, "basic_expenditure_economic"),
        (SUMMARY, "summary"),
        (FISCAL_SUMMARY, "fiscal_summary"),
        (PROCUREMENT, "procurement"),
        (AMBIGUOUS, None),
        ([["项目", "金额"], ["合计", "9.00"]], None),
    ],
)
def test_a_grid_without_title_is_classified_by_its_header(rows, expected):
    assert classify_header(grid_from_rows(3, rows)) == expected


def test_a_title_inside_the_grid_is_not_read_as_a_header():
    titled = [["一般公共预算“三公”经费支出表", "", "", "", ""], *AMBIGUOUS]
    assert classify_header(grid_from_rows(3, titled)) is None


def test_economic_codes_tell_the_economic_table_from_the_functional_one():
    functional = [ECONOMIC[0], ["201", "一般公共服务支出", "50.00", "50.00", ""]]
    assert classify_header(grid_from_rows(3, functional)) is None


UNTITLED_PAGE = "部门：通城县财政局 单位：万元\n合计 因公出国(境)费 公务接待费\n12.50 2.00 8.00 2.50"


def test_an_untitled_page_is_routed_and_stitched_by_its_header():
    titled_page = (
        "一般公共预算“三公”经费支出表\n单位：万元\n合计 因公出国(境)费\n12.50 2.00\n注：本表反映三公经费。"
    )
    routes = route_pages(["封面", UNTITLED_PAGE], 8)
    assert [(r.page, r.untitled, r.titles) for r in routes] == [(2, True, [])]
    grids = {2: [grid_from_rows(2, THREE_PUBLIC), grid_from_rows(2, AMBIGUOUS)]}
    tables = stitch(routes, grids)
    assert [(t.table_type, t.title, t.by_header, [g.page for g in t.grids]) for t in tables] == [
        ("three_public", "", True, [2])
    ]
    # a printed title naming the same table wins: the untitled one is not read twice (the 注 ends
    # the titled table, so the next page is not its continuation)
    routes = route_pages([titled_page, UNTITLED_PAGE], 8)
    assert [(r.page, r.untitled) for r in routes] == [(1, False), (2, True)]
    tables = stitch(routes, {1: [grid_from_rows(1, THREE_PUBLIC)], **grids})
    assert [(t.table_type, t.by_header) for t in tables] == [("three_public", False)]


def test_a_page_with_a_title_of_another_table_is_not_untitled():
    page = "项目支出绩效目标表\n单位：万元\n合计 12.50"
    assert route_pages(["封面", page], 8) == []
    numbered = "公开 09 表\n" + UNTITLED_PAGE  # a table number is not a title
    assert [r.untitled for r in route_pages(["封面", numbered], 8)] == [True]
    assert isinstance(route_pages(["封面", numbered], 8)[0], PageRoute)


REAL = Path(os.environ.get("COUNTYBUDGET_REAL_PDFS", "/work/shared/real-pdfs")) / "corpus"
BLIND_DOCUMENTS = ("shanghai-putuo", "wuxi", "hangzhou", "suzhou")


@pytest.mark.skipif(not REAL.is_dir(), reason="real disclosures (/work/shared/real-pdfs) not present")
def test_titles_blanked_real_documents_keep_most_tables_by_header(capsys):
    from bench.signatures import Blind, blind_compare

    results = {}
    for folder in BLIND_DOCUMENTS:
        blind = Blind()
        blind_compare(sorted((REAL / folder).glob("*.pdf"))[0], blind)
        results[folder] = (blind.titled, blind.same, blind.other, blind.amounts, blind.same_amounts)
    with capsys.disabled():
        print("\n(titled, same by header, other type, amounts, same amounts):", results)
    assert results == {
        "shanghai-putuo": (9, 7, 0, 176, 176),
        "wuxi": (10, 8, 0, 274, 258),
        "hangzhou": (10, 8, 0, 516, 515),
        "suzhou": (10, 8, 0, 354, 270),
    }
