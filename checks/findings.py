"""A failed reconciliation: one row of ``v_dq_findings`` (information for the analyst, never a crash)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

SEVERITIES = ("error", "warn")


@dataclass(frozen=True)
class Finding:
    document_id: str | None  # None until the loader knows it (pure checks run before loading)
    check: str  # a check-name constant from checks.names
    severity: str  # 'error' | 'warn'
    message: str
    expected_yuan: Decimal | None = None
    actual_yuan: Decimal | None = None

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"severity must be one of {SEVERITIES}, not {self.severity!r}")
