"""Per-document outcome records and the per-run summary shown in the UI and printed by ``ingest``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipelines.staged import Normalised, Outcome, Quarantined, SourceFile


def document_record(source: SourceFile, staged: Normalised | Quarantined) -> Any:
    """The loader's ``DocumentRecord`` for one partition (file facts, pages and extraction time)."""
    from warehouse.loader import DocumentRecord

    extracted = staged if isinstance(staged, Normalised) else None
    return DocumentRecord(
        document_id=source.entry.document_id,
        sha256=source.entry.sha256,
        source_path=source.entry.path,
        pages=extracted.pages if extracted else None,
        seconds=round(extracted.seconds, 3) if extracted else None,
        extractor_version=staged.extractor_version,
    )


def outcome_of(source: SourceFile, staged: Normalised | Quarantined) -> Outcome:
    key, path = source.entry.document_id, source.entry.path
    if isinstance(staged, Quarantined):
        return Outcome(key, path, "quarantined", reason=staged.reason, message=staged.message)
    return Outcome(
        document_id=key,
        path=path,
        status="loaded",
        title=staged.frames.identity.title,
        pages=staged.pages,
        tables=len(staged.frames.tables),
        amounts=len(staged.frames.lines),
        findings=len(staged.findings),
        errors=sum(1 for f in staged.findings if f.severity == "error"),
    )


def run_summary(outcomes: Sequence[Outcome], skipped: int, seconds: float) -> dict[str, Any]:
    """Run-level figures: processed / skipped / quarantined documents, pages, tables, amounts, seconds."""
    loaded = [o for o in outcomes if o.status == "loaded"]
    return {
        "documents_processed": len(outcomes),
        "documents_skipped": skipped,
        "documents_loaded": len(loaded),
        "documents_quarantined": len(outcomes) - len(loaded),
        "pages": sum(o.pages for o in loaded),
        "tables": sum(o.tables for o in loaded),
        "amounts_loaded": sum(o.amounts for o in loaded),
        "error_findings": sum(o.errors for o in loaded),
        "seconds": round(seconds, 3),
    }
