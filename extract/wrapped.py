"""Row labels wrapped over two lines in rows too short for them.

A spreadsheet printed with fixed row heights wraps a long label inside its cell width but does
not grow the row: the two lines stand centred on the row, the first above it and the second
below, where they overprint the next row's first line. Cells are then filled by position, so
a label's second line lands in the next row's cell (机关事业单位基本养老保 | 险缴费支出机关事业单位
职业年金缴 | 费支出卫生健康支出). The wrap itself is the clue: a line that fills the column's
width was broken there and goes on in the following line. Re-joining the column's lines at
those breaks gives one label per row again; when it does not (as many labels as rows), the
cells are left as printed.
"""

from __future__ import annotations

import unicodedata

from extract.rows import Block
from extract.text import squash, strip_ordinal

_SLACK = 0.5  # a wrapped line falls short of the widest by less than one glyph


def _width(text: str) -> float:
    """Printed width in CJK glyphs (a Latin letter or digit is about half of one)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5 for ch in text)


def _lines(cell: str) -> list[str]:
    return [line.strip() for line in cell.split("\n") if line.strip()]


def _rejoined(cells: list[str]) -> list[str] | None:
    """The labels of consecutive rows re-cut at the wraps, or None when that changes nothing or
    is not the overflow pattern: one label per row, got only by moving the first line of a cell
    holding two or more up to the row above, never a line that starts a label (一、, 其中:)."""
    by_row = [_lines(cell) for cell in cells]
    if all(len(lines) <= 1 for lines in by_row):
        return None
    flat = [line for lines in by_row for line in lines]
    widest = max(_width(line) for line in flat)
    cuts, start = [], 0  # flat index where each re-cut label starts
    for index, line in enumerate(flat):
        if index == start:
            cuts.append(start)
        if _width(line) < widest - _SLACK:
            start = index + 1
    if len(cuts) != len(cells):
        return None
    starts = [sum(len(lines) for lines in by_row[:row]) for row in range(len(cells))]
    for row, (old, new) in enumerate(zip(starts, cuts, strict=True)):
        moved = flat[old:new]
        if new < old or (moved and (len(by_row[row]) < 2 or len(moved) >= len(by_row[row]))):
            return None
        if any(strip_ordinal(squash(line)) != squash(line) for line in moved):
            return None
    if cuts == starts:
        return None
    ends = [*cuts[1:], len(flat)]
    return ["".join(flat[a:b]) for a, b in zip(cuts, ends, strict=True)]


def _runs(cells: list[str]) -> list[range]:
    """Maximal runs of consecutive rows whose label cell is filled."""
    runs, start = [], None
    for index, cell in enumerate([*cells, ""]):
        if cell.strip() and start is None:
            start = index
        elif not cell.strip() and start is not None:
            runs.append(range(start, index))
            start = None
    return runs


def rewrap_labels(rows: list[list[str]], blocks: list[Block]) -> list[list[str]]:
    """Body rows with every block's label column re-joined at its wraps (see the module doc)."""
    rows = [list(row) for row in rows]
    for block in blocks:
        if block.label is None:
            continue
        column = block.label.index
        cells = [row[column] if column < len(row) else "" for row in rows]
        for run in _runs(cells):
            labels = _rejoined([cells[index] for index in run])
            for index, label in zip(run, labels or [], strict=False):
                rows[index][column] = label
    return rows
