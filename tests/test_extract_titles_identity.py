"""Title recognition, 目录 parsing and document identity: pure functions on text."""

from __future__ import annotations

import pytest

from extract.identity import county_of, identify, parent_department
from extract.routing import find_titles, route_pages, toc_tables
from extract.titles import classify_title


@pytest.mark.parametrize(
    ("title", "table_type"),
    [
        ("收入支出决算总表", "summary"),
        ("一、收入支出决算总表", "summary"),
        ("表1 部门收支总表", "summary"),
        ("财务收支预算总表", "summary"),
        ("附表2：部门收入总表", "revenue"),
        ("表5一般公共预算财政拨款支出决算表", "general_budget_expenditure"),
        ("表一、一般公共预算支出表", "general_budget_expenditure"),
        ("收入决算表", "revenue"),
        ("表3-1 支出预算总表", "expenditure"),
        ("支出决算表", "expenditure"),
        ("财政拨款收入支出决算总表", "fiscal_summary"),
        ("财政拨款收支总表", "fiscal_summary"),
        ("一般公共预算支出表", "general_budget_expenditure"),
        ("一般公共预算财政拨款支出决算明细表", "general_budget_expenditure"),
        ("一般公共预算支出功能分类预算表", "general_budget_expenditure"),
        ("一般公共预算基本支出表", "basic_expenditure_economic"),
        ("一般公共预算基本支出部门预算经济分类预算表", "basic_expenditure_economic"),
        ("一般公共预算财政拨款基本支出决算表", "basic_expenditure_economic"),
        ("财政拨款“三公”经费支出决算表", "three_public"),
        ('一般公共预算"三公"经费支出表', "three_public"),
        ('"三公"经费和机关运行经费预算表', "three_public"),
        ("政府性基金预算财政拨款收入支出决算表", "government_fund_expenditure"),
        ("国有资本经营预算财政拨款支出决算表", "state_capital_expenditure"),
        ("项目支出预算表", "project_expenditure"),
        ("政府采购预算表", "procurement"),
        ("白石县教育局2024年部门收支总表", "summary"),
        ("部门收入总表（续）", "revenue"),
        ("⽀出决算表", "expenditure"),
        ("部门支出总表 单位：万元", "expenditure"),  # Kangxi radical 支
        ("项目支出绩效目标表", None),
        ("注：本表反映部门本年度的总收支和年末结转结余情况。", None),
        ("中共上海市普陀区委社会工作部 2024 年度部门决算表", None),
        ("本年收入合计", None),
        ("附件1：部门收支总表", "summary"),
        ("机关运行经费支出表", None),
        ("政府非税收入计划表", None),
        ("本表反映部门本年度各项支出情况，详见支出总表", None),
    ],
)
def test_classify_title(title, table_type):
    assert classify_title(title) == table_type


def test_title_split_over_two_lines_is_found():
    lines = ["一般公共预算基本支出部门预算经济分类", "预算表", "单位：万元", "项目"]
    assert find_titles(lines, top_lines=8) == [
        (0, "basic_expenditure_economic", "一般公共预算基本支出部门预算经济分类预算表")
    ]


def test_second_title_low_on_a_page_needs_a_unit_line_below_it():
    lines = ["政府性基金预算支出表", "单位：万元", "本部门无政府性基金预算支出"] + ["x"] * 10
    with_unit = lines + ["国有资本经营预算支出表", "单位：万元"]
    without_unit = lines + ["详见国有资本经营预算支出表"]
    assert [t[1] for t in find_titles(with_unit, 8)] == [
        "government_fund_expenditure",
        "state_capital_expenditure",
    ]
    assert [t[1] for t in find_titles(without_unit, 8)] == ["government_fund_expenditure"]


def test_routing_skips_toc_and_follows_continuations():
    pages = [
        "白石县教育局\n2024年部门预算",
        "目录\n一、部门收支总表\n二、部门收入总表",
        "部门收支总表\n单位：万元\n项目 预算数\n一、一般公共预算拨款收入 12.00",
        "201 一般公共服务支出 12.00\n20101 人大事务 12.00",
        "第三部分 名词解释\n一、财政拨款收入：指……",
    ]
    routes = route_pages(pages, top_lines=8)
    assert [(r.page, r.titles, r.continues, r.unit) for r in routes] == [
        (3, [("summary", "部门收支总表")], False, "万元"),
        (4, [], True, None),
    ]
    assert toc_tables(pages) == ["summary", "revenue"]


def test_a_part_heading_ends_the_open_table_but_a_title_below_it_starts_one():
    """省人大办公厅 2018: page 8 opens with 第二部分 2018年度部门预算表, then 公开01表 and 收支预算总表."""
    pages = [
        "部门收支总表\n单位：万元\n201 一般公共服务支出 12.00",
        "第二部分 2018年度部门预算表\n公开01表\n收支预算总表\n部门名称：江苏省人大\n单位：万元\n"
        "一、财政拨款 15897.44 一、一般公共服务支出 12706.28",
        "第三部分 名词解释\n201 一般公共服务支出 12.00",
    ]
    routes = route_pages(pages, top_lines=8)
    assert [(r.page, r.titles, r.continues) for r in routes] == [
        (1, [("summary", "部门收支总表")], False),
        (2, [("summary", "收支预算总表")], False),
    ]


def test_continued_title_continues_the_open_table():
    pages = [
        "部门收入总表\n单位：万元\n201 一般公共服务支出 12.00",
        "部门收入总表（续）\n单位：万元\n205 教育支出 3.00",
        "部门支出总表\n单位：万元\n201 一般公共服务支出 12.00",
    ]
    routes = route_pages(pages, top_lines=8)
    assert [(r.page, r.titles, r.continues) for r in routes] == [
        (1, [("revenue", "部门收入总表")], False),
        (2, [], True),
        (3, [("expenditure", "部门支出总表")], False),
    ]


@pytest.mark.parametrize(
    ("department", "county"),
    [
        ("白石县教育局", "白石县"),
        ("中共白石县委组织部", "白石县"),
        ("中共上海市普陀区委社会工作部", "普陀区"),
        ("湖北省通城县科学技术和经济信息化局", "通城县"),
        ("某某市教育局", "某某市"),
        ("某某旗财政局", "某某旗"),
        ("白石县工业园区管理委员会", "白石县"),
        ("白石县城市管理局", "白石县"),
        ("临江市经济开发区管理委员会", "临江市"),
        ("上海市浦东新区教育局", "浦东新区"),
        ("中共乌兰旗委组织部", "乌兰旗"),
        ("临江市市场监督管理局", "临江市"),
    ],
)
def test_county_of(department, county):
    assert county_of(department) == county


def test_identify_from_cover_not_file_name():
    identity = identify(["附件2：部门决算模板\n上海市 XX 局\n2024 年度部门决算"], 3)
    assert identity is not None
    assert (identity.department, identity.county, identity.fiscal_year, identity.phase, identity.title) == (
        "上海市XX局",
        "上海市",
        2024,
        "final",
        "上海市XX局2024年度部门决算",
    )
    budget = identify(["", "白石县教育局2025年部门预算\n2025年3月"], 3)
    assert budget is not None and (budget.department, budget.fiscal_year, budget.phase) == (
        "白石县教育局",
        2025,
        "budget",
    )
    assert identify(["会议纪要\n2024年工作总结"], 3) is None


def test_identify_skips_part_headings_and_reads_year_first_covers():
    heading = identify(
        ["第二部分 2024 年部门预算情况说明", "通城县科学技术和经济信息化局\n2024年部门预算"], 3
    )
    assert heading is not None and heading.department == "通城县科学技术和经济信息化局"
    year_first = identify(["2024年度\n中共通城县委组织部\n部门决算"], 3)
    assert year_first is not None
    assert (year_first.department, year_first.county, year_first.title) == (
        "中共通城县委组织部",
        "通城县",
        "中共通城县委组织部2024年度部门决算",
    )


def _fields(identity):
    return (
        identity.county,
        identity.region_level,
        identity.department,
        identity.budget_unit,
        identity.fiscal_year,
        identity.phase,
    )


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # region + level word in the title, the unit on a 预算单位 line (a municipal 单位预算)
        (
            ["上海市2026年市级单位预算\n2026年1月\n预算单位：上海市某某研究所"],
            ("上海市", "city", "上海市某某研究所", "上海市某某研究所", 2026, "budget"),
        ),
        # the label line before the title it belongs to; a district inside a municipality
        (
            ["预算主管部门：上海市普陀区某某街道办事处\n上海市普陀区2025年区级部门预算"],
            ("普陀区", "district", "上海市普陀区某某街道办事处", None, 2025, "budget"),
        ),
        # a department's 单位预算 whose parent is printed
        (
            ["白石县2024年县级单位预算\n预算主管部门：白石县教育局\n预算单位：白石县第一中学"],
            ("白石县", "county", "白石县教育局", "白石县第一中学", 2024, "budget"),
        ),
        # year first, unit split over lines, (本级) = the department's own office
        (
            ["2026 年度\n临江市交通运输局（本级）\n单位预算公开"],
            ("临江市", "city", "临江市交通运输局", "临江市交通运输局(本级)", 2026, "budget"),
        ),
        (["2026 年临江市财政局（本级）部\n门预算"], ("临江市", "city", "临江市财政局", None, 2026, "budget")),
        # provincial tables file: region title, 部 门： label with a space, printer line
        (
            ["某某省2018年度\n省级部门预算公开报表\n部 门：中共某某省委办公厅\n某某省财政厅印制"],
            ("某某省", "province", "中共某某省委办公厅", None, 2018, "budget"),
        ),
        # no 部门 word, page number and date lines around the title
        (
            ["- 1 -\n2018 年度某某省高级\n人民法院预算公开\n2018 年 2 月 24 日"],
            ("某某省", "province", "某某省高级人民法院", None, 2018, "budget"),
        ),
        # a central unit: no region in its name, its own text says whose it is
        (
            ["1\n某某大学\n2021 年度部门预算\n2021 年 4 月", "目 录", "某某大学是教育部直属的重点大学。"],
            ("中央", "central", "某某大学", None, 2021, "budget"),
        ),
        (["某某大学 2023 年度部门决算"], (None, None, "某某大学", None, 2023, "final")),
        (
            ["第一中学2024年单位预算", "第一中学是县教育局直属学校，是市委宣传部所属基地。"],
            (None, None, "第一中学", "第一中学", 2024, "budget"),
        ),
        # a county-level city under a prefecture; an autonomous county
        (
            ["恩施州恩施市教育局2024年部门预算"],
            ("恩施市", "county", "恩施州恩施市教育局", None, 2024, "budget"),
        ),
        (
            ["某某自治县民政局2023年度部门决算"],
            ("某某自治县", "county", "某某自治县民政局", None, 2023, "final"),
        ),
    ],
)
def test_identify_reads_covers_in_any_order(pages, expected):
    assert _fields(identify(pages, 3)) == expected


def test_identify_keeps_what_is_printed_when_the_cover_is_incomplete():
    no_year = identify(["白石县教育局部门预算\n第一部分 部门概况"], 3)
    assert _fields(no_year) == ("白石县", "county", "白石县教育局", None, None, "budget")
    no_unit = identify(["部门决算公开\n目录"], 3)
    assert _fields(no_unit) == (None, None, None, None, None, "final")
    assert identify(["会议纪要\n本次会议研究了明年的预算安排"], 3) is None


@pytest.mark.parametrize(
    ("text", "parent"),
    [
        ("某某中心(单位)主要职能某某中心是某某市民政局直属的事业单位。", "某某市民政局"),
        ("某某中心是某某市水务局(某某市海洋局)所属公益一类事业单位", "某某市水务局"),
        ("某某中心隶属于某某市司法局,机构级别为正处级。", "某某市司法局"),
        ("某某中心是某某市人民政府办公厅直属的自收自支事业单位", "某某市人民政府办公厅"),
        ("某某中心是市商务委所属全额拨款行政单位。", None),  # no region: not the department's full name
        ("某某中心是市政府直属机构。", None),
        ("某某中心是参照公务员法管理的全额拨款事业单位。", None),
    ],
)
def test_parent_department_of_a_unit_from_its_own_description(text, parent):
    assert parent_department("某某中心", text) == parent


def test_unit_budget_names_its_department_from_the_units_description():
    pages = [
        "某某市2026年市级单位预算\n预算单位：某某市某某中心",
        "目 录",
        "某某市某某中心是某某市民政局下属事业单位。",
    ]
    assert _fields(identify(pages, 3)) == ("某某市", "city", "某某市民政局", "某某市某某中心", 2026, "budget")


@pytest.mark.parametrize(
    ("cover", "year", "department"),
    [
        ("通城县财政局\n二〇二四年部门预算\n", 2024, "通城县财政局"),  # 〇 U+3007
        ("通城县财政局二○二四年部门预算公开", 2024, "通城县财政局"),  # ○ U+25CB, a white circle
        ("通城县财政局二零二四年度部门决算", 2024, "通城县财政局"),
        ("中共白石县委组织部\n二O二三年度部门决算\n二〇二四年三月", 2023, "中共白石县委组织部"),  # a letter O
    ],
)
def test_identify_reads_a_year_in_chinese_numerals(cover: str, year: int, department: str) -> None:
    identity = identify([cover, "", ""], 3)
    assert (identity.fiscal_year, identity.department) == (year, department)


def test_chinese_numerals_that_are_not_a_year_stay() -> None:
    from extract.text import arabic_years

    assert arabic_years("二〇二四年 一二三四年 三〇〇〇元") == "2024年 一二三四年 三〇〇〇元"
