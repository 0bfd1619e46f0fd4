"""The demo corpus: valid truth, PDFs whose text layer holds what the truth says, determinism."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pypdfium2
import pytest

from extract.text import squash
from samplegen.corpus import write_corpus
from samplegen.truth import validation_errors


@pytest.fixture(scope="session")
def demo_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("demo")
    write_corpus(outdir, size="demo", seed=2024)
    return outdir


def load_truths(outdir: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((outdir / "truth").glob("*.json"))]


def page_texts(path: Path) -> list[str]:
    pdf = pypdfium2.PdfDocument(path)
    try:
        return [squash(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    finally:
        pdf.close()


def printed_forms(amount_yuan: str) -> set[str]:
    """How an amount can be printed: in 万元 or 元, with or without thousands separators."""
    yuan = Decimal(amount_yuan)
    forms = set()
    for value in (yuan, yuan / 10000):
        if value == value.quantize(Decimal("0.01")):
            forms |= {f"{value:.2f}", f"{value:,.2f}"}
    return forms


def test_demo_corpus_has_every_document(demo_corpus: Path) -> None:
    loaded = [t for t in load_truths(demo_corpus) if t["expected_status"] == "loaded"]
    keys = {(t["county"], t["file"].split("/")[2].removeprefix(t["county"]), t["fiscal_year"], t["phase"])
            for t in loaded}
    assert len(loaded) >= 72
    assert {t["county"] for t in loaded} >= {"白石县", "青山县"}
    assert {t["fiscal_year"] for t in loaded} == {2022, 2023, 2024}
    assert {t["phase"] for t in loaded} == {"budget", "final"}
    assert len(keys) == len(loaded)


def test_every_truth_file_validates(demo_corpus: Path) -> None:
    truths = load_truths(demo_corpus)
    assert truths
    assert {t["file"]: validation_errors(t) for t in truths if validation_errors(t)} == {}


def test_every_pdf_opens_and_shows_its_title(demo_corpus: Path) -> None:
    for truth in load_truths(demo_corpus):
        if truth["expected_status"] != "loaded":
            continue
        texts = page_texts(demo_corpus / truth["file"])
        assert len(texts) == truth["pages"], truth["file"]
        assert truth["title"] in "".join(texts[:2]), truth["file"]


def test_every_truth_line_is_printed_on_its_page(demo_corpus: Path) -> None:
    missing = []
    checked = 0
    for truth in load_truths(demo_corpus):
        if truth["expected_status"] != "loaded":
            continue
        texts = page_texts(demo_corpus / truth["file"])
        for line in truth["lines"]:
            checked += 1
            if not any(form in texts[line["page"] - 1] for form in printed_forms(line["amount_yuan"])):
                missing.append((truth["file"], line))
    assert checked > 10000
    assert missing == []


def test_all_nine_tables_in_both_phases(demo_corpus: Path) -> None:
    nine = {"summary", "revenue", "expenditure", "fiscal_summary", "general_budget_expenditure",
            "basic_expenditure_economic", "three_public", "government_fund_expenditure", "state_capital_expenditure"}
    for truth in load_truths(demo_corpus):
        if truth["expected_status"] == "loaded":
            assert nine <= set(truth["tables_present"]), truth["file"]


def test_same_seed_same_corpus(demo_corpus: Path, tmp_path: Path) -> None:
    write_corpus(tmp_path, size="demo", seed=2024)
    first = {p.name: p.read_bytes() for p in (demo_corpus / "truth").glob("*.json")}
    second = {p.name: p.read_bytes() for p in (tmp_path / "truth").glob("*.json")}
    assert first == second
