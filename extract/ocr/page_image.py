"""Which pages hold tables only as pictures, and their grids read by OCR.

``page_needs_ocr`` looks at pypdfium2 page objects (cheap, no rendering); ``ocr_page_grids`` turns one
page image into :class:`extract.grid.Grid` objects with per-cell confidence, for the same
stitching / header / row code that reads camelot's grids.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from extract.grid import Grid
from extract.ocr.cell_text import read_cells
from extract.ocr.cells import (
    CellLayout,
    cell_layout,
    erase_separators,
    fill_cells,
    line_masks,
    present_separators,
    reread_missed,
    table_regions,
)
from extract.ocr.engine import ENGINES, OcrBox, OcrEngine, get_engine


@dataclass(frozen=True)
class OcrSettings:
    """How a page image is read. Defaults measured on the generated corpus (docs/ocr.md)."""

    engine: str = "rapidocr"
    dpi: int = 200  # render scale for PDF pages that need OCR
    threads: int | None = 1  # one per worker process: extraction already runs one worker per core
    line_scale: int = 30  # a ruling line is at least 1/line_scale of the page's width or height
    min_table_fraction: float = 0.2  # a table is at least this share of the page's width
    min_ink: int = 12  # ink pixels in a cell the engine left empty → confidence 0 (missed text)
    min_image_fraction: float = 0.2  # an image this share of the page may hold a table
    max_text_chars: int = 10  # at most this many text-layer characters over such an image
    # A vertical ruling line is at least this long (points): a row's height is ~15 pt or more, a
    # glyph stroke of 10.5 pt text is shorter.
    min_row_points: float = 13.0
    # "cells": each cell's ink cut into lines, recognised in one batch without the detector;
    # "detect": the detector over the table, words placed by centre (measured in docs/ocr.md)
    cell_text: str = "cells"

    def __post_init__(self) -> None:
        if self.cell_text not in ("cells", "detect"):
            raise ValueError(f"cell_text must be 'cells' or 'detect', got {self.cell_text!r}")
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, got {self.engine!r}")
        if not 50 <= self.dpi <= 600:
            raise ValueError(f"dpi must be between 50 and 600, got {self.dpi!r}")


def page_needs_ocr(page: pdfium.PdfPage, settings: OcrSettings | None = None) -> bool:
    """True when an image covers a large part of the page and the text layer has (almost) no
    characters over it: a scanned page, or a table pasted as a picture under a text title."""
    settings = settings or OcrSettings()
    width, height = page.get_size()
    images = [obj.get_bounds() for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])]
    large = [
        box for box in images if _area(box, width, height) >= settings.min_image_fraction * width * height
    ]
    if not large:
        return False
    textpage = page.get_textpage()
    try:
        centres = []
        for index in range(textpage.count_chars()):
            if textpage.get_text_range(index, 1).strip():
                left, bottom, right, top = textpage.get_charbox(index)
                centres.append(((left + right) / 2, (bottom + top) / 2))
    finally:
        textpage.close()
    return any(
        sum(1 for x, y in centres if box[0] <= x <= box[2] and box[1] <= y <= box[3])
        <= settings.max_text_chars
        for box in large
    )


def _area(box: tuple[float, float, float, float], width: float, height: float) -> float:
    """Area of an object's bounds clipped to the page."""
    left, bottom, right, top = box
    return max(0.0, min(right, width) - max(left, 0.0)) * max(0.0, min(top, height) - max(bottom, 0.0))


def render_page(page: pdfium.PdfPage, dpi: int) -> Image.Image:
    """The page as a greyscale PIL image at ``dpi``."""
    return page.render(scale=dpi / 72, grayscale=True).to_pil()


def ocr_page_grids(image: Image.Image, page_number: int, settings: OcrSettings | None = None) -> list[Grid]:
    """Every ruled table on a page image as a Grid, top first. Coordinates are image pixels:
    ``column_edges`` are x from the left, ``top`` is y from the bottom (larger = higher, as in a
    PDF). ``accuracy`` is 100 × the mean word confidence, ``confidence`` the per-cell minimum."""
    settings = settings or OcrSettings()
    gray = np.asarray(image.convert("L"))
    height, width = gray.shape
    masks = line_masks(gray, settings.line_scale, round(settings.min_row_points * settings.dpi / 72))
    regions = table_regions(masks, int(width * settings.min_table_fraction), max(10, height // 50))
    if not regions:
        return []
    engine = get_engine(settings.engine, settings.threads, settings.cell_text == "cells")
    grids = []
    for region in regions:
        layout = cell_layout(masks, region)
        if layout is None or layout.columns < 2:
            continue
        left, top, right, bottom = region
        clean, text_ink = erase_separators(gray, masks, layout)
        if settings.cell_text == "cells":
            cells, confidence, sure = read_cells(layout, clean, text_ink, settings.min_ink, engine.read_lines)
        else:
            cells, confidence, sure = _detected_cells(engine, layout, region, clean, text_ink, settings)
        filled = sum(1 for row in cells for text in row if text)
        grid = Grid(
            page=page_number,
            cells=cells,
            joined_left=layout.joined_left,
            top=float(height - top),
            accuracy=100 * sum(sure) / len(sure) if sure else None,
            whitespace=100 * (1 - filled / (layout.rows * layout.columns)),
            column_edges=tuple((float(a), float(b)) for a, b in zip(layout.xs, layout.xs[1:], strict=False)),
            confidence=confidence,
        )
        grids.append(grid)
    return grids


def _detected_cells(
    engine: OcrEngine,
    layout: CellLayout,
    region: tuple[int, int, int, int],
    clean: np.ndarray,
    text_ink: np.ndarray,
    settings: OcrSettings,
) -> tuple[list[list[str]], list[list[float]], list[float]]:
    """Cell texts from the detector over the table: words placed by centre, missed cells reread."""
    left, top, right, bottom = region
    crop = Image.fromarray(clean[top:bottom, left:right])

    def cuts(line: OcrBox) -> list[float]:
        return [float(x - left) for x in present_separators(layout, line.centre[1] + top)]

    words = _distinct([_shift(word, left, top) for word in engine.read(crop, cuts)])
    cells, confidence = fill_cells(layout, words, text_ink, settings.min_ink)
    reread_missed(layout, cells, confidence, clean, text_ink, engine.read_line)
    return cells, confidence, [word.confidence for word in words]


def _overlap(a: OcrBox, b: OcrBox) -> bool:
    """Whether two words cover mostly the same place (more than half of the narrower one)."""
    wide = min(a.right, b.right) - max(a.left, b.left)
    high = min(a.bottom, b.bottom) - max(a.top, b.top)
    return wide > 0.5 * min(a.right - a.left, b.right - b.left) and high > 0.5 * min(
        a.bottom - a.top, b.bottom - b.top
    )


def _distinct(words: list[OcrBox]) -> list[OcrBox]:
    """Words in detection order, less any that repeats an earlier word's place: two overlapping
    detections read the same glyph twice (``1,156.31`` and ``1 一、…`` made ``1,156.311``)."""
    kept: list[OcrBox] = []
    for word in words:
        if not any(_overlap(word, other) for other in kept):
            kept.append(word)
    return kept


def _shift(word: OcrBox, dx: int, dy: int) -> OcrBox:
    return replace(
        word, left=word.left + dx, right=word.right + dx, top=word.top + dy, bottom=word.bottom + dy
    )
