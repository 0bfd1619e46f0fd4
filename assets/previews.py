"""Markdown previews and metadata for the Dagster UI (pure functions on plain values)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from dagster import MetadataValue

from checks.ocr_proof import ocr_proof


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], limit: int = 20) -> str:
    """A GitHub-style table of at most ``limit`` rows, saying how many were left out."""
    rows = list(rows)
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for row in rows[:limit]:
        cells = ["" if cell is None else str(cell).replace("|", "\\|").replace("\n", " ") for cell in row]
        lines.append("| " + " | ".join(cells) + " |")
    if len(rows) > limit:
        lines.append(f"\n… {len(rows) - limit} more rows")
    return "\n".join(lines)


def table_report_markdown(tables: Sequence[Any]) -> str:
    """The extractor's view of each standard table: pages, unit, camelot accuracy and whitespace."""
    return markdown_table(
        ["table_type", "pages", "unit", "rows", "verified", "accuracy", "whitespace", "empty", "errors"],
        [
            (
                t.table_type,
                ",".join(map(str, t.pages)),
                t.unit,
                t.rows,
                f"{t.verified}/{t.amounts}",
                t.accuracy,
                t.whitespace,
                t.empty,
                "; ".join(t.errors),
            )
            for t in tables
        ],
    )


def verified_share(tables: Sequence[Any]) -> float | None:
    """Share of the amounts an arithmetic identity confirms (``TableReport.verified``); None when
    nothing was read."""
    amounts = sum(t.amounts for t in tables)
    return round(sum(t.verified for t in tables) / amounts, 4) if amounts else None


def extraction_report(doc: Any) -> dict[str, Any]:
    """Per-document metadata: identity, pages, tables found, timing, and the table report."""
    accuracies = [t.accuracy for t in doc.tables if t.accuracy is not None]
    return {
        "title": doc.identity.title,
        "pages": doc.pages,
        "tables_found": len(doc.tables),
        "amounts": len(doc.lines),
        "verified_share": verified_share(doc.tables),
        "worst_camelot_accuracy": float(min(accuracies)) if accuracies else None,
        "seconds": round(float(doc.seconds), 3),
        "tables": MetadataValue.md(table_report_markdown(doc.tables)),
        **ocr_report(doc),
    }


def ocr_report(doc: Any) -> dict[str, Any]:
    """For a document with table images: the pages OCR'd, amounts read by OCR, and how many of those
    an arithmetic identity proves (the rest are flagged as ``ocr_unproved`` findings)."""
    if not getattr(doc, "ocr_pages", None):
        return {}
    proof = ocr_proof(doc)
    return {
        "ocr_pages": ", ".join(str(page) for page in doc.ocr_pages),
        "amounts_from_ocr": proof.amounts,
        "ocr_amounts_proved": proof.proved,
    }


def without_none(metadata: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in metadata.items() if value is not None}
