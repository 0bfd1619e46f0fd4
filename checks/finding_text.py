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
    message = (
        f"{what}: printed {wan(actual)} ({actual} yuan), expected {wan(expected)} "
        f"({expected} yuan), difference {actual - expected} yuan"
    )
    return Finding(None, check, severity, message, expected, actual)


def percent_mismatch(
    check: str,
    severity: str,
    what: str,
    part: Decimal,
    base: Decimal,
    stated_pct: Decimal,
    computed_pct: Decimal,
) -> Finding:
    """A stated percentage that is wrong. In yuan, as the other findings: expected is the part as
    stated, actual is the amount the stated percentage implies (base x stated %)."""
    implied = (base * stated_pct / Decimal(100)).quantize(Decimal("0.01"))
    message = (
        f"{what}: stated {stated_pct}%, computed {computed_pct}% ({wan(part)} of {wan(base)}); "
        f"the stated share implies {wan(implied)}"
    )
    return Finding(None, check, severity, message, part, implied)
