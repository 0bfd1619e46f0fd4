"""What the renderer draws: tables as grids of cells, text as paragraphs; both carry *marks*.

A mark is a truth record (a line, a narrative figure, a target) waiting for the page it lands
on: the renderer stamps ``mark["page"]``, so the truth always describes where the number is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Mark = dict  # a truth record; the renderer adds "page"


@dataclass(frozen=True)
class HeaderCell:
    """A header cell; spanning cells model merged multi-row headers."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Row:
    cells: list[str]
    marks: list[Mark] = field(default_factory=list)
    merges: list[tuple[int, int]] = field(default_factory=list)  # (first column, span): one merged cell
    continues: set[int] = field(default_factory=set)  # columns merged with the cell above (no line between)

    def drawn(self, widths: list[float], align: list[str]) -> tuple[list[str], list[float], list[str]]:
        """Cells as drawn: a merged run becomes one centred cell with the first column's text."""
        spans = dict(self.merges)
        cells, out_widths, out_align = [], [], []
        col = 0
        while col < len(self.cells):
            span = spans.get(col, 1)
            cells.append(self.cells[col])
            out_widths.append(sum(widths[col : col + span]))
            out_align.append("c" if span > 1 else align[col])
            col += span
        return cells, out_widths, out_align


@dataclass
class TableSpec:
    key: str | None  # table_type, or None for a non-standard table (performance targets)
    title: str
    unit: str | None
    widths: list[float]  # relative column widths
    header: list[HeaderCell]
    rows: list[Row]
    align: list[str]  # per column: 'l' | 'c' | 'r'
    department: str | None = None  # printed as 部门：…
    landscape: bool = False
    note: str | None = None  # printed under the grid
    empty: bool = False  # present, but says it has no data
    font_size: float = 8.0
    repeat_header: bool = True  # a continuation page repeats the header
    loose: bool = False  # taller rows

    @property
    def header_rows(self) -> int:
        return max((c.row + c.rowspan for c in self.header), default=0)


@dataclass
class Paragraph:
    """A run of text; ``marks`` are (character offset, truth record) pairs."""

    text: str
    size: float = 11.0
    bold: bool = False
    center: bool = False
    indent: bool = True
    marks: list[tuple[int, Mark]] = field(default_factory=list)
    space_before: float = 0.0


@dataclass
class PageBreak:
    landscape: bool = False


Block = Paragraph | TableSpec | PageBreak


def simple_header(labels: list[str]) -> list[HeaderCell]:
    """A one-row header."""
    return [HeaderCell(text, 0, col) for col, text in enumerate(labels)]
