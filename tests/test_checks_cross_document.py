"""The 比上年 change against last year's document, on frames shaped like the contract views."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pyarrow as pa

from checks import names
from checks.cross_document import check_across_documents, to_decimal
from checks.findings import Finding

MONEY = pd.ArrowDtype(pa.decimal128(18, 2))
DEPT = ("白石县", "白石县教育局")


def documents(*rows: tuple[str, int, str, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "document_id": d,
                "county": DEPT[0],
                "department": DEPT[1],
                "fiscal_year": y,
                "phase": ph,
                "status": st,
            }
            for d, y, ph, st in rows
        ]
    )


def narrative(*rows: tuple[str, str, str]) -> pd.DataFrame:
    frame = pd.DataFrame([{"document_id": d, "metric": m, "amount_yuan": Decimal(a)} for d, m, a in rows])
    return frame.astype({"amount_yuan": MONEY})


def summary_lines(*rows: tuple[str, str, str]) -> pd.DataFrame:
    frame = pd.DataFrame(
        [(d, "summary", None, "总计", m, Decimal(a)) for d, m, a in rows],
        columns=["document_id", "table_type", "code", "item", "measure", "amount_yuan"],
    )
    return frame.astype({"amount_yuan": MONEY})


def test_stated_change_that_contradicts_last_years_document() -> None:
    docs = documents(
        ("a2023", 2023, "budget", "loaded"),
        ("a2024", 2024, "budget", "loaded"),
        ("f2023", 2023, "final", "loaded"),
    )
    stated = narrative(
        ("a2024", "revenue_total", "17933300.00"),
        ("a2024", "revenue_change", "397800.00"),
        ("a2024", "expenditure_change", "410000.00"),
        ("a2023", "revenue_total", "17535500.00"),
    )
    lines = summary_lines(("a2023", "expenditure", "17535500.00"), ("a2024", "expenditure", "17933300.00"))
    assert check_across_documents(lines, stated, docs) == [
        Finding(
            "a2024",
            names.PRIOR_YEAR_CHANGE,
            "warn",
            "白石县教育局 2024 budget stated expenditure_change vs expenditure_total 2024 minus 2023 (document a2023): "
            "printed 41万元 (410000.00 yuan), expected 39.78万元 (397800.00 yuan), difference 12200.00 yuan",
            Decimal("397800.00"),
            Decimal("410000.00"),
        )
    ]


def test_no_prior_document_or_a_superseded_one_gives_nothing() -> None:
    docs = documents(
        ("a2023", 2023, "budget", "superseded"),
        ("a2024", 2024, "budget", "loaded"),
        ("f2023", 2023, "final", "loaded"),
    )
    stated = narrative(
        ("a2024", "revenue_total", "100.00"),
        ("a2024", "revenue_change", "99.00"),
        ("a2023", "revenue_total", "50.00"),
        ("f2023", "revenue_total", "1.00"),
    )
    assert check_across_documents(summary_lines(), stated, docs) == []


def test_within_one_hundred_yuan_agrees_and_decreases_are_signed() -> None:
    docs = documents(("a2023", 2023, "final", "loaded"), ("a2024", 2024, "final", "loaded"))
    stated = narrative(
        ("a2024", "revenue_total", "1000000.00"),
        ("a2024", "revenue_change", "-200100.00"),
        ("a2023", "revenue_total", "1200000.00"),
    )
    assert check_across_documents(summary_lines(), stated, docs) == []
    stated = narrative(
        ("a2024", "revenue_total", "1000000.00"),
        ("a2024", "revenue_change", "200000.00"),
        ("a2023", "revenue_total", "1200000.00"),
    )
    [finding] = check_across_documents(summary_lines(), stated, docs)
    assert (finding.expected_yuan, finding.actual_yuan) == (Decimal("-200000.00"), Decimal("200000.00"))


def test_money_cells_become_decimal_not_float() -> None:
    assert to_decimal(Decimal("1.10")) == Decimal("1.10")
    assert to_decimal(pd.NA) is None and to_decimal(None) is None
    assert to_decimal(0.1) == Decimal("0.1")


def test_the_table_total_wins_over_a_contradicting_narrative_total_and_one_sentence_gives_one_finding() -> (
    None
):
    docs = documents(("a2023", 2023, "budget", "loaded"), ("a2024", 2024, "budget", "loaded"))
    # 2023's text overstates its total by 1234 yuan (a narrative_vs_table finding of its own)
    stated = narrative(
        ("a2023", "revenue_total", "1001234.00"),
        ("a2024", "revenue_total", "1100000.00"),
        ("a2024", "revenue_change", "90000.00"),
        ("a2024", "expenditure_change", "90000.00"),
    )
    lines = summary_lines(
        ("a2023", "revenue", "1000000.00"),
        ("a2023", "expenditure", "1000000.00"),
        ("a2024", "revenue", "1100000.00"),
        ("a2024", "expenditure", "1100000.00"),
    )
    found = check_across_documents(lines, stated, docs)
    assert [(f.document_id, f.expected_yuan, f.actual_yuan) for f in found] == [
        ("a2024", Decimal("100000.00"), Decimal("90000.00"))
    ]


def test_arrow_typed_frames_as_read_from_duckdb() -> None:
    docs = pa.table(
        {
            "document_id": ["a", "b"],
            "county": ["x", "x"],
            "department": ["d", "d"],
            "fiscal_year": pa.array([2023, 2024], pa.int32()),
            "phase": ["budget", "budget"],
            "status": ["loaded", "loaded"],
        }
    ).to_pandas(types_mapper=pd.ArrowDtype)
    stated = pa.table(
        {
            "document_id": ["b", "a", "b"],
            "metric": ["revenue_change", "revenue_total", "revenue_total"],
            "amount_yuan": pa.array([Decimal("5.00"), Decimal("100.00"), None], pa.decimal128(18, 2)),
        }
    ).to_pandas(types_mapper=pd.ArrowDtype)
    lines = pa.table(
        {
            "document_id": ["b"],
            "table_type": ["summary"],
            "code": pa.array([None], pa.string()),
            "item": ["总计"],
            "measure": ["revenue"],
            "amount_yuan": pa.array([Decimal("1000.00")], pa.decimal128(18, 2)),
        }
    ).to_pandas(types_mapper=pd.ArrowDtype)
    [finding] = check_across_documents(lines, stated, docs)
    assert (finding.document_id, finding.expected_yuan, finding.actual_yuan) == (
        "b",
        Decimal("900.00"),
        Decimal("5.00"),
    )
