"""The cell grid of a table image from its ruling lines (OpenCV morphology), and OCR words placed in it.

A ruled table's lines are long thin runs of ink: opening the binarised page with a long horizontal
(vertical) kernel keeps only them. Each connected group of lines is one table; the distinct heights of
its horizontal lines are the row separators and the distinct x of its vertical lines the column
separators. A separator missing over a cell's side means a merged cell (``joined_left`` / joined top),
exactly what camelot's lattice reports for vector tables, so the same downstream code reads both.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from extract.ocr.engine import OcrBox

COVERED = 0.6  # a separator's line covers at least this share of the cell's side


@dataclass(frozen=True)
class LineMasks:
    """Binarised page (ink = 255) and its ruling lines: long ones (a table's frame and main
    separators) and short ones (a separator only one header cell high or wide)."""

    ink: np.ndarray
    horizontal: np.ndarray
    vertical: np.ndarray
    short_horizontal: np.ndarray
    short_vertical: np.ndarray
    min_cell: int  # separators closer than this are one (double borders)


@dataclass(frozen=True)
class CellLayout:
    """One table's separators in image pixels and which cells are merged with a neighbour."""

    xs: list[int]  # column separators, left to right
    ys: list[int]  # row separators, top to bottom
    joined_left: list[list[bool]]
    joined_top: list[list[bool]]

    @property
    def rows(self) -> int:
        return len(self.ys) - 1

    @property
    def columns(self) -> int:
        return len(self.xs) - 1

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of the cell holding a point, moved to the top-left of a merged span
        (camelot does the same, so header code finds a spanning label in its first column)."""
        r, c = bisect_right(self.ys, y) - 1, bisect_right(self.xs, x) - 1
        if not (0 <= r < self.rows and 0 <= c < self.columns):
            return None
        while c > 0 and self.joined_left[r][c]:
            c -= 1
        while r > 0 and self.joined_top[r][c]:
            r -= 1
        return r, c


def _open(ink: np.ndarray, width: int, height: int) -> np.ndarray:
    return cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (width, height)))


def present_separators(layout: CellLayout, y: float) -> list[int]:
    """Inner column separators drawn in the row at height ``y`` (none where cells are merged)."""
    r = bisect_right(layout.ys, y) - 1
    if not 0 <= r < layout.rows:
        return []
    return [layout.xs[c] for c in range(1, layout.columns) if not layout.joined_left[r][c]]


def line_masks(gray: np.ndarray, line_scale: int) -> LineMasks:
    """Ruling lines: long runs of ink (1/line_scale of the page) and short ones (a quarter of that;
    a short run only counts later if it spans a whole cell side, which no glyph stroke does)."""
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 10)
    height, width = gray.shape
    long_x, long_y = max(10, width // line_scale), max(10, height // line_scale)
    short = max(8, min(long_x, long_y) // 4)
    return LineMasks(
        ink,
        _open(ink, long_x, 1),
        _open(ink, 1, long_y),
        _open(ink, short, 1),
        _open(ink, 1, short),
        short,
    )


def table_regions(masks: LineMasks, min_width: int, min_height: int) -> list[tuple[int, int, int, int]]:
    """(left, top, right, bottom) of each connected group of ruling lines, top first."""
    joined = cv2.dilate(masks.horizontal | masks.vertical, np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined)
    regions = []
    for label in range(1, count):
        left, top, width, height, _ = stats[label]
        if width >= min_width and height >= min_height:
            regions.append((int(left), int(top), int(left + width), int(top + height)))
    return sorted(regions, key=lambda region: region[1])


def _centres(profile: np.ndarray, offset: int, gap: int) -> list[int]:
    """Centres of the runs of non-zero positions in a projection, runs closer than ``gap`` joined
    (a double border is one separator)."""
    positions = np.flatnonzero(profile)
    centres: list[int] = []
    start = previous = None
    for position in positions:
        if start is None:
            start = previous = position
        elif position - previous > gap:
            centres.append(offset + (start + previous) // 2)
            start = position
        previous = position
    if start is not None:
        centres.append(offset + (start + previous) // 2)
    return centres


def _present(mask: np.ndarray, at: int, span: tuple[int, int], vertical: bool) -> bool:
    """Whether a ruling line runs along ``span`` within ±2 px of ``at``: it reaches both ends (the
    crossing lines) and covers most of the way. Text never does: a cell pads it from its borders,
    so a label centred on the missing separator of a merged cell is not taken for a line."""
    low, high = span[0] + 2, span[1] - 2  # the crossing lines' own thickness
    strip = mask[low:high, at - 2 : at + 3] if vertical else mask[at - 2 : at + 3, low:high]
    along = strip.any(axis=1 if vertical else 0)
    if along.size < 4:
        return True
    end = max(3, along.size // 7)
    return bool(along[:end].mean() >= 0.6 and along[-end:].mean() >= 0.6 and along.mean() >= COVERED)


def _spanning(
    candidates: list[int], known: list[int], mask: np.ndarray, across: list[int], vertical: bool
) -> list[int]:
    """``known`` separators plus the candidates that run the full length of at least one cell
    between two ``across`` separators (a glyph stroke never does: cells have padding)."""
    found = list(known)
    for at in candidates:
        if any(abs(at - other) <= 3 for other in found):
            continue
        if any(_present(mask, at, (a, b), vertical) for a, b in zip(across, across[1:], strict=False)):
            found.append(at)
    return sorted(found)


def cell_layout(masks: LineMasks, region: tuple[int, int, int, int]) -> CellLayout | None:
    """Separators of one table region; None when it has fewer than two of either."""
    left, top, right, bottom = region
    window = (slice(top, bottom), slice(left, right))
    gap = masks.min_cell
    ys = _centres(masks.horizontal[window].any(axis=1), top, gap)
    xs = _centres(masks.vertical[window].any(axis=0), left, gap)
    if len(ys) < 2 or len(xs) < 2:
        return None
    short_xs = _centres(masks.short_vertical[window].any(axis=0), left, 3)
    xs = _spanning(short_xs, xs, masks.short_vertical, ys, True)
    short_ys = _centres(masks.short_horizontal[window].any(axis=1), top, 3)
    ys = _spanning(short_ys, ys, masks.short_horizontal, xs, False)
    rows, columns = range(len(ys) - 1), range(len(xs) - 1)

    vertical, horizontal = masks.short_vertical, masks.short_horizontal
    joined_left = [
        [c > 0 and not _present(vertical, xs[c], (ys[r], ys[r + 1]), True) for c in columns] for r in rows
    ]
    joined_top = [
        [r > 0 and not _present(horizontal, ys[r], (xs[c], xs[c + 1]), False) for c in columns] for r in rows
    ]
    return CellLayout(xs, ys, joined_left, joined_top)


def separator_mask(masks: LineMasks, layout: CellLayout) -> np.ndarray:
    """The table's ruling lines (dilated by a pixel). Only separator segments that are there:
    across a merged cell the same height may run through its label's strokes."""
    lines = np.zeros_like(masks.ink)
    xs, ys = layout.xs, layout.ys
    for r in range(layout.rows):
        rows = slice(ys[r] - 3, ys[r + 1] + 4)
        for c, x in enumerate(xs):
            if c in (0, layout.columns) or not layout.joined_left[r][c]:
                lines[rows, x - 3 : x + 4] |= masks.short_vertical[rows, x - 3 : x + 4]
    for c in range(layout.columns):
        columns = slice(xs[c] - 3, xs[c + 1] + 4)
        for r, y in enumerate(ys):
            if r in (0, layout.rows) or not layout.joined_top[r][c]:
                lines[y - 3 : y + 4, columns] |= masks.short_horizontal[y - 3 : y + 4, columns]
    return cv2.dilate(lines, np.ones((3, 3), np.uint8))


def erase_separators(gray: np.ndarray, masks: LineMasks, layout: CellLayout) -> tuple[np.ndarray, np.ndarray]:
    """(page with the table's ruling lines painted white, the ink that remains). The detector then
    never joins text across a line nor reads a line as a ``1``; the remaining ink tells an empty
    cell from one whose text the engine missed."""
    lines = separator_mask(masks, layout)
    clean = gray.copy()
    clean[lines > 0] = 255
    return clean, cv2.bitwise_and(masks.ink, cv2.bitwise_not(lines))


def _cell_text(words: list[OcrBox]) -> str:
    """Words of one cell in reading order: same line joined without space, lines with a newline."""
    ordered = sorted(words, key=lambda word: word.centre[1])
    lines: list[list[OcrBox]] = []
    for word in ordered:
        height = word.bottom - word.top
        if lines and abs(word.centre[1] - lines[-1][0].centre[1]) <= height / 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return "\n".join("".join(word.text for word in sorted(line, key=lambda w: w.left)) for line in lines)


def _is_dash(ink: np.ndarray) -> bool:
    """The cell's only ink is one short flat stroke: a printed ``-`` (not reported). The recogniser
    reads a lone dash as ``1`` or not at all; its shape is unambiguous."""
    if int(np.count_nonzero(ink)) < 3:  # a dash at 200 dpi is ~5 x 2 px
        return False
    rows, columns = np.nonzero(ink)
    height, width = int(rows.max() - rows.min()) + 1, int(columns.max() - columns.min()) + 1
    return width >= 1.4 * height and width <= ink.shape[1] // 2  # at 100 dpi a dash is 3 x 2 px


_GROUPED = re.compile(r"^-?\d+(?:[,.]\d{3})*\.\d{2}$")


def _amount_text(text: str) -> str:
    """An amount whose thousands separators the engine partly dropped (``2919,779.00`` at 100 dpi)
    has its separators removed: a missing separator never changes the digits, and the stricter
    ``parse_amount`` would otherwise refuse the cell."""
    compact = text.replace(" ", "")
    if ("," in compact or compact.count(".") > 1) and _GROUPED.match(compact):  # 398.174.00: a , read as .
        return compact[:-3].replace(",", "").replace(".", "") + compact[-3:]
    return text


def fill_cells(
    layout: CellLayout, words: list[OcrBox], text_ink: np.ndarray, min_ink: int
) -> tuple[list[list[str]], list[list[float]]]:
    """Cell texts and confidences. A cell's confidence is its least sure word's; an empty cell is
    1.0 when it holds no ink and 0.0 when it holds ink the engine did not read (a missed amount).
    A cell whose ink is a lone dash reads ``-`` whatever the engine said (``1``, ``一`` or nothing)."""
    placed: dict[tuple[int, int], list[OcrBox]] = {}
    for word in words:
        cell = layout.cell_at(*word.centre)
        if cell is not None:
            placed.setdefault(cell, []).append(word)
    cells = [[""] * layout.columns for _ in range(layout.rows)]
    confidence = [[1.0] * layout.columns for _ in range(layout.rows)]
    for r in range(layout.rows):
        for c in range(layout.columns):
            found = placed.get((r, c))
            single = not layout.joined_left[r][c] and not layout.joined_top[r][c]
            inner = text_ink[layout.ys[r] + 3 : layout.ys[r + 1] - 2, layout.xs[c] + 3 : layout.xs[c + 1] - 2]
            if single and (not found or len("".join(w.text for w in found)) == 1) and _is_dash(inner):
                cells[r][c] = "-"
            elif found:
                cells[r][c] = _amount_text(_cell_text(found))
                confidence[r][c] = min(word.confidence for word in found)
            elif single and int(np.count_nonzero(inner)) >= min_ink:
                confidence[r][c] = 0.0
    return cells, confidence


def reread_missed(
    layout: CellLayout,
    cells: list[list[str]],
    confidence: list[list[float]],
    clean: np.ndarray,
    text_ink: np.ndarray,
    read_line: Callable[[Image.Image], tuple[str, float]],
) -> None:
    """Cells with ink but no text (the detector skips a lone character such as a 项 header, or a short
    code) are read again, alone: the ink's box, padded, through recognition only. In place."""
    for r in range(layout.rows):
        for c in range(layout.columns):
            if cells[r][c] or confidence[r][c] != 0.0:
                continue
            top, left = layout.ys[r] + 3, layout.xs[c] + 3
            rows, columns = np.nonzero(text_ink[top : layout.ys[r + 1] - 2, left : layout.xs[c + 1] - 2])
            pad = 4
            crop = clean[
                max(0, top + rows.min() - pad) : top + rows.max() + pad + 1,
                max(0, left + columns.min() - pad) : left + columns.max() + pad + 1,
            ]
            text, score = read_line(Image.fromarray(crop))
            if text.strip():
                cells[r][c], confidence[r][c] = _amount_text(text.strip()), score
