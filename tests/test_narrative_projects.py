"""The project list printed outside a table (项目名称 / 项目类型 / 总预算 / 本年度预算)."""

from __future__ import annotations

import re
from decimal import Decimal

from extract.model import ProjectEntry
from extract.narrative import extract_narrative, extract_projects
from tests.shared_inputs import SEED_TEXT

SEED = SEED_TEXT  # the committed copy of ../shared/seeds (tests/test_seed_copy.py keeps them equal)


def test_seed_project_list() -> None:
    pages = re.split(r"\n{3,}", SEED.read_text(encoding="utf-8"))
    assert extract_projects(pages) == [
        ProjectEntry("中小企业服务经费", "常年性项目", Decimal("2000000.00"), Decimal("2000000.00"), 9),
        ProjectEntry("企业家体检经费", "常年性项目", Decimal("134000.00"), Decimal("134000.00"), 9),
        ProjectEntry("国有企业信访维稳工作经费", "常年性项目", Decimal("70000.00"), Decimal("70000.00"), 9),
        ProjectEntry("创建创新型县市工作经费", "常年性项目", Decimal("350000.00"), Decimal("350000.00"), 9),
    ]


def test_a_list_in_yuan_with_wrapped_names_and_other_types() -> None:
    page = (
        "单位：元\n项目支出情况\n项目名称 项目类型 项目总预算 项目本年度预算 主要用途\n"
        "1、农村义务教育学生营养改善 一次性项目 1,200 800.5 保障学生\n"
        "计划\n营养\n2.教师培训经费 延续性项目 300000 300000 培训\n整体绩效目标"
    )
    assert extract_projects(["封面", page]) == [
        ProjectEntry("农村义务教育学生营养改善", "一次性项目", Decimal("1200.00"), Decimal("800.50"), 2),
        ProjectEntry("教师培训经费", "延续性项目", Decimal("300000.00"), Decimal("300000.00"), 2),
    ]


def test_no_list_and_odd_input_give_nothing() -> None:
    assert extract_projects([]) == [] and extract_narrative([]) == []
    assert extract_projects(["项目名称 项目类型\n没有金额"]) == []
    assert extract_narrative(["", "\x00\n\n", "收入预算总额XX万元"]) == []
