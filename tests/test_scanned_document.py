"""A scanned document (form b) through ``extract_document``: with no text layer every page is read
by OCR (``extract/scanned.py``), its lines feed identity, routing and the narrative, its grids the
tables; scored exactly against the generator's truth (committed fixture, 5 pages), and each page
under its OCR time budget."""

from __future__ import annotations

import json
import time
from decimal import Decimal

import pypdfium2 as pdfium
import pytest

import extract.scanned as scanned_module
from bench.ocr_scan import Tally, read_scanned_document, report, score_document
from extract.document import extract_document
from extract.layout import lines_text
from extract.model import ExtractedDocument, QuarantineError, ReasonClass
from extract.ocr.page import ScannedPage
from extract.routing import route_pages
from extract.settings import ExtractSettings
from samplegen.scan import FIXTURE_DIR, FIXTURE_FILE
from samplegen.truth import truth_name

PDF = FIXTURE_DIR / FIXTURE_FILE
TRUTH = json.loads((FIXTURE_DIR / "truth" / truth_name(FIXTURE_FILE)).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scanned() -> tuple[ExtractedDocument, dict[int, ScannedPage]]:
    return read_scanned_document(PDF)  # extract_document, with each page OCR read observed


def test_every_amount_exact(scanned: tuple[ExtractedDocument, dict[int, ScannedPage]]) -> None:
    doc, _ = scanned
    tally = Tally()
    score_document(doc, TRUTH, tally, "fixture")
    result = report(tally)
    assert result["tables"] == {
        "fiscal_summary": {"truth": 84, "exact": 84, "share": 1.0, "wrong": 0, "silent_wrong": 0, "extra": 0},
        "summary": {"truth": 34, "exact": 34, "share": 1.0, "wrong": 0, "silent_wrong": 0, "extra": 0},
    }
    assert result["narrative"] == {"exact": 15, "truth": 15}
    assert tally.problems == []


def test_the_document_is_read_from_ocr(scanned: tuple[ExtractedDocument, dict[int, ScannedPage]]) -> None:
    doc, _ = scanned
    assert (doc.pages, doc.ocr_pages, len(doc.lines)) == (5, [1, 2, 3, 4, 5], 118)
    assert {line.source for line in doc.lines} == {"ocr"}
    assert all(0.8 <= line.confidence <= 1.0 for line in doc.lines)  # the engine is sure of every cell
    assert [(t.table_type, t.pages, t.unit, t.rows, t.errors) for t in doc.tables] == [
        ("summary", [3], "元", 34, []),
        ("fiscal_summary", [4, 5], "元", 84, []),
    ]
    total = next(line for line in doc.lines if line.table_type == "summary" and line.item == "总计")
    assert total.amount_yuan == Decimal("3484258.00")


def test_identity_and_routing_from_ocr_lines(
    scanned: tuple[ExtractedDocument, dict[int, ScannedPage]],
) -> None:
    doc, pages = scanned
    identity = doc.identity
    assert (identity.county, identity.department, identity.fiscal_year, identity.phase) == (
        "白石县",
        "中共白石县委组织部",
        2024,
        "budget",
    )
    texts = [lines_text(pages[n].lines) for n in sorted(pages)]
    routes = route_pages(texts, 8, [[line.y1 for line in pages[n].lines] for n in sorted(pages)])
    assert [(r.page, [kind for kind, _ in r.titles], r.continues, r.unit) for r in routes] == [
        (3, ["summary"], False, "元"),
        (4, ["fiscal_summary"], False, "元"),
        (5, [], True, None),  # a continuation page's unit is its table's (stitch carries it)
    ]


def test_lines_and_grids_in_pdf_points(scanned: tuple[ExtractedDocument, dict[int, ScannedPage]]) -> None:
    _, read = scanned
    pages = [read[n] for n in sorted(read)]
    summary = pages[2]  # the page with the red seal over its table
    assert [len(page.grids) for page in pages] == [0, 0, 1, 1, 1]
    assert [len(page.lines) for page in pages] == [len(page.confidence) for page in pages]
    document = pdfium.PdfDocument(str(PDF))
    sizes = [page.get_size() for page in document]  # pages 4-5 are landscape
    document.close()
    assert all(
        0 <= line.x0 < line.x1 <= width + 0.5 and 0 <= line.y0 < line.y1 <= height + 0.5
        for page, (width, height) in zip(pages, sizes, strict=True)
        for line in page.lines
    )
    title = next(line for line in summary.lines if "财务收支预算总表" in line.text)
    grid = summary.grids[0]
    assert title.y0 > grid.top > 700  # the title sits above the table, both in points
    assert grid.cells[-1] == ["总计", "3484258.00", "总计", "3484258.00"]
    assert [round(page.angle, 2) for page in pages] == [0.27, 0.5, 0.0, -0.5, -0.35]


def test_a_page_over_its_budget_is_skipped_and_reported(
    scanned: tuple[ExtractedDocument, dict[int, ScannedPage]], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, pages = scanned

    def replay(image: object, dpi: int, number: int, settings: object = None) -> ScannedPage:
        if number == 5:
            time.sleep(30)  # the alarm ends it after the page's budget
        return pages[number]

    monkeypatch.setattr(scanned_module, "page_image", lambda page, dpi: (None, dpi))
    monkeypatch.setattr(scanned_module, "read_scanned_page", replay)
    started = time.perf_counter()
    doc = extract_document(PDF, ExtractSettings(ocr_seconds_per_page=1.0))
    assert time.perf_counter() - started < 20
    assert doc.ocr_pages == [1, 2, 3, 4]
    assert [(t.table_type, t.pages, t.rows, t.errors) for t in doc.tables] == [
        ("summary", [3], 34, []),
        ("fiscal_summary", [4], 63, ["page 5: scanned page not read (OCR over 1 s)"]),
    ]  # 63: the truth's lines of page 4; its continuation's 21 are not read


def test_a_scan_whose_first_pages_are_all_over_budget_is_not_read_further() -> None:
    with pytest.raises(QuarantineError) as caught:
        extract_document(PDF, ExtractSettings(ocr_seconds_per_page=0.01))
    assert caught.value.reason is ReasonClass.NOT_BUDGET
    assert caught.value.message == (
        "2024-budget.pdf: no text layer, and no 部门预算/部门决算 title read by OCR on its first 3 pages; "
        "page 1: scanned page not read (OCR over 0.01 s); page 2: scanned page not read (OCR over 0.01 s); "
        "page 3: scanned page not read (OCR over 0.01 s)"
    )


def test_scanned_tables_are_read_by_the_detector_path(monkeypatch) -> None:
    """Cell crops of blurred scanned print read worse than the detector (docs/ocr.md): a scan's pages
    are read with ``cell_text="detect"``; merged, scan-wire's ``OcrSettings()`` had dropped it and
    a scanned 决算 glued two codes of a two-sided table into one (3030930239)."""
    seen = []

    def capture(image, dpi, number, settings=None):
        seen.append(settings.cell_text)
        raise RuntimeError("stop after the first page")

    monkeypatch.setattr(scanned_module, "read_scanned_page", capture)
    with pytest.raises(Exception):  # noqa: B017 - the stand-in stops the read; only its argument matters
        scanned_module.read_scanned(PDF, ExtractSettings())
    assert seen and set(seen) == {"detect"}
