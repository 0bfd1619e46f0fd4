"""Pandera models: exact money in Arrow decimals, and readable rejections of bad frames."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pandas as pd
import pytest

from checks.findings import Finding
from extract.model import BudgetLine, NarrativeMetric
from schemas import models
from schemas.frames import document_frames, findings_frame
from schemas.money import MONEY
from schemas.validation import FrameValidationError, validate
from tests.warehouse_fixtures import sample_document

DOC_ID = "abcdef0123456789"


def test_document_frames_carry_exact_decimals_as_arrow() -> None:
    frames = document_frames(sample_document(), DOC_ID)
    assert frames.lines["amount_yuan"].dtype == MONEY
    assert frames.lines["amount_yuan"].iloc[0] == Decimal("12345678.91")
    assert len(frames.lines) == 14
    assert frames.tables_found == ["expenditure", "basic_expenditure_economic", "government_fund_expenditure"]
    assert frames.projects["annual_budget_yuan"].iloc[0] == Decimal("150000.50")
    assert frames.targets["target_value"].iloc[0] == Decimal("124")


def test_bad_lines_frame_is_rejected_naming_column_and_check() -> None:
    frame = document_frames(sample_document(), DOC_ID).lines.copy()
    frame.loc[0, "page"] = 0
    frame.loc[1, "table_type"] = "balance_sheet"
    frame.loc[2, "code"] = "20A"
    with pytest.raises(FrameValidationError) as caught:
        validate(models.BudgetLinesModel, frame)
    message = str(caught.value)
    assert message.splitlines()[0] == "BudgetLinesModel rejected the frame:"
    assert "column 'page' failed greater_than_or_equal_to(1): 0 (row 0)" in message
    assert "column 'table_type' failed isin(" in message and "'balance_sheet' (row 1)" in message
    assert "column 'code' failed str_matches('^\\d+$'): '20A' (row 2)" in message


def test_float_money_column_is_rejected_by_dtype() -> None:
    frame = document_frames(sample_document(), DOC_ID).lines.copy()
    frame["amount_yuan"] = frame["amount_yuan"].astype("float64")
    with pytest.raises(
        FrameValidationError, match=r"column 'amount_yuan' failed dtype\('decimal128\(18, 2\)\[pyarrow\]'\)"
    ):
        validate(models.BudgetLinesModel, frame)


def test_amount_with_three_places_is_refused_not_rounded() -> None:
    doc = sample_document()
    doc.lines.append(BudgetLine("expenditure", "205", "教育支出", "total", Decimal("1.005"), 7))
    with pytest.raises(
        FrameValidationError,
        match=r"column 'amount_yuan' does not fit decimal128\(18, 2\) exactly: \[Decimal\('1.005'\)\]",
    ):
        document_frames(doc, DOC_ID)


def test_unexpected_column_is_rejected() -> None:
    frame = document_frames(sample_document(), DOC_ID).lines.assign(extra=1)
    with pytest.raises(FrameValidationError, match="column_in_schema"):
        validate(models.BudgetLinesModel, frame)


def test_bad_identity_is_rejected() -> None:
    doc = sample_document()
    doc.identity = dataclasses.replace(doc.identity, phase="plan")
    with pytest.raises(FrameValidationError, match="identity: phase 'plan' is not one of"):
        document_frames(doc, DOC_ID)


def test_findings_frame_fills_document_id_and_rounds_computed_figures_to_cents() -> None:
    findings = [
        Finding(
            None, "narrative_percentage", "warn", "13.19% stated", Decimal("2365314.92"), Decimal("0.1319")
        )
    ]
    frame = findings_frame(findings, DOC_ID)
    assert list(frame["document_id"]) == [DOC_ID]
    assert frame["actual_yuan"].iloc[0] == Decimal("0.13")
    bad = [Finding(None, "Not A Key", "warn", "x")]
    with pytest.raises(FrameValidationError, match="column 'check' failed str_matches"):
        findings_frame(bad, DOC_ID)


def test_empty_document_builds_empty_typed_frames() -> None:
    doc = sample_document()
    doc.lines, doc.tables, doc.narrative, doc.targets, doc.projects = [], [], [], [], []
    frames = document_frames(doc, DOC_ID)
    assert len(frames.lines) == 0 and frames.tables_found == []
    assert frames.lines["amount_yuan"].dtype == MONEY
    assert isinstance(frames.narrative, pd.DataFrame)


def test_narrative_shares_and_counts_are_kept_out_of_amount_yuan() -> None:
    doc = sample_document()
    doc.narrative += [
        NarrativeMetric("share_pct:operating_cost:revenue_total", Decimal("13.19"), 4, "占13.19%"),
        NarrativeMetric("count:vehicles:执法执勤用车", Decimal("3.00"), 5, "3辆"),
        NarrativeMetric("operating_cost_item:办公费", Decimal("1200.00"), 4, "办公费0.12万元"),
    ]
    frame = document_frames(doc, DOC_ID).narrative
    assert list(frame["kind"]) == ["amount", "share_pct", "count", "amount"]
    assert [None if pd.isna(v) else v for v in frame["amount_yuan"]] == [
        Decimal("12345678.91"),
        None,
        None,
        Decimal("1200.00"),
    ]
    assert [None if pd.isna(v) else v for v in frame["value"]] == [None, Decimal("13.19"), Decimal("3"), None]


def test_narrative_amount_on_a_count_is_rejected() -> None:
    frame = document_frames(sample_document(), DOC_ID).narrative.copy()
    frame.loc[0, "kind"] = "count"
    with pytest.raises(
        FrameValidationError,
        match="frame failed amount_yuan is set exactly when kind is 'amount', value exactly otherwise: row 0$",
    ):
        validate(models.NarrativeMetricsModel, frame)
