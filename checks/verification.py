"""Self-verification: which amounts an arithmetic identity of their own table confirms.

A misread digit breaks the identities it takes part in, so the share of a table's amounts that
some identity confirms says how far the reading can be trusted without a truth file. Identities:
row totals (合计 = the other columns), code hierarchy (类 = Σ款, 款 = Σ项) and the 合计 row
(= Σ top-level rows). Rounding: a total may differ from the sum of its n printed parts by n
half-units of the printed precision.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from checks.table_arithmetic import CODED_TABLES, ROW_PARTS, TOTAL_LABELS, _row_parts, parent_code
from checks.tolerance import UNIT_STEP, UNKNOWN_UNIT_STEP
from extract.model import ExtractedDocument

ZERO = Decimal("0.00")
Key = tuple[str | None, str | None]  # (预算单位 section, code or label)
Cell = tuple[Key, str]  # (row key, measure)


def rounding_allowance(step: Decimal, parts: int) -> Decimal:
    """How far a printed total may be from the sum of ``parts`` printed parts: n half-units."""
    return max(step, step * parts / 2)


class _Table:
    def __init__(self) -> None:
        self.rows: dict[Key, dict[str, Decimal]] = {}
        self.codes: list[Key] = []


def _tables(doc: ExtractedDocument) -> dict[str, _Table]:
    tables: dict[str, _Table] = defaultdict(_Table)
    for line in doc.lines:
        table = tables[line.table_type]
        key = (line.budget_unit, line.code if line.code else line.item)
        if key not in table.rows:
            table.rows[key] = {}
            if line.code:
                table.codes.append(key)
        table.rows[key].setdefault(line.measure, line.amount_yuan)
    return tables


def _holds(total: Decimal, parts: list[Decimal], step: Decimal) -> bool:
    return abs(total - sum(parts, ZERO)) <= rounding_allowance(step, len(parts))


def confirmed_cells(table_type: str, table: _Table, step: Decimal) -> set[Cell]:
    """Cells of one table that take part in at least one identity that holds."""
    confirmed: set[Cell] = set()
    if table_type in ROW_PARTS:
        total, alternatives = ROW_PARTS[table_type]
        for key, row in table.rows.items():
            parts = [m for m in _row_parts(row, total, alternatives) if m in row]
            if total in row and parts and _holds(row[total], [row[m] for m in parts], step):
                confirmed.update((key, m) for m in [total, *parts])
    if table_type in CODED_TABLES:
        sections: dict[str | None, set[str]] = defaultdict(set)
        for unit, code in table.codes:
            sections[unit].add(code or "")
        children: dict[Key | None, list[Key]] = defaultdict(list)
        for unit, code in table.codes:
            parent = parent_code(code or "", sections[unit])
            children[(unit, parent) if parent else (unit, None)].append((unit, code))
        for parent, kids in children.items():
            unit, parent_code_ = parent if parent else (None, None)
            parent_key = parent if parent_code_ is not None else _total_key(table, unit)
            if parent_key is None:
                continue
            for measure, value in table.rows[parent_key].items():
                values = [table.rows[kid][measure] for kid in kids if measure in table.rows[kid]]
                if values and _holds(value, values, step):
                    confirmed.add((parent_key, measure))
                    confirmed.update((kid, measure) for kid in kids if measure in table.rows[kid])
    return confirmed


def _total_key(table: _Table, unit: str | None) -> Key | None:
    """The 合计 row of a section, or the unit's own total row (its label is the unit's name)."""
    for label in (*TOTAL_LABELS, unit):
        if label is not None and (unit, label) in table.rows:
            return (unit, label)
    return None


def verified_counts(doc: ExtractedDocument) -> dict[str, tuple[int, int]]:
    """Per table type: (amounts confirmed by an identity, amounts read)."""
    units = {report.table_type: report.unit for report in doc.tables}
    counts: dict[str, tuple[int, int]] = {}
    for table_type, table in _tables(doc).items():
        step = UNIT_STEP.get(units.get(table_type) or "", UNKNOWN_UNIT_STEP)
        cells = confirmed_cells(table_type, table, step)
        lines = [line for line in doc.lines if line.table_type == table_type]
        confirmed = sum(
            1 for line in lines if ((line.budget_unit, line.code or line.item), line.measure) in cells
        )
        counts[table_type] = (confirmed, len(lines))
    return counts
