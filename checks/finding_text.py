"""Building findings with a human-readable message that carries the figures."""

from __future__ import annotations

from decimal import Decimal

from checks.findings import Finding

WAN = Decimal(10000)


def wan(yuan: Decimal) -> str:
    """Yuan shown in 万元 (how the documents print it), without trailing zeros beyond fen."""
    return f"{(yuan / WAN).quantize(Decimal('0.000001')).normalize():f}万元"


def mismatch(check: str, severity: str, what: str, expected: Decimal, actual: Decimal) -> Finding:
    """A money finding: ``what`` says which figure; expected is what the arithmetic or the other
    source says, actual is what the document prints."""
    message = (f"{what}: printed {wan(actual)} ({actual} yuan), expected {wan(expected)} "
               f"({expected} yuan), difference {actual - expected} yuan")
    return Finding(None, check, severity, message, expected, actual)


def percent_mismatch(check: str, severity: str, what: str, expected: Decimal, actual: Decimal) -> Finding:
    """A percentage finding: expected/actual hold percent points (13.19 for 13.19%), not yuan."""
    message = f"{what}: stated {actual}%, computed {expected}% (percent points in expected/actual)"
    return Finding(None, check, severity, message, expected, actual)
