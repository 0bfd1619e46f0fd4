"""Merged multi-row headers: where the header ends, each column's header path, and its role."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.grid import Grid
from extract.measures import measure_of, side_measure
from extract.text import squash

_AMOUNT = re.compile(r"^[+-]?\(?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\)?$")
_LEADING_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）])")
_PLACEHOLDER = re.compile(r"^(?:[xX]+|…+|\.{3,}|。{3,})$")
_DASH = re.compile(r"^[-—–]{1,2}$")  # after NFKC; a blank amount
_CODE_WORDS = re.compile(r"编码|代码|^科目代码$|^[类款项]$|分类$")
_LABEL_WORDS = re.compile(r"项目$|名称$|^采购项目$|^品目$|^采购品目$|^年度$|^年份$|^单位$")
_STRONG_LABEL_WORDS = re.compile(r"名称$|^采购项目$|品目$")
_SPLIT_CODE = {"类": 0, "款": 1, "项": 2}


@dataclass(frozen=True)
class Column:
    """What one column holds: ``role`` is 'code' | 'label' | 'amount' | 'ignore'."""

    index: int
    role: str
    path: tuple[str, ...]
    measure: str | None = None
    code_part: int | None = None  # 0/1/2 for split 类/款/项 code columns


def is_data_row(row: list[str]) -> bool:
    """A body row: a number or code somewhere, an ordinal-led label, or a placeholder."""
    texts = [squash(cell) for cell in row]
    if any(_AMOUNT.match(text) for text in texts if text):
        return not is_column_numbering(row)
    filled = [text for text in texts if text]
    first = filled[0] if filled else ""
    if _LEADING_ORDINAL.match(first) or any(_PLACEHOLDER.match(text) for text in filled):
        return True
    # a row of labels and blank-amount dashes (上年结转 - 结转下年 - - -): a header never is
    dashes = sum(1 for text in filled if _DASH.match(text))
    return dashes > 0 and 2 * dashes >= len(filled)


def is_column_numbering(row: list[str]) -> bool:
    """A ``栏次 1 2 3`` row (column numbers), which belongs to the header."""
    texts = [squash(cell) for cell in row if squash(cell)]
    numbers = [text for text in texts if text.isdigit()]
    if texts and texts[0] == "栏次":
        return True
    return len(numbers) >= 3 and numbers == [
        str(n) for n in range(int(numbers[0]), int(numbers[0]) + len(numbers))
    ]


def header_row_count(grid: Grid) -> int:
    """Leading rows before the first body row."""
    for index, row in enumerate(grid.cells):
        if is_data_row(row):
            return index
    return len(grid.cells)


def filled_header(grid: Grid, rows: int) -> list[list[str]]:
    """Header rows with horizontally merged cells' text copied into every spanned column."""
    filled = []
    for r in range(rows):
        row = [squash(cell) for cell in grid.cells[r]]
        for c in range(1, len(row)):
            if not row[c] and grid.joined_left[r][c]:
                row[c] = row[c - 1]
        filled.append(row)
    return filled


def column_paths(header: list[list[str]], width: int) -> list[tuple[str, ...]]:
    """Each column's header cells top to bottom, blanks and repeats removed."""
    paths = []
    for c in range(width):
        path: list[str] = []
        for row in header:
            if is_column_numbering(row):
                continue
            text = row[c] if c < len(row) else ""
            if text and (not path or path[-1] != text):
                path.append(text)
        paths.append(tuple(path))
    return paths


def classify_columns(paths: list[tuple[str, ...]], table_type: str, phase: str) -> list[Column]:
    """Role and measure of every column; the lowest header element that says something decides.

    A block of amounts with no label column takes the column just before its first amount as its
    label when that column's header names no measure (``预算单位``, ``单位名称``, ``收入项目``: row
    labels are printed under many headings)."""
    columns = _sides_by_block(
        [_classify(index, path, table_type, phase) for index, path in enumerate(paths)], table_type
    )
    columns = _first_of_each_measure(_without_wider_total(table_type, columns))
    first_amount = next((c.index for c in columns if c.role == "amount"), 0)
    leading = columns[:first_amount]
    if first_amount and not any(c.role == "label" for c in leading):
        before = columns[first_amount - 1]
        if before.role == "ignore" and before.path and not any(_TOTAL_WORDS.match(e) for e in before.path):
            columns[first_amount - 1] = Column(before.index, "label", before.path)
    return columns


_BEYOND_THREE_PUBLIC = re.compile(r"会议费|培训费")


def _names_three_public(column: Column) -> bool:
    return any("三公" in element for element in column.path)


def _without_wider_total(table_type: str, columns: list[Column]) -> list[Column]:
    """A 三公 table that also prints 会议费 and 培训费 has a 合计 over all of them: that column is
    not the 三公 total (the "三公"经费 小计 is), so it is not read as one."""
    if table_type != "three_public" or not any(_BEYOND_THREE_PUBLIC.search("".join(c.path)) for c in columns):
        return columns
    if not any(c.measure == "total" and _names_three_public(c) for c in columns):
        return columns
    return [
        Column(c.index, "ignore", c.path) if c.measure == "total" and not _names_three_public(c) else c
        for c in columns
    ]


def _sides_by_block(columns: list[Column], table_type: str) -> list[Column]:
    """Generic amount columns of a two-sided table take their side from their block (the label
    columns before them: one → 收入, more → 支出)."""
    out: list[Column] = []
    for column in columns:
        if column.role == "ignore":
            labels = sum(1 for c in out if c.role == "label")
            measure = side_measure(table_type, column.path, max(labels - 1, 0))
            if measure is not None:
                column = Column(column.index, "amount", column.path, measure)
        out.append(column)
    return out


def _first_of_each_measure(columns: list[Column]) -> list[Column]:
    """Within one side-by-side block, only the first column that names a measure holds it: the
    parts printed beside a total (本年支出 合计 | 人员经费 | 公用经费 with no key of their own) are
    not read as the total again."""
    seen: set[str | None] = set()
    kept: list[Column] = []
    for column in columns:
        if column.role in ("code", "label") and kept and kept[-1].role == "amount":
            seen = set()
        if column.role == "amount" and column.measure in seen:
            column = Column(column.index, "ignore", column.path)
        elif column.role == "amount":
            seen.add(column.measure)
        kept.append(column)
    return kept


_TOTAL_WORDS = re.compile(r"^(?:合计|总计|小计)$")
_TRAILING_QUALIFIER = re.compile(r"[(（][^()（）]*[)）]$")


def _classify(index: int, path: tuple[str, ...], table_type: str, phase: str) -> Column:
    path = tuple(_TRAILING_QUALIFIER.sub("", element) or element for element in path)  # 项目(按功能分类)
    # The lowest header element that says something decides: a group heading such as 功能分类 spans
    # the code, name and amount columns below it.
    core = path
    while core and _TOTAL_WORDS.match(core[-1]):  # a 合计 row taken into the header sits under any column
        core = core[:-1]
    if core and _CODE_WORDS.search(core[-1]):
        return Column(index, "code", path, code_part=_SPLIT_CODE.get(core[-1]))
    if any(_STRONG_LABEL_WORDS.search(element) for element in path):
        return Column(index, "label", path)
    for depth in range(len(path) - 1, -1, -1):
        element = path[depth]
        if _CODE_WORDS.search(element):
            return Column(index, "code", path, code_part=_SPLIT_CODE.get(element))
        if _LABEL_WORDS.search(element):
            return Column(index, "label", path)
        measure = measure_of(table_type, phase, list(path[: depth + 1]))
        if measure is not None:
            return Column(index, "amount", path, measure)
    return Column(index, "ignore", path)
