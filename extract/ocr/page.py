"""A page that is one scanned image (form b): its text lines and table grids, read by OCR.

``read_scanned_page`` gives what the text layer gives for a text page, so routing, identity, the
narrative reader and stitching run unchanged on a scanned document:

- ``lines``: :class:`extract.layout.TextLine` in PDF points (y grows upwards, top of the page
  first), as ``extract.layout.page_text_lines`` returns them. Text outside the tables (titles, the
  单位 line, narrative paragraphs) comes from one OCR pass over the page with the tables painted
  white; each table row becomes one line from its cells (a coded row ``201 一般公共服务支出 1,156.31``
  as the text layer prints it), so a continuation page still looks tabular to routing.
- ``grids``: ``ocr_page_grids`` on the cleaned page (``extract.ocr.preprocess``), with
  ``top`` and ``column_edges`` in PDF points, so titles and tables pair by position as on text pages.
- ``confidence``: per line, the least sure word (0..1); a table row's is its least sure cell.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import cv2
import numpy as np
from PIL import Image

from extract.grid import Grid
from extract.layout import Run, TextLine, group_lines
from extract.ocr.cells import CellLayout, cell_layout, line_masks, table_regions
from extract.ocr.engine import OcrBox, get_engine
from extract.ocr.page_image import OcrSettings, ocr_page_grids
from extract.ocr.preprocess import prepare, reduce
from extract.text import nfkc

_MIN_TEXT_INK = 40  # dark pixels left outside the tables below which the page has no more text


@dataclass(frozen=True)
class ScannedPage:
    """One scanned page read by OCR, in PDF points."""

    lines: list[TextLine]
    grids: list[Grid]
    confidence: list[float]  # per line of ``lines``
    angle: float  # degrees of skew taken out
    seconds: float


def read_scanned_page(
    image: Image.Image | np.ndarray, dpi: int, page_number: int = 1, settings: OcrSettings | None = None
) -> ScannedPage:
    """Text lines and table grids of a page image rendered or scanned at ``dpi``."""
    started = time.perf_counter()
    # Scanned tables keep the detector path: cell crops of blurred small print read worse
    # (0.977 exact instead of 0.998 on five scanned documents, docs/ocr.md)
    settings = settings or OcrSettings(cell_text="detect")
    pixels = np.asarray(
        image.convert("RGB") if isinstance(image, Image.Image) and image.mode not in ("L", "RGB") else image
    )
    pixels, dpi = reduce(pixels, dpi, settings.dpi)
    prepared = prepare(pixels, dpi)
    gray = prepared.gray
    height, width = gray.shape
    to_pt = 72.0 / dpi
    grids = ocr_page_grids(Image.fromarray(gray), page_number, settings)
    if not grids and _has_long_rule(gray, settings):
        # a table of one row (the last line of a table carried over) has vertical rules shorter
        # than 1/line_scale of the page: look again with rules half as long
        settings = replace(settings, line_scale=2 * settings.line_scale)
        grids = ocr_page_grids(Image.fromarray(gray), page_number, settings)
    layouts = _layouts(gray, settings)
    lines: list[tuple[TextLine, float]] = []
    for grid in grids:
        layout = layouts.get(round(height - grid.top))
        if layout is not None:
            lines.extend(_row_lines(grid, layout, height, to_pt))
    lines.extend(_text_lines(_outside_tables(gray, layouts.values()), height, to_pt, settings))
    lines.sort(key=lambda pair: (-pair[0].y1, pair[0].x0))
    return ScannedPage(
        lines=[line for line, _ in lines],
        grids=[_in_points(grid, to_pt) for grid in grids],
        confidence=[confidence for _, confidence in lines],
        angle=prepared.angle,
        seconds=time.perf_counter() - started,
    )


def _has_long_rule(gray: np.ndarray, settings: OcrSettings) -> bool:
    """A horizontal ruling line as wide as a table (``min_table_fraction`` of the page)."""
    width = int(gray.shape[1] * settings.min_table_fraction)
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 15, 10)
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (width, 1))
    return bool(cv2.morphologyEx(ink, cv2.MORPH_OPEN, kernel).any())


def _layouts(gray: np.ndarray, settings: OcrSettings) -> dict[int, CellLayout]:
    """The cell layout of each ruled table, by the pixel row of its top (as ``ocr_page_grids`` finds them)."""
    height, width = gray.shape
    masks = line_masks(gray, settings.line_scale)
    found = {}
    for region in table_regions(masks, int(width * settings.min_table_fraction), max(10, height // 50)):
        layout = cell_layout(masks, region)
        if layout is not None and layout.columns >= 2:
            found[region[1]] = layout
    return found


def _row_lines(grid: Grid, layout: CellLayout, height: int, to_pt: float) -> list[tuple[TextLine, float]]:
    """One text line per table row: its non-empty cells left to right, one run each."""
    lines = []
    for r, row in enumerate(grid.cells):
        top, bottom = layout.ys[r], layout.ys[r + 1]
        runs = []
        sure = 1.0
        for c, text in enumerate(row):
            text = text.replace("\n", "").strip()
            if not text:
                continue
            right = next(
                (layout.xs[k] for k in range(c + 1, layout.columns) if not grid.joined_left[r][k]),
                layout.xs[-1],
            )
            runs.append(
                Run(
                    text,
                    layout.xs[c] * to_pt,
                    (height - bottom) * to_pt,
                    right * to_pt,
                    (height - top) * to_pt,
                )
            )
            if grid.confidence is not None:
                sure = min(sure, grid.confidence[r][c])
        if runs:
            line = TextLine(
                " ".join(run.text for run in runs),
                runs[0].x0,
                runs[0].y0,
                runs[-1].x1,
                runs[0].y1,
                tuple(runs),
            )
            lines.append((line, sure))
    return lines


def _outside_tables(gray: np.ndarray, layouts: object) -> np.ndarray:
    """The page with every table painted white (its text is read from the grid)."""
    rest = gray.copy()
    for layout in layouts:  # type: ignore[attr-defined]
        rest[layout.ys[0] : layout.ys[-1] + 1, layout.xs[0] : layout.xs[-1] + 1] = 255
    return rest


def _text_lines(
    gray: np.ndarray, height: int, to_pt: float, settings: OcrSettings
) -> list[tuple[TextLine, float]]:
    """OCR words outside the tables grouped into lines as the text layer's runs are."""
    if int((gray < 128).sum()) < _MIN_TEXT_INK:
        return []
    words = get_engine(settings.engine, settings.threads, tuned=True).read(Image.fromarray(gray))
    runs = []
    sure: dict[int, float] = {}
    for word in words:
        text = nfkc(word.text).strip()
        if text:
            run = _run(word, text, height, to_pt)
            runs.append(run)
            sure[id(run)] = word.confidence
    lines = group_lines(runs)
    return [(line, min(sure.get(id(run), 1.0) for run in line.runs)) for line in lines]


def _run(word: OcrBox, text: str, height: int, to_pt: float) -> Run:
    return Run(
        text,
        word.left * to_pt,
        (height - word.bottom) * to_pt,
        word.right * to_pt,
        (height - word.top) * to_pt,
    )


def _in_points(grid: Grid, to_pt: float) -> Grid:
    """A grid with ``top`` and ``column_edges`` in PDF points (titles on the page are in points)."""
    return replace(
        grid,
        top=grid.top * to_pt,
        column_edges=tuple((left * to_pt, right * to_pt) for left, right in grid.column_edges),
    )
