"""Tables that are pictures: a generated table page rendered to an image, read back by OCR into a Grid,
and through the same assemble code as camelot's grids, gives exactly the truth's lines."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extract.assemble import table_lines
from extract.grid import Grid, realign
from extract.ocr.engine import OcrBox
from extract.ocr.page_image import OcrSettings, ocr_page_grids, render_page
from extract.pages import read_page_texts
from extract.routing import route_pages
from extract.stitch import TablePages


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> tuple[Path, dict]:
    from samplegen.seed_document import write_seed_document

    outdir = tmp_path_factory.mktemp("ocr-seed")
    truth = write_seed_document(outdir)
    return outdir / truth["file"], json.loads(json.dumps(truth))


_READ: dict[tuple[str, int], tuple[list, list[Grid], int]] = {}  # OCR costs seconds: once per page


def _ocr_table(pdf: Path, truth: dict, table_type: str, dpi: int) -> tuple[list, list[Grid], int]:
    if (table_type, dpi) not in _READ:
        _READ[table_type, dpi] = _read_table(pdf, truth, table_type, dpi)
    return _READ[table_type, dpi]


def _read_table(pdf: Path, truth: dict, table_type: str, dpi: int) -> tuple[list, list[Grid], int]:
    routes = {route.titles[0][0]: route for route in route_pages(read_page_texts(pdf), 8) if route.titles}
    route = routes[table_type]
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = render_page(document[route.page - 1], dpi)
    finally:
        document.close()
    grids = ocr_page_grids(image, route.page, OcrSettings(dpi=dpi))
    table = TablePages(table_type, route.titles[0][1], route.page, route.unit, grids)
    lines, report = table_lines(table, truth["phase"], truth["fiscal_year"])
    assert report.errors == []
    return lines, grids, route.page


def _keys(lines) -> Counter:
    return Counter((x.table_type, x.code, x.item, x.measure, x.amount_yuan) for x in lines)


def _truth_keys(truth: dict, page: int) -> Counter:
    return Counter(
        (r["table_type"], r["code"], r["item"], r["measure"], Decimal(r["amount_yuan"]))
        for r in truth["lines"]
        if r["page"] == page
    )


@pytest.mark.parametrize(
    ("table_type", "dpi"),
    [("summary", 200), ("general_budget_expenditure", 100)],
)
def test_ocr_page_grid_lines_equal_truth(seed, table_type, dpi):
    pdf, truth = seed
    lines, grids, page = _ocr_table(pdf, truth, table_type, dpi)
    expected = _truth_keys(truth, page)
    assert len(expected) >= 10
    assert _keys(lines) == expected
    assert [x.page for x in lines] == [page] * len(lines)
    grid = grids[0]
    assert len(grid.confidence) == len(grid.cells)
    assert all(len(c) == grid.width for c in grid.confidence)
    assert 90 < grid.accuracy <= 100
    assert len(grid.column_edges) == grid.width


def test_summary_grid_shape_and_merged_header(seed):
    pdf, truth = seed
    _, grids, _ = _ocr_table(pdf, truth, "summary", 200)
    assert len(grids) == 1
    grid = grids[0]
    assert grid.width == 4
    assert grid.cells[0][0] == "收入" and grid.cells[0][2] == "支出"
    assert grid.joined_left[0] == [False, True, False, True]  # 收入 / 支出 span two columns each
    assert grid.cells[1] == ["项目", "预算数", "项目", "预算数"]


def test_cells_without_detector_equal_the_detector_path(seed):
    """The default path (each cell's ink recognised without the detector) and the old one (the
    detector over the table, words placed by centre) give the same cell texts on a seed page."""
    pdf, truth = seed
    _, grids, page = _ocr_table(pdf, truth, "general_budget_expenditure", 100)
    document = pdfium.PdfDocument(str(pdf))
    try:
        image = render_page(document[page - 1], 100)
    finally:
        document.close()
    old = ocr_page_grids(image, page, OcrSettings(dpi=100, cell_text="detect"))
    assert [grid.cells for grid in grids] == [grid.cells for grid in old]
    assert [grid.joined_left for grid in grids] == [grid.joined_left for grid in old]
    assert sum(len(row) for grid in grids for row in grid.cells) >= 40


def test_realign_keeps_confidence_with_its_cell():
    grid = Grid(
        page=3,
        cells=[["a", "1.00"]],
        joined_left=[[False, False]],
        column_edges=((0.0, 10.0), (30.0, 40.0)),
        confidence=[[0.9, 0.5]],
    )
    moved = realign(grid, ((0.0, 10.0), (10.0, 30.0), (30.0, 40.0)))
    assert moved is not None
    assert moved.cells == [["a", "", "1.00"]]
    assert moved.confidence == [[0.9, 1.0, 0.5]]


def test_ocr_box_centre():
    assert OcrBox("1.00", 0.5, 10, 20, 30, 60).centre == (20, 40)
