"""Draw blocks onto PDF pages with reportlab and stamp every mark with its page.

Tables are bordered grids of stroked lines (camelot lattice reads them); a merged header cell
is one bordered box over the columns/rows it spans. A table that does not fit continues on the
next page, with or without its header repeated.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from samplegen.layout import Block, HeaderCell, PageBreak, Paragraph, TableSpec

FONT = "WenQuanYiZenHei"
FONT_PATH = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
MARGIN = 50.0
PAD = 2.5
# Kangxi radicals / CJK radical supplement look-alikes seen in real text layers (NFKC folds them back).
KANGXI = str.maketrans(
    {
        "支": "⽀",
        "门": "⻔",
        "用": "⽤",
        "入": "⼊",
        "人": "⼈",
        "工": "⼯",
        "生": "⽣",
        "金": "⾦",
        "力": "⼒",
        "目": "⽬",
        "大": "⼤",
        "行": "⾏",
        "车": "⻋",
    }
)
_TOKEN = re.compile(r"[0-9A-Za-z.,%()\-]+|.", re.S)


def letter_spaced(text: str) -> str:
    """``合计`` → ``合 计``: short CJK labels are often letter-spaced in real tables."""
    if 1 < len(text) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in text):
        return " ".join(text)
    return text


def register_font() -> None:
    """Embed WenQuanYi Zen Hei (a real TrueType CJK font, subset into each PDF)."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_PATH), subfontIndex=0))


def wrap_spans(text: str, width: float, size: float) -> list[tuple[int, int]]:
    """Greedy line breaking that never splits a number or a Latin word: (start, end) offsets."""
    spans: list[tuple[int, int]] = []
    start = end = 0
    for token in _TOKEN.finditer(text):
        if token.group() == "\n":
            spans.append((start, end))
            start = end = token.end()
            continue
        if end > start and pdfmetrics.stringWidth(text[start : token.end()], FONT, size) > width:
            spans.append((start, end))
            start = token.start()
        end = token.end()
    spans.append((start, end))
    return spans


def wrap(text: str, width: float, size: float) -> list[str]:
    return [text[a:b] for a, b in wrap_spans(text, width, size)]


def fitting_size(spec: TableSpec, widths: list[float]) -> float:
    """The table's font size, shrunk until every amount fits its column on one line."""
    size = spec.font_size
    for row in spec.rows:
        for text, width, how in zip(row.cells, widths, spec.align, strict=True):
            if how == "r" and text:
                need = pdfmetrics.stringWidth(text, FONT, size) + 2 * PAD + 1
                if need > width:
                    size = max(4.0, int(size * width / need * 4) / 4)
    return size


class Renderer:
    """A cursor over pages; ``render`` returns the page count."""

    def __init__(
        self,
        path: Path,
        kangxi: bool,
        labels: tuple[str, str] = ("部门：", "单位："),
        footer: str | None = None,
        spaced: bool = False,
    ) -> None:
        register_font()
        self.spaced = spaced  # letter-space short header labels and 合计/总计 cells
        self.labels = labels  # how the department and unit lines above a table are introduced
        self.footer = footer  # page-number format, e.g. "- {n} -"
        self.canvas = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
        self.canvas.setLineWidth(0.6)
        self.kangxi = kangxi
        self.page = 1
        self.is_landscape = False
        self.dirty = False
        self.y = self.top

    @property
    def size(self) -> tuple[float, float]:
        return landscape(A4) if self.is_landscape else A4

    @property
    def top(self) -> float:
        return self.size[1] - MARGIN

    @property
    def width(self) -> float:
        return self.size[0] - 2 * MARGIN

    def text(self, x: float, y: float, text: str, size: float, anchor: str = "l") -> None:
        shown = text.translate(KANGXI) if self.kangxi else text
        self.canvas.setFont(FONT, size)
        if anchor == "c":
            self.canvas.drawCentredString(x, y, shown)
        elif anchor == "r":
            self.canvas.drawRightString(x, y, shown)
        else:
            self.canvas.drawString(x, y, shown)
        self.dirty = True

    def page_number(self) -> None:
        if self.footer and self.page > 1:
            self.text(self.size[0] / 2, MARGIN / 2, self.footer.format(n=self.page), 9, "c")

    def new_page(self, is_landscape: bool | None = None) -> None:
        if self.dirty:
            self.page_number()
            self.canvas.showPage()
            self.canvas.setLineWidth(0.6)
            self.page += 1
        if is_landscape is not None:
            self.is_landscape = is_landscape
        self.canvas.setPageSize(self.size)
        self.y = self.top
        self.dirty = False

    def render(self, blocks: list[Block]) -> int:
        for block in blocks:
            if isinstance(block, PageBreak):
                self.new_page(block.landscape)
            elif isinstance(block, Paragraph):
                self.paragraph(block)
            else:
                self.table(block)
        self.page_number()
        self.canvas.showPage()
        self.canvas.save()
        return self.page

    def paragraph(self, para: Paragraph) -> None:
        size, lead = para.size, para.size * 1.6
        indent = 2 * size if para.indent and not para.center else 0.0
        self.y -= para.space_before
        marks = sorted(para.marks, key=lambda m: m[0])
        for n, (a, b) in enumerate(wrap_spans(para.text, self.width - indent, size)):
            if self.y - lead < MARGIN:
                self.new_page()
            self.y -= lead
            x = self.size[0] / 2 if para.center else MARGIN + (indent if n == 0 else 0.0)
            self.text(x, self.y, para.text[a:b], size, "c" if para.center else "l")
            for at, mark in marks:
                if at < b and "page" not in mark:
                    mark["page"] = self.page
        for _, mark in marks:
            mark.setdefault("page", self.page)

    # --- tables -------------------------------------------------------------------------------

    def table(self, spec: TableSpec) -> None:
        self.new_page(spec.landscape)
        widths = [w * self.width / sum(spec.widths) for w in spec.widths]
        size = fitting_size(spec, widths)
        self.y -= 18
        self.text(self.size[0] / 2, self.y, spec.title, 14, "c")
        self.y -= 20
        if spec.department:
            self.text(MARGIN, self.y, f"{self.labels[0]}{spec.department}", 9)
        if spec.unit:
            self.text(MARGIN + self.width, self.y, f"{self.labels[1]}{spec.unit}", 9, "r")
        self.y -= 6
        header_heights = self._header_heights(spec.header, widths, size)
        self._draw_header(spec.header, widths, header_heights, size)
        min_height = 21.0 if spec.loose else 15.0
        for row in spec.rows:
            cells, cell_widths, aligns = row.drawn(widths, spec.align)
            cells = [letter_spaced(c) if self.spaced and c in ("合计", "总计", "小计") else c for c in cells]
            lines = [wrap(text, w - 2 * PAD, size) for text, w in zip(cells, cell_widths, strict=True)]
            height = max(min_height, max(len(ls) for ls in lines) * size * 1.25 + 2 * PAD)
            open_top = row.continues
            if self.y - height < MARGIN:
                self.new_page(spec.landscape)
                open_top = set()  # a merged cell broken by a page gets its top line back
                if spec.repeat_header:
                    self._draw_header(spec.header, widths, header_heights, size)
            self._draw_row(lines, cell_widths, height, size, aligns, open_top)
            for mark in row.marks:
                mark["page"] = self.page
        if spec.note:
            self.y -= 4
            for line in wrap(spec.note, self.width, 9):
                if self.y - 14 < MARGIN:
                    self.new_page(spec.landscape)
                self.y -= 14
                self.text(MARGIN, self.y, line, 9)

    def _header_heights(self, header: list[HeaderCell], widths: list[float], size: float) -> list[float]:
        rows = max((c.row + c.rowspan for c in header), default=0)
        heights = [size * 1.25 + 2 * PAD] * rows
        for cell in sorted(header, key=lambda c: c.rowspan):
            width = sum(widths[cell.col : cell.col + cell.colspan])
            need = len(wrap(cell.text, width - 2 * PAD, size)) * size * 1.25 + 2 * PAD
            have = sum(heights[cell.row : cell.row + cell.rowspan])
            if need > have:
                heights[cell.row + cell.rowspan - 1] += need - have
        return heights

    def _draw_header(
        self, header: list[HeaderCell], widths: list[float], heights: list[float], size: float
    ) -> None:
        top = self.y
        for cell in header:
            x = MARGIN + sum(widths[: cell.col])
            y = top - sum(heights[: cell.row])
            w = sum(widths[cell.col : cell.col + cell.colspan])
            h = sum(heights[cell.row : cell.row + cell.rowspan])
            self._box(x, y, w, h)
            lines = wrap(letter_spaced(cell.text) if self.spaced else cell.text, w - 2 * PAD, size)
            first = y - (h - len(lines) * size * 1.25) / 2 - size
            for n, line in enumerate(lines):
                self.text(x + w / 2, first - n * size * 1.25, line, size, "c")
        self.y = top - sum(heights)

    def _draw_row(
        self,
        lines: list[list[str]],
        widths: list[float],
        height: float,
        size: float,
        align: list[str],
        open_top: set[int],
    ) -> None:
        x = MARGIN
        for col, (cell_lines, w, how) in enumerate(zip(lines, widths, align, strict=True)):
            self._box(x, self.y, w, height, top_line=col not in open_top)
            first = self.y - (height - len(cell_lines) * size * 1.25) / 2 - size
            for n, line in enumerate(cell_lines):
                tx = {"l": x + PAD, "c": x + w / 2, "r": x + w - PAD}[how]
                self.text(tx, first - n * size * 1.25, line, size, how)
            x += w
        self.y -= height

    def _box(self, x: float, top: float, w: float, h: float, top_line: bool = True) -> None:
        c = self.canvas
        if top_line:
            c.line(x, top, x + w, top)
        c.line(x, top - h, x + w, top - h)
        c.line(x, top, x, top - h)
        c.line(x + w, top, x + w, top - h)
        self.dirty = True
