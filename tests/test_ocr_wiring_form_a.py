"""Form (a) end to end: the seed department with every table a 96–150 dpi screenshot is read by OCR
exactly as its text twin, and its three real contradictions are found from the OCR'd tables."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from checks import names
from checks.document import check_document
from checks.ocr_proof import describe, ocr_proof
from extract.document import extract_document
from samplegen.form_a import FORM_A
from samplegen.screenshots import write_screenshot_document
from samplegen.seed_document import write_seed_document
from samplegen.truth import truth_name

TEXT_TRUTH = Path(__file__).parent / "fixtures" / "samples" / "truth"
SEED = "pdfs/通城县/通城县科学技术和经济信息化局/2024-budget.pdf"
TABLE_PAGES = [29, 30, 31, 32, 33, 34, 35, 36, 37]


@pytest.fixture(scope="module")
def seed_form_a(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp(FORM_A)
    truth = write_seed_document(root, write_screenshot_document)
    return root / truth["file"], truth


@pytest.fixture(scope="module")
def extracted(seed_form_a: tuple[Path, dict]):
    return extract_document(seed_form_a[0])


def _key(line: dict) -> tuple:
    return (
        line["table_type"],
        line["code"],
        line["item"],
        line["measure"],
        line["amount_yuan"],
        line["page"],
    )


def test_form_a_has_the_text_twins_truth_and_no_amount_in_its_text_layer(seed_form_a) -> None:
    path, truth = seed_form_a
    twin = json.loads((TEXT_TRUTH / truth_name(SEED)).read_text(encoding="utf-8"))
    assert {k: v for k, v in truth.items() if k != "sha256"} == {
        k: v for k, v in twin.items() if k != "sha256"
    }
    pdf = pdfium.PdfDocument(str(path))
    try:
        for number in TABLE_PAGES:
            page = pdf[number - 1]
            text = page.get_textpage().get_text_range()
            images = [obj for obj in page.get_objects() if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
            assert len(images) == 1 and "单位" in text
            assert not any(line["amount_yuan"] in text for line in truth["lines"] if line["page"] == number)
    finally:
        pdf.close()


def test_every_amount_is_read_exactly_from_the_images(extracted, seed_form_a) -> None:
    truth = seed_form_a[1]
    want = Counter(_key(line) for line in truth["lines"])
    got = Counter(
        (x.table_type, x.code, x.item, x.measure, f"{x.amount_yuan:.2f}", x.page) for x in extracted.lines
    )
    assert (sum(want.values()), sum(got.values()), sum((want & got).values())) == (226, 226, 226)
    assert extracted.ocr_pages == TABLE_PAGES
    assert {line.source for line in extracted.lines} == {"ocr"}
    assert all(0 < line.confidence <= 1 for line in extracted.lines)
    proof = ocr_proof(extracted)
    # every amount is right; one is in no identity the verifier knows (财政拨款收支总表's revenue
    # items are not summed by it), so it is flagged, not trusted
    assert (proof.amounts, proof.proved) == (226, 225)
    assert [describe(line) for line in proof.unproved] == [
        "page 32 一般公共预算拨款 / revenue = 17933300.00, confidence 1.00"
    ]


def test_the_three_contradictions_are_found_from_the_ocr_tables(extracted, seed_form_a) -> None:
    findings = check_document(extracted)
    expected = {
        (f["check"], f["expected_yuan"], f["actual_yuan"]) for f in seed_form_a[1]["expected_findings"]
    }
    found = {
        (f.check, f"{f.expected_yuan:.2f}", f"{f.actual_yuan:.2f}")
        for f in findings
        if f.expected_yuan is not None
    }
    assert expected <= found
    assert sorted((f.check, f.severity) for f in findings) == [
        (names.NARRATIVE_PARTS, "error"),
        (names.NARRATIVE_PERCENTAGE, "error"),
        (names.NARRATIVE_VS_PROJECTS, "warn"),
        (names.OCR_UNPROVED, "warn"),
    ]
