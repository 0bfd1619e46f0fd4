"""Two-sided tables (收入 | 支出): the summary and fiscal-summary tables of both phases."""

from __future__ import annotations

from decimal import Decimal

from extract.text import normalise_label
from samplegen.context import DocContext, cn_number
from samplegen.layout import HeaderCell, Mark, Row, TableSpec
from samplegen.tablekit import Cells

Side = list[tuple[str, list[tuple[str, Decimal | None]]]]  # (label, [(measure, amount)])


def _side_cells(
    cells: Cells, marks: list[Mark], entry: tuple[str, list[tuple[str, Decimal | None]]] | None, width: int
) -> list[str]:
    if entry is None:
        return [""] * (1 + width)
    label, values = entry
    item = normalise_label(label)
    return [label] + [cells.money(marks, amount, None, item, measure) for measure, amount in values]


def two_sided_rows(
    cells: Cells, left: Side, right: Side, totals: list[tuple[Side, Side]], right_width: int
) -> list[Row]:
    """Items side by side (padded), then the total rows aligned at the bottom."""
    rows: list[Row] = []
    pairs = [
        (left[i] if i < len(left) else None, right[i] if i < len(right) else None)
        for i in range(max(len(left), len(right)))
    ]
    pairs += [(lt[0] if lt else None, rt[0] if rt else None) for lt, rt in totals]
    for lhs, rhs in pairs:
        marks: list[Mark] = []
        row_cells = _side_cells(cells, marks, lhs, 1) + _side_cells(cells, marks, rhs, right_width)
        rows.append(Row(row_cells, marks))
    return rows


def numbered_items(entries: list[tuple[str, list[tuple[str, Decimal | None]]]]) -> Side:
    """Prefix 一、二、… as the templates do."""
    return [(f"{cn_number(i + 1)}、{label}", values) for i, (label, values) in enumerate(entries)]


def class_side(ctx: DocContext, attribute: str, measures: list[tuple[str, str]]) -> Side:
    """The 支出 side: one row per functional 类 (``measures``: (measure key, Leaf attribute))."""
    entries = []
    for code, name, _ in ctx.class_amounts(attribute):
        values = []
        for measure, attr in measures:
            amount = sum(
                (getattr(leaf, attr) for leaf in ctx.fin.leaves if leaf.code.startswith(code)),
                Decimal("0.00"),
            )
            values.append((measure, amount))
        entries.append((name, values))
    return numbered_items(entries)


def two_sided_spec(
    ctx: DocContext, key: str, title: str, left_header: str, right_headers: list[str], rows: list[Row]
) -> TableSpec:
    """A 收入 | 支出 table with its two header rows."""
    width = len(right_headers)
    header = [
        HeaderCell("收入", 0, 0, 1, 2),
        HeaderCell("支出", 0, 2, 1, 1 + width),
        HeaderCell("项目", 1, 0),
        HeaderCell(left_header, 1, 1),
        HeaderCell("项目", 1, 2),
    ]
    header += [HeaderCell(text, 1, 3 + i) for i, text in enumerate(right_headers)]
    wide = width > 1
    return TableSpec(
        key=key,
        title=title,
        unit=ctx.style.unit,
        department=ctx.department,
        widths=[2.6, 1.1, 2.6] + [1.1] * width,
        header=header,
        rows=rows,
        align=["l", "r", "l"] + ["r"] * width,
        landscape=wide and ctx.style.landscape_wide,
        font_size=8.0 if not wide or ctx.style.landscape_wide else 7.0,
        repeat_header=ctx.style.repeat_header,
        loose=ctx.style.loose_rows,
    )
