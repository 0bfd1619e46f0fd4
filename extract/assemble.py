"""One stitched table → BudgetLines and its TableReport (header mapping, repeated headers, units)."""

from __future__ import annotations

import re
from dataclasses import replace

from extract.grid import Grid, realign
from extract.headers import Column, classify_columns, column_paths, filled_header, header_row_count
from extract.measures import measure_of
from extract.model import BudgetLine, TableReport
from extract.rows import TOTAL_ROW, Block, RowContext, blocks_of, continues_row, joined_row, row_lines
from extract.stitch import TablePages
from extract.text import squash
from extract.wrapped import rewrap_labels

DEFAULT_UNIT = "元"


def grid_columns(grid: Grid, table_type: str, phase: str) -> tuple[int, list[Column]]:
    """(header rows, columns) of a grid read from its own header."""
    rows = header_row_count(grid)
    paths = column_paths(filled_header(grid, rows), grid.width)
    return rows, classify_columns(paths, table_type, phase)


def _amount_measures(columns: list[Column]) -> list[tuple[int, str | None]]:
    """Where each amount column is and what it holds: a repeated header must match both."""
    return [(column.index, column.measure) for column in columns if column.role == "amount"]


def continuation_columns(
    grid: Grid, previous: list[Column], table_type: str, phase: str
) -> tuple[int, list[Column]]:
    """A continuation page either repeats the header (use it, skip it) or starts with body rows
    (keep the previous page's columns when the width matches)."""
    rows, columns = grid_columns(grid, table_type, phase)
    if rows and _amount_measures(columns) == _amount_measures(previous):
        return rows, columns
    if rows and len(columns) == len(previous) and _repeats_some_of(columns, previous):
        return rows, previous  # a repeated header missing an empty column's heading (公用经费)
    return _repeated_header_above_blank_rows(grid, rows, previous, table_type, phase)


def _repeated_header_above_blank_rows(
    grid: Grid, rows: int, previous: list[Column], table_type: str, phase: str
) -> tuple[int, list[Column]]:
    """The repeated header followed by body rows without amounts (年初结转和结余 left blank): the
    leading rows before the first amount are not all header; the header is the fewest rows whose
    columns are the previous page's."""
    for count in range(rows - 1, 0, -1):
        paths = column_paths(filled_header(grid, count), grid.width)
        columns = classify_columns(paths, table_type, phase)
        if _amount_measures(columns) == _amount_measures(previous):
            return count, columns
    return 0, previous


def _repeats_some_of(columns: list[Column], previous: list[Column]) -> bool:
    """Every measure this header names is the previous header's in the same column, and it names one."""
    named = [(c.measure, p.measure) for c, p in zip(columns, previous, strict=True) if c.role == "amount"]
    return bool(named) and all(mine == theirs for mine, theirs in named)


def sources_as_rows(lines: list[BudgetLine]) -> list[BudgetLine]:
    """A revenue table printed with the sources as rows of one amount column (收入总计, 一般公共
    预算资金, 其他收入 …) is the contract's 合计 row turned on its side: each row whose label names
    a revenue measure becomes that measure of the 合计 row; rows naming none (sub-items) are dropped."""
    if not lines or any(line.code or line.measure != "total" for line in lines):
        return lines
    turned: dict[str, BudgetLine] = {}
    for line in lines:
        measure = measure_of("revenue", "budget", [line.item or ""])
        if measure and measure not in turned:
            turned[measure] = replace(line, code=None, item=TOTAL_ROW, measure=measure, budget_unit=None)
    return list(turned.values()) if len(turned) >= 2 else lines


def header_over(top: Grid, grid: Grid) -> Grid:
    """``grid`` under the header rows of ``top``, a page that printed only the top of the header
    (收入 | 支出) before the page broke: each of its cells spans the columns of ``grid`` whose
    middles it covers, so its headings reach the columns they stand over."""
    if not grid.column_edges:
        return grid
    cells: list[list[str]] = []
    joined: list[list[bool]] = []
    for row in top.cells:
        texts, flags, previous = [], [], None
        for left, right in grid.column_edges:
            middle = (left + right) / 2
            source = next((c for c, (a, b) in enumerate(top.column_edges) if a <= middle <= b), None)
            first = source is not None and source != previous
            texts.append(row[source] if first and source is not None else "")
            flags.append(source is not None and not first)
            previous = source
        cells.append(texts)
        joined.append(flags)
    return replace(grid, cells=cells + grid.cells, joined_left=joined + grid.joined_left)


Held = tuple[list[str], list[Block], int, list[float] | None]  # cells, blocks, page, confidence


def _emit(lines: list[BudgetLine], held: Held, context: RowContext) -> None:
    cells, blocks, page, confidence = held
    lines.extend(row_lines(cells, blocks, page, context, confidence))


_WHOLE_LABEL = re.compile(r"(?:合计|总计)$")


def _continues_held(body: list[tuple[int, list[str]]], held: Held, blocks: list[Block], skip: int) -> bool:
    """The page's first row is the rest of the row held from the page before; under a repeated
    header, or after a row whose labels are whole (本年收入合计 | 本年支出合计), a row without amounts
    is a row of its own (年初结转和结余 left blank), not the rest of a cut label."""
    rows = [cells for _, cells in body]
    if not any(squash(rows[0][c.index]) for block in blocks for c in block.amounts):
        held_labels = [squash(held[0][block.label.index]) for block in blocks if block.label]
        if skip or (any(held_labels) and all(_WHOLE_LABEL.search(label) for label in held_labels if label)):
            return False
    return continues_row(rows, held[0], blocks)


def table_lines(table: TablePages, phase: str, fiscal_year: int) -> tuple[list[BudgetLine], TableReport]:
    """Every printed amount of one table, and what was seen of it."""
    unit = table.unit or table.assumed_unit or DEFAULT_UNIT
    context = RowContext(table.table_type, unit, fiscal_year)
    if table.body_without_grid:
        context.errors.append(f"page {table.first_page}: table rows in the text but no ruled table found")
    if table.unit is None:
        why = "the unit of the table before it" if table.assumed_unit else "the default"
        context.errors.append(f"page {table.first_page}: no unit line; amounts read as {unit} ({why})")
    lines: list[BudgetLine] = []
    columns: list[Column] = []
    edges: tuple[tuple[float, float], ...] = ()
    held: Held | None = None  # the last row read, until the next page shows whether it goes on
    header_only: Grid | None = None  # a first page holding only the top of the header
    for position, grid in enumerate(table.grids):
        if header_only is not None and held is None:
            grid, columns = header_over(header_only, grid), []
        if position and columns and grid.width != len(columns):
            grid = realign(grid, edges) or grid
        if position == 0 or not columns:
            skip, columns = grid_columns(grid, table.table_type, phase)
            edges = grid.column_edges
        elif grid.width != len(columns):
            context.errors.append(
                f"page {grid.page}: continuation has {grid.width} columns, header has {len(columns)}"
            )
            continue
        else:
            skip, columns = continuation_columns(grid, columns, table.table_type, phase)
        header_only = grid if position == 0 and skip == len(grid.cells) and grid.column_edges else None
        blocks = blocks_of(columns)
        context.unit_columns = frozenset(c.index for c in columns if any("单位" in e for e in c.path))
        body = list(enumerate(rewrap_labels(grid.cells[skip:], blocks), start=skip))
        if held and body and position and _continues_held(body, held, blocks, skip):
            held, body = (joined_row(held[0], body[0][1]), *held[1:]), body[1:]
        for row, cells in body:
            if held:
                _emit(lines, held, context)
            confidence = grid.confidence[row] if grid.confidence is not None else None
            held = (cells, blocks, grid.page, confidence)
    if held:
        _emit(lines, held, context)
    if table.table_type == "revenue":
        lines = sources_as_rows(lines)
    pages = [grid.page for grid in table.grids] or [table.first_page]
    accuracies = [grid.accuracy for grid in table.grids if grid.accuracy is not None]
    whitespaces = [grid.whitespace for grid in table.grids if grid.whitespace is not None]
    report = TableReport(
        table_type=table.table_type,
        title=table.title,
        pages=pages,
        unit=table.unit or table.assumed_unit,
        accuracy=min(accuracies) if accuracies else None,
        whitespace=max(whitespaces) if whitespaces else None,
        rows=len(lines),
        empty=not lines and not context.errors,
        errors=context.errors,
    )
    return lines, report
