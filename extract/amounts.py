"""Exact money parsing: printed text to Decimal yuan. Never a float."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from extract.text import squash

# Tables print 万元 / 千元 / 元; prose also 亿元 and a bare 万 (``电费1.4万、``).
UNIT_FACTORS: dict[str, Decimal] = {
    "亿元": Decimal(100000000),
    "万元": Decimal(10000),
    "万": Decimal(10000),
    "千元": Decimal(1000),
    "元": Decimal(1),
}

# Compared after NFKC (squash): "…" arrives as "...", "－" as "-", "／" as "/".
_NOT_REPORTED = {"", "-", "—", "–", "－", "/", "／", "--", "——", "…", "……", "—-", "...", "......"}
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_UNIT_LINE = re.compile(r"单位[:：]?\s*(?:人民币)?(万元|千元|元)")
CENT = Decimal("0.01")


class AmountError(ValueError):
    """A cell that should hold a number but holds something else (reported, never guessed)."""


def parse_amount(cell: str | None) -> Decimal | None:
    """Parse a printed amount; None means "not reported" (blank, -, —, /).

    ``(12.5)`` and ``-12.5`` are negative, thousands separators are dropped, ``0.00`` is zero.
    Placeholders (``XX``) and anything else raise :class:`AmountError`.
    """
    text = squash(cell)
    if text in _NOT_REPORTED:
        return None
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1]
    if not _NUMBER.match(text):
        raise AmountError(f"not an amount: {cell!r}")
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - regex guards this
        raise AmountError(f"not an amount: {cell!r}") from exc
    return -value if negative else value


def to_yuan(value: Decimal, unit: str) -> Decimal:
    """Convert an amount printed in ``unit`` to yuan, exactly, quantised to fen."""
    try:
        factor = UNIT_FACTORS[unit]
    except KeyError as exc:
        raise AmountError(f"unknown unit {unit!r}") from exc
    result = value * factor
    if result != result.quantize(CENT):
        raise AmountError(f"{value} {unit} is not a whole number of fen")
    return result.quantize(CENT)


def prose_yuan(number: str, unit: str) -> Decimal | None:
    """An amount stated in prose (``5.4`` ``万元``) in yuan, rounded to fen; None when it is not one."""
    try:
        return (Decimal(number.replace(",", "")) * UNIT_FACTORS[unit]).quantize(CENT)
    except (InvalidOperation, KeyError):
        return None


def find_unit(text: str) -> str | None:
    """The unit named by a ``单位：万元`` line, if any."""
    match = _UNIT_LINE.search(squash(text))
    return match.group(1) if match else None
