"""Page text in reading order, rebuilt from where the text is printed (pypdfium2 text rectangles).

The order of a PDF's text stream is the order the producer wrote it, not the order a reader sees:
spreadsheet printers emit the grid's cells first and the print title, unit line and 编制单位 line
last; page headers and footers land anywhere. Everything that reads "the line above the table"
or "the first lines of the page" needs lines ordered by position. pdfium gives one rectangle per
run of text on one line (~5 ms a page); runs whose vertical extents overlap form one line, read
left to right.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

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


def page_runs(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[Run]:
    """Every text run of a page with its box, upright.

    Built from characters, not from pdfium's text rectangles: the text inside a rectangle takes in
    any glyph whose box overlaps it, so touching or overprinted glyphs (fake bold) came out twice.
    A run is a sequence of characters in stream order on one line with no word break between them."""
    rotation = page.get_rotation() % 360
    width, height = page.get_size()
    if rotation in (90, 270):
        width, height = height, width  # get_size() is already the displayed size
    raw = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    runs: list[Run] = []
    chars: list[str] = []
    box: list[float] = []
    guessed_break = False  # pdfium inserted a line break here; the next glyph's position decides
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        text = chr(code) if code else ""
        generated = pdfium_c.FPDFText_IsGenerated(raw, index) == 1
        if generated and text in ("\r", "\n"):
            guessed_break = guessed_break or bool(box)
            continue
        if not text or text.isspace() or generated:
            _close_run(runs, chars, box, trailing_space=True)
            guessed_break = False
            continue
        pdfium_c.FPDFText_GetCharBox(raw, index, left, right, bottom, top)
        x0, y0, x1, y1 = _upright((left.value, bottom.value, right.value, top.value), rotation, width, height)
        if guessed_break and not _adjacent(box, x0, y0, x1, y1):
            _close_run(runs, chars, box, trailing_space=True)
        elif box and not _continues(box, x0, y0, x1, y1):
            _close_run(runs, chars, box, trailing_space=False)
        guessed_break = False
        if box:
            box[:] = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
        else:
            box[:] = [x0, y0, x1, y1]
        chars.append(text)
    _close_run(runs, chars, box, trailing_space=False)
    return runs


def _continues(box: list[float], x0: float, y0: float, x1: float, y1: float) -> bool:
    """The next character sits on the run's line, just after it (not back over it: an overprint)."""
    run_height = max(box[3] - box[1], 0.1)
    char_height = max(y1 - y0, 0.1)
    shared = min(box[3], y1) - max(box[1], y0)
    same_line = shared >= 0.3 * min(run_height, char_height) or (y1 - y0 < 2 and box[1] - 2 <= y0 <= box[3])
    return same_line and box[2] - 0.5 * run_height <= x0 <= box[2] + 0.8 * max(run_height, char_height)


def _adjacent(box: list[float], x0: float, y0: float, x1: float, y1: float) -> bool:
    """The glyph after a line break pdfium generated sits right after the run, on its line: the
    break was a guess (Chromium's Skia places each glyph run with its own matrix, and pdfium takes
    a glyph a fraction of a point left of where it expected it for a new line)."""
    if not box:
        return False
    run_height = max(box[3] - box[1], 0.1)
    shared = min(box[3], y1) - max(box[1], y0)
    same_line = shared >= 0.6 * min(run_height, max(y1 - y0, 0.1))
    return same_line and box[2] - 0.5 * run_height <= x0 <= box[2] + 0.25 * run_height


def _close_run(runs: list[Run], chars: list[str], box: list[float], trailing_space: bool) -> None:
    if chars and box:
        text = nfkc("".join(chars)) + (" " if trailing_space else "")
        runs.append(Run(text, box[0], box[1], box[2], box[3]))
    chars.clear()
    box.clear()


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


def _without_overprint(runs: list[Run]) -> list[Run]:
    """Runs without the copies a producer prints over the original to fake bold type (the same text
    again, shifted by a fraction of a point): ``18.85`` must not read ``1818.8.85 85``."""
    kept: list[Run] = []
    for run in runs:
        copy = any(
            other.text.strip() == run.text.strip()
            and min(other.x1, run.x1) - max(other.x0, run.x0) > 0.5 * max(run.x1 - run.x0, 0.1)
            for other in kept[-3:]
        )
        if not copy:
            kept.append(run)
    return kept


def _line(runs: list[Run]) -> TextLine:
    parts: list[str] = []
    previous: Run | None = None
    line_height = max(run.height for run in runs)
    for run in _without_overprint(runs):
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
