"""Page text in reading order, rebuilt from where the text is printed (pypdfium2 text rectangles).

The order of a PDF's text stream is the order the producer wrote it, not the order a reader sees:
spreadsheet printers emit the grid's cells first and the print title, unit line and 编制单位 line
last; page headers and footers land anywhere. Everything that reads "the line above the table"
or "the first lines of the page" needs lines ordered by position. pdfium gives one rectangle per
run of text on one line (~5 ms a page); runs whose vertical extents overlap form one line, read
left to right.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from extract.text import nfkc

_SAME_LINE_OVERLAP = 0.5  # share of the shorter run's height two runs must share to be one line
# A gap wider than this share of the line's height separates two cells; narrower gaps are letter
# spacing or kerning (glyph boxes are tight: a '、' or '.' is far lower than the line).
_CELL_GAP = 0.8


@dataclass(frozen=True)
class Run:
    """One run of text on one line, in page space rotated upright (y grows upwards)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return max(self.y1 - self.y0, 0.1)


@dataclass(frozen=True)
class TextLine:
    """Runs that share a line, left to right; ``text`` joins them with a space between cells."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    runs: tuple[Run, ...]


def _upright(box: tuple[float, float, float, float], rotation: int, width: float, height: float):
    """A box in the page's user space turned into the coordinates of the page as displayed."""
    left, bottom, right, top = box
    if rotation == 90:  # displayed x = user y, displayed y = page width - user x
        return bottom, width - right, top, width - left
    if rotation == 180:
        return width - right, height - top, width - left, height - bottom
    if rotation == 270:
        return height - top, left, height - bottom, right
    return left, bottom, right, top


_INSET = 0.5  # points: a neighbour glyph whose box just overlaps the run's edge is not part of it


def _inset(box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The run's box narrowed a little, so pdfium's bounded text does not take in the first glyph
    of the next run when their boxes touch (厅 ending at x=260.7, "2" starting at 260.6)."""
    left, bottom, right, top = box
    inset = min(_INSET, (right - left) / 4, (top - bottom) / 4)
    return left + inset, bottom + inset, right - inset, top - inset


def page_runs(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[Run]:
    """Every text run of a page with its box, upright."""
    rotation = page.get_rotation() % 360
    width, height = page.get_size()
    if rotation in (90, 270):
        width, height = height, width  # get_size() is already the displayed size
    runs = []
    for index in range(textpage.count_rects()):
        box = textpage.get_rect(index)
        text = nfkc(textpage.get_text_bounded(*_inset(box))).replace("\r", "").replace("\n", " ")
        if text.strip():
            x0, y0, x1, y1 = _upright(box, rotation, width, height)
            runs.append(Run(text, x0, y0, x1, y1))
    return runs


def _overlap(a: Run | TextLine, b: Run) -> float:
    shared = min(a.y1, b.y1) - max(a.y0, b.y0)
    return shared / max(min(a.y1 - a.y0, b.height), 0.1)


def group_lines(runs: list[Run]) -> list[TextLine]:
    """Runs grouped into lines, top of the page first, each line read left to right."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (-(r.y0 + r.y1) / 2, r.x0)):
        for line in reversed(lines[-3:]):  # runs of one line are close together in this order
            if _overlap(_bounds(line), run) >= _SAME_LINE_OVERLAP:
                line.append(run)
                break
        else:
            lines.append([run])
    built = [_line(sorted(line, key=lambda r: r.x0)) for line in lines]
    return sorted(built, key=lambda line: (-line.y1, line.x0))


def _bounds(runs: list[Run]) -> Run:
    return Run(
        "", min(r.x0 for r in runs), min(r.y0 for r in runs), max(r.x1 for r in runs), max(r.y1 for r in runs)
    )


def _line(runs: list[Run]) -> TextLine:
    parts: list[str] = []
    previous: Run | None = None
    line_height = max(run.height for run in runs)
    for run in runs:
        text = run.text.strip() if previous is not None else run.text.rstrip()
        if previous is not None:
            spaced = previous.text[-1:].isspace() or run.x0 - previous.x1 > _CELL_GAP * line_height
            parts.append(" " if spaced else "")  # pdfium's own word break, or a cell gap
        parts.append(text)
        previous = run
    bounds = _bounds(runs)
    return TextLine("".join(parts), bounds.x0, bounds.y0, bounds.x1, bounds.y1, tuple(runs))


def page_text_lines(page: pdfium.PdfPage) -> list[TextLine]:
    """The page's lines in reading order (top to bottom, left to right)."""
    textpage = page.get_textpage()
    try:
        return group_lines(page_runs(page, textpage))
    finally:
        textpage.close()


def lines_text(lines: list[TextLine]) -> str:
    return "\n".join(line.text for line in lines)
