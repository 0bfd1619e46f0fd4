"""Readable validation errors: one line per failed column and check, with the offending values."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

MAX_CASES = 5


class FrameValidationError(ValueError):
    """A long frame broke its model; the message names the model, column, check and bad values."""


def validate(model: type[pa.DataFrameModel], frame: pd.DataFrame) -> pd.DataFrame:
    """Validate lazily (collect every failure) and re-raise as one readable message."""
    try:
        return model.validate(frame, lazy=True)
    except SchemaErrors as exc:
        raise FrameValidationError(describe_failures(model.__name__, exc.failure_cases)) from exc


def describe_failures(model_name: str, cases: pd.DataFrame) -> str:
    lines = [f"{model_name} rejected the frame:"]
    whole_frame = cases["schema_context"] == "DataFrameSchema"
    for check, group in cases[whole_frame].groupby("check", sort=False):
        rows = sorted({int(i) for i in group["index"].dropna()})
        more = f" and {len(rows) - MAX_CASES} more" if len(rows) > MAX_CASES else ""
        label = "row" if len(rows) == 1 else "rows"
        lines.append(f"  frame failed {check}: {label} {', '.join(map(str, rows[:MAX_CASES]))}{more}")
    for (column, check), group in cases[~whole_frame].groupby(["column", "check"], dropna=False, sort=False):
        shown = ", ".join(
            f"{case!r} (row {index})" if pd.notna(index) else repr(case)
            for case, index in zip(group["failure_case"][:MAX_CASES], group["index"][:MAX_CASES], strict=True)
        )
        more = f" and {len(group) - MAX_CASES} more" if len(group) > MAX_CASES else ""
        label = f"column {column!r}" if pd.notna(column) else "frame"
        lines.append(f"  {label} failed {check}: {shown}{more}")
    return "\n".join(lines)
