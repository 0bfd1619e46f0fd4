"""How far printed figures may differ and still agree: the one home of the rounding rule.

Every printed figure is rounded to its printed precision (a 万元 amount with 2 decimals to 100
yuan, with 0 decimals to 10000 yuan; a 元 amount with 2 decimals to 0.01 yuan). A total compared
with the sum of its n printed parts may therefore be off by the rounding of each of the n + 1
figures involved, half a unit each: ``rounding_allowance(step, n)`` = (n + 1) half-units, and
never less than one unit (the historical 0.01 of the printed unit). A difference within the
allowance is consistent as printed, so no finding is raised at all (not even a warn): it says
nothing about the document.

The printed precision is not kept by the reader (amounts are quantised to fen), so it is inferred
per table as the finest step among its non-zero amounts, capped by the unit: 5 amounts printed to
2 decimals all ending in ``00`` by chance is a 1-in-10^10 event, so tables with at least
``TRUSTED_AMOUNTS`` non-zero amounts are trusted; smaller tables take the finest step of the
document's other tables in the same unit, else 0.01 of the unit. Narrative figures carry their
own printed text (``NarrativeMetric.sentence``), from which their precision is read.

One exception to the per-table precision: a figure that is a whole number of yuan in a table
printed to fen may have been printed without decimals (a 元 table whose 合计 cell reads
``22,118,861`` beside ``14,348,853.34``), so it is allowed half a yuan (``figure_step``); the most
this can hide is a misread of cents.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal

from extract.model import ExtractedDocument, NarrativeMetric

UNIT_FACTOR = {"万元": Decimal(10000), "千元": Decimal(1000), "元": Decimal(1)}
UNIT_STEP = {"万元": Decimal("100"), "千元": Decimal("10"), "元": Decimal("0.01")}  # 0.01 of the unit
UNKNOWN_UNIT = "万元"  # no unit line read: the reader reads 万元, the common unit
UNKNOWN_UNIT_STEP = UNIT_STEP[UNKNOWN_UNIT]
NARRATIVE_STEP = Decimal("100")  # a narrative figure whose printed text is not found: 万元, 2 decimals
PERCENT_STEP = Decimal("0.01")
MIN_STEP = Decimal("0.01")  # a fen: nothing is printed finer
TRUSTED_AMOUNTS = 5
WHOLE_YUAN = Decimal(1)
_STEPS = tuple(Decimal(10) ** e for e in range(8, -3, -1))  # 1e8 … 0.01
_NARRATIVE_FACTOR = {
    "亿元": Decimal(100000000),
    "万元": Decimal(10000),
    "万": Decimal(10000),
    "千元": Decimal(1000),
}
_PRINTED_AMOUNT = re.compile(r"(\d+(?:,\d{3})*)(?:\.(\d+))?(亿元|万元|千元|元|万)")


def rounding_allowance(step: Decimal, parts: int) -> Decimal:
    """How far a printed total may be from the sum of ``parts`` printed parts of precision ``step``:
    the rounding of the parts and of the total, half a unit each, and at least one unit."""
    return max(step, step * (parts + 1) / 2)


def figure_step(step: Decimal, value: Decimal) -> Decimal:
    """The precision of one printed figure of a table printed to ``step``: a whole number of yuan
    in a table finer than a yuan may have been printed in whole yuan."""
    return WHOLE_YUAN if step < WHOLE_YUAN and value % WHOLE_YUAN == 0 else step


def figures_allowance(steps: Iterable[Decimal]) -> Decimal:
    """How far a sum of printed figures may be from another (each rounded to its own step)."""
    steps = list(steps)
    return max(max(steps), sum(steps, Decimal(0)) / 2)


def amount_step(amount: Decimal, cap: Decimal) -> Decimal:
    """The coarsest power of ten (at most ``cap``) that divides a printed amount: an upper bound
    on the precision it was printed with."""
    for step in _STEPS:
        if step <= cap and amount % step == 0:
            return step
    return MIN_STEP


def finest_step(amounts: Iterable[Decimal], cap: Decimal) -> tuple[Decimal, int]:
    """The finest printed precision among the non-zero ``amounts``, and how many there were."""
    steps = [amount_step(a, cap) for a in amounts if a != 0]
    return (min(steps) if steps else cap), len(steps)


def narrative_step(metric: NarrativeMetric) -> Decimal:
    """The precision a narrative figure was printed with, read from its sentence. A stated zero is
    exact: texts write 0万元 for none, never for an amount rounded down."""
    if metric.amount_yuan == 0:
        return MIN_STEP
    text = unicodedata.normalize("NFKC", metric.sentence)
    for match in _PRINTED_AMOUNT.finditer(text):
        whole, decimals, unit = match.groups()
        factor = _NARRATIVE_FACTOR.get(unit, Decimal(1))
        value = Decimal(whole.replace(",", "") + ("." + decimals if decimals else "")) * factor
        if value == abs(metric.amount_yuan):
            return max(MIN_STEP, factor / Decimal(10) ** len(decimals or ""))
    return NARRATIVE_STEP


def agrees(expected: Decimal, actual: Decimal, tolerance: Decimal) -> bool:
    return abs(expected - actual) <= tolerance


class Tolerances:
    """Per-table printed precision of one document (yuan), and the allowances built from it."""

    def __init__(self, doc: ExtractedDocument) -> None:
        units = {t.table_type: t.unit or UNKNOWN_UNIT for t in doc.tables}
        amounts: dict[str, list[Decimal]] = defaultdict(list)
        for line in doc.lines:
            amounts[line.table_type].append(line.amount_yuan)
        inferred = {}
        for table, values in amounts.items():
            unit = units.get(table, UNKNOWN_UNIT)
            inferred[table] = (unit, *finest_step(values, UNIT_FACTOR.get(unit, UNIT_FACTOR[UNKNOWN_UNIT])))
        by_unit: dict[str, Decimal] = {}
        for unit, step, count in inferred.values():
            if count:
                by_unit[unit] = min(step, by_unit.get(unit, step))
        self.by_table: dict[str, Decimal] = {}
        for table in units.keys() | inferred.keys():
            unit, step, count = inferred.get(table, (units.get(table, UNKNOWN_UNIT), Decimal(0), 0))
            if count < TRUSTED_AMOUNTS:  # too few amounts to tell: the document's finest in this unit
                step = by_unit.get(unit, UNIT_STEP.get(unit, UNKNOWN_UNIT_STEP))
            self.by_table[table] = step

    def step(self, table: str) -> Decimal:
        """The printed precision of one table (0.01 of the common 万元 when it was not found)."""
        return self.by_table.get(table, UNKNOWN_UNIT_STEP)

    def table(self, *table_types: str) -> Decimal:
        """One unit of the coarsest of the tables: two single printed figures that should be equal."""
        return max((self.step(t) for t in table_types), default=UNKNOWN_UNIT_STEP)

    def sum(self, table: str, parts: int, figures: Iterable[Decimal] = ()) -> Decimal:
        """A total of ``table`` vs the sum of ``parts`` printed figures of the same table;
        ``figures`` (the total and the parts, when known) widen it for whole-yuan figures."""
        step = self.step(table)
        slack = sum((figure_step(step, f) - step for f in figures), Decimal(0)) / 2
        return rounding_allowance(step, parts) + slack

    def figures(self, *tables: str) -> Decimal:
        """Several printed figures, one from each table named (a table may be named twice)."""
        return figures_allowance(self.step(t) for t in tables)

    def narrative(self, *table_types: str) -> Decimal:
        return max(NARRATIVE_STEP, self.table(*table_types)) if table_types else NARRATIVE_STEP

    def narrative_figure(self, metric: NarrativeMetric, table: str) -> Decimal:
        """A narrative figure vs one table cell: each rounded to its own printed precision."""
        return max(NARRATIVE_STEP, figures_allowance((narrative_step(metric), self.step(table))))


def share_tolerance(part_yuan: Decimal, base_yuan: Decimal) -> Decimal:
    """Percent points a stated share may be off: its own rounding plus the rounding of the two
    万元 figures it was computed from (each up to 50 yuan)."""
    half = NARRATIVE_STEP / 2
    spread = Decimal(100) * (half / base_yuan + part_yuan * half / (base_yuan * base_yuan))
    return PERCENT_STEP + spread
