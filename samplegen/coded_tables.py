"""Functional-code tables (收入 / 支出 / 一般公共预算 / fund tables): the 合计 row and the spec.

Shared by the budget and the final-accounts builders: both print the 类 / 款 / 项 rows of the
department's leaves over a fixed list of columns, plus a 合计 row above or below them per style.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from samplegen.catalog import functional_name
from samplegen.context import DocContext
from samplegen.finance import ZERO, Leaf
from samplegen.layout import Row, TableSpec
from samplegen.tablekit import (
    Cells,
    code_cells,
    code_width,
    functional_header,
    functional_rows,
    value_header_block,
)


def coded_spec(
    ctx: DocContext,
    key: str,
    title: str,
    groups: list[tuple[str, list[str]]],
    rows: list[Row],
    wide: bool = False,
    note: str | None = None,
    empty: bool = False,
) -> TableSpec:
    """A functional-code table: code column(s), name, then the value columns of ``groups``."""
    style = ctx.style
    first = 4 if style.code_split else 2
    values = value_header_block(style, first, groups)
    n_values = sum(max(1, len(children)) for _, children in groups)
    squeeze = wide and not style.landscape_wide
    return TableSpec(
        key=key,
        title=title,
        unit=style.unit,
        department=ctx.department,
        widths=code_width(style.code_split) + [2.6] + [1.0] * n_values,
        header=functional_header(style, values),
        rows=rows,
        align=["c"] * (first - 1) + ["l"] + ["r"] * n_values,
        landscape=wide and style.landscape_wide,
        note=note,
        empty=empty,
        font_size=6.5 if squeeze else 8.0,
        repeat_header=style.repeat_header,
        loose=style.loose_rows,
    )


def row_with_blanks(
    cells: Cells, ctx: DocContext, code: str | None, values: dict[str, Decimal], printed: list[str]
) -> Row:
    """A row over all ``printed`` measures; measures the department does not use print blank."""
    if code is None:  # the 合计 row: one merged cell over the code and name columns
        width = 4 if ctx.style.code_split else 2
        row = cells.row(["合计"] + [""] * (width - 1), None, "合计", [(m, values.get(m)) for m in printed])
        row.merges = [(0, width)]
        return row
    label = functional_name(code)
    return cells.row(
        code_cells(code, ctx.style.code_split) + [label], code, label, [(m, values.get(m)) for m in printed]
    )


def coded_body(
    ctx: DocContext,
    key: str,
    leaves: list[Leaf],
    measures: dict[str, Callable[[Leaf], Decimal]],
    printed: list[str],
    keep: Callable[[Leaf], bool] = lambda leaf: True,
) -> list[Row]:
    """The 类 / 款 / 项 rows of the kept leaves plus the 合计 row (the sum of the 类 rows), placed
    above or below them per style."""
    cells = Cells(ctx.style, key)
    rows = functional_rows(leaves, measures, keep)
    total = {m: sum((v[m] for c, v in rows if len(c) == 3), ZERO) for m in measures}
    body = [row_with_blanks(cells, ctx, code, values, printed) for code, values in rows]
    total_row = row_with_blanks(cells, ctx, None, total, printed)
    return [total_row, *body] if ctx.style.total_first else [*body, total_row]
