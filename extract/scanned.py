"""A disclosure with no text layer (form b: printed, stamped and scanned): every page read by OCR.

``read_scanned`` gives what the text layer gives for a text document, so ``extract_document``
carries on through identity, routing, stitching and row reading unchanged:

- ``layouts``: per page, :class:`extract.layout.TextLine` in PDF points (``read_scanned_page``:
  text outside the tables from one OCR pass, one line per table row), and ``page_texts`` from them;
- ``grids``: per page, the ruled tables read by OCR, in PDF points, for the routed pages (and for
  the performance-target tables, which camelot cannot read from an image);
- ``pages`` read and ``errors`` (pages given up), as ``extract.image_pages.ImageTables`` reports
  them for form (a), so ``v_documents.ocr_pages`` and the table reports say the same things.

Each page is the page's own scanned image at its own resolution when the page is exactly one
upright image (no resampling before ``read_scanned_page`` reduces it), else the page rendered at
``OcrSettings.dpi``. Every page gets ``ExtractSettings.ocr_seconds_per_page`` under the same alarm
and worker deadline extension as form (a) pages (``extract.image_pages``). The first
``identity_pages`` pages are read first: a scan with no 部门预算/部门决算 title there is quarantined
``not_budget`` before the rest of it costs OCR time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from extract import image_pages
from extract.grid import Grid
from extract.handle import PdfHandle, Source
from extract.identity import identify
from extract.layout import TextLine, lines_text
from extract.model import QuarantineError, ReasonClass
from extract.ocr.page import ScannedPage, read_scanned_page
from extract.ocr.page_image import OcrSettings, render_page
from extract.routing import PageRoute
from extract.settings import ExtractSettings

log = logging.getLogger(__name__)
_FULL_PAGE = 0.9  # an image covering this share of the page is the page (a scanner's output)


def _no_observer(number: int, page: ScannedPage) -> None:
    """Called with each page read; a benchmark (bench/ocr_scan.py) replaces it to see skew and time."""


on_page: Callable[[int, ScannedPage], None] = _no_observer


@dataclass
class ScannedDocument:
    """What OCR read of every page of a scanned PDF (PDF points, pages 1-based)."""

    layouts: list[list[TextLine]]
    page_texts: list[str]
    grids: dict[int, list[Grid]] = field(default_factory=dict)
    read: dict[int, ScannedPage] = field(default_factory=dict)  # pages read, with skew and seconds
    errors: dict[int, str] = field(default_factory=dict)  # pages given up, why
    seconds: dict[int, float] = field(default_factory=dict)  # wall, per page
    cpu_seconds: dict[int, float] = field(default_factory=dict)  # this process (one engine thread)

    @property
    def pages(self) -> list[int]:
        return sorted(self.read)

    def image_tables(self, routes: list[PageRoute]) -> image_pages.ImageTables:
        """The routed pages' grids in the shape form (a)'s reader returns them."""
        return image_pages.ImageTables(
            routes=list(routes),
            grids={route.page: self.grids[route.page] for route in routes if self.grids.get(route.page)},
            pages=self.pages,
            errors=dict(self.errors),
            seconds=dict(self.seconds),
            cpu_seconds=dict(self.cpu_seconds),
        )

    def tables(self) -> list[tuple[int, list[list[str]]]]:
        """(page, rows) of every OCR grid, top first on a page: what camelot gives the target reader."""
        return [(page, grid.cells) for page in sorted(self.grids) for grid in self.grids[page]]


def read_scanned(source: Source, settings: ExtractSettings) -> ScannedDocument:
    """Every page of a PDF without a text layer read by OCR (``source``: a path or the document's
    open handle); raises ``QuarantineError`` (``no_text_layer`` when OCR is off, ``not_budget``
    when its first pages have no title)."""
    path = source.path if isinstance(source, PdfHandle) else Path(source)
    if not settings.ocr_tables:
        raise QuarantineError(
            ReasonClass.NO_TEXT_LAYER,
            f"{path.name}: no text layer (scanned or image-only PDF) and OCR is off",
        )
    ocr = OcrSettings(cell_text="detect")  # scanned tables: the detector path (docs/ocr.md, form b speed)
    handle = source if isinstance(source, PdfHandle) else PdfHandle(source)  # the document's own, kept open
    pdf = handle.pdfium
    try:
        count = len(pdf)
        scan = ScannedDocument(layouts=[[] for _ in range(count)], page_texts=[""] * count)
        first = min(settings.identity_pages, count)
        for number in range(1, first + 1):
            _read_page(pdf, number, ocr, settings.ocr_seconds_per_page, scan)
        if identify(scan.page_texts[:first], settings.identity_pages) is None:
            skipped = "".join(f"; {scan.errors[n]}" for n in sorted(scan.errors))
            raise QuarantineError(
                ReasonClass.NOT_BUDGET,
                f"{path.name}: no text layer, and no 部门预算/部门决算 title read by OCR on its "
                f"{'first page' if first == 1 else f'first {first} pages'}{skipped}",
            )
        for number in range(first + 1, count + 1):
            _read_page(pdf, number, ocr, settings.ocr_seconds_per_page, scan)
    finally:
        if handle is not source:
            handle.close()
    return scan


def _read_page(
    pdf: pdfium.PdfDocument, number: int, ocr: OcrSettings, budget: float, scan: ScannedDocument
) -> None:
    """One page under its time budget; a page over it (or failing) is left empty and reported."""

    def read() -> ScannedPage:
        image, dpi = page_image(pdf[number - 1], ocr.dpi)
        return read_scanned_page(image, dpi, number, ocr)

    page = image_pages.read_within_budget(number, budget, "scanned page", read, scan)
    if page is None:
        return
    scan.read[number] = page
    on_page(number, page)
    scan.layouts[number - 1] = page.lines
    scan.page_texts[number - 1] = lines_text(page.lines)
    if page.grids:
        scan.grids[number] = page.grids


def page_image(page: pdfium.PdfPage, dpi: int) -> tuple[Image.Image, int]:
    """The page's scanned image at its own resolution (and that resolution), when the page is one
    upright image covering it; otherwise the page rendered at ``dpi``."""
    width, height = page.get_size()
    images = list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]))
    if len(images) == 1 and page.get_rotation() == 0:
        image = images[0]
        a, b, c, d, _, _ = image.get_matrix().get()
        left, bottom, right, top = image.get_bounds()
        covered = (min(right, width) - max(left, 0)) * (min(top, height) - max(bottom, 0))
        if b == 0 and c == 0 and a > 0 and d > 0 and covered >= _FULL_PAGE * width * height:
            try:
                pil = image.get_bitmap(render=False).to_pil()
            except pdfium.PdfiumError:  # an image format pdfium cannot hand over raw: render it
                pil = None
            if pil is not None and pil.width > 0:
                own = round(pil.width * 72 / a)
                if 50 <= own <= 1200:
                    return pil, own
    return render_page(page, dpi), dpi
