"""Body rows → BudgetLine rows (one per printed amount), per the line conventions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from extract.amounts import AmountError, parse_amount, to_yuan
from extract.headers import Column
from extract.model import BudgetLine
from extract.registry import REGISTRY
from extract.text import normalise_label, squash, strip_ordinal

_DIGITS = re.compile(r"^\d+$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_YEAR = re.compile(r"(20\d{2})")
TOTAL_ROW = "合计"
_NO_CODE_TABLES = REGISTRY.with_codes("none")  # a code printed in these tables is not the row's


@dataclass(frozen=True)
class Block:
    """Code columns, label column and the amount columns that belong to them (side by side blocks)."""

    codes: tuple[Column, ...]
    label: Column | None
    amounts: tuple[Column, ...]


@dataclass
class RowContext:
    """What body-row reading needs besides the cells; ``errors`` collects scrambled cells."""

    table_type: str
    unit: str
    fiscal_year: int
    errors: list[str] = field(default_factory=list)
    split_code: dict[int, list[str]] = field(default_factory=dict)  # block → last 类/款 seen
    budget_unit: str | None = None  # the unit whose section of the table the rows are in
    unit_columns: frozenset[int] = frozenset()  # columns headed by a unit (预算单位, 单位名称)


def blocks_of(columns: list[Column]) -> list[Block]:
    """Group columns left to right: a code/label column after an amount column starts a new block."""
    blocks: list[Block] = []
    codes: list[Column] = []
    label: Column | None = None
    amounts: list[Column] = []
    for column in columns:
        if column.role in ("code", "label") and amounts:
            blocks.append(Block(tuple(codes), label, tuple(amounts)))
            codes, label, amounts = [], None, []
        if column.role == "code":
            codes.append(column)
        elif column.role == "label":
            label = label or column
        elif column.role == "amount":
            amounts.append(column)
    if amounts or codes or label:
        blocks.append(Block(tuple(codes), label, tuple(amounts)))
    return blocks


def join_code(parts: list[str], previous: list[str]) -> str | None:
    """Concatenate split 类|款|项 digits; a blank higher level is inherited from the row above."""
    cleaned = [squash(part) for part in parts]
    if not any(cleaned) or not all(_DIGITS.match(part) for part in cleaned if part):
        return None
    last_filled = max(index for index, part in enumerate(cleaned) if part)
    joined = [
        part or (previous[index] if index < len(previous) else "")
        for index, part in enumerate(cleaned[: last_filled + 1])
    ]
    return "".join(joined) if all(joined) else None


def row_key(cells: list[str], block: Block, block_index: int, context: RowContext) -> tuple[str | None, str]:
    """(code, item) of one row within one block."""
    code_texts = [cells[column.index] for column in block.codes]
    label_text = normalise_label(cells[block.label.index]) if block.label else ""
    code: str | None = None
    if len(code_texts) == 1:
        text = squash(code_texts[0])
        code = text if _DIGITS.match(text) else None
        if code is None and text and not label_text:
            label_text = normalise_label(code_texts[0])
    elif code_texts:
        previous = context.split_code.get(block_index, [])
        code = join_code(code_texts, previous)
        if code is not None:
            context.split_code[block_index] = [
                squash(t) or (previous[i] if i < len(previous) else "") for i, t in enumerate(code_texts)
            ]
        elif not label_text:
            label_text = normalise_label("".join(code_texts))
    if context.table_type in _NO_CODE_TABLES:
        code = None
    return code, label_text


def fallback_label(cells: list[str], block: Block) -> tuple[str, int | None]:
    """A row whose label and code cells are blank but which names itself in another text column
    before its amounts (a ``预算单位`` column holding the unit's total row): the label and its column."""
    for index in range(block.amounts[0].index - 1, -1, -1):
        label = normalise_label(cells[index])
        if _CJK.search(label):
            return label, index
    return "", None


def three_public_item(label: str, fiscal_year: int) -> str | None:
    """None for the document's own year, ``prior_year`` for a printed previous-year row."""
    years = [int(year) for year in _YEAR.findall(label)]
    if "上年" in label or (years and max(years) < fiscal_year):
        return "prior_year"
    return None


def amount_of(text: str, where: str, context: RowContext) -> Decimal | None:
    """Parsed amount in yuan; a placeholder or scrambled cell becomes an error string, not a guess."""
    try:
        value = parse_amount(text)
        return None if value is None else to_yuan(value, context.unit)
    except AmountError as error:
        context.errors.append(f"{where}: {error}")
        return None


def row_lines(
    cells: list[str],
    blocks: list[Block],
    page: int,
    context: RowContext,
    confidence: list[float] | None = None,
) -> list[BudgetLine]:
    """Every printed amount of one body row, as BudgetLines; ``confidence`` (per cell, an OCR'd
    row only) marks each line as read by OCR with its cell's confidence."""
    lines: list[BudgetLine] = []
    for block_index, block in enumerate(blocks):
        code, label = row_key(cells, block, block_index, context)
        if not label and code is None and block.amounts:
            label, source = fallback_label(cells, block)
            if label and block_index == 0 and source in context.unit_columns:
                context.budget_unit = label  # a unit's total row opens that unit's section
        if not label and code is None and not block.codes and block.label is None:
            label = TOTAL_ROW  # a table printed without row headings has one row: its total
        item: str | None = label or None  # a code printed without its name: the item is unknown, not ""
        if context.table_type == "three_public":
            item = three_public_item(label, context.fiscal_year)
        sub_item = block.label is not None and squash(cells[block.label.index]).startswith("其中")
        for column in block.amounts:
            text = cells[column.index]
            where = f"page {page} row {label or code or '?'!r} column {column.measure}"
            amount = amount_of(text, where, context)
            if amount is None:
                continue
            if not label and code is None and context.table_type != "three_public":
                context.errors.append(f"{where}: amount {squash(text)!r} has no row label")
                continue
            ocr = {} if confidence is None else {"source": "ocr", "confidence": confidence[column.index]}
            lines.append(
                BudgetLine(
                    context.table_type,
                    code,
                    item,
                    column.measure or "",
                    amount,
                    page,
                    context.budget_unit,
                    sub_item,
                    **ocr,
                )
            )
    return lines


def continues_row(rows: list[list[str]], previous: list[str], blocks: list[Block]) -> bool:
    """Whether a continuation page's first row (``rows[0]``) is the rest of the previous page's last
    row, cut by the page break: either the rest of its label and of an amount (杭州市机动|车驾驶员
    考试服务中心, 12,437.3|6: no code, no total where the cut row has one, yet some amount; a real
    row always prints its total), or only the rest of a label (当年收入|小计, 八、社会保障和就|业支出:
    no code, no amount, no label starting an item with an ordinal, and no repeated header below:
    header words in amount columns)."""
    cells = rows[0] if rows else []
    if not blocks or len(cells) != len(previous):
        return False
    if any(squash(cells[column.index]) for block in blocks for column in block.codes):
        return False
    amounts = [column.index for block in blocks for column in block.amounts]
    if not any(squash(previous[index]) for index in amounts):
        return False
    if not any(squash(cells[index]) for index in amounts):
        labels = [squash(cells[block.label.index]) for block in blocks if block.label]
        header_below = any(_is_words(row[index]) for row in rows[:3] for index in amounts if index < len(row))
        return any(labels) and not header_below and all(strip_ordinal(label) == label for label in labels)
    totals = [column.index for column in blocks[0].amounts if column.measure == "total"]
    return bool(totals) and all(not squash(cells[index]) and squash(previous[index]) for index in totals)


def _is_words(text: str) -> bool:
    """A cell that is neither blank nor an amount (a header word such as 合计, 人员经费)."""
    try:
        parse_amount(text)
    except AmountError:
        return True
    return False


def joined_row(previous: list[str], cells: list[str]) -> list[str]:
    """The two halves of a row cut by a page break, cell by cell."""
    return [squash(a) + squash(b) for a, b in zip(previous, cells, strict=True)]
