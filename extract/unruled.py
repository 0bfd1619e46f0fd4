"""Repairs for grids found by text alignment (camelot's network flavour) in tables without
vertical rules.

Spreadsheet printers right-align amounts and left-align labels, so in a two-sided table (收入 |
支出 side by side) the 收入 side's amount ends where the 支出 side's label begins. Alignment
then finds one column holding both: ``3,484,258.00 一、一般公共服务支出``, with the header
``预算数\\n项目``. Such a column is split in two: the amount (or the header's first line) to the
left, the label (or the header's remaining lines) to the right.

Alignment also leaves a spanning heading (收入, 支出, centred over its columns) in one column of
its own, with no body below it: the heading is spread over the columns it is nearest to, and a
column with neither a body nor a heading of its own is dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.grid import Grid
from extract.headers import header_row_count

_AMOUNT = r"-?\(?\d[\d,]*(?:\.\d+)?\)?"
_GLUED = re.compile(rf"^({_AMOUNT}|-)\s+(\D.*)$", re.S)
_AMOUNT_ONLY = re.compile(rf"^(?:{_AMOUNT}|-)$")
_MIN_COLUMNS = 2  # a label and an amount
_MIN_GLUED_ROWS = 2  # one glued cell could be chance; a printed column repeats the pattern


def repair_unruled(grid: Grid) -> Grid:
    """All repairs, in order: split glued columns, spread spanning headings, drop empty columns.
    A single column is no table (alignment found only a stack of lines, e.g. several small tables
    on one page): it comes back empty, so the page is read from text positions instead."""
    grid = _drop_empty_columns(_spread_headings(split_glued_columns(grid)))
    return grid if grid.width >= _MIN_COLUMNS else replace(grid, cells=[], joined_left=[])


def split_glued_columns(grid: Grid) -> Grid:
    """The grid with every amount-then-label column split in two (see the module docstring)."""
    for column in range(grid.width - 1, -1, -1):
        texts = [row[column].strip() for row in grid.cells]
        if sum(1 for text in texts if _GLUED.match(text)) >= _MIN_GLUED_ROWS:
            grid = _split(grid, column)
    return grid


def _halves(text: str) -> tuple[str, str]:
    glued = _GLUED.match(text)
    if glued:
        return glued.group(1), glued.group(2).strip()
    if _AMOUNT_ONLY.match(text):
        return text, ""
    first, _, rest = text.partition("\n")
    if rest.strip() and not _GLUED.match(text):
        return first.strip(), rest.strip()
    return "", text


def _split(grid: Grid, column: int) -> Grid:
    cells, joined = [], []
    for row, flags in zip(grid.cells, grid.joined_left, strict=True):
        left, right = _halves(row[column].strip())
        cells.append([*row[:column], left, right, *row[column + 1 :]])
        joined.append([*flags[: column + 1], False, *flags[column + 1 :]])
    edges = grid.column_edges
    if edges:
        x0, x1 = edges[column]
        middle = (x0 + x1) / 2
        edges = (*edges[:column], (x0, middle), (middle, x1), *edges[column + 1 :])
    return replace(grid, cells=cells, joined_left=joined, column_edges=edges)


def _spread_headings(grid: Grid) -> Grid:
    """A header row whose headings all stand over empty columns (收入 and 支出, each alone above
    nothing) is a row of spanning headings: each blank takes the nearest heading (ties: left)."""
    empty = set(_empty_columns(grid))
    if not empty:
        return grid
    cells = [list(row) for row in grid.cells]
    for r in range(max(header_row_count(grid) - 1, 0)):
        filled = [c for c, text in enumerate(cells[r]) if text.strip()]
        if filled and set(filled) <= empty:
            cells[r] = [cells[r][min(filled, key=lambda f: (abs(f - c), f))] for c in range(grid.width)]
    return replace(grid, cells=cells)


def _empty_columns(grid: Grid) -> list[int]:
    """Columns with no body text and no text in the last header row (an alignment artefact)."""
    rows = header_row_count(grid)
    if not rows or rows == len(grid.cells):
        return []
    return [
        c
        for c in range(grid.width)
        if not grid.cells[rows - 1][c].strip() and not any(row[c].strip() for row in grid.cells[rows:])
    ]


def _drop_empty_columns(grid: Grid) -> Grid:
    empty = set(_empty_columns(grid))
    if not empty:
        return grid
    keep = [c for c in range(grid.width) if c not in empty]
    edges = tuple(grid.column_edges[c] for c in keep) if grid.column_edges else ()
    return replace(
        grid,
        cells=[[row[c] for c in keep] for row in grid.cells],
        joined_left=[[flags[c] for c in keep] for flags in grid.joined_left],
        column_edges=edges,
    )
