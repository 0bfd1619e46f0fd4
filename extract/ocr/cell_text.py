"""Cell texts read without the text detector: the grid is known from the ruling lines, so each cell's
ink is cut into text lines and every line of the table goes through the recogniser in one batch.

Why: on a 200-dpi table page the detector cost ~40 % of the OCR time, yet it only rediscovers what
the ruling lines already say (where each cell's text is). Cutting lines from the cell's own ink also
removes the corrections the detector needed (a detected line running over a separator, two
overlapping detections read twice). Empty cells (no ink) and dashes cost no recognition at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import cv2
import numpy as np

from extract.ocr.cells import CellLayout, _amount_text, _is_dash

SPECK = 3  # connected ink of fewer pixels is JPEG noise, not a glyph (as in ``_is_dash``)
BORDER = (3, 2)  # pixels left out inside a cell's separators, top/left and bottom/right
EDGE = 2  # pixels of the page kept around a line's thresholded ink (anti-aliased glyph edges)
PAD_Y, PAD_X = 6, 10  # white margin around a line's ink in its crop, above/below and left/right
# A run of ink rows lower than this share of the cell's tallest run is part of a neighbouring line
# (a flat glyph such as 一 or 二's lower stroke), never a line of its own.
MIN_LINE_SHARE = 0.4

ReadLines = Callable[[list[np.ndarray]], list[tuple[str, float]]]


@dataclass(frozen=True)
class Span:
    """A cell, or a merged span of cells, by its top-left cell and its pixel box inside the lines."""

    row: int
    column: int
    single: bool
    top: int
    left: int
    bottom: int
    right: int


def spans(layout: CellLayout) -> Iterator[Span]:
    """Every cell that holds text on its own: the top-left cell of each merged span, with the span's
    box (as ``CellLayout.cell_at`` moves a word to that cell)."""
    for r in range(layout.rows):
        for c in range(layout.columns):
            if layout.joined_left[r][c] or layout.joined_top[r][c]:
                continue
            last_column = c
            while last_column + 1 < layout.columns and layout.joined_left[r][last_column + 1]:
                last_column += 1
            last_row = r
            while last_row + 1 < layout.rows and layout.joined_top[last_row + 1][c]:
                last_row += 1
            yield Span(
                r,
                c,
                last_row == r and last_column == c,
                layout.ys[r] + BORDER[0],
                layout.xs[c] + BORDER[0],
                layout.ys[last_row + 1] - BORDER[1],
                layout.xs[last_column + 1] - BORDER[1],
            )


def _without_specks(ink: np.ndarray) -> np.ndarray:
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    keep = np.zeros(count, dtype=bool)
    keep[1:] = stats[1:, cv2.CC_STAT_AREA] >= SPECK
    return keep[labels]


def _runs(profile: np.ndarray) -> list[tuple[int, int]]:
    """(first, last) index of each run of true values."""
    padded = np.concatenate(([False], profile, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def line_boxes(ink: np.ndarray) -> list[tuple[int, int, int, int]]:
    """(top, left, bottom, right) of each text line in a cell's ink, top first: runs of inked rows,
    a run too low to be a line of text joined to its nearer neighbour."""
    marks = _without_specks(ink)
    rows = _runs(marks.any(axis=1))
    if not rows:
        return []
    tallest = max(b - a + 1 for a, b in rows)
    merged = True
    while merged and len(rows) > 1:
        merged = False
        for index, (a, b) in enumerate(rows):
            if b - a + 1 >= MIN_LINE_SHARE * tallest:
                continue
            gap_above = a - rows[index - 1][1] if index > 0 else None
            gap_below = rows[index + 1][0] - b if index + 1 < len(rows) else None
            other = (
                index - 1
                if gap_below is None or (gap_above is not None and gap_above <= gap_below)
                else index + 1
            )
            low, high = sorted((index, other))
            rows[low : high + 1] = [(rows[low][0], rows[high][1])]
            merged = True
            break
    boxes = []
    for a, b in rows:
        columns = np.flatnonzero(marks[a : b + 1].any(axis=0))
        boxes.append((a, int(columns[0]), b, int(columns[-1])))
    return boxes


def _line_crop(clean: np.ndarray, span: Span, top: int, left: int, bottom: int, right: int) -> np.ndarray:
    """A text line's ink box (cell coordinates) from the cleaned page, with the glyphs' soft edges
    (``EDGE`` px, inside the cell) and then a white margin of ``PAD_Y`` / ``PAD_X`` px: with less
    than ~10 px left of the first glyph the recogniser doubts it (``33.05``: 0.59 instead of 1.0)."""
    y0, x0 = max(0, top - EDGE) + span.top, max(0, left - EDGE) + span.left
    y1 = min(span.bottom, span.top + bottom + EDGE + 1)
    x1 = min(span.right, span.left + right + EDGE + 1)
    crop = clean[y0:y1, x0:x1]
    pad_y, pad_x = max(0, PAD_Y - (top + span.top - y0)), max(0, PAD_X - (left + span.left - x0))
    return cv2.copyMakeBorder(crop, pad_y, pad_y, pad_x, pad_x, cv2.BORDER_CONSTANT, value=255)


def read_cells(
    layout: CellLayout, clean: np.ndarray, text_ink: np.ndarray, min_ink: int, read_lines: ReadLines
) -> tuple[list[list[str]], list[list[float]], list[float]]:
    """Cell texts, per-cell confidences (as ``fill_cells``: the least sure character; 1.0 empty, 0.0
    for ink nothing was read from) and every line's confidence. A lone dash reads ``-`` unrecognised."""
    cells = [[""] * layout.columns for _ in range(layout.rows)]
    confidence = [[1.0] * layout.columns for _ in range(layout.rows)]
    crops: list[np.ndarray] = []
    owners: list[Span] = []
    dashes: set[tuple[int, int]] = set()  # shaped like a dash: a dash unless read as 2+ characters
    for span in spans(layout):
        inner = text_ink[span.top : span.bottom, span.left : span.right]
        if span.single and _is_dash(inner):
            dashes.add((span.row, span.column))
        elif int(np.count_nonzero(inner)) < min_ink:
            continue
        for top, left, bottom, right in line_boxes(inner):
            crops.append(_line_crop(clean, span, top, left, bottom, right))
            owners.append(span)
        confidence[span.row][span.column] = 0.0  # until a line of it is read
    read = read_lines(crops) if crops else []
    texts: dict[tuple[int, int], list[str]] = {}
    sure: list[float] = []
    unread: set[tuple[int, int]] = set()
    for span, (text, score) in zip(owners, read, strict=True):
        key = (span.row, span.column)
        text = "".join(text.split())
        if not text:
            unread.add(key)  # a line of ink nothing was read from: never a silent blank
            continue
        first = key not in texts
        texts.setdefault(key, []).append(text)
        confidence[span.row][span.column] = score if first else min(score, confidence[span.row][span.column])
        sure.append(score)
    for (r, c), lines in texts.items():
        cells[r][c] = _amount_text("\n".join(lines))
    for r, c in unread:
        confidence[r][c] = 0.0
    for r, c in dashes:
        # the recogniser reads a lone dash as 1 or 一 or nothing; a blurred code (208 at ~100 dpi)
        # can be one flat blob too, and is read as several characters
        if len(cells[r][c]) <= 1:
            cells[r][c], confidence[r][c] = "-", 1.0
    return cells, confidence, sure
