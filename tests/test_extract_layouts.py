"""Layouts a spreadsheet printer makes, on hand-made grids: labels wrapped in rows too short for
them, rows of blank-amount dashes, one-column alignment grids (pure steps, no PDF)."""

from __future__ import annotations

from decimal import Decimal

from extract.assemble import header_over, table_lines
from extract.grid import Grid, grid_from_rows
from extract.headers import Column, header_row_count, is_data_row
from extract.routing import PageRoute, has_unknown_title, looks_tabular, rows_before_prose
from extract.rows import blocks_of
from extract.stitch import TablePages, stitch
from extract.unruled import repair_unruled
from extract.wrapped import rewrap_labels

_CODE, _LABEL, _AMOUNT = (
    Column(0, "code", ("科目编码",)),
    Column(1, "label", ("科目名称",)),
    Column(2, "amount", ("合计",), "total"),
)
_BLOCKS = blocks_of([_CODE, _LABEL, _AMOUNT])


def test_a_label_wrapped_over_a_short_row_is_joined_again() -> None:
    # Each wrapped label's second line overprints the next row's first line and lands in its cell.
    rows = [
        ["2080501", "行政单位离退休", "160.61"],
        ["2080505", "机关事业单位基本养老保", "55.59"],
        ["2080506", "险缴费支出\n机关事业单位职业年金缴", "27.51"],
        ["210", "费支出\n卫生健康支出", "26.52"],
    ]
    assert [row[1] for row in rewrap_labels(rows, _BLOCKS)] == [
        "行政单位离退休",
        "机关事业单位基本养老保险缴费支出",
        "机关事业单位职业年金缴费支出",
        "卫生健康支出",
    ]


def test_labels_are_left_alone_unless_rejoining_gives_one_per_row() -> None:
    tall = [["2080505", "机关事业单位基本养老保\n险缴费支出", "55.59"], ["210", "卫生健康支出", "26.52"]]
    assert rewrap_labels(tall, _BLOCKS) == tall  # a row tall enough for its wrap: already right
    broken = [["", "其中:\n人员经费", "5.00"], ["", "公用经费", "1.00"]]
    assert rewrap_labels(broken, _BLOCKS) == broken  # a line break by hand, not a wrap
    single = [["201", "一般公共服务支出", "5.00"], ["202", "外交支出", "1.00"], ["203", "国防\n支出", "1.00"]]
    assert rewrap_labels(single, _BLOCKS) == single  # a one-line cell never gives its line up


def test_a_row_of_a_label_and_dashes_is_body_not_header() -> None:
    assert is_data_row(["上年结转", "-", "结转下年", "-", "-", "-", "-"])
    assert is_data_row(["年初结转和结余", "—"])
    assert not is_data_row(["项目", "预算数", "项目", "合计", "一般公共预算"])
    header_and_two_rows = grid_from_rows(
        14,
        [
            ["收入", "", "支出", "", ""],
            ["项目", "预算数", "项目", "合计", "一般公共预算"],
            ["上年结转", "-", "结转下年", "-", "-"],
            ["总计", "2,515.34", "总计", "2,515.34", "2,515.34"],
        ],
    )
    assert header_row_count(header_and_two_rows) == 2


def test_a_continuation_page_of_header_dashes_and_totals_is_read() -> None:
    header = [["收入", "", "支出", "", ""], ["项目", "预算数", "项目", "合计", "一般公共预算"]]
    first = grid_from_rows(
        13, [*header, ["本年收入合计", "2,515.34", "本年支出合计", "2,515.34", "2,515.34"]]
    )
    rest = grid_from_rows(
        14,
        [
            *header,
            ["上年结转", "-", "结转下年", "-", "-"],
            ["总计", "2,515.34", "总计", "2,515.34", "2,515.34"],
        ],
    )
    table = TablePages("fiscal_summary", "财政拨款收支总表", 13, "万元", [first, rest])
    lines, report = table_lines(table, "budget", 2023)
    assert report.errors == []
    assert sorted((x.item, x.measure, x.amount_yuan, x.page) for x in lines if x.page == 14) == [
        ("总计", "general_budget", Decimal("25153400.00"), 14),
        ("总计", "revenue", Decimal("25153400.00"), 14),
        ("总计", "total", Decimal("25153400.00"), 14),
    ]


def test_a_page_whose_rows_end_in_dashes_is_tabular() -> None:
    assert looks_tabular(["上年结转 - 结转下年 - - - -", "总计 2,515.34 总计 2,515.34 2,515.34 - -"])
    assert looks_tabular(["一、一般公共预算财政拨款 1044.09 一、科学技术支出 565.51 565.51 - -"])
    assert not looks_tabular(["收入 支出", "项目 预算数 项目 合计", "上年结转 - 结转下年 - -"])


def test_a_one_column_alignment_grid_is_no_table() -> None:
    stacked = grid_from_rows(11, [["公务用车购置及运行维护费"], ["合计"], ["8.60"], ["注:本表反映…"]])
    assert repair_unruled(stacked).cells == []
    two = grid_from_rows(11, [["项目", "合计"], ["总计", "8.60"]])
    assert repair_unruled(two).cells == two.cells


def test_a_line_that_starts_a_label_is_never_moved_up() -> None:
    ordinal = [["", "人员经费", "5.00"], ["", "其中:\n公用经费", "1.00"]]
    assert rewrap_labels(ordinal, _BLOCKS) == ordinal


def test_a_page_holding_only_the_top_header_row_lends_it_to_the_next_page() -> None:
    top = Grid(10, [["收入", "支出"]], [[False, False]], 90.0, column_edges=((60.0, 290.0), (290.0, 540.0)))
    rest = Grid(
        11,
        [
            ["项目名称", "金额", "支出用途", ""],
            ["", "", "项目名称", "金额"],
            ["一、一般公共预算", "33,172.15", "一、基本支出", "18,570.82"],
            ["", "", "二、项目支出", "14,601.33"],
            ["收入合计", "33,172.15", "支出合计", "33,172.15"],
        ],
        [[False, False, False, True], *[[False] * 4] * 4],
        770.0,
        column_edges=((60.0, 190.0), (190.0, 290.0), (290.0, 440.0), (440.0, 540.0)),
    )
    assert header_over(top, rest).cells[0] == ["收入", "", "支出", ""]
    table = TablePages("fiscal_summary", "财政拨款收支预算总表", 10, "万元", [top, rest])
    lines, report = table_lines(table, "budget", 2018)
    assert report.errors == []
    assert [(x.item, x.measure, x.amount_yuan, x.page) for x in lines] == [
        ("一般公共预算", "revenue", Decimal("331721500.00"), 11),
        ("基本支出", "total", Decimal("185708200.00"), 11),
        ("项目支出", "total", Decimal("146013300.00"), 11),
        ("收入合计", "revenue", Decimal("331721500.00"), 11),
        ("支出合计", "total", Decimal("331721500.00"), 11),
    ]


def test_rows_above_an_unknown_title_continue_the_open_table() -> None:
    page = [
        "项目名称 金额",
        "一、一般公共预算 33,172.15 一、基本支出 18,570.82",
        "五、2018 年度某单位财政拨款支出预算表",
    ]
    assert not has_unknown_title(page, 8)
    assert has_unknown_title(
        ["五、2018 年度某单位财政拨款支出预算表", "单位: 万元", "204 公共安全支出 26,200.88"], 8
    )


def test_a_table_does_not_continue_over_a_page_the_router_skipped() -> None:
    def grid(page: int) -> Grid:
        return grid_from_rows(page, [["项目", "金额"], ["合计", "1.00"]])

    routes = [
        PageRoute(10, [("fiscal_summary", "财政拨款收支总表")], False, "万元"),
        PageRoute(12, [], True, None),
    ]
    tables = stitch(routes, {10: [grid(10)], 12: [grid(12)]})
    assert [(t.table_type, [g.page for g in t.grids]) for t in tables] == [("fiscal_summary", [10])]


def test_a_table_ending_where_the_narrative_begins_is_still_continued() -> None:
    page = [
        "车辆维修和保养服务 分散自行组织 267.80",
        "物业管理服务 分散自行组织 370.00",
        "第三部分 省检察院 2017 年度部门预算情况说明",
        "2017 年度收入、支出预算总计 17996.68 万元, 与上年相比增加 1463.8 万元, 增长 8.85 %。",
    ]
    assert rows_before_prose(page)
    assert not rows_before_prose(page[2:])


def test_only_a_column_headed_by_a_unit_opens_a_unit_section() -> None:
    header = ["预算单位", "采购组织形式", "合计"]
    rows = [["某某中心", "", "5.00"], ["", "分散自行组织", "5.00"]]
    table = TablePages("procurement", "政府采购预算表", 16, "万元", [grid_from_rows(16, [header, *rows])])
    lines, _ = table_lines(table, "budget", 2017)
    assert [(x.item, x.budget_unit) for x in lines] == [
        ("某某中心", "某某中心"),
        ("分散自行组织", "某某中心"),
    ]
    header = ["采购品目大类", "专项名称", "采购组织形式", "合计"]
    rows = [["合计", "", "", "5.00"], ["", "", "分散自行组织", "5.00"]]
    table = TablePages("procurement", "政府采购预算表", 16, "万元", [grid_from_rows(16, [header, *rows])])
    lines, _ = table_lines(table, "budget", 2017)
    assert [(x.item, x.budget_unit) for x in lines] == [("合计", None), ("分散自行组织", None)]


def test_a_repeated_header_missing_an_empty_columns_heading_is_still_skipped() -> None:
    header = [["科目编码", "科目名称", "合计", "人员经费", "公用经费"]]
    first = grid_from_rows(16, [*header, ["301", "工资福利支出", "1,826,634.00", "1,826,634.00", ""]])
    rest = grid_from_rows(
        17,
        [
            ["科目编码", "科目名称", "合计", "人员经费", ""],
            ["30305", "生活补助", "44,504.00", "44,504.00", ""],
        ],
    )
    table = TablePages("basic_expenditure_economic", "基本支出经济分类表", 16, "元", [first, rest])
    lines, report = table_lines(table, "budget", 2024)
    assert report.errors == []
    assert [(x.code, x.measure, x.page) for x in lines] == [
        ("301", "total", 16),
        ("301", "personnel", 16),
        ("30305", "total", 17),
        ("30305", "personnel", 17),
    ]


def test_an_empty_tables_page_holds_no_table_row() -> None:
    page = [
        "七、政府性基金预算财政拨款收入支出决算表",
        "单位名称:白石县教育局 单位:元",
        "功能科目编码 功能科目名称 合计 基本支出 项目支出",
        "说明:白石县教育局本年度没有政府性基金预算财政拨款收入和支出,故本表无数据。",
    ]
    assert not looks_tabular(page)
    assert looks_tabular(["一、一般公共服务支出"])
