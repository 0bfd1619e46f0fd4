"""The demo corpus is varied the way real disclosures are, and its plants are where the truth says."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pypdfium2
import pytest

from extract.amounts import find_unit
from extract.text import squash
from samplegen.render import KANGXI
from tests.samplegen_support import demo_corpus_dir, loaded, page_texts, raw_page_texts


@pytest.fixture(scope="module")
def corpus() -> Path:
    return demo_corpus_dir()


@pytest.fixture(scope="module")
def texts(corpus: Path) -> dict[str, list[str]]:
    return {t["file"]: page_texts(corpus / t["file"]) for t in loaded(corpus)}


def table_pages(truth: dict, table_type: str) -> list[int]:
    return sorted({line["page"] for line in truth["lines"] if line["table_type"] == table_type})


def test_units_codes_and_headers_vary(corpus: Path, texts: dict[str, list[str]]) -> None:
    units, split, merged = set(), set(), set()
    for truth in loaded(corpus):
        pages = texts[truth["file"]]
        first = pages[table_pages(truth, "summary")[0] - 1]
        units.add(find_unit(first))
        gb = pages[table_pages(truth, "general_budget_expenditure")[0] - 1]
        split.add("类款项" in gb)
        merged.add("功能分类科目" in gb)
    assert units == {"万元", "元"}
    assert split == {True, False}
    assert merged == {True, False}


def test_zero_amounts_print_in_some_documents_only(corpus: Path) -> None:
    with_zero = {any(line["amount_yuan"] == "0.00" for line in t["lines"]) for t in loaded(corpus)}
    assert with_zero == {True, False}


def test_long_tables_continue_with_and_without_repeated_header(
    corpus: Path, texts: dict[str, list[str]]
) -> None:
    repeated = set()
    for truth in loaded(corpus):
        for table in ("revenue", "expenditure", "general_budget_expenditure", "basic_expenditure_economic"):
            pages = table_pages(truth, table)
            if len(pages) > 1:
                repeated.add("科目名称" in texts[truth["file"]][pages[1] - 1])
    assert repeated == {True, False}


def test_landscape_pages_and_kangxi_text_layers(corpus: Path) -> None:
    landscape, kangxi = set(), set()
    radicals = set(KANGXI.values())  # the look-alike characters
    for truth in loaded(corpus):
        pdf = pypdfium2.PdfDocument(corpus / truth["file"])
        landscape.add(any(pdf[i].get_width() > pdf[i].get_height() for i in range(len(pdf))))
        pdf.close()
        raw = "".join(raw_page_texts(corpus / truth["file"]))
        kangxi.add(any(c in raw for c in radicals))
    assert landscape == {True, False}
    assert kangxi == {True, False}


def test_wrapped_labels_exist(corpus: Path) -> None:
    """Some row labels are printed over two lines of their cell (joined again by normalisation)."""
    wrapped = set()
    for truth in loaded(corpus):
        raw = raw_page_texts(corpus / truth["file"])
        for line in truth["lines"]:
            item = line["item"] or ""
            printed = [squash(text) for text in raw[line["page"] - 1].splitlines()]
            if len(item) > 8 and not any(item in text for text in printed):
                wrapped.add(item)
    assert "机关事业单位基本养老保险缴费支出" in wrapped


def test_departments_party_hospital_renamed(corpus: Path) -> None:
    docs = loaded(corpus)
    names = {(t["county"], t["department"]) for t in docs}
    assert ("白石县", "中共白石县委组织部") in names
    hospital = [t for t in docs if t["department"] == "青山县人民医院"]
    assert all(
        any(line["measure"] == "business_income" and line["table_type"] == "revenue" for line in t["lines"])
        for t in hospital
    )
    science = {
        t["fiscal_year"]: t
        for t in docs
        if t["file"].startswith("pdfs/白石县/白石县科学技术局/") and t["phase"] == "budget"
    }
    assert science[2023]["department"] == "白石县科学技术局"
    assert science[2024]["department"] == "白石县科学技术和经济信息化局"


def test_empty_fund_tables_and_optional_tables(corpus: Path) -> None:
    fund_lines = defaultdict(set)
    optional, targets = set(), set()
    for truth in loaded(corpus):
        fund_lines[truth["department"]].add(bool(table_pages(truth, "government_fund_expenditure")))
        capital = bool(table_pages(truth, "state_capital_expenditure"))
        assert capital == (truth["department"] == f"{truth['county']}财政局"), truth["file"]
        if truth["phase"] == "budget":
            optional.add(
                ("project_expenditure" in truth["tables_present"], "procurement" in truth["tables_present"])
            )
            targets.add(bool(truth["targets"]) or truth["county"] == "通城县")
        else:
            assert truth["targets"] == []
    assert fund_lines["白石县住房和城乡建设局"] == {True}
    assert fund_lines["白石县教育局"] == {False}
    assert {p for p, _ in optional} == {True, False}
    assert {q for _, q in optional} == {True, False}
    assert targets == {True}


def test_title_wording_and_table_order_vary(corpus: Path) -> None:
    docs = loaded(corpus)
    assert {t["title"].endswith("年度部门预算") for t in docs if t["phase"] == "budget"} == {True, False}
    assert {t["title"].endswith("年度部门决算") for t in docs if t["phase"] == "final"} == {True, False}
    assert {t["tables_present"].index("three_public") for t in docs} >= {6, 8}


def test_planted_findings_are_where_the_corpus_says(corpus: Path) -> None:
    planted = {(t["file"], f["check"], f["metric"]) for t in loaded(corpus) for f in t["expected_findings"]}
    assert {(file, check) for file, check, _ in planted} >= {
        ("pdfs/白石县/白石县财政局/2024-final.pdf", "summary_balance"),
        ("pdfs/白石县/中共白石县委组织部/2024-budget.pdf", "narrative_percentage"),
        ("pdfs/青山县/青山县教育局/2024-budget.pdf", "prior_year_change"),
        ("pdfs/青山县/青山县住房和城乡建设局/2023-budget.pdf", "narrative_vs_table"),
        ("pdfs/通城县/通城县科学技术和经济信息化局/2024-budget.pdf", "narrative_vs_projects"),
        ("pdfs/白石县/白石县科学技术局/2023-budget.pdf", "toc_table_missing"),
    }
    hospital = {(file, check) for file, check, _ in planted if "人民医院" in file}
    assert len({file for file, _, _ in planted} - {file for file, _ in hospital}) == 6
    assert {check for _, check in hospital} == {"narrative_parts"} and len(hospital) == 12


def test_hospital_warning_is_what_the_other_spending_adds(corpus: Path) -> None:
    """基本 + 项目 falls short of the stated total by 上缴上级 + 对附属单位补助 (the expenditure 合计 row)."""
    for truth in loaded(corpus):
        if "人民医院" not in truth["file"]:
            continue
        (warning,) = truth["expected_findings"]
        other = sum(
            Decimal(x["amount_yuan"])
            for x in truth["lines"]
            if x["table_type"] == "expenditure"
            and x["item"] == "合计"
            and x["measure"] in ("remit_superior", "affiliated_subsidy")
        )
        assert Decimal(warning["actual_yuan"]) - Decimal(warning["expected_yuan"]) == other > 0
