"""Money in frames: exact Decimal carried as Arrow decimal128(18, 2) (never float64)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import pandas as pd
import pyarrow as pa

from schemas.validation import FrameValidationError

MONEY_ARROW = pa.decimal128(18, 2)
MONEY = pd.ArrowDtype(MONEY_ARROW)
TARGET_VALUE_ARROW = pa.decimal128(18, 4)


def decimal_series(
    column: str, values: Iterable[Decimal | None], arrow_type: pa.DataType = MONEY_ARROW
) -> pd.Series:
    """Decimals straight into an Arrow-backed series; pyarrow refuses to round, so nothing is lost."""
    values = list(values)
    try:
        array = pa.array(values, type=arrow_type)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        bad = [v for v in values if v is not None and not _fits(v, arrow_type)][:5]
        raise FrameValidationError(
            f"column {column!r} does not fit {arrow_type} exactly: {bad or exc}"
        ) from exc
    return pd.Series(pd.array(array, dtype=pd.ArrowDtype(arrow_type)))


def _fits(value: Decimal, arrow_type: pa.Decimal128Type) -> bool:
    exponent = value.as_tuple().exponent
    places_ok = isinstance(exponent, int) and -exponent <= arrow_type.scale
    return (
        places_ok
        and len(value.quantize(Decimal(1)).as_tuple().digits) <= arrow_type.precision - arrow_type.scale
    )
