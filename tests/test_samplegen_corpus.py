"""The demo corpus: valid truth, PDFs whose text layer holds what the truth says, determinism."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extract.model import TABLE_TYPES
from samplegen.truth import validation_errors
from tests.samplegen_support import demo_corpus_dir, load_truths, loaded, page_texts, printed_forms

NINE = set(TABLE_TYPES[:9])  # the nine tables every budget and final account has


@pytest.fixture(scope="module")
def corpus() -> Path:
    return demo_corpus_dir()


def test_demo_corpus_has_every_document(corpus: Path) -> None:
    docs = [t for t in loaded(corpus) if t["county"] != "通城县"]
    keys = {(t["county"], t["file"].split("/")[2], t["fiscal_year"], t["phase"]) for t in docs}
    assert len(docs) == 72
    assert len(keys) == 72
    assert {t["county"] for t in docs} == {"白石县", "青山县"}
    assert {t["fiscal_year"] for t in docs} == {2022, 2023, 2024}
    assert {t["phase"] for t in docs} == {"budget", "final"}


def test_every_truth_file_validates(corpus: Path) -> None:
    truths = load_truths(corpus)
    assert len(truths) == 72 + 1 + 8
    assert {t["file"]: validation_errors(t) for t in truths if validation_errors(t)} == {}


def test_every_pdf_opens_and_shows_its_title(corpus: Path) -> None:
    for truth in loaded(corpus):
        texts = page_texts(corpus / truth["file"])
        assert len(texts) == truth["pages"], truth["file"]
        assert truth["title"] in "".join(texts[:2]), truth["file"]


def test_every_truth_line_is_printed_on_its_page(corpus: Path) -> None:
    missing, checked = [], 0
    for truth in loaded(corpus):
        texts = page_texts(corpus / truth["file"])
        for line in truth["lines"]:
            checked += 1
            if not any(form in texts[line["page"] - 1] for form in printed_forms(line["amount_yuan"])):
                missing.append((truth["file"], line))
    assert checked > 15000
    assert missing == []


def test_every_narrative_figure_and_target_is_on_its_page(corpus: Path) -> None:
    missing = []
    for truth in loaded(corpus):
        texts = page_texts(corpus / truth["file"])
        for figure in truth["narrative"]:
            value = abs(Decimal(figure["amount_yuan"]))
            forms = {f"{v.normalize():f}" for v in (value, value / 10000)}
            if not any(form in texts[figure["page"] - 1] for form in forms):
                missing.append((truth["file"], figure))
        for t in truth["targets"]:
            page = texts[t["page"] - 1]
            # the seed prints its targets as text lines: a row may start on the page before its value
            before = texts[t["page"] - 2] if truth["county"] == "通城县" else ""
            if (t["level3"] or "") not in before + page or t["target_text"] not in page:
                missing.append((truth["file"], t))
    assert missing == []


def test_all_nine_tables_in_both_phases(corpus: Path) -> None:
    for truth in loaded(corpus):
        assert set(truth["tables_present"]) >= NINE, truth["file"]
        assert set(truth["tables_present"]) - NINE <= {"project_expenditure", "procurement"}, truth["file"]
