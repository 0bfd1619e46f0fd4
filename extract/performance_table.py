"""Target rows from a bordered 绩效目标表 read by camelot (a list of rows of cell strings).

The header row names the columns (一级指标, 二级指标, 三级指标, 指标值, optional prior-year
columns such as ``2023年`` / ``上年指标值`` and the 依据 column). Level-1/level-2 cells of merged
groups come back empty below their first row: they carry down.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import PerformanceTarget
from extract.target_values import parse_target
from extract.text import normalise_label, squash

_PRIOR = re.compile(
    r"^(?:\d{4}年(?:度)?(?:指标值|实际值|完成值)?|上年(?:度)?(?:指标值|实际值|完成值)?|近两年指标值)$"
)
_VALUE = re.compile(r"^(?:年度)?指标值$|^目标值$|^预期(?:当年)?(?:实现|目标)值?$|^预计当年实现值?$")


@dataclass
class Columns:
    level1: int | None = None
    level2: int | None = None
    level3: int | None = None
    value: int | None = None
    prior: int | None = None  # the latest prior-year column


def header_columns(row: list[str]) -> Columns | None:
    cols = Columns()
    for i, cell in enumerate(squash(c) for c in row):
        if cell.startswith("一级指标"):
            cols.level1 = i
        elif cell.startswith("二级指标"):
            cols.level2 = i
        elif cell.startswith("三级指标") or cell == "指标名称":
            cols.level3 = i
        elif _VALUE.match(cell) and cols.value is None:
            cols.value = i
        elif _PRIOR.match(cell):
            cols.prior = i
    return cols if cols.level3 is not None and cols.value is not None else None


def _prior_header(row: list[str], cols: Columns) -> bool:
    """A second header row naming the prior-year columns (``2022年 | 2023年`` under 近两年指标值)."""
    cells = [squash(c) for c in row]
    years = [i for i, c in enumerate(cells) if c and _PRIOR.match(c)]
    if not years or any(c and i not in years for i, c in enumerate(cells)):
        return False
    cols.prior = years[-1]
    return True


def _cell(row: list[str], index: int | None) -> str:
    return squash(row[index]) if index is not None and index < len(row) else ""


@dataclass
class TableState:
    """What a continuation table (no header, no heading) inherits from the table before it."""

    columns: Columns | None = None
    width: int = 0
    level1: str | None = None
    level2: str | None = None


def targets_from_rows(
    rows: list[list[str]], scope: str, project: str | None, page: int, state: TableState
) -> list[PerformanceTarget]:
    """Targets of one table; ``state`` carries columns and levels across a page break."""
    found = []
    for row in rows:
        header = header_columns(row)
        if header is not None:
            state.columns, state.width, state.level1, state.level2 = header, len(row), None, None
            continue
        cols = state.columns
        if cols is None or len(row) != state.width or _prior_header(row, cols):
            continue
        l1, l2, l3, value = (_cell(row, c) for c in (cols.level1, cols.level2, cols.level3, cols.value))
        if l1:
            state.level1, state.level2 = normalise_label(l1), None
        if l2:
            state.level2 = normalise_label(l2)
        if not l3 and not value:
            continue
        number, unit = parse_target(value)
        prior = _cell(row, cols.prior) or None
        found.append(
            PerformanceTarget(
                scope,
                project,
                state.level1,
                state.level2,
                normalise_label(l3) or None,
                value,
                number,
                unit,
                prior,
                page,
            )
        )
    return found
