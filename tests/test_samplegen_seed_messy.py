"""The seed department's rebuilt budget, and the messy inputs with their expected quarantine reasons."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pypdfium2
import pytest

from extract.text import squash
from plumbing.inventory import discover_pdfs
from tests.samplegen_support import demo_corpus_dir, load_truths, page_texts, truth_of

SEED = "pdfs/通城县/通城县科学技术和经济信息化局/2024-budget.pdf"


@pytest.fixture(scope="module")
def corpus() -> Path:
    return demo_corpus_dir()


@pytest.fixture(scope="module")
def seed(corpus: Path) -> dict:
    return truth_of(corpus, SEED)


def cell(truth: dict, table: str, item: str | None, measure: str) -> list[str]:
    return [
        line["amount_yuan"]
        for line in truth["lines"]
        if (line["table_type"], line["item"], line["measure"]) == (table, item, measure)
    ]


def test_seed_identity_and_narrative(seed: dict) -> None:
    assert (seed["county"], seed["department"], seed["fiscal_year"], seed["phase"]) == (
        "通城县",
        "通城县科学技术和经济信息化局",
        2024,
        "budget",
    )
    assert seed["title"] == "通城县科学技术和经济信息化局2024年部门预算"
    stated = {m["metric"]: m["amount_yuan"] for m in seed["narrative"]}
    assert stated == {
        "revenue_total": "17933300.00",
        "revenue_change": "397800.00",
        "expenditure_total": "17933300.00",
        "basic_expenditure": "6069300.00",
        "project_expenditure": "11864000.00",
        "operating_cost": "437600.00",
        "three_public_total": "6700.00",
        "outbound": "0.00",
        "vehicle_operation": "0.00",
        "vehicle_purchase": "0.00",
        "reception": "6700.00",
        "procurement_total": "0.00",
        "procurement_goods": "562000.00",
        "procurement_services": "0.00",
    }


def test_seed_text_is_the_real_narrative(corpus: Path, seed: dict) -> None:
    text = "".join(page_texts(corpus / SEED))
    assert (
        squash("通城县科学技术和经济信息化局 2024 年收入预算总额 1793.33 万元，比上年增加 39.78 万元") in text
    )
    assert squash("共占预算总额的 13.19%") in text
    assert squash("本级项目支出共 255.4 万元") in text


def test_seed_tables_carry_the_self_consistent_figures(seed: dict) -> None:
    assert cell(seed, "summary", "总计", "revenue") == ["17933300.00"]
    assert cell(seed, "expenditure", "合计", "basic") == ["6069300.00"]
    assert cell(seed, "expenditure", "合计", "project") == ["11864000.00"]
    assert cell(seed, "basic_expenditure_economic", "商品和服务支出", "public_use") == ["437600.00"]
    items = [
        line
        for line in seed["lines"]
        if line["table_type"] == "basic_expenditure_economic"
        and line["code"]
        and line["code"].startswith("302")
        and len(line["code"]) == 5
        and line["measure"] == "total"
    ]
    assert len(items) == 14
    assert sum(int(line["amount_yuan"].replace(".", "")) for line in items) == 43760000
    assert cell(seed, "three_public", None, "total") == ["6700.00"]
    assert cell(seed, "three_public", None, "reception") == ["6700.00"]


def test_seed_keeps_its_three_contradictions(seed: dict) -> None:
    assert seed["expected_findings"] == [
        {
            "check": "narrative_vs_projects",
            "metric": "project_expenditure",
            "table_type": None,
            "expected_yuan": "2554000.00",
            "actual_yuan": "11864000.00",
        },
        {
            "check": "narrative_percentage",
            "metric": "operating_cost",
            "table_type": None,
            "expected_yuan": "437600.00",
            "actual_yuan": "2365402.27",
        },
        {
            "check": "narrative_parts",
            "metric": "procurement_total",
            "table_type": None,
            "expected_yuan": "562000.00",
            "actual_yuan": "0.00",
        },
    ]


def test_messy_files_and_their_reasons(corpus: Path) -> None:
    messy = {
        t["file"]: t["reason_class"] for t in load_truths(corpus) if t["expected_status"] == "quarantined"
    }
    duplicate = next(f for f, r in messy.items() if r == "duplicate")
    assert messy == {
        "pdfs/_messy/扫描件-预算公开.pdf": "no_tables",  # read by OCR: a cover and a 目录
        "pdfs/_messy/扫描件-会议通知.pdf": "not_budget",  # read by OCR: no budget title
        "pdfs/_messy/会议通知.pdf": "not_budget",
        "pdfs/_messy/下载中断.pdf": "corrupt",
        "pdfs/_messy/加密文件.pdf": "encrypted",
        "pdfs/_messy/空文件.pdf": "not_pdf",
        "pdfs/_messy/网页.pdf": "not_pdf",
        duplicate: "duplicate",
    }
    assert (corpus / "pdfs/_messy/空文件.pdf").stat().st_size == 0
    assert not (corpus / "pdfs/_messy/网页.pdf").read_bytes().startswith(b"%PDF")
    truncated = (corpus / "pdfs/_messy/下载中断.pdf").read_bytes()
    assert truncated.startswith(b"%PDF") and b"%%EOF" not in truncated[-1024:]
    assert pypdf.PdfReader(corpus / "pdfs/_messy/加密文件.pdf").is_encrypted
    for name, pages in (("扫描件-预算公开.pdf", 2), ("扫描件-会议通知.pdf", 1)):
        scan = pypdfium2.PdfDocument(corpus / "pdfs/_messy" / name)
        assert len(scan) == pages and all(scan[i].get_textpage().count_chars() == 0 for i in range(pages))
        scan.close()
    assert "通知" in page_texts(corpus / "pdfs/_messy/会议通知.pdf")[0]


def test_duplicate_is_a_byte_copy_that_sorts_after_its_original(corpus: Path) -> None:
    duplicate = next(t for t in load_truths(corpus) if t["reason_class"] == "duplicate")
    original = duplicate["file"].replace("（副本）", "")
    assert (corpus / duplicate["file"]).read_bytes() == (corpus / original).read_bytes()
    assert truth_of(corpus, original)["sha256"] == duplicate["sha256"]
    order = [p.relative_to(corpus.absolute()).as_posix() for p in discover_pdfs([corpus / "pdfs"])]
    assert order.index(original) < order.index(duplicate["file"])
