"""Checks across documents: this year's stated 比上年 change against last year's document.

``expected`` = this document's total - last year's same-department, same-phase document's total;
``actual`` = the change the text states. Totals are the summary table's 总计 when printed (a
narrative total that contradicts its table is the narrative check's finding, not this one's), else
the narrative figure. Severity ``warn``: a text may compare with last year's adjusted figure.
Money stays Decimal (frames carry ``decimal128`` Arrow columns or Decimal objects).
"""

from __future__ import annotations

import dataclasses
import math
from decimal import Decimal

import pandas as pd

from checks import names
from checks.finding_text import mismatch
from checks.findings import Finding
from checks.tolerance import NARRATIVE_STEP, agrees

# stated change metric -> (total metric, summary measure)
CHANGES = {
    "revenue_change": ("revenue_total", "revenue"),
    "expenditure_change": ("expenditure_total", "expenditure"),
}
SUMMARY_TOTAL_LABELS = ("总计", "收入总计", "支出总计")
DocKey = tuple[str, str, str, int]  # county, department, phase, fiscal_year


def to_decimal(value: object) -> Decimal | None:
    """A money cell as Decimal; None for NULL. A float (should not happen) goes through its repr."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def _first_amounts(
    document_ids: pd.Series, keys: pd.Series, amounts: pd.Series
) -> dict[tuple[str, str], Decimal]:
    """The first non-NULL amount per (document_id, key), as Decimal."""
    out: dict[tuple[str, str], Decimal] = {}
    for doc_id, key, amount in zip(document_ids, keys, amounts, strict=True):
        value = to_decimal(amount)
        if value is not None:
            out.setdefault((doc_id, key), value)
    return out


def _stated(narrative: pd.DataFrame) -> dict[tuple[str, str], Decimal]:
    return _first_amounts(narrative["document_id"], narrative["metric"], narrative["amount_yuan"])


def _summary_totals(lines: pd.DataFrame) -> dict[tuple[str, str], Decimal]:
    rows = lines[(lines["table_type"] == "summary") & lines["item"].isin(SUMMARY_TOTAL_LABELS)]
    return _first_amounts(rows["document_id"], rows["measure"], rows["amount_yuan"])


def _loaded(documents: pd.DataFrame) -> dict[DocKey, str]:
    docs = documents if "status" not in documents else documents[documents["status"] == "loaded"]
    out: dict[DocKey, str] = {}
    for row in docs.itertuples(index=False):
        if any(pd.isna(v) for v in (row.county, row.department, row.phase, row.fiscal_year)):
            continue  # an incomplete identity (loaded with a finding) has no prior-year peer
        out.setdefault((row.county, row.department, row.phase, int(row.fiscal_year)), row.document_id)
    return out


def check_across_documents(
    lines: pd.DataFrame, narrative: pd.DataFrame, documents: pd.DataFrame
) -> list[Finding]:
    stated, summary, loaded = _stated(narrative), _summary_totals(lines), _loaded(documents)

    def total(doc_id: str, metric: str, measure: str) -> Decimal | None:
        return summary.get((doc_id, measure), stated.get((doc_id, metric)))

    found, seen = [], set()
    for (county, department, phase, year), doc_id in sorted(loaded.items()):
        prior_id = loaded.get((county, department, phase, year - 1))
        if prior_id is None:
            continue
        for change_metric, (total_metric, measure) in CHANGES.items():
            change = stated.get((doc_id, change_metric))
            this, last = total(doc_id, total_metric, measure), total(prior_id, total_metric, measure)
            if change is None or this is None or last is None or agrees(this - last, change, NARRATIVE_STEP):
                continue
            if (doc_id, this - last, change) in seen:  # one 收支 sentence states both changes
                continue
            seen.add((doc_id, this - last, change))
            what = (
                f"{department} {year} {phase} stated {change_metric} vs {total_metric} {year} minus "
                f"{year - 1} (document {prior_id})"
            )
            finding = mismatch(names.PRIOR_YEAR_CHANGE, "warn", what, this - last, change)
            found.append(dataclasses.replace(finding, document_id=doc_id))
    return found
