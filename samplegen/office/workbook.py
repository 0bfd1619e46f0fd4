"""A document's standard tables as an .xlsx workbook, laid out the way offices print them.

Each table gets a sheet (or, with ``group_small``, the small tables share one): a title row
merged across the table, the 部门 / 单位 lines, the merged multi-row header (repeated on every
printed page as print titles), the body with its merged cells, thin borders on the grid (or
horizontal rules only), a page footer, landscape pages for wide tables, fit to the page width.
Amounts are numbers with a number format, as typed in a real spreadsheet.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from samplegen.layout import TableSpec
from samplegen.office.layout import SMALL_TABLES, OfficeLayout

FONT_NAME = "WenQuanYi Zen Hei"
AMOUNT = re.compile(r"^-?[\d,]+\.\d{2}$")
THIN = Side(style="thin")
ALIGN = {"l": "left", "c": "center", "r": "right"}


def text_width(text: str) -> int:
    """Display width in spreadsheet character units (a CJK character counts two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class SheetWriter:
    """Writes tables one under the other on a worksheet; ``row`` is the next free row (1-based)."""

    def __init__(
        self, ws: Worksheet, layout: OfficeLayout, labels: tuple[str, str], size: float = 10
    ) -> None:
        self.ws, self.layout, self.labels, self.size = ws, layout, labels, size
        self.row = 1
        self.widths: dict[int, float] = {}

    def border(self) -> Border:
        """Thin rules round the cell, or only above and below it (no vertical rules)."""
        side = THIN if self.layout.vertical_rules else None
        return Border(left=side, right=side, top=THIN, bottom=THIN)

    def put(
        self,
        row: int,
        col: int,
        value: str,
        *,
        align: str = "l",
        bold: bool = False,
        size: float | None = None,
        ruled: bool = True,
        span: tuple[int, int] = (1, 1),
    ) -> None:
        """One (possibly merged: ``span`` = rows, columns) cell with font, alignment and borders."""
        fmt = None
        if AMOUNT.match(value):
            fmt = "#,##0.00" if "," in value else "0.00"
            value = float(Decimal(value.replace(",", "")))
        rows, cols = span
        for r in range(row, row + rows):
            for c in range(col, col + cols):
                cell = self.ws.cell(r, c)
                if ruled:
                    cell.border = self.border()
        cell = self.ws.cell(row, col, value if value != "" else None)
        cell.font = Font(name=FONT_NAME, size=size or self.size, bold=bold)
        cell.alignment = Alignment(horizontal=ALIGN[align], vertical="center", wrap_text=align != "r")
        if fmt:
            cell.number_format = fmt
        if rows > 1 or cols > 1:
            self.ws.merge_cells(
                start_row=row, start_column=col, end_row=row + rows - 1, end_column=col + cols - 1
            )

    def table(self, spec: TableSpec) -> tuple[int, int]:
        """Write one table from ``self.row``; returns its header rows (first, last)."""
        n = len(spec.widths)
        self.fit_columns(spec)
        self.put(
            self.row,
            1,
            spec.title,
            align="c",
            bold=True,
            size=16,
            ruled=self.layout.title_in_grid,
            span=(1, n),
        )
        self.ws.row_dimensions[self.row].height = 32
        self.row += 1
        dept = f"{self.labels[0]}{spec.department}" if spec.department else ""
        unit = f"{self.labels[1]}{spec.unit}" if spec.unit else ""
        right = min(2, n - 1)
        if self.layout.two_label_lines:
            for text, align in ((dept, "l"), (unit, "r")):
                if text:
                    self.put(self.row, 1, text, align=align, ruled=False, span=(1, n))
                    self.row += 1
        else:
            self.put(self.row, 1, dept, ruled=False, span=(1, n - right))
            self.put(self.row, n - right + 1, unit, align="r", ruled=False, span=(1, right))
            self.row += 1
        first = self.row
        for cell in spec.header:
            self.put(
                first + cell.row,
                1 + cell.col,
                cell.text,
                align="c",
                bold=True,
                span=(cell.rowspan, cell.colspan),
            )
        self.header_heights(spec, first)
        self.row += spec.header_rows
        for body in spec.rows:
            spans = dict(body.merges)
            col = 0
            while col < n:
                span = spans.get(col, 1)
                self.put(
                    self.row,
                    1 + col,
                    body.cells[col],
                    align="c" if span > 1 else spec.align[col],
                    span=(1, span),
                )
                col += span
            if self.layout.tall_rows or spec.loose:
                self.ws.row_dimensions[self.row].height = 30 if self.layout.tall_rows else 22
            self.row += 1
        if spec.note:
            self.put(self.row, 1, spec.note, ruled=False, span=(1, n))
            self.ws.row_dimensions[self.row].height = 18 * (1 + text_width(spec.note) // 160)
            self.row += 1
        return first, first + spec.header_rows - 1

    def header_heights(self, spec: TableSpec, first: int) -> None:
        """Header rows tall enough for their wrapped labels (spreadsheets do not grow merged cells)."""
        heights = [16.0] * spec.header_rows
        for cell in sorted(spec.header, key=lambda c: c.rowspan):
            width = sum(self.widths[c] for c in range(cell.col + 1, cell.col + cell.colspan + 1))
            need = 14.0 * -(-text_width(cell.text) // max(1, int(width * 0.9) - 1)) + 4
            have = sum(heights[cell.row : cell.row + cell.rowspan])
            if need > have:
                heights[cell.row + cell.rowspan - 1] += need - have
        for i, height in enumerate(heights):
            self.ws.row_dimensions[first + i].height = height

    def fit_columns(self, spec: TableSpec) -> None:
        """Column widths: the spec's proportions of the page, widened so every amount fits."""
        total = 150 if spec.landscape else 100
        share = sum(spec.widths)
        for i, relative in enumerate(spec.widths):
            need = max((text_width(r.cells[i]) + 4 for r in spec.rows if spec.align[i] != "l"), default=0)
            width = max(relative / share * total, need, 6)
            self.widths[i + 1] = max(self.widths.get(i + 1, 0), width)
            self.ws.column_dimensions[get_column_letter(i + 1)].width = self.widths[i + 1]


def page_setup(ws: Worksheet, layout: OfficeLayout, landscape: bool, title: str) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.8
    ws.oddFooter.center.text = layout.footer
    if layout.page_header:
        ws.oddHeader.left.text = title


def groups(specs: list[TableSpec], layout: OfficeLayout) -> list[list[TableSpec]]:
    """Tables per sheet, in print order: one each, or the small tables together at the first's place."""
    if not layout.group_small:
        return [[spec] for spec in specs]
    small = [s for s in specs if s.key in SMALL_TABLES]
    out: list[list[TableSpec]] = []
    for spec in specs:
        if spec.key not in SMALL_TABLES:
            out.append([spec])
        elif spec is small[0]:
            out.append(small)
    return out


def write_workbook(
    path: Path, specs: list[TableSpec], layout: OfficeLayout, labels: tuple[str, str], doc_title: str
) -> Path:
    """Write the tables to ``path`` (.xlsx), one sheet per group, in print order."""
    wb = Workbook()
    wb.remove(wb.active)
    for n, group in enumerate(groups(specs, layout), start=1):
        ws = wb.create_sheet(f"表{n}")
        writer = SheetWriter(ws, layout, labels)
        header = None
        for i, spec in enumerate(group):
            if i:
                writer.row += 2
            header = writer.table(spec)
        if layout.print_titles and len(group) == 1 and header:
            ws.print_title_rows = f"{header[0]}:{header[1]}"
        page_setup(ws, layout, any(s.landscape for s in group), doc_title)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
