"""Narrative vs tables across the two files of one disclosure, on frames shaped like the contract views."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pyarrow as pa

from checks.cross_parts import check_across_parts

MONEY = pd.ArrowDtype(pa.decimal128(18, 2))
REPORT = {"table_type": "summary", "title": "收支预算总表", "pages": [3], "unit": "万元"}


def _documents(*rows: tuple[str, str, str | None, str]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "document_id": d,
                "status": s,
                "disclosure_id": k,
                "part": p,
                "table_reports": [REPORT] if p != "narrative" else [],
            }
            for d, s, k, p in rows
        ]
    )


def _lines() -> pd.DataFrame:
    rows = [("t1", "summary", None, "收入总计", "revenue", Decimal("24458430.00"), 3)]
    frame = pd.DataFrame(
        rows, columns=["document_id", "table_type", "code", "item", "measure", "amount_yuan", "page"]
    )
    return frame.astype({"amount_yuan": MONEY})


def _narrative(amount: str) -> pd.DataFrame:
    frame = pd.DataFrame(
        [{"document_id": "n1", "metric": "revenue_total", "amount_yuan": Decimal(amount), "page": 6}]
    )
    return frame.astype({"amount_yuan": MONEY})


def test_narrative_part_is_checked_against_its_tables_part():
    docs = _documents(("n1", "loaded", "n1", "narrative"), ("t1", "loaded", "n1", "tables"))
    [finding] = check_across_parts(_lines(), _narrative("24000000.00"), docs)
    assert (finding.document_id, finding.check, finding.severity) == ("n1", "narrative_vs_table", "error")
    assert (finding.expected_yuan, finding.actual_yuan) == (Decimal("24458430.00"), Decimal("24000000.00"))
    assert finding.message.endswith("(tables in document t1)")
    assert check_across_parts(_lines(), _narrative("24458400.00"), docs) == []  # agrees to the 万元 printed


def test_unlinked_or_single_files_are_not_checked():
    alone = _documents(("n1", "loaded", "n1", "narrative"), ("t1", "loaded", "t1", "tables"))
    assert check_across_parts(_lines(), _narrative("1.00"), alone) == []
    superseded = _documents(("n1", "loaded", "n1", "narrative"), ("t1", "superseded", None, "tables"))
    assert check_across_parts(_lines(), _narrative("1.00"), superseded) == []
