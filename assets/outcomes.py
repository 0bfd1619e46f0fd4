"""Per-document outcome records and the per-run summary shown in the UI and printed by ``ingest``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipelines.inventory import InventoryEntry
from pipelines.staged import Normalised, Outcome, Quarantined


def document_record(key: str, source: InventoryEntry | Quarantined, staged: Normalised | Quarantined) -> Any:
    """The loader's ``DocumentRecord`` for one partition (file facts plus identity when known)."""
    from warehouse.loader import DocumentRecord

    frames = staged.frames if isinstance(staged, Normalised) else None
    return DocumentRecord(
        document_id=key,
        sha256=source.sha256 if isinstance(source, InventoryEntry) else None,
        source_path=source.path if isinstance(source, InventoryEntry) else None,
        identity=frames.identity if frames is not None else None,
        pages=staged.pages if isinstance(staged, Normalised) else None,
        tables_found=frames.tables_found if frames is not None else [],
    )


def outcome_of(key: str, source: InventoryEntry | Quarantined, staged: Normalised | Quarantined) -> Outcome:
    path = source.path if isinstance(source, InventoryEntry) else ""
    if isinstance(staged, Quarantined):
        return Outcome(key, path, "quarantined", reason=staged.reason, message=staged.message)
    lines = staged.frames.lines
    return Outcome(
        document_id=key,
        path=path,
        status="loaded",
        title=staged.frames.identity.title,
        pages=staged.pages,
        tables=len(staged.frames.tables),
        amounts=len(lines),
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
