"""Where the cells of each hand-checked document are: per table page, the x-ranges (pdftotext -bbox points)
of the label, code and amount columns and the measure of each amount column; see cells.py."""

from __future__ import annotations

CHECKED = (
    "cell texts read with pdftotext -bbox word boxes (own script tests/expected/real/tools/cells.py, "
    "not the project reader); every amount compared by eye with pdftoppm -r 100 renders of pages "
)
SHENZHEN_NOTES = (
    "支出总表: the three 2026年政府采购项目 columns (小计 and two 其中 columns) map to no contract measure and are "
    "left out. 收入总表/支出总表/一般公共预算支出表 print the department's own row (label = the 预算单位 name, "
    "no code) where other templates print 合计; its item is the printed name. 财政拨款收支总表 prints one 支出 "
    "column (2026年预算数): measure total."
)
JIANGSU_NOTES = (
    "收支预算总表: both 支出 blocks (功能分类 and 支出用途) are expenditure-side lines. 收入预算总表 prints the "
    "revenue sources as rows of one 金额 column: read as the 合计 row of the contract's revenue table (收入总计 -> "
    "total, 一般公共预算资金 小计 -> general_budget); its sub-rows (公共财政拨款(补助)资金, 专项收入, ...) map to no "
    "contract measure and are left out. 支出预算总表 prints one unlabelled row: the 合计 row (合计 -> total, "
    "基本支出 -> basic, 项目支出 -> project); its 单位预留机动经费 column maps to no contract measure and is left "
    "out. 财政拨款收支预算总表 and 一般公共预算支出预算表 print one 金额 column on the 支出 side: measure total. "
    "Blank cells are not reported (no line)."
)


def _shenzhen(
    file: str,
    department: str,
    summary: list[int],
    revenue: int,
    expenditure: list[int],
    fiscal: list[int],
    general: list[int],
    checked: str,
) -> dict:
    """The 深圳市 2026 template: landscape pages, the same column positions in every document."""
    summary_sides = [
        {"label": (25, 490), "cols": [("revenue", 480, 540)]},
        {"label": (540, 990), "cols": [("expenditure", 990, 1050)]},
    ]
    fiscal_sides = [
        {"label": (25, 490), "cols": [("revenue", 480, 540)]},
        {"label": (540, 990), "cols": [("total", 990, 1050)]},
    ]
    revenue_side = {
        "label": (25, 200),
        "cols": [
            ("total", 210, 280),
            ("general_budget", 290, 360),
            ("government_fund", 370, 440),
            ("state_capital", 450, 520),
            ("special_account", 530, 600),
            ("business_income", 610, 680),
            ("operation_income", 690, 760),
            ("superior_subsidy", 770, 840),
            ("affiliated_remit", 850, 920),
            ("other_income", 930, 1000),
            ("carryover", 1005, 1060),
        ],
    }
    expenditure_side = {
        "label": (25, 400),
        "code": [(185, 265)],
        "cols": [
            ("total", 400, 465),
            ("basic", 470, 540),
            ("project", 545, 612),
            ("operation_expense", 615, 690),
            ("affiliated_subsidy", 690, 765),
            ("remit_superior", 765, 840),
        ],
    }
    general_side = {
        "label": (25, 650),
        "code": [(265, 400)],
        "cols": [("total", 690, 770), ("basic", 830, 910), ("project", 980, 1060)],
    }
    return {
        "file": file,
        "checked": CHECKED + checked,
        "county": "深圳市",
        "department": department,
        "fiscal_year": 2026,
        "phase": "budget",
        "notes": SHENZHEN_NOTES,
        "tables": [
            {
                "table_type": "summary",
                "unit": "万元",
                "pagespecs": [{"page": p, "sides": summary_sides, "ytop": 195, "ybot": 570} for p in summary],
            },
            {
                "table_type": "revenue",
                "unit": "万元",
                "pagespecs": [{"page": revenue, "sides": [revenue_side], "ytop": 195, "ybot": 570}],
            },
            {
                "table_type": "expenditure",
                "unit": "万元",
                "pagespecs": [
                    {"page": p, "sides": [expenditure_side], "ytop": 265, "ybot": 570} for p in expenditure
                ],
            },
            {
                "table_type": "fiscal_summary",
                "unit": "万元",
                "pagespecs": [{"page": p, "sides": fiscal_sides, "ytop": 190, "ybot": 570} for p in fiscal],
            },
            {
                "table_type": "general_budget_expenditure",
                "unit": "万元",
                "pagespecs": [
                    {"page": p, "sides": [general_side], "ytop": 190, "ybot": 570} for p in general
                ],
            },
        ],
    }


def _jiangsu_tables_only() -> dict:
    return {
        "file": "jiangsu-province/江苏省委办公厅2018年度部门预算公开表.pdf",
        "checked": CHECKED + "3-6 and 9",
        "county": "江苏省",
        "department": "中共江苏省委办公厅",
        "fiscal_year": 2018,
        "phase": "budget",
        "notes": "Tables-only file (江苏省2018年度省级部门预算公开报表). " + JIANGSU_NOTES,
        "tables": [
            {
                "table_type": "summary",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 3,
                        "sides": [
                            {"label": (60, 250), "cols": [("revenue", 240, 310)], "ytop": 150},
                            {
                                "label": (305, 465),
                                "cols": [("expenditure", 470, 565)],
                                "ytop": 150,
                                "ybot": 515,
                            },
                            {
                                "label": (563, 700),
                                "cols": [("expenditure", 700, 770)],
                                "ytop": 150,
                                "ybot": 515,
                            },
                            {"label": (440, 700), "cols": [("expenditure", 700, 770)], "ytop": 515},
                        ],
                    }
                ],
            },
            {
                "table_type": "revenue",
                "unit": "万元",
                "manual": [
                    (None, "合计", "total", "24,458.43", 4),
                    (None, "合计", "general_budget", "24,458.43", 4),
                ],
            },
            {
                "table_type": "expenditure",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 5,
                        "ytop": 170,
                        "sides": [
                            {
                                "label": (0, 1),
                                "rename": {"": "合计"},
                                "cols": [("total", 270, 340), ("basic", 410, 480), ("project", 550, 620)],
                            }
                        ],
                    }
                ],
            },
            {
                "table_type": "fiscal_summary",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 6,
                        "ytop": 240,
                        "sides": [
                            {"label": (300, 500), "cols": [("revenue", 520, 600)]},
                            {"label": (610, 820), "cols": [("total", 830, 910)]},
                        ],
                    }
                ],
            },
            {
                "table_type": "general_budget_expenditure",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 9,
                        "ytop": 135,
                        "sides": [{"label": (375, 780), "code": [(270, 375)], "cols": [("total", 790, 880)]}],
                    }
                ],
            },
        ],
    }


def _jiangsu_renda_2017() -> dict:
    left, left_amount = (55, 140), ("revenue", 140, 200)
    middle, middle_amount = (200, 300), ("expenditure", 300, 352)
    right, right_amount = (352, 455), ("expenditure", 455, 505)
    gb_side = {"label": (200, 420), "code": [(70, 200)], "cols": [("total", 440, 510)]}
    return {
        "file": "jiangsu-province/江苏省人大办公厅2017年度预算公开.pdf",
        "checked": CHECKED
        + "7-10, 12, 16-17 (wrapped labels joined by row; labels split over pages 7/8 and 8/9 "
        "joined by hand)",
        "county": "江苏省",
        "department": "江苏省人大常委会办公厅",
        "fiscal_year": 2017,
        "phase": "budget",
        "notes": "Same provincial template as the 2018 tables-only file, in narrow portrait with wrapped labels; "
        "社会保障和就业支出 and 当年收入小计 (收支预算总表) have the end of their label on the next page: the "
        "amount's page is given. " + JIANGSU_NOTES,
        "tables": [
            {
                "table_type": "summary",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 7,
                        "ytop": 350,
                        "tol": 16,
                        "sides": [
                            {"label": left, "cols": [left_amount]},
                            {
                                "label": middle,
                                "cols": [middle_amount],
                                "rename": {"社会保障和就": "社会保障和就业支出"},
                            },
                            {"label": right, "cols": [right_amount]},
                        ],
                    },
                    {
                        "page": 8,
                        "tol": 16,
                        "sides": [
                            {"label": left, "cols": [left_amount], "rename": {"当年收入": "当年收入小计"}},
                            {"label": middle, "cols": [middle_amount], "ybot": 720},
                            {"label": (200, 455), "cols": [right_amount], "ytop": 720},
                        ],
                    },
                    {
                        "page": 9,
                        "tol": 16,
                        "ybot": 230,
                        "sides": [
                            {"label": left, "cols": [left_amount]},
                            {"label": (200, 455), "cols": [right_amount]},
                        ],
                    },
                ],
            },
            {
                "table_type": "revenue",
                "unit": "万元",
                "pages": [9, 10],
                "manual": [
                    (None, "合计", "total", "13,649.07", 9),
                    (None, "合计", "general_budget", "13,649.07", 9),
                ],
            },
            {
                "table_type": "expenditure",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 10,
                        "ytop": 660,
                        "sides": [
                            {
                                "label": (0, 1),
                                "rename": {"": "合计"},
                                "cols": [("total", 80, 145), ("basic", 175, 235), ("project", 240, 300)],
                            }
                        ],
                    }
                ],
            },
            {
                "table_type": "fiscal_summary",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 12,
                        "ytop": 330,
                        "ybot": 500,
                        "sides": [
                            {"label": (55, 200), "cols": [("revenue", 200, 270)]},
                            {"label": (300, 480), "cols": [("total", 480, 540)]},
                        ],
                    }
                ],
            },
            {
                "table_type": "general_budget_expenditure",
                "unit": "万元",
                "pagespecs": [
                    {"page": 16, "ytop": 200, "sides": [gb_side]},
                    {"page": 17, "ybot": 300, "sides": [gb_side]},
                ],
            },
        ],
    }


def _hangzhou_qixiang() -> dict:
    return {
        "file": "hangzhou/2026年杭州市气象局部门预算.pdf",
        "checked": CHECKED + "15-19",
        "county": "杭州市",
        "department": "杭州市气象局",
        "fiscal_year": 2026,
        "phase": "budget",
        "notes": "Rows print no classification codes (names only, indented): code is null on every line. "
        "收入预算总表: the 本年收入 小计 column (2) and the five fund columns under 上年结转结余 (13-17) map to no "
        "contract measure and are left out; 上年结转结余 小计 (12) is carryover; rows are 合计, the department and "
        "its two units (the department and its first unit are both printed 杭州市气象局). 支出预算总表 prints "
        "基本支出 only as 人员支出 and 日常公用支出 (no 基本支出 subtotal): neither maps to an expenditure-table "
        "measure, both are left out. 财政拨款收支预算总表 prints one 支出 column (预算数): measure total. Blank "
        "cells are not reported (no line); the '**' and column-number header row is not data.",
        "tables": [
            {
                "table_type": "summary",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 15,
                        "ytop": 115,
                        "ybot": 480,
                        "sides": [
                            {"label": (40, 250), "cols": [("revenue", 250, 300)]},
                            {"label": (300, 500), "cols": [("expenditure", 500, 560)]},
                        ],
                    }
                ],
            },
            {
                "table_type": "revenue",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 16,
                        "ytop": 165,
                        "ybot": 520,
                        "tol": 20,
                        "sides": [
                            {
                                "label": (10, 88),
                                "rename": {
                                    "服务中心(杭州市预警信息": "杭州市气象服务中心(杭州市预警信息发布中心)"
                                },
                                "cols": [
                                    ("total", 85, 135),
                                    ("general_budget", 195, 245),
                                    ("government_fund", 245, 290),
                                    ("state_capital", 290, 332),
                                    ("special_account", 332, 372),
                                    ("business_income", 372, 413),
                                    ("operation_income", 413, 454),
                                    ("superior_subsidy", 454, 495),
                                    ("affiliated_remit", 495, 537),
                                    ("other_income", 537, 578),
                                    ("carryover", 578, 620),
                                ],
                            }
                        ],
                    }
                ],
            },
            {
                "table_type": "expenditure",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 17,
                        "ytop": 148,
                        "ybot": 520,
                        "sides": [
                            {
                                "label": (40, 400),
                                "cols": [
                                    ("total", 400, 455),
                                    ("project", 585, 640),
                                    ("operation_expense", 640, 695),
                                    ("remit_superior", 695, 750),
                                    ("affiliated_subsidy", 750, 800),
                                ],
                            }
                        ],
                    }
                ],
            },
            {
                "table_type": "fiscal_summary",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 18,
                        "ytop": 115,
                        "ybot": 480,
                        "sides": [
                            {"label": (15, 250), "cols": [("revenue", 250, 300)]},
                            {"label": (300, 500), "cols": [("total", 500, 580)]},
                        ],
                    }
                ],
            },
            {
                "table_type": "general_budget_expenditure",
                "unit": "万元",
                "pagespecs": [
                    {
                        "page": 19,
                        "ytop": 148,
                        "ybot": 520,
                        "sides": [
                            {
                                "label": (40, 280),
                                "cols": [
                                    ("total", 280, 330),
                                    ("basic", 335, 390),
                                    ("personnel", 395, 450),
                                    ("public_use", 455, 508),
                                    ("project", 510, 560),
                                ],
                            }
                        ],
                    }
                ],
            },
        ],
    }


def _swu_2023_final() -> dict:
    revenue = {
        "label": (135, 240),
        "code": [(45, 135)],
        "cols": [
            ("total", 235, 305),
            ("fiscal_appropriation", 305, 375),
            ("superior_subsidy", 375, 445),
            ("business_income", 445, 512),
            ("operation_income", 585, 645),
            ("affiliated_remit", 645, 705),
            ("other_income", 705, 780),
        ],
    }
    expenditure = {
        "label": (135, 240),
        "code": [(45, 135)],
        "cols": [
            ("total", 235, 305),
            ("basic", 305, 390),
            ("project", 390, 465),
            ("remit_superior", 465, 560),
            ("operation_expense", 560, 640),
            ("affiliated_subsidy", 640, 780),
        ],
    }
    # The top 合计 row of 表4 shares its line with the 类/款/项 header cells: those are not a code.
    general = {
        "label": (170, 320),
        "code": [(100, 170)],
        "recode": {"类款项": None},
        "cols": [("total", 300, 400), ("basic", 400, 520), ("project", 530, 640)],
    }
    summary = [
        {"label": (90, 350), "cols": [("revenue", 350, 420)]},
        {"label": (420, 680), "cols": [("expenditure", 680, 750)]},
    ]
    return {
        "file": "southwest-university/21_swu_2023_final_accounts__download.jsp.pdf",
        "checked": CHECKED + "8-15",
        "county": "中央",
        "department": "西南大学",
        "fiscal_year": 2023,
        "phase": "final",
        "notes": "A central-government unit (教育部直属): no issuing region is printed: county is 中央, the value docs/conventions.md gives central units. The 高等学校 "
        "final-accounts template prints four tables: 表1 收支决算总表 (summary), 表2 收入决算表 (revenue), 表3 "
        "支出决算表 (expenditure), 表4 高等学校财政拨款支出决算表 (general_budget_expenditure: its rows are the "
        "一般公共预算 appropriation only, the 政府性基金 229 row of 表2 is absent); there is no fiscal_summary "
        "table. 收入决算表: the 事业收入 其中：教育收费 column maps to no contract measure and is left out (事业收入 "
        "金额 -> business_income). 表4: 项目支出 小计 -> project; its 其中：基本建设资金支出 column maps to no "
        "contract measure and is left out; 表4 prints its 合计 row twice, under the 类/款/项 header (page 14) and "
        "at the end (page 15): both are lines. The 栏次 row (1, 2) is not data. Blank cells are not reported (no line).",
        "tables": [
            {
                "table_type": "summary",
                "unit": "万元",
                "pagespecs": [{"page": 8, "ytop": 258, "sides": summary}, {"page": 9, "sides": summary}],
            },
            {
                "table_type": "revenue",
                "unit": "万元",
                "pagespecs": [
                    {"page": 10, "ytop": 265, "sides": [revenue]},
                    {"page": 11, "sides": [revenue]},
                ],
            },
            {
                "table_type": "expenditure",
                "unit": "万元",
                "pagespecs": [
                    {"page": 12, "ytop": 230, "sides": [expenditure]},
                    {"page": 13, "sides": [expenditure]},
                ],
            },
            {
                "table_type": "general_budget_expenditure",
                "unit": "万元",
                "pagespecs": [
                    {"page": 14, "ytop": 260, "sides": [general]},
                    {"page": 15, "sides": [general]},
                ],
            },
        ],
    }


SPECS: dict[str, dict] = {
    "shenzhen--xinfang-2026": _shenzhen(
        "shenzhen/2026年深圳市信访局部门预算.pdf",
        "深圳市信访局",
        [15, 16],
        17,
        [18, 19, 20],
        [24, 25],
        [26, 27],
        "15-20 and 24-27",
    ),
    "shenzhen--shenji-2026": _shenzhen(
        "shenzhen/2026年深圳市审计局部门预算.pdf",
        "深圳市审计局",
        [17, 18],
        20,
        [21, 22, 23],
        [27, 28],
        [29, 30],
        "17-18, 20-23 and 27-30 (page 19 holds only the summary's footnote)",
    ),
    "jiangsu-province--swbgt-2018-tables": _jiangsu_tables_only(),
    "jiangsu-province--renda-2017": _jiangsu_renda_2017(),
    "hangzhou--qixiang-2026": _hangzhou_qixiang(),
    "southwest-university--swu-2023-final": _swu_2023_final(),
}
