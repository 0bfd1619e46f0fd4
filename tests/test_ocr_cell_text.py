"""Cell texts without the text detector (``extract.ocr.cell_text``), on a drawn table and a stand-in
recogniser: which ink becomes a line crop, how lines join, dashes, merged spans, unread ink."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw

from extract.ocr.cell_text import PAD_X, PAD_Y, line_boxes, read_cells, spans
from extract.ocr.cells import cell_layout, erase_separators, line_masks, table_regions

XS = (100, 300, 450, 600)
YS = (100, 140, 180, 260, 300)


def _text(draw: ImageDraw.ImageDraw, left: int, top: int, right: int) -> None:
    """A line of 12-px high "glyphs": 6-px blocks 3 px apart (no run long enough to be a rule)."""
    for x in range(left, right - 5, 9):
        draw.rectangle([(x, top), (x + 5, top + 11)], fill=0)


def _table() -> np.ndarray:
    """Row 0: a header over columns 1-2 (no line at x=450). Row 1: a label and an amount.
    Row 2 (80 px high): two text lines in column 0, a dash in column 2. Row 3: a blot in column 1."""
    image = Image.new("L", (800, 400), 255)
    draw = ImageDraw.Draw(image)
    for y in YS:
        draw.line([(XS[0], y), (XS[-1], y)], fill=0, width=2)
    for x in XS:
        draw.line([(x, YS[1] if x == 450 else YS[0]), (x, YS[-1])], fill=0, width=2)
    _text(draw, 400, 114, 500)  # the header, over the merged cells
    _text(draw, 110, 154, 160)  # a label
    _text(draw, 380, 154, 440)  # an amount
    _text(draw, 110, 190, 200)  # line 1 of a two-line label
    _text(draw, 110, 224, 150)  # line 2
    draw.line([(530, 220), (536, 220)], fill=0, width=2)  # a dash, 7 x 2 px
    draw.rectangle([(360, 272), (371, 283)], fill=0)  # ink the recogniser will not read
    return np.asarray(image)


def _read(gray: np.ndarray, answers: list[tuple[str, float]]):
    """The table read with a stand-in recogniser answering ``answers`` in crop order."""
    masks = line_masks(gray, 30)
    layout = cell_layout(masks, table_regions(masks, 160, 10)[0])
    assert layout is not None
    clean, text_ink = erase_separators(gray, masks, layout)
    seen: list[np.ndarray] = []

    def read_lines(images: list[np.ndarray]) -> list[tuple[str, float]]:
        seen.extend(images)
        return answers[: len(images)]

    return layout, read_cells(layout, clean, text_ink, 12, read_lines), seen


def test_spans_cover_merged_cells_once():
    masks = line_masks(_table(), 30)
    layout = cell_layout(masks, table_regions(masks, 160, 10)[0])
    assert layout is not None
    found = [(span.row, span.column, span.single, span.left, span.right) for span in spans(layout)]
    assert (0, 1, False, 303, 598) in found  # the header's span runs to the table's right side
    assert not any(row == 0 and column == 2 for row, column, *_ in found)
    assert len(found) == 4 * 3 - 1


def test_line_boxes_split_lines_join_flat_strokes_and_drop_specks():
    ink = np.zeros((80, 200), dtype=np.uint8)
    ink[10:26, 10:100] = 255  # a line of text
    ink[44:60, 10:50] = 255  # a second line
    ink[64:66, 10:40] = 255  # a flat stroke under it (二's lower bar): not a line of its own
    ink[75, 150] = 255  # a JPEG speck
    assert line_boxes(ink) == [(10, 10, 25, 99), (44, 10, 65, 49)]
    assert line_boxes(np.zeros((20, 20), dtype=np.uint8)) == []


def test_cells_lines_joined_dash_and_unread_ink():
    answers = [
        ("本年 收入", 0.97),  # spaces inside a line are dropped, as the detector's words join
        ("项目", 0.99),
        ("2919,779.00", 0.9),  # a dropped thousands separator: separators removed
        ("行政", 0.95),
        ("运行", 0.93),
        ("1", 0.98),  # the dash, misread: its shape decides
        ("", 0.0),  # the blot: nothing read
    ]
    _, (cells, confidence, sure), seen = _read(_table(), answers)
    assert cells == [
        ["", "本年收入", ""],
        ["项目", "2919779.00", ""],
        ["行政\n运行", "", "-"],
        ["", "", ""],
    ]
    assert confidence == [
        [1.0, 0.97, 1.0],
        [0.99, 0.9, 1.0],
        [0.93, 1.0, 1.0],  # a two-line cell is as sure as its least sure line; a dash is 1.0
        [1.0, 0.0, 1.0],  # ink there, nothing read: never a silent blank
    ]
    assert sure == [0.97, 0.99, 0.9, 0.95, 0.93, 0.98]
    # one crop per line of ink, none for an empty cell; each line's ink (96 x 12 px for the header)
    # plus 2 px of soft edge and then white up to the margins
    assert len(seen) == 7
    assert seen[0].shape == (12 + 2 * PAD_Y, 96 + 2 * PAD_X)
    assert all(image[0, 0] == 255 and image[-1, -1] == 255 for image in seen)


def test_a_code_blurred_into_one_flat_blob_is_not_a_dash():
    gray = _table().copy()
    gray[212:230, 520:560] = 255
    gray[214:222, 520:546] = 0  # one flat mark like a dash, but read as three characters
    answers = [("收入", 1.0), ("项目", 1.0), ("1.00", 1.0), ("行政", 1.0), ("运行", 1.0), ("208", 0.96)]
    _, (cells, confidence, _), _ = _read(gray, [*answers, ("", 0.0)])
    assert cells[2][2] == "208" and confidence[2][2] == 0.96
