"""Typed pandas columns from Python values (pandas 3 ``str``, int64, float64, Arrow lists)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
import pyarrow as pa


def strings(values: Iterable[str | None]) -> pd.Series:
    return pd.Series(list(values), dtype="str")


def ints(values: Iterable[int]) -> pd.Series:
    return pd.Series(list(values), dtype="int64")


def ids(document_id: str, count: int) -> pd.Series:
    return strings([document_id] * count)


def arrow_lists(values: Sequence[list], item_type: pa.DataType) -> pd.Series:
    arrow_type = pa.list_(item_type)
    return pd.Series(pd.array(pa.array(list(values), type=arrow_type), dtype=pd.ArrowDtype(arrow_type)))


def floats(values: Iterable[float | None]) -> pd.Series:
    return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
