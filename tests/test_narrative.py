"""Narrative metrics: patterns written from the seed, checked on the real Putuo 决算 text (not used
to write them), on the 决算 template (placeholders must not become numbers) and on paraphrases."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from extract.narrative import extract_narrative, is_money_metric
from tests.samplegen_support import raw_page_texts
from tests.shared_inputs import SEED_TEXT

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SEED_TEXT  # the committed copy of ../shared/seeds (tests/test_seed_copy.py keeps them equal)
REAL = SHARED / "real-pdfs"


def seed_pages() -> list[str]:
    """The seed text split at its page breaks (runs of 3+ newlines)."""
    return re.split(r"\n{3,}", SEED.read_text(encoding="utf-8"))


def pdf_pages(name: str) -> list[str]:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"real PDF missing: {path}")
    return raw_page_texts(path)


def values(metrics) -> dict[str, str]:
    return {m.metric: str(m.amount_yuan) for m in metrics}


def test_seed_budget_metrics() -> None:
    got = values(extract_narrative(seed_pages()))
    expected = {
        "revenue_total": "17933300.00",
        "revenue_change": "397800.00",
        "change_pct:revenue_total": "2.27",
        "expenditure_total": "17933300.00",
        "expenditure_change": "397800.00",
        "basic_expenditure": "6069300.00",
        "project_expenditure": "11864000.00",
        "operating_cost": "437600.00",
        "operating_cost_item:办公费": "15400.00",
        "operating_cost_item:电费": "14000.00",
        "operating_cost_item:维修(护)费": "2800.00",
        "operating_cost_item:公务接待费": "6700.00",
        "operating_cost_item:其他商品和服务支出": "127700.00",
        "share_pct:operating_cost:expenditure_total": "13.19",
        "operating_cost_change": "-1876200.00",
        "change_pct:operating_cost": "-81.09",
        "three_public_total": "6700.00",
        "share_pct:three_public_total:expenditure_total": "0.04",
        "three_public_change": "-82000.00",
        "outbound": "0.00",
        "vehicle_total": "0.00",
        "vehicle_operation": "0.00",
        "vehicle_purchase": "0.00",
        "reception": "6700.00",
        "procurement_total": "0.00",
        "procurement_goods": "562000.00",
        "procurement_services": "0.00",
        "count:vehicles_total": "0.00",
        "count:vehicles:一般公务用车": "0.00",
        "count:vehicles:机要通信用车": "0.00",
    }
    assert {k: got.get(k) for k in expected} == expected
    items = [k for k in got if k.startswith("operating_cost_item:")]
    assert len(items) == 14
    assert "procurement_works" not in got  # the seed states no 工程 figure
    assert sum(Decimal(got[k]) for k in items) == Decimal("437600.00")


def test_seed_pages_point_at_the_printed_page() -> None:
    pages = seed_pages()
    for metric in extract_narrative(pages):
        if is_money_metric(metric.metric):
            number = f"{abs(metric.amount_yuan) / 10000:f}".rstrip("0").rstrip(".")
            assert number in re.sub(r"\s", "", pages[metric.page - 1]) or metric.amount_yuan == 0, metric


def test_putuo_final_accounts_metrics() -> None:
    metrics = extract_narrative(pdf_pages("putuo-shehui-gongzuobu-2024-final.pdf"))
    money = {m.metric: (str(m.amount_yuan), m.page) for m in metrics if not m.metric.startswith("count:")}
    assert money == {
        "revenue_total": ("3078200.00", 17),
        "expenditure_total": ("3078200.00", 17),
        "revenue_change": ("3078200.00", 17),
        "expenditure_change": ("3078200.00", 17),
        "change_pct:revenue_total": ("100.00", 17),
        "change_pct:expenditure_total": ("100.00", 17),
        "revenue_current_year": ("3078200.00", 17),
        "expenditure_current_year": ("3078200.00", 17),
        "basic_expenditure": ("1055800.00", 17),
        "project_expenditure": ("2022400.00", 17),
        "share_pct:basic_expenditure:expenditure_current_year": ("34.30", 17),
        "share_pct:project_expenditure:expenditure_current_year": ("65.70", 17),
        "personnel_expenditure": ("953600.00", 20),
        "public_use_expenditure": ("102300.00", 20),
        "three_public_total": ("0.00", 20),
        "operating_cost": ("102300.00", 21),
        "operating_cost_change": ("102300.00", 21),
        "change_pct:operating_cost": ("100.00", 21),
        "procurement_total": ("210700.00", 22),
        "procurement_goods": ("210700.00", 22),
        "procurement_works": ("0.00", 22),
        "procurement_services": ("0.00", 22),
    }
    counts = [m.metric for m in metrics if m.metric.startswith("count:")]
    assert counts[:2] == ["count:vehicles_total", "count:vehicles:部级领导干部用车"]
    assert len(counts) == 9


def test_template_placeholders_give_no_figures() -> None:
    assert extract_narrative(pdf_pages("template-department-final-2024.pdf")) == []


PARAPHRASES = [
    (
        "白石县教育局2025年部门收入预算总计为2,345.60万元，较上年减少12.5万元，下降0.53%。",
        {"revenue_total": "23456000.00", "revenue_change": "-125000.00", "change_pct:revenue_total": "-0.53"},
    ),
    (
        "本部门支出预算合计880万元，同比增长5.00%，其中：基本支出为600.5万元，项目支出预算279.5万元。",
        {
            "expenditure_total": "8800000.00",
            "basic_expenditure": "6005000.00",
            "project_expenditure": "2795000.00",
        },
    ),
    (
        "2025年机关运行经费为12.34万元，比上年持平。",
        {"operating_cost": "123400.00", "operating_cost_change": "0.00"},
    ),
    (
        "三公经费财政拨款预算1.5万元，占预算总额的0.17%，其中：因公出国（境）经费0万元，"
        "公务用车购置及运行维护费1.2万元，公务接待费0.3万元。",
        {
            "three_public_total": "15000.00",
            "share_pct:three_public_total:expenditure_total": "0.17",
            "outbound": "0.00",
            "vehicle_total": "12000.00",
            "reception": "3000.00",
        },
    ),
    (
        "“三公”经费财政拨款支出年初预算为5.00万元，支出决算为4.00万元，完成预算的80.00%。",
        {"three_public_total_budget": "50000.00", "three_public_total": "40000.00"},
    ),
    (
        "政府采购预算总额 35 万元，其中：货物类 20 万元、工程类 0 万元、服务类 15 万元。",
        {
            "procurement_total": "350000.00",
            "procurement_goods": "200000.00",
            "procurement_works": "0.00",
            "procurement_services": "150000.00",
        },
    ),
    (
        "白石县财政局2023年度本年收入合计1,000.5万元，较2022年减少20万元，下降1.96%，其中：财政拨款收入1000.5万元。",
        {
            "revenue_current_year": "10005000.00",
            "revenue_total": "10005000.00",
            "revenue_current_year_change": "-200000.00",
            "revenue_change": "-200000.00",
            "change_pct:revenue_current_year": "-1.96",
            "change_pct:revenue_total": "-1.96",
        },
    ),
    (
        "本部门2025年政府采购预算总额为 50 万元，其中：政府采购货物预算 20 万元、政府采购工程预算 10 万元、"
        "政府采购服务预算 20 万元。政府购买服务预算 8 万元。",
        {
            "procurement_total": "500000.00",
            "procurement_goods": "200000.00",
            "procurement_works": "100000.00",
            "procurement_services": "200000.00",
        },
    ),
    (
        # Shenzhen 2026 (水务局 p40, 财政局 p8-9): a project list's 信息化服务类项目 and a named
        # 政府采购业务费 come before the procurement sentence and are neither its total nor its parts.
        "5.信息化服务类项目（运维服务部分）152.95万元；市本级政府采购业务费3600.00万元。"
        "纳入2026年部门预算的政府采购项目共有62,615.54万元，其中：货物类项目1,936.78万元、"
        "工程类项目1,213.76万元、服务类项目59,465.00万元。",
        {
            "procurement_total": "626155400.00",
            "procurement_goods": "19367800.00",
            "procurement_works": "12137600.00",
            "procurement_services": "594650000.00",
        },
    ),
    (
        # Shanghai 2026 工业和信息化局 (上海水产老干部活动室, p6): 人员经费/公用经费 stated inside one
        # functional class's sentence are that class's split, not the unit's.
        "1.“社会保障和就业支出”科目4万元，主要用于退休人员费用支出 2.“农林水支出”科目83万元，"
        "主要用于人员经费18万元、公用经费58万元、项目支出7万元。",
        {},
    ),
    (
        # Jiangsu 2017 人大办公厅 p23: the verb before the label makes 844.15 a change of 基本支出.
        "因提租补贴调整等原因，增加基本支出 844.15 万元。",
        {},
    ),
    (
        # Jiangsu 2017 政协办公厅 p19: the parts follow in a sentence of their own, 政府采购 after 货物类.
        "2017 年度部门政府采购预算总金额为 1,271.22 万元。其中，货物类政府采购支出预算 259.32 万元,"
        "占 20.40%；服务类政府采购支出预算 1,011.90 万元,占 79.60%；工程类政府采购支出预算 0 万元。",
        {
            "procurement_total": "12712200.00",
            "procurement_goods": "2593200.00",
            "procurement_services": "10119000.00",
            "procurement_works": "0.00",
        },
    ),
    (
        "白石县教育局部门收支总预算 1234.56 万元。财政拨款收支总预算 1000 万元。",
        {"revenue_total": "12345600.00", "expenditure_total": "12345600.00"},
    ),
    (
        "2025年“三公”经费财政拨款预算数为12.5万元，比2024年预算减少1.2万元，主要原因是压减。",
        {"three_public_total": "125000.00", "three_public_change": "-12000.00"},
    ),
    (
        "“三公”经费预算3万元，占财政拨款总额的0.5%；机关运行经费预算10万元，占预算总额的1.00%。",
        {
            "three_public_total": "30000.00",
            "operating_cost": "100000.00",
            "share_pct:operating_cost:expenditure_total": "1.00",
        },
    ),
    (
        "截至2024年12月31日，本单位共有车辆3辆，其中：一般公务用车2辆、执法执勤用车1辆。",
        {
            "count:vehicles_total": "3.00",
            "count:vehicles:一般公务用车": "2.00",
            "count:vehicles:执法执勤用车": "1.00",
        },
    ),
]


def wrap(sentence: str, width: int) -> list[str]:
    """Lines of about ``width`` characters, like a PDF's layout (which never breaks inside a number)."""
    lines, start = [], 0
    while start < len(sentence):
        end = min(start + width, len(sentence))
        while (
            0 < end < len(sentence)
            and sentence[end - 1] in "0123456789.,"
            and sentence[end] in "0123456789.,"
        ):
            end += 1
        lines.append(sentence[start:end])
        start = end
    return lines


@pytest.mark.parametrize(("sentence", "expected"), PARAPHRASES)
def test_paraphrases(sentence: str, expected: dict[str, str]) -> None:
    lines = wrap(sentence, 20)
    half = len(lines) // 2
    got = values(extract_narrative(["\n".join(lines[:half]), "\n".join(lines[half:])]))
    assert got == expected
