"""Form (a): the narrative is text, every standard table is a picture pasted into the page.

Many offices build the tables in a spreadsheet and paste a screenshot into the Word narrative;
the PDF then has a text title and unit line over a JPEG of the grid (96–150 dpi, the way a
screenshot lands in Word). The document is drawn exactly as the text variant (same blocks, same
pages, so the same truth JSON), then each page's standard-table grid is rendered at a screen
resolution, its text and ruling lines are removed from the page, and the JPEG is inserted in
their place. Notes under a grid, titles, unit lines and footers stay text.
"""

from __future__ import annotations

import copy
import io
import random
import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from reportlab.lib.utils import ImageReader

from samplegen.context import DocContext
from samplegen.layout import Block, TableSpec
from samplegen.produce import pdf_relative, truth_record
from samplegen.render import Renderer

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points
DPI_RANGE = (96, 150)
QUALITY_RANGE = (75, 90)
_PAD = 1.5  # points around the grid kept in the picture (the border line's width)


class ScreenshotRenderer(Renderer):
    """The text renderer, recording per page the box of every standard table's grid."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.boxes: dict[int, list[Box]] = {}
        self._standard = False
        self._open: Box | None = None
        self._open_page = 0

    def table(self, spec: TableSpec) -> None:
        self._standard = spec.key is not None
        try:
            super().table(spec)
        finally:
            self._close()
            self._standard = False

    def new_page(self, is_landscape: bool | None = None) -> None:
        self._close()
        super().new_page(is_landscape)

    def _box(self, x: float, top: float, w: float, h: float, top_line: bool = True) -> None:
        super()._box(x, top, w, h, top_line)
        if not self._standard:
            return
        box = (x, top - h, x + w, top)
        if self._open is None or self._open_page != self.page:
            self._close()
            self._open, self._open_page = box, self.page
        else:
            a = self._open
            self._open = (min(a[0], box[0]), min(a[1], box[1]), max(a[2], box[2]), max(a[3], box[3]))

    def _close(self) -> None:
        if self._open is not None:
            self.boxes.setdefault(self._open_page, []).append(self._open)
            self._open = None


class PastingRenderer(ScreenshotRenderer):
    """Draws the same pages with each standard table's grid replaced by its picture."""

    def __init__(self, pictures: dict[int, list[tuple[Box, bytes]]], *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.pictures = pictures
        self._hide = False

    def text(self, x: float, y: float, text: str, size: float, anchor: str = "l") -> None:
        if self._hide:
            self.dirty = True
            return
        super().text(x, y, text, size, anchor)

    def _draw_header(self, *args: object) -> None:
        self._hide = self._standard
        try:
            super()._draw_header(*args)  # type: ignore[arg-type]
        finally:
            self._hide = False

    def _draw_row(self, *args: object) -> None:
        self._hide = self._standard
        try:
            super()._draw_row(*args)  # type: ignore[arg-type]
        finally:
            self._hide = False

    def _box(self, x: float, top: float, w: float, h: float, top_line: bool = True) -> None:
        if self._standard:
            self.dirty = True  # the picture stands for the lines
            return
        super()._box(x, top, w, h, top_line)

    def page_number(self) -> None:
        for (left, bottom, right, top), jpeg in self.pictures.get(self.page, []):
            self.canvas.drawImage(ImageReader(io.BytesIO(jpeg)), left, bottom, right - left, top - bottom)
        super().page_number()


def screenshots(
    drawn: Path, boxes: dict[int, list[Box]], rng: random.Random
) -> dict[int, list[tuple[Box, bytes]]]:
    """Each box of the text rendering as a JPEG at a screen resolution (one per page)."""
    pictures: dict[int, list[tuple[Box, bytes]]] = {}
    pdf = pdfium.PdfDocument(str(drawn))
    try:
        for number, page_boxes in sorted(boxes.items()):
            page = pdf[number - 1]
            dpi, quality = rng.randint(*DPI_RANGE), rng.randint(*QUALITY_RANGE)
            scale = dpi / 72
            bitmap = page.render(scale=scale).to_pil().convert("RGB")
            height = page.get_height()
            for box in page_boxes:
                left, bottom, right, top = box[0] - _PAD, box[1] - _PAD, box[2] + _PAD, box[3] + _PAD
                pixels = (
                    round(left * scale),
                    round((height - top) * scale),
                    round(right * scale),
                    round((height - bottom) * scale),
                )
                buffer = io.BytesIO()
                bitmap.crop(pixels).save(buffer, format="JPEG", quality=quality)
                pictures.setdefault(number, []).append(((left, bottom, right, top), buffer.getvalue()))
    finally:
        pdf.close()
    return pictures


def write_screenshot_document(
    ctx: DocContext, blocks: list[Block], tables: list[TableSpec], outdir: Path, folder: str
) -> dict:
    """``produce.write_document`` in form (a): same blocks, same truth (bar the file's hash)."""
    relative = pdf_relative(ctx.county, folder, ctx.year, ctx.phase)
    path = outdir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    style = ctx.style
    options = (style.kangxi, style.labels, style.footer, style.spaced)
    with tempfile.TemporaryDirectory() as tmp:
        drawn = Path(tmp) / "text.pdf"
        renderer = ScreenshotRenderer(drawn, *options)
        renderer.render(copy.deepcopy(blocks))  # the marks get their pages from the second drawing
        rng = random.Random(f"{ctx.county}:{ctx.department}:{ctx.year}:{ctx.phase}:screenshot")
        pictures = screenshots(drawn, renderer.boxes, rng)
    pages = PastingRenderer(pictures, path, *options).render(blocks)
    return truth_record(ctx, blocks, tables, relative, path, pages)
