"""The cell grid from ruling lines, on a drawn table (no OCR engine): separators, a merged header cell,
a short sub-header line, words placed by centre, a dash read as '1', a dropped thousands separator
and ink the engine did not read."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from extract.ocr.cells import (
    cell_layout,
    erase_separators,
    fill_cells,
    line_masks,
    reread_missed,
    table_regions,
)
from extract.ocr.engine import OcrBox

XS = (100, 300, 450, 600)  # three columns
YS = (100, 140, 180, 220, 260, 300)  # five rows


def _table() -> np.ndarray:
    """Row 0: one header cell over columns 1-2 (no line at x=450 in row 0). Row 1: sub-headers.
    Rows 2-4: body. Cell (3, 2) holds a dash, cell (4, 1) a blot the engine will not read."""
    image = Image.new("L", (800, 500), 255)
    draw = ImageDraw.Draw(image)
    for y in YS:
        draw.line([(XS[0], y), (XS[-1], y)], fill=0, width=2)
    for x in XS:
        top = YS[1] if x == 450 else YS[0]
        draw.line([(x, top), (x, YS[-1])], fill=0, width=2)
    draw.line([(530, 231), (536, 231)], fill=0, width=2)  # a dash, 7 x 2 px
    draw.rectangle([(360, 270), (372, 284)], fill=0)  # unread ink
    return np.asarray(image)


def _layout():
    gray = _table()
    masks = line_masks(gray, 30)
    regions = table_regions(masks, 160, 10)
    assert len(regions) == 1
    layout = cell_layout(masks, regions[0])
    assert layout is not None
    return gray, masks, layout


def test_separators_and_merged_header():
    _, _, layout = _layout()
    assert [int(x) for x in layout.xs] == [100, 300, 450, 600]
    assert [int(y) for y in layout.ys] == [100, 140, 180, 220, 260, 300]
    assert layout.joined_left[0] == [False, False, True]
    assert layout.joined_left[1] == [False, False, False]
    assert all(not any(row) for row in layout.joined_top)
    assert layout.cell_at(520, 120) == (0, 1)  # a word over the merged cell goes to its first column
    assert layout.cell_at(50, 120) is None


def test_words_by_centre_dash_separator_and_unread_ink():
    gray, masks, layout = _layout()
    words = [
        OcrBox("预算数", 0.99, 420, 110, 480, 130),
        OcrBox("项目", 0.98, 150, 150, 190, 170),
        OcrBox("行政", 0.97, 110, 190, 150, 210),
        OcrBox("运行", 0.95, 150, 190, 190, 210),
        OcrBox("2919,779.00", 0.9, 380, 190, 445, 210),
        OcrBox("1", 0.99, 528, 225, 538, 238),  # the dash, misread
    ]
    clean, text_ink = erase_separators(gray, masks, layout)
    cells, confidence = fill_cells(layout, words, text_ink, 12)
    assert cells[0] == ["", "预算数", ""]
    assert cells[1] == ["项目", "", ""]
    assert cells[2] == ["行政运行", "2919779.00", ""]
    assert cells[3] == ["", "", "-"]
    assert cells[4] == ["", "", ""]
    assert confidence[2] == [0.95, 0.9, 1.0]
    assert confidence[4] == [1.0, 0.0, 1.0]  # ink there, nothing read: never a silent blank
    assert clean[YS[2], 200] == 255 and clean[150, XS[1]] == 255  # lines gone
    assert clean[231, 533] == 0  # the dash stays


def test_cell_with_unread_ink_is_read_again_alone():
    gray, masks, layout = _layout()
    clean, text_ink = erase_separators(gray, masks, layout)
    cells, confidence = fill_cells(layout, [], text_ink, 12)
    seen = []

    def read_line(image):
        seen.append(image.size)
        return "1,234.50", 0.8

    reread_missed(layout, cells, confidence, clean, text_ink, read_line)
    assert seen == [(21, 23)]  # the blot's 13 x 15 px box, padded by 4 px each side
    assert cells[4][1] == "1234.50"
    assert confidence[4][1] == 0.8
