"""Header mapping, code joining, stitching, units and row reading on hand-made grids (pure steps)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from extract.amounts import find_unit
from extract.assemble import table_lines
from extract.classification import level, parent_code
from extract.grid import grid_from_rows
from extract.headers import classify_columns, column_paths, filled_header, header_row_count
from extract.model import BudgetLine
from extract.routing import PageRoute
from extract.rows import join_code, three_public_item
from extract.stitch import TablePages, stitch

T, F = True, False
THREE_PUBLIC_FINAL = grid_from_rows(
    14,
    [
        ["财政拨款“三公”经费", "", "", "", "", "", "", "", "", "", "", ""],
        [
            "合计",
            "",
            "因公出国\n（境）费",
            "",
            "公务用车购置及运行维护费",
            "",
            "",
            "",
            "",
            "",
            "公务接待费",
            "",
        ],
        ["", "", "", "", "小计", "", "公务用车\n购置费", "", "公务用车\n运行维护费", "", "", ""],
        ["预算数", "决算数"] * 6,
        ["12.00", "10.50", "-", "", "8.00", "7.50", "0", "0.00", "8.00", "7.50", "4.00", "(3.00)"],
    ],
    [
        [F] + [T] * 11,
        [F, T, F, T, F, T, T, T, T, T, F, T],
        [F, T, F, T, F, T, F, T, F, T, F, T],
        [F] * 12,
        [F] * 12,
    ],
)


def _measures(grid, table_type, phase):
    rows = header_row_count(grid)
    return [
        c.measure
        for c in classify_columns(column_paths(filled_header(grid, rows), grid.width), table_type, phase)
    ]


def test_three_public_final_header_maps_budget_and_final_pairs():
    assert header_row_count(THREE_PUBLIC_FINAL) == 4
    assert _measures(THREE_PUBLIC_FINAL, "three_public", "final") == [
        "total_budget",
        "total",
        "outbound_budget",
        "outbound",
        "vehicle_total_budget",
        "vehicle_total",
        "vehicle_purchase_budget",
        "vehicle_purchase",
        "vehicle_operation_budget",
        "vehicle_operation",
        "reception_budget",
        "reception",
    ]


def test_three_public_rows_blank_dash_zero_and_parenthesised_negative():
    lines, report = table_lines(
        TablePages("three_public", "t", 14, "万元", [THREE_PUBLIC_FINAL]), "final", 2024
    )
    assert [(x.item, x.measure, x.amount_yuan) for x in lines] == [
        (None, "total_budget", Decimal("120000.00")),
        (None, "total", Decimal("105000.00")),
        (None, "vehicle_total_budget", Decimal("80000.00")),
        (None, "vehicle_total", Decimal("75000.00")),
        (None, "vehicle_purchase_budget", Decimal("0.00")),
        (None, "vehicle_purchase", Decimal("0.00")),
        (None, "vehicle_operation_budget", Decimal("80000.00")),
        (None, "vehicle_operation", Decimal("75000.00")),
        (None, "reception_budget", Decimal("40000.00")),
        (None, "reception", Decimal("-30000.00")),
    ]
    assert (report.rows, report.empty, report.errors) == (10, False, [])


def test_budget_general_budget_header_with_subtotal_and_split_codes():
    grid = grid_from_rows(
        9,
        [
            ["科目编码", "", "", "科目名称", "合计", "基本支出", "", "", "项目支出"],
            ["类", "款", "项", "", "", "小计", "人员经费", "公用经费", ""],
            ["201", "", "", "一般公共服务支出", "30", "20", "15", "5", "10"],
            ["201", "01", "", "人大事务", "30", "20", "15", "5", "10"],
            ["", "", "01", "行政运行", "20", "20", "15", "5", ""],
            ["", "", "", "合计", "30", "20", "15", "5", "10"],
        ],
        [[F, T, T, F, F, F, T, T, F]] + [[F] * 9] * 5,
    )
    assert _measures(grid, "general_budget_expenditure", "budget") == [
        None,
        None,
        None,
        None,
        "total",
        "basic",
        "personnel",
        "public_use",
        "project",
    ]
    lines, report = table_lines(
        TablePages("general_budget_expenditure", "t", 9, "元", [grid]), "budget", 2024
    )
    keys = sorted({(x.code, x.item) for x in lines}, key=str)
    assert keys == [
        ("201", "一般公共服务支出"),
        ("20101", "人大事务"),
        ("2010101", "行政运行"),
        (None, "合计"),
    ]
    assert report.rows == 19


def test_join_code():
    assert join_code(["201", "06", "01"], []) == "2010601"
    assert join_code(["201", "", ""], []) == "201"
    assert join_code(["", "", "02"], ["201", "06"]) == "2010602"
    assert join_code(["合计", "", ""], []) is None
    assert join_code(["", "", ""], ["201"]) is None


def test_two_side_by_side_blocks_and_wrapped_labels():
    grid = grid_from_rows(
        13,
        [
            ["经济分类\n科目编码", "科目名称", "决算数", "经济分类\n科目编码", "科目名称", "决算数"],
            ["30108", "机关事业单位基本\n养老保险缴费", "6.18", "30201", "办公费", "3.78"],
            ["", "", "", "31007", "信息 网络 及软件 购置\n更新", "0.00"],
            ["人员经费合计", "", "95.36", "公用经费合计", "", "10.23"],
        ],
    )
    lines, _ = table_lines(TablePages("basic_expenditure_economic", "t", 13, "万元", [grid]), "final", 2024)
    assert [(x.code, x.item, x.measure, str(x.amount_yuan)) for x in lines] == [
        ("30108", "机关事业单位基本养老保险缴费", "amount", "61800.00"),
        ("30201", "办公费", "amount", "37800.00"),
        ("31007", "信息网络及软件购置更新", "amount", "0.00"),
        (None, "人员经费合计", "amount", "953600.00"),
        (None, "公用经费合计", "amount", "102300.00"),
    ]


def test_placeholder_cell_is_an_error_not_a_number():
    grid = grid_from_rows(
        6, [["科目编码", "科目名称", "合计"], ["205", "教育支出", "XX"], ["20502", "普通教育", "……"]]
    )
    lines, report = table_lines(TablePages("expenditure", "t", 6, "万元", [grid]), "budget", 2024)
    assert lines == []
    assert report.errors == ["page 6 row '教育支出' column total: not an amount: 'XX'"]  # …… = not reported
    assert report.empty is False


def test_stitch_continuation_with_and_without_repeated_header():
    header = ["科目编码", "科目名称", "合计"]
    first = grid_from_rows(6, [header, ["合计", "", "3.00"], ["201", "一般公共服务支出", "1.00"]])
    repeated = grid_from_rows(7, [header, ["205", "教育支出", "2.00"]])
    bare = grid_from_rows(8, [["20502", "普通教育", "2.00"]])
    routes = [
        PageRoute(6, [("expenditure", "支出总表")], False, "万元"),
        PageRoute(7, [], True, None),
        PageRoute(8, [], True, None),
    ]
    tables = stitch(routes, {6: [first], 7: [repeated], 8: [bare]})
    assert [(t.table_type, [g.page for g in t.grids], t.unit) for t in tables] == [
        ("expenditure", [6, 7, 8], "万元")
    ]
    lines, report = table_lines(tables[0], "budget", 2024)
    assert lines == [
        BudgetLine("expenditure", None, "合计", "total", Decimal("30000.00"), 6),
        BudgetLine("expenditure", "201", "一般公共服务支出", "total", Decimal("10000.00"), 6),
        BudgetLine("expenditure", "205", "教育支出", "total", Decimal("20000.00"), 7),
        BudgetLine("expenditure", "20502", "普通教育", "total", Decimal("20000.00"), 8),
    ]
    assert report.pages == [6, 7, 8]


def test_title_without_grid_is_present_and_empty():
    routes = [
        PageRoute(
            15,
            [
                ("government_fund_expenditure", "政府性基金预算支出表"),
                ("state_capital_expenditure", "国有资本经营预算支出表"),
            ],
            False,
            "万元",
        )
    ]
    tables = stitch(routes, {})
    reports = [table_lines(t, "budget", 2024)[1] for t in tables]
    assert [(r.table_type, r.pages, r.empty, r.rows) for r in reports] == [
        ("government_fund_expenditure", [15], True, 0),
        ("state_capital_expenditure", [15], True, 0),
    ]


def test_summary_two_sided_measures_and_fund_final_measures():
    summary = grid_from_rows(
        5,
        [
            ["收入", "", "支出", ""],
            ["项目", "预算数", "项目", "预算数"],
            ["一、一般公共预算拨款收入", "1.5", "一、教育支出", "1.5"],
        ],
        [[F, T, F, T], [F] * 4, [F] * 4],
    )
    assert _measures(summary, "summary", "budget") == [None, "revenue", None, "expenditure"]
    fund = grid_from_rows(
        15,
        [
            ["项目", "", "年初结转和\n结余", "本年收入", "本年支出", "", "", "年末结转和\n结余"],
            ["功能分类\n科目编码", "科目名称", "", "", "", "", "", ""],
            ["合计", "", "", "", "合计", "基本支出", "项目支出", ""],
        ],
        [[F, T, F, F, F, T, T, F], [F] * 8, [F, T, F, F, F, F, F, F]],
    )
    assert _measures(fund, "government_fund_expenditure", "final") == [
        None,
        None,
        "opening_balance",
        "revenue",
        "total",
        "basic",
        "project",
        "closing_balance",
    ]


def test_three_public_prior_year_item():
    assert three_public_item("2023年预算数", 2024) == "prior_year"
    assert three_public_item("上年预算数", 2024) == "prior_year"
    assert three_public_item("2024年预算数", 2024) is None
    assert three_public_item("", 2024) is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("单位：万元", "万元"),
        ("金额单位: 元", "元"),
        ("单位：千元", "千元"),
        ("单位：人民币万元", "万元"),
        ("部门：白石县", None),
    ],
)
def test_find_unit(text, unit):
    assert find_unit(text) == unit


def test_classification_levels():
    assert [level("208"), level("20805"), level("2080505")] == [1, 2, 3]
    assert [parent_code("2080505"), parent_code("20805"), parent_code("208")] == ["20805", "208", None]
    with pytest.raises(ValueError, match="not a classification code"):
        level("2080")


def test_settings_validate_themselves():
    from extract.settings import ExtractSettings

    with pytest.raises(ValueError, match="camelot_engine must be one of"):
        ExtractSettings(camelot_engine="magic")
    with pytest.raises(ValueError, match="camelot_flavor must be 'lattice'"):
        ExtractSettings(camelot_flavor="stream")
    with pytest.raises(ValueError, match="title_search_lines must be a positive integer, got 0"):
        ExtractSettings(title_search_lines=0)


def test_continuation_with_fewer_ruled_columns_is_realigned():
    edges = ((0.0, 50.0), (50.0, 200.0), (200.0, 260.0), (260.0, 320.0))
    first = grid_from_rows(
        17,
        [["科目编码", "科目名称", "合计", "人员经费"], ["301", "工资福利支出", "2.00", "2.00"]],
        edges=edges,
    )
    total_only = grid_from_rows(
        18, [["合计", "2.00", "2.00"]], edges=((0.0, 200.0), (200.0, 260.0), (260.0, 320.0))
    )
    table = TablePages("basic_expenditure_economic", "t", 17, "万元", [first, total_only])
    lines, report = table_lines(table, "budget", 2024)
    assert [(x.code, x.item, x.measure, x.page) for x in lines] == [
        ("301", "工资福利支出", "total", 17),
        ("301", "工资福利支出", "personnel", 17),
        (None, "合计", "total", 18),
        (None, "合计", "personnel", 18),
    ]
    assert report.errors == []


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        ("1,234.50", Decimal("1234.50")),
        ("(12.5)", Decimal("-12.5")),
        ("-3.00", Decimal("-3.00")),
        ("0.00", Decimal("0.00")),
        ("", None),
        ("-", None),
        ("—", None),
        ("－", None),
        ("/", None),
        ("……", None),
    ],
)
def test_parse_amount_blanks_and_negatives(cell, amount):
    from extract.amounts import parse_amount

    assert parse_amount(cell) == amount


@pytest.mark.parametrize("cell", ["XX", "XXX万元", "12.3.4", "一百"])
def test_parse_amount_placeholders_raise(cell):
    from extract.amounts import AmountError, parse_amount

    with pytest.raises(AmountError, match="not an amount"):
        parse_amount(cell)


def test_stitch_split_grid_under_a_top_title_stays_with_that_title():
    header = grid_from_rows(5, [["科目编码", "科目名称", "合计"]])
    body = grid_from_rows(5, [["201", "一般公共服务支出", "1.00"]])
    previous = PageRoute(4, [("summary", "部门收支总表")], False, "万元")
    page = PageRoute(5, [("expenditure", "部门支出总表")], False, "万元", title_at_top=True)
    tables = stitch([previous, page], {4: [grid_from_rows(4, [["收入", "支出"]])], 5: [header, body]})
    assert [(t.table_type, len(t.grids)) for t in tables] == [("summary", 1), ("expenditure", 2)]
    lines, _ = table_lines(tables[1], "budget", 2024)
    assert [(x.code, x.measure, x.amount_yuan) for x in lines] == [("201", "total", Decimal("10000.00"))]


def test_title_with_rows_in_text_but_no_ruled_grid_is_an_error_not_empty():
    route = PageRoute(9, [("revenue", "部门收入总表")], False, "万元", title_at_top=True, tabular=True)
    [table] = stitch([route], {})
    _, report = table_lines(table, "budget", 2024)
    assert (report.empty, report.errors) == (
        False,
        ["page 9: table rows in the text but no ruled table found"],
    )


def test_a_row_cut_by_a_page_break_is_joined_and_a_whole_row_is_not():
    """Hangzhou 公安局 表2's shape: page 21 ends with 杭州市机动 | 145.64 | 12.3 and page 22 starts
    with the rest, 车驾驶员考试服务中心 | (no total) | 6. The next row, which prints its total, stays."""
    header = ["单位名称", "总计", "事业收入", "其他收入"]
    first = grid_from_rows(
        21, [header, ["合计", "150.00", "12.36", "137.64"], ["杭州市机动", "150.00", "12.3", "137.64"]]
    )
    second = grid_from_rows(
        22, [["车驾驶员考试服务中心", "", "6", ""], ["杭州市地铁分局", "7.20", "", "7.20"]]
    )
    lines, report = table_lines(TablePages("revenue", "t", 21, "万元", [first, second]), "budget", 2026)
    assert [(x.item, x.measure, x.amount_yuan, x.page) for x in lines if x.item != "合计"] == [
        ("杭州市机动车驾驶员考试服务中心", "total", Decimal("1500000.00"), 21),
        ("杭州市机动车驾驶员考试服务中心", "business_income", Decimal("123600.00"), 21),
        ("杭州市机动车驾驶员考试服务中心", "other_income", Decimal("1376400.00"), 21),
        ("杭州市地铁分局", "total", Decimal("72000.00"), 22),
        ("杭州市地铁分局", "other_income", Decimal("72000.00"), 22),
    ]
    assert report.errors == []


def test_the_rest_of_a_label_on_the_next_page_joins_its_row_but_a_new_item_does_not():
    """江苏省人大 2017 收支预算总表's shape: 当年收入 | 13,649.07 ends page 8, 小计 alone begins
    page 9; an empty item with an ordinal (十、节能环保支出) begins a row of its own."""
    header = ["项目", "总计"]
    first = grid_from_rows(8, [header, ["一、财政拨款", "13,649.07"], ["当年收入", "13,649.07"]])
    second = grid_from_rows(9, [["小计", ""], ["收入合计", "13,649.07"]])
    lines, _ = table_lines(TablePages("revenue", "t", 8, "万元", [first, second]), "budget", 2017)
    assert [(x.item, x.page) for x in lines] == [("财政拨款", 8), ("当年收入小计", 8), ("收入合计", 9)]
    second = grid_from_rows(9, [["十、节能环保支出", ""], ["收入合计", "13,649.07"]])
    lines, _ = table_lines(TablePages("revenue", "t", 8, "万元", [first, second]), "budget", 2017)
    assert [(x.item, x.page) for x in lines] == [("财政拨款", 8), ("当年收入", 8), ("收入合计", 9)]
