"""Pandera models of the long frames handed from extraction to the warehouse.

Each model is strict (no unexpected columns) and does not coerce: a frame of the wrong shape is a
bug upstream and must be reported, not silently fixed.
"""

from __future__ import annotations

from typing import Annotated

import pandas as pd
import pandera.pandas as pa
import pyarrow
from pandera.typing import Series

from checks.findings import SEVERITIES
from extract.model import TABLE_TYPES
from schemas.money import MONEY_ARROW, TARGET_VALUE_ARROW

Money = Annotated[pd.ArrowDtype, MONEY_ARROW]
TargetValue = Annotated[pd.ArrowDtype, TARGET_VALUE_ARROW]
IntList = Annotated[pd.ArrowDtype, pyarrow.list_(pyarrow.int64())]
StrList = Annotated[pd.ArrowDtype, pyarrow.list_(pyarrow.string())]

DOCUMENT_ID = r"^[0-9a-f]{16}$"
KEY = r"^[a-z][a-z0-9_]*$"  # check keys and measures: stable snake_case
METRIC = r"^[a-z][a-z0-9_]*(?::[^:\s]+)*$"  # snake_case, then optional qualifiers (share_pct:part:base)
METRIC_KINDS = ("amount", "share_pct", "change_pct", "count")
DIGITS = r"^\d+$"
UNITS = ("万元", "千元", "元")
SCOPES = ("department", "project")
SOURCES = ("text", "ocr")


class _Strict(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = False


class BudgetLinesModel(_Strict):
    """One row per printed amount (``v_budget_lines`` minus the document's identity columns)."""

    document_id: Series[str] = pa.Field(str_matches=DOCUMENT_ID)
    table_type: Series[str] = pa.Field(isin=TABLE_TYPES)
    code: Series[str] = pa.Field(nullable=True, str_matches=DIGITS)
    item: Series[str] = pa.Field(nullable=True, str_length={"min_value": 1})
    measure: Series[str] = pa.Field(str_matches=KEY)
    amount_yuan: Series[Money] = pa.Field()
    page: Series[int] = pa.Field(ge=1)
    budget_unit: Series[str] = pa.Field(nullable=True)  # the 预算单位 section of a multi-unit table
    source: Series[str] = pa.Field(isin=SOURCES)  # 'text' layer or 'ocr' of a table image
    confidence: Series[float] = pa.Field(nullable=True, ge=0, le=1)  # OCR engine's, per cell


class NarrativeMetricsModel(_Strict):
    """Figures stated in the text: yuan amounts (``kind`` amount) in ``amount_yuan``, shares, growth
    rates and counts in ``value`` (they are not money and must never be read as yuan)."""

    document_id: Series[str] = pa.Field(str_matches=DOCUMENT_ID)
    metric: Series[str] = pa.Field(str_matches=METRIC)
    kind: Series[str] = pa.Field(isin=METRIC_KINDS)
    amount_yuan: Series[Money] = pa.Field(nullable=True)
    value: Series[TargetValue] = pa.Field(nullable=True)
    page: Series[int] = pa.Field(ge=1)
    sentence: Series[str] = pa.Field()

    @pa.dataframe_check(error="amount_yuan is set exactly when kind is 'amount', value exactly otherwise")
    def money_only_for_amounts(cls, df: pd.DataFrame) -> pd.Series:
        is_amount = df["kind"] == "amount"
        return (df["amount_yuan"].notna() == is_amount) & (df["value"].notna() != is_amount)


class PerformanceTargetsModel(_Strict):
    document_id: Series[str] = pa.Field(str_matches=DOCUMENT_ID)
    scope: Series[str] = pa.Field(isin=SCOPES)
    project: Series[str] = pa.Field(nullable=True)
    level1: Series[str] = pa.Field(nullable=True)
    level2: Series[str] = pa.Field(nullable=True)
    level3: Series[str] = pa.Field(nullable=True)
    target_text: Series[str] = pa.Field()
    target_value: Series[TargetValue] = pa.Field(nullable=True)
    target_unit: Series[str] = pa.Field(nullable=True)
    prior_text: Series[str] = pa.Field(nullable=True)
    page: Series[int] = pa.Field(ge=1)


class ProjectsModel(_Strict):
    document_id: Series[str] = pa.Field(str_matches=DOCUMENT_ID)
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    kind: Series[str] = pa.Field(nullable=True)
    total_budget_yuan: Series[Money] = pa.Field(nullable=True)
    annual_budget_yuan: Series[Money] = pa.Field(nullable=True)
    page: Series[int] = pa.Field(ge=1)


class TableReportsModel(_Strict):
    """What the extractor saw of each standard table, empty tables included (``tables_found``)."""

    document_id: Series[str] = pa.Field(str_matches=DOCUMENT_ID)
    ordinal: Series[int] = pa.Field(ge=0)
    table_type: Series[str] = pa.Field(isin=TABLE_TYPES)
    title: Series[str] = pa.Field()
    pages: Series[IntList] = pa.Field()
    unit: Series[str] = pa.Field(nullable=True, isin=UNITS)
    accuracy: Series[float] = pa.Field(nullable=True, ge=0, le=100)
    whitespace: Series[float] = pa.Field(nullable=True, ge=0, le=100)
    rows: Series[int] = pa.Field(ge=0)
    empty: Series[bool] = pa.Field()
    errors: Series[StrList] = pa.Field()
    amounts: Series[int] = pa.Field(ge=0)  # amounts read (filled by checks.verification)
    verified: Series[int] = pa.Field(ge=0)  # of those, confirmed by an arithmetic identity


class FindingsModel(_Strict):
    """Failed reconciliations; lenient on check keys because findings must never block loading."""

    document_id: Series[str] = pa.Field(nullable=True, str_matches=DOCUMENT_ID)
    check: Series[str] = pa.Field(str_matches=KEY)
    severity: Series[str] = pa.Field(isin=SEVERITIES)
    message: Series[str] = pa.Field()
    expected_yuan: Series[Money] = pa.Field(nullable=True)
    actual_yuan: Series[Money] = pa.Field(nullable=True)
