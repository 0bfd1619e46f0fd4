"""How far two printed figures may differ and still agree: 0.01 in the printed unit.

A 万元 table rounds to 100 yuan, a 元 table to 0.01 yuan; comparing the two allows the coarser
one's rounding. Narrative figures are printed in 万元 (two decimals at most).
"""

from __future__ import annotations

from decimal import Decimal

from extract.model import ExtractedDocument

UNIT_STEP = {"万元": Decimal("100"), "千元": Decimal("10"), "元": Decimal("0.01")}
UNKNOWN_UNIT_STEP = Decimal("100")  # no unit line read: assume the common 万元
NARRATIVE_STEP = Decimal("100")
PERCENT_STEP = Decimal("0.01")


class Tolerances:
    """Per-table tolerance in yuan, from the unit each table was printed in."""

    def __init__(self, doc: ExtractedDocument) -> None:
        self.by_table = {t.table_type: UNIT_STEP.get(t.unit or "", UNKNOWN_UNIT_STEP) for t in doc.tables}

    def table(self, *table_types: str) -> Decimal:
        return max((self.by_table.get(t, UNKNOWN_UNIT_STEP) for t in table_types), default=UNKNOWN_UNIT_STEP)

    def narrative(self, *table_types: str) -> Decimal:
        return max(NARRATIVE_STEP, self.table(*table_types)) if table_types else NARRATIVE_STEP


def agrees(expected: Decimal, actual: Decimal, tolerance: Decimal) -> bool:
    return abs(expected - actual) <= tolerance


def share_tolerance(part_yuan: Decimal, base_yuan: Decimal) -> Decimal:
    """Percent points a stated share may be off: its own rounding plus the rounding of the two
    万元 figures it was computed from (each up to 50 yuan)."""
    half = NARRATIVE_STEP / 2
    spread = Decimal(100) * (half / base_yuan + part_yuan * half / (base_yuan * base_yuan))
    return PERCENT_STEP + spread
