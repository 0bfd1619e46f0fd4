"""A scanned document (form b) read page by page by OCR: lines for routing and the narrative, grids
for the tables, scored exactly against the generator's truth (committed fixture, 5 pages)."""

from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest

from bench.ocr_scan import Tally, read_scanned_document, report, score_document
from extract.layout import lines_text
from extract.model import ExtractedDocument
from extract.ocr.page import ScannedPage
from extract.routing import route_pages
from samplegen.scan import FIXTURE_DIR, FIXTURE_FILE
from samplegen.truth import truth_name

TRUTH = json.loads((FIXTURE_DIR / "truth" / truth_name(FIXTURE_FILE)).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scanned() -> tuple[ExtractedDocument, list[ScannedPage]]:
    return read_scanned_document(FIXTURE_DIR / FIXTURE_FILE)


def test_every_amount_exact(scanned: tuple[ExtractedDocument, list[ScannedPage]]) -> None:
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


def test_identity_and_routing_from_ocr_lines(scanned: tuple[ExtractedDocument, list[ScannedPage]]) -> None:
    doc, pages = scanned
    identity = doc.identity
    assert (identity.county, identity.department, identity.fiscal_year, identity.phase) == (
        "白石县",
        "中共白石县委组织部",
        2024,
        "budget",
    )
    texts = [lines_text(page.lines) for page in pages]
    routes = route_pages(texts, 8, [[line.y1 for line in page.lines] for page in pages])
    assert [(r.page, [kind for kind, _ in r.titles], r.continues, r.unit) for r in routes] == [
        (3, ["summary"], False, "元"),
        (4, ["fiscal_summary"], False, "元"),
        (5, [], True, None),  # a continuation page's unit is its table's (stitch carries it)
    ]


def test_lines_and_grids_in_pdf_points(scanned: tuple[ExtractedDocument, list[ScannedPage]]) -> None:
    _, pages = scanned
    summary = pages[2]  # the page with the red seal over its table
    assert [len(page.grids) for page in pages] == [0, 0, 1, 1, 1]
    assert [len(page.lines) for page in pages] == [len(page.confidence) for page in pages]
    document = pdfium.PdfDocument(str(FIXTURE_DIR / FIXTURE_FILE))
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
