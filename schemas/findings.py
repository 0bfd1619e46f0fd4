"""Findings (``checks.findings.Finding``) as a validated frame for ``fact_dq_finding``."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TYPE_CHECKING

import pandas as pd

from schemas import models
from schemas.columns import strings
from schemas.money import decimal_series
from schemas.validation import validate

if TYPE_CHECKING:
    from checks.findings import Finding

CENT = Decimal("0.01")


def _cents(value: Decimal | None) -> Decimal | None:
    """Findings carry computed figures (e.g. a stated share of a total); cents are enough there."""
    return None if value is None else value.quantize(CENT, rounding=ROUND_HALF_EVEN)


def findings_frame(findings: Sequence[Finding], document_id: str | None = None) -> pd.DataFrame:
    """Validated findings; ``document_id`` fills findings the pure checks left without one."""
    frame = pd.DataFrame(
        {
            "document_id": strings(f.document_id or document_id for f in findings),
            "check": strings(f.check for f in findings),
            "severity": strings(f.severity for f in findings),
            "message": strings(f.message for f in findings),
            "expected_yuan": decimal_series("expected_yuan", [_cents(f.expected_yuan) for f in findings]),
            "actual_yuan": decimal_series("actual_yuan", [_cents(f.actual_yuan) for f in findings]),
        }
    )
    return validate(models.FindingsModel, frame)
