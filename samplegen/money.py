"""Exact money for the generator: integer quanta, exact partitions, printed forms.

Every generated amount is a whole number of *quanta* of its document's printed unit (100 yuan
for 万元 documents, 1 yuan for 元 documents), so sums printed with two decimals are exact and a
table's totals hold to the fen by construction.
"""

from __future__ import annotations

import random
from decimal import Decimal

from extract.amounts import UNIT_FACTORS

CENT = Decimal("0.01")
QUANTUM_YUAN = {"万元": Decimal(100), "元": Decimal(1)}


def yuan(value: str | int | Decimal) -> Decimal:
    """A yuan amount quantised to the fen."""
    return Decimal(value).quantize(CENT)


def split(total: Decimal, weights: list[float], rng: random.Random, quantum: Decimal) -> list[Decimal]:
    """Partition ``total`` exactly into ``len(weights)`` multiples of ``quantum`` near the weights."""
    units = int(total / quantum)
    if units * quantum != total:
        raise ValueError(f"{total} is not a multiple of {quantum}")
    jittered = [max(w, 0.0) * rng.uniform(0.8, 1.2) for w in weights]
    scale = sum(jittered) or 1.0
    parts = [int(units * w / scale) for w in jittered]
    parts[max(range(len(parts)), key=lambda i: jittered[i])] += units - sum(parts)
    return [quantum * p for p in parts]


def amount_near(mean_yuan: float, rng: random.Random, quantum: Decimal, spread: float = 0.35) -> Decimal:
    """A random positive amount around ``mean_yuan``, a whole number of quanta."""
    units = max(1, round(mean_yuan * rng.uniform(1 - spread, 1 + spread) / float(quantum)))
    return quantum * units


def scale(amount: Decimal, factor: float, quantum: Decimal) -> Decimal:
    """``amount`` x ``factor`` rounded to whole quanta (final accounts drift from the budget)."""
    return quantum * round(float(amount) * factor / float(quantum))


def printed(amount_yuan: Decimal, unit: str, thousands: bool = False) -> str:
    """The printed form of a yuan amount in a table of ``unit`` (two decimals, optional commas)."""
    value = (amount_yuan / UNIT_FACTORS[unit]).quantize(CENT)
    return f"{value:,.2f}" if thousands else f"{value:.2f}"


def printed_text(amount_yuan: Decimal, unit: str) -> str:
    """The form used in narrative sentences: no thousands separators, trailing zeros trimmed.

    ``1186.40`` is written ``1186.4`` and ``0.00`` is ``0``, as in the real narratives.
    """
    value = (amount_yuan / UNIT_FACTORS[unit]).quantize(CENT)
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text or "0"
