"""Shared pieces of the table builders: money cells that record truth lines, functional
hierarchies, code columns and the 功能分类 header block."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from extract.text import normalise_label
from samplegen.context import DocContext
from samplegen.finance import ZERO, Leaf
from samplegen.layout import HeaderCell, Mark, Row, TableSpec
from samplegen.money import printed
from samplegen.style import Style


@dataclass
class Cells:
    """Prints amounts in one table's style and records a truth line for every printed number."""

    style: Style
    table_type: str

    def money(
        self, marks: list[Mark], amount: Decimal | None, code: str | None, item: str | None, measure: str
    ) -> str:
        if amount is None:
            return self.style.blank
        if amount == ZERO and self.style.zero != "0.00":
            return self.style.zero
        marks.append(
            {
                "table_type": self.table_type,
                "code": code,
                "item": item,
                "measure": measure,
                "amount_yuan": f"{amount:.2f}",
            }
        )
        return printed(amount, self.style.unit, self.style.thousands)

    def row(
        self,
        label_cells: list[str],
        code: str | None,
        label: str | None,
        values: list[tuple[str, Decimal | None]],
    ) -> Row:
        """A row: its label cells, then one money cell per (measure, amount)."""
        marks: list[Mark] = []
        item = normalise_label(label) if label is not None else None
        money = [self.money(marks, amount, code, item, measure) for measure, amount in values]
        return Row(label_cells + money, marks)


def functional_rows(
    leaves: list[Leaf],
    measures: dict[str, Callable[[Leaf], Decimal]],
    keep: Callable[[Leaf], bool] = lambda leaf: True,
) -> list[tuple[str, dict[str, Decimal]]]:
    """(code, measure → amount) for every 类, 款 and 项 of the kept leaves, in code order."""
    sums: dict[str, dict[str, Decimal]] = {}
    for leaf in sorted((leaf for leaf in leaves if keep(leaf)), key=lambda leaf: leaf.code):
        for code in (leaf.code[:3], leaf.code[:5], leaf.code):
            bucket = sums.setdefault(code, dict.fromkeys(measures, ZERO))
            for key, get in measures.items():
                bucket[key] += get(leaf)
    return sorted(sums.items())


def code_cells(code: str | None, split: bool) -> list[str]:
    """The code column(s) of a row: one column, or 类 | 款 | 项."""
    if not split:
        return [code or ""]
    if code is None:
        return ["", "", ""]
    return [code[:3], code[3:5], code[5:7]]


def code_width(split: bool) -> list[float]:
    return [0.55, 0.45, 0.45] if split else [1.0]


HEADER_WORDS = (("科目编码", "科目名称"), ("功能科目编码", "功能科目名称"), ("科目代码", "科目名称"))


def empty_body(style: Style, columns: int, note: str) -> tuple[list[Row], str | None]:
    """An empty table's body: one merged row stating the note, or a blank row with the note below."""
    if style.note_in_grid:
        return [Row([note.split("：", 1)[-1]] + [""] * (columns - 1), merges=[(0, columns)])], None
    return [Row([""] * columns)], note


def functional_header(style: Style, value_headers: list[HeaderCell]) -> list[HeaderCell]:
    """The left block of a functional-code table (功能分类科目 over 科目编码 or 类/款/项, and
    科目名称) followed by ``value_headers`` (from :func:`value_header_block`)."""
    split = style.code_split
    code_cols = 3 if split else 1
    code_label, name_label = HEADER_WORDS[style.header_words]
    labels = (["类", "款", "项"] if split else [code_label]) + [name_label]
    if not style.merged_header:
        return [HeaderCell(t, 0, i) for i, t in enumerate(labels)] + value_headers
    cells = [HeaderCell("功能分类科目", 0, 0, 1, code_cols + 1)]
    cells += [HeaderCell(t, 1, i) for i, t in enumerate(labels)]
    return cells + value_headers


def value_header_block(style: Style, first_col: int, groups: list[tuple[str, list[str]]]) -> list[HeaderCell]:
    """Value column headers from ``first_col``. Merged style: a single label spans both header
    rows, a group label spans its children; plain style: one header row of leaf labels."""
    cells: list[HeaderCell] = []
    col = first_col
    for label, children in groups:
        leaves = children or [label]
        if not style.merged_header:
            cells += [HeaderCell(text, 0, col + i) for i, text in enumerate(leaves)]
        elif not children:
            cells.append(HeaderCell(label, 0, col, 2))
        else:
            cells.append(HeaderCell(label, 0, col, 1, len(children)))
            cells += [HeaderCell(child, 1, col + i) for i, child in enumerate(children)]
        col += len(leaves)
    return cells


def plain_spec(
    ctx: DocContext,
    key: str,
    title: str,
    widths: list[float],
    header: list[HeaderCell],
    rows: list[Row],
    align: list[str],
    font_size: float = 8.0,
) -> TableSpec:
    """A table of plain rows (neither coded nor two-sided) that follows the document's style:
    unit, department line, repeated header on continuation pages, row height."""
    return TableSpec(
        key,
        title,
        ctx.style.unit,
        widths,
        header,
        rows,
        align,
        department=ctx.department,
        font_size=font_size,
        repeat_header=ctx.style.repeat_header,
        loose=ctx.style.loose_rows,
    )
