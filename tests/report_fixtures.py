"""A small warehouse for the report tests: one department, budgets for 2023 and 2024, the 2024 final
accounts, two findings (one narrative, one on a table), one quarantined file."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from checks.findings import Finding
from extract.model import ReasonClass
from schemas.frames import document_frames
from tests.warehouse_fixtures import ensure_classification, sample_document, sha_of

ensure_classification()

from warehouse.loader import DocumentRecord, WarehouseWriter  # noqa: E402

DOCUMENTS = (  # (year, phase, expenditure total)
    (2023, "budget", Decimal("1234567.89")),
    (2024, "budget", Decimal("12345678.91")),
    (2024, "final", Decimal("12000000.05")),
)


def record_for(name: str) -> DocumentRecord:
    sha = sha_of(name)
    return DocumentRecord(sha[:16], sha, f"pdfs/{name}.pdf", 18, 0.5)


def findings_for(year: int, phase: str) -> list[Finding]:
    if (year, phase) != (2024, "final"):
        return []
    return [
        Finding(None, "table_total", "error", "expenditure 合计 is not the sum of its 类 rows", None, None),
        Finding(
            None, "narrative_vs_table", "warn", "narrative expenditure_total vs expenditure 合计", None, None
        ),
    ]


def build_report_warehouse(path: Path) -> Path:
    with WarehouseWriter(path) as writer:
        for year, phase, total in DOCUMENTS:
            record = record_for(f"edu-{year}-{phase}")
            doc = sample_document(total, year=year, phase=phase)
            writer.load_document(record, document_frames(doc, record.document_id), findings_for(year, phase))
        writer.quarantine_document(record_for("scan"), ReasonClass.NO_TEXT_LAYER, "scan.pdf: no text layer")
        writer.finalize()
    return path
