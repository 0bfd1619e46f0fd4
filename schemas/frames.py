"""Extraction dataclasses → validated long frames (the only road into the warehouse).

Money goes Decimal → Arrow decimal128(18, 2) directly, never through float.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal

import pandas as pd
import pyarrow as pa

from extract.model import PHASES, REGION_LEVELS, DocumentIdentity, ExtractedDocument
from schemas import models
from schemas.columns import arrow_lists, floats, ids, ints, strings
from schemas.findings import findings_frame
from schemas.money import MONEY_ARROW, TARGET_VALUE_ARROW, decimal_series
from schemas.validation import FrameValidationError, validate

TARGET_PLACES = Decimal("0.0001")


@dataclass
class DocumentFrames:
    """One document's validated frames plus its identity (what the loader needs besides the file)."""

    identity: DocumentIdentity
    lines: pd.DataFrame
    narrative: pd.DataFrame
    targets: pd.DataFrame
    projects: pd.DataFrame
    tables: pd.DataFrame
    toc_tables: list[str] = field(default_factory=list)
    ocr_pages: list[int] = field(default_factory=list)  # pages whose tables were read from images

    @property
    def tables_found(self) -> list[str]:
        """table_type keys in document order, empty tables included."""
        return list(self.tables.sort_values("ordinal")["table_type"])


def document_frames(doc: ExtractedDocument, document_id: str) -> DocumentFrames:
    """Build and validate every frame of one extracted document."""
    check_identity(doc.identity)
    return DocumentFrames(
        identity=doc.identity,
        lines=validate(models.BudgetLinesModel, lines_frame(doc, document_id)),
        narrative=validate(models.NarrativeMetricsModel, narrative_frame(doc, document_id)),
        targets=validate(models.PerformanceTargetsModel, targets_frame(doc, document_id)),
        projects=validate(models.ProjectsModel, projects_frame(doc, document_id)),
        tables=validate(models.TableReportsModel, tables_frame(doc, document_id)),
        toc_tables=list(doc.toc_tables),
        ocr_pages=list(doc.ocr_pages),
    )


def check_identity(identity: DocumentIdentity) -> None:
    """A field the cover does not print is None (loaded, with an identity_incomplete finding);
    a field that is printed must be well formed."""
    if identity.phase is not None and identity.phase not in PHASES:
        raise FrameValidationError(f"identity: phase {identity.phase!r} is not one of {PHASES}")
    if identity.fiscal_year is not None and not 1990 <= identity.fiscal_year <= 2100:
        raise FrameValidationError(f"identity: fiscal_year {identity.fiscal_year!r} is not a plausible year")
    if identity.region_level is not None and identity.region_level not in REGION_LEVELS:
        raise FrameValidationError(
            f"identity: region_level {identity.region_level!r} is not one of {REGION_LEVELS}"
        )
    for name in ("county", "department", "budget_unit"):
        if getattr(identity, name) == "":
            raise FrameValidationError(f"identity: {name} is an empty string (use None)")


def lines_frame(doc: ExtractedDocument, document_id: str) -> pd.DataFrame:
    rows = doc.lines
    return pd.DataFrame(
        {
            "document_id": ids(document_id, len(rows)),
            "table_type": strings(r.table_type for r in rows),
            "code": strings(r.code for r in rows),
            "item": strings(r.item for r in rows),
            "measure": strings(r.measure for r in rows),
            "amount_yuan": decimal_series("amount_yuan", [r.amount_yuan for r in rows]),
            "page": ints(r.page for r in rows),
            "budget_unit": strings(r.budget_unit for r in rows),
            "source": strings(r.source for r in rows),
            "confidence": floats(r.confidence for r in rows),
        }
    )


def metric_kind(metric: str) -> str:
    """``share_pct:…``, ``change_pct:…`` and ``count:…`` are not yuan; every other metric is."""
    head = metric.split(":", 1)[0]
    return head if ":" in metric and head in models.METRIC_KINDS else "amount"


def narrative_frame(doc: ExtractedDocument, document_id: str) -> pd.DataFrame:
    rows = doc.narrative
    kinds = [metric_kind(r.metric) for r in rows]
    return pd.DataFrame(
        {
            "document_id": ids(document_id, len(rows)),
            "metric": strings(r.metric for r in rows),
            "kind": strings(kinds),
            "amount_yuan": decimal_series(
                "amount_yuan",
                [r.amount_yuan if k == "amount" else None for r, k in zip(rows, kinds, strict=True)],
            ),
            "value": decimal_series(
                "value",
                [
                    None if k == "amount" else _target_value(r.amount_yuan)
                    for r, k in zip(rows, kinds, strict=True)
                ],
                TARGET_VALUE_ARROW,
            ),
            "page": ints(r.page for r in rows),
            "sentence": strings(r.sentence for r in rows),
        }
    )


def _target_value(value: Decimal | None) -> Decimal | None:
    """Indicator values, shares and counts are not money: 4 places is plenty, rounding beyond is harmless."""
    return None if value is None else value.quantize(TARGET_PLACES, rounding=ROUND_HALF_EVEN)


def targets_frame(doc: ExtractedDocument, document_id: str) -> pd.DataFrame:
    rows = doc.targets
    return pd.DataFrame(
        {
            "document_id": ids(document_id, len(rows)),
            "scope": strings(r.scope for r in rows),
            "project": strings(r.project for r in rows),
            "level1": strings(r.level1 for r in rows),
            "level2": strings(r.level2 for r in rows),
            "level3": strings(r.level3 for r in rows),
            "target_text": strings(r.target_text for r in rows),
            "target_value": decimal_series(
                "target_value", [_target_value(r.target_value) for r in rows], TARGET_VALUE_ARROW
            ),
            "target_unit": strings(r.target_unit for r in rows),
            "prior_text": strings(r.prior_text for r in rows),
            "page": ints(r.page for r in rows),
        }
    )


def projects_frame(doc: ExtractedDocument, document_id: str) -> pd.DataFrame:
    rows = doc.projects
    return pd.DataFrame(
        {
            "document_id": ids(document_id, len(rows)),
            "name": strings(r.name for r in rows),
            "kind": strings(r.kind for r in rows),
            "total_budget_yuan": decimal_series("total_budget_yuan", [r.total_budget_yuan for r in rows]),
            "annual_budget_yuan": decimal_series("annual_budget_yuan", [r.annual_budget_yuan for r in rows]),
            "page": ints(r.page for r in rows),
        }
    )


def tables_frame(doc: ExtractedDocument, document_id: str) -> pd.DataFrame:
    rows = doc.tables
    return pd.DataFrame(
        {
            "document_id": ids(document_id, len(rows)),
            "ordinal": ints(range(len(rows))),
            "table_type": strings(r.table_type for r in rows),
            "title": strings(r.title for r in rows),
            "pages": arrow_lists([list(r.pages) for r in rows], pa.int64()),
            "unit": strings(r.unit for r in rows),
            "accuracy": floats(r.accuracy for r in rows),
            "whitespace": floats(r.whitespace for r in rows),
            "rows": ints(r.rows for r in rows),
            "empty": pd.Series([bool(r.empty) for r in rows], dtype="bool"),
            "errors": arrow_lists([list(r.errors) for r in rows], pa.string()),
            "amounts": ints(r.amounts for r in rows),
            "verified": ints(r.verified for r in rows),
        }
    )


__all__ = ["DocumentFrames", "FrameValidationError", "MONEY_ARROW", "document_frames", "findings_frame"]
