"""Narrative vs tables across the two files of one disclosure (a narrative file and a tables file).

Some publishers print a disclosure's text and its tables as separate PDFs. Loaded, they share
``v_documents.disclosure_id``; this runs the within-document narrative-vs-table rule on the narrative
part's figures against the tables part's amounts. Findings go to the narrative part's document.
Frames are shaped like the contract views (``v_budget_lines``, ``v_narrative_figures``, ``v_documents``).
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from checks.cross_document import to_decimal
from checks.findings import Finding
from checks.line_index import LineIndex
from checks.narrative_rules import narrative_vs_tables
from checks.tolerance import Tolerances
from extract.model import BudgetLine, DocumentIdentity, ExtractedDocument, NarrativeMetric, TableReport

_NO_IDENTITY = DocumentIdentity(None, None, None, None, "")


def _none(value: object) -> object:
    return None if value is None or value is pd.NA or (isinstance(value, float) and value != value) else value


def _tables_part(document: pd.Series, lines: pd.DataFrame) -> ExtractedDocument:
    rows = lines[lines["document_id"] == document["document_id"]]
    reports = [
        TableReport(r["table_type"], r.get("title") or "", list(r.get("pages") or []), r.get("unit"))
        for r in (document.get("table_reports") or [])
    ]
    body = [
        BudgetLine(t, _none(c), _none(i), m, to_decimal(a), int(p))
        for t, c, i, m, a, p in zip(
            rows["table_type"],
            rows["code"],
            rows["item"],
            rows["measure"],
            rows["amount_yuan"],
            rows["page"],
            strict=True,
        )
    ]
    return ExtractedDocument(identity=_NO_IDENTITY, pages=0, lines=body, tables=reports)


def _figures(document_id: str, narrative: pd.DataFrame) -> list[NarrativeMetric]:
    rows = narrative[narrative["document_id"] == document_id]
    return [
        NarrativeMetric(metric, to_decimal(amount), int(page))
        for metric, amount, page in zip(rows["metric"], rows["amount_yuan"], rows["page"], strict=True)
        if to_decimal(amount) is not None
    ]


def check_across_parts(
    lines: pd.DataFrame, narrative: pd.DataFrame, documents: pd.DataFrame
) -> list[Finding]:
    """narrative_vs_table findings of each narrative part against its disclosure's tables part."""
    if "disclosure_id" not in documents or documents.empty:
        return []
    loaded = documents[(documents["status"] == "loaded") & documents["disclosure_id"].notna()]
    found: list[Finding] = []
    for _, group in loaded.groupby("disclosure_id", sort=True):
        texts = group[group["part"] == "narrative"]
        tables = group[group["part"] != "narrative"].sort_values("document_id")
        if texts.empty or tables.empty:
            continue
        table_doc = _tables_part(tables.iloc[0], lines)
        index, tol = LineIndex(table_doc.lines), Tolerances(table_doc)
        for document_id in sorted(texts["document_id"]):
            doc = dataclasses.replace(table_doc, narrative=_figures(document_id, narrative))
            for finding in narrative_vs_tables(doc, index, tol):
                message = f"{finding.message} (tables in document {tables.iloc[0]['document_id']})"
                found.append(dataclasses.replace(finding, document_id=document_id, message=message))
    return found
