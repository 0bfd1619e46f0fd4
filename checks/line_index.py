"""Lookup over one document's budget lines: rows of a table and the amount in one cell.

A row is keyed by its code when it has one (``2013901``), else by its normalised label
(``合计``, ``本年收入合计``); ``None`` is the three_public row of the document's own year.
The first printed amount of a cell wins (a repeated header row on a continuation page is not a row).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from extract.model import BudgetLine

Row = dict[str, Decimal]


class LineIndex:
    def __init__(self, lines: list[BudgetLine]) -> None:
        self.tables: dict[str, dict[str | None, Row]] = defaultdict(dict)
        self.codes: dict[str, list[str]] = defaultdict(list)  # table -> codes in printed order
        self.sub_items: dict[str, set[str | None]] = defaultdict(set)  # table -> 其中 row labels
        for line in lines:
            if line.sub_item and not line.code:
                self.sub_items[line.table_type].add(line.item)
            key = line.code if line.code else line.item
            rows = self.tables[line.table_type]
            if key not in rows:
                rows[key] = {}
                if line.code:
                    self.codes[line.table_type].append(line.code)
            rows[key].setdefault(line.measure, line.amount_yuan)

    def row(self, table: str, key: str | None) -> Row | None:
        return self.tables.get(table, {}).get(key)

    def cell(self, table: str, key: str | None, measure: str) -> Decimal | None:
        row = self.row(table, key)
        return None if row is None else row.get(measure)

    def first_cell(self, table: str, keys: tuple[str | None, ...], measure: str) -> Decimal | None:
        """The cell of the first of ``keys`` that the table prints (labels vary by template)."""
        for key in keys:
            value = self.cell(table, key, measure)
            if value is not None:
                return value
        return None

    def labelled_rows(self, table: str) -> dict[str | None, Row]:
        """Rows without a code (totals and summary items), keyed by label."""
        codes = set(self.codes.get(table, ()))
        return {k: v for k, v in self.tables.get(table, {}).items() if k not in codes}

    def coded_rows(self, table: str) -> dict[str, Row]:
        rows = self.tables.get(table, {})
        return {code: rows[code] for code in self.codes.get(table, ())}


def department_lines(lines: list[BudgetLine]) -> list[BudgetLine]:
    """The lines the department prints for itself: those outside any unit section, and of a table
    that lists several 预算单位 one after the other, its first section (the department's own total
    or its only unit). The other units' sections are checked on their own (``unit_sections``)."""
    first: dict[str, str | None] = {}
    for line in lines:
        first.setdefault(line.table_type, line.budget_unit)
    return [line for line in lines if line.budget_unit is None or line.budget_unit == first[line.table_type]]


def unit_sections(lines: list[BudgetLine]) -> dict[str, list[BudgetLine]]:
    """Each unit section beyond a table's first, grouped by unit across tables."""
    kept = {id(line) for line in department_lines(lines)}
    sections: dict[str, list[BudgetLine]] = {}
    for line in lines:
        if id(line) not in kept and line.budget_unit is not None:
            sections.setdefault(line.budget_unit, []).append(line)
    return sections
