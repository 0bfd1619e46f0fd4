"""``countybudget coverage``: what the reader gets out of a folder of disclosures it has never seen.

No warehouse: each PDF goes through the same isolated extraction as an ingest, then the
within-document checks. Figures are grouped by source folder (the PDF's parent folder), the view
an operator needs when a new region's files arrive.
"""

from __future__ import annotations

import csv
import json
import os
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from checks.document import check_document
from checks.verification import verified_counts
from extract.isolation import extract_many
from extract.limits import Limits
from extract.model import TABLE_TYPES, ExtractedDocument, QuarantineError
from plumbing.inventory import discover_pdfs

NINE = TABLE_TYPES[:9]  # the nine standard tables every disclosure prints


@dataclass
class DocumentCoverage:
    """One document's figures (a row of ``--details``)."""

    path: str
    folder: str
    status: str  # 'read' | 'empty' | quarantine reason
    message: str = ""
    identity_complete: bool = False
    missing_identity: list[str] = field(default_factory=list)
    region_level: str | None = None
    standard_tables: int = 0  # of the nine, with at least one amount
    tables: list[str] = field(default_factory=list)  # every table_type found (empty ones too)
    toc_named: int = 0  # standard tables the 目录 names
    toc_found: int = 0  # of those, found
    amounts: int = 0
    verified: int = 0  # amounts confirmed by an arithmetic identity
    narrative: int = 0
    errors: dict[str, int] = field(default_factory=dict)  # error findings per check
    warnings: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    peer_tables: int | None = None  # another parser's count from the corpus manifest


_IDENTITY_FIELDS = ("county", "department", "fiscal_year", "phase")


def document_coverage(
    path: Path, root: Path, outcome: ExtractedDocument | QuarantineError
) -> DocumentCoverage:
    folder = str(path.parent.relative_to(root)) if path.parent != root else "."
    row = DocumentCoverage(path=str(path.relative_to(root)), folder=folder, status="read")
    if isinstance(outcome, QuarantineError):
        row.status, row.message = outcome.reason.value, outcome.message
        return row
    doc = outcome
    identity = doc.identity
    row.missing_identity = [name for name in _IDENTITY_FIELDS if not getattr(identity, name, None)]
    row.identity_complete = not row.missing_identity
    row.region_level = getattr(identity, "region_level", None)
    with_amounts = {line.table_type for line in doc.lines}
    row.standard_tables = len(with_amounts & set(NINE))
    row.tables = list(doc.tables_found)
    # A file without tables is the narrative part of a disclosure: its 目录 names another file's tables.
    named = [t for t in dict.fromkeys(doc.toc_tables) if t in TABLE_TYPES] if doc.tables else []
    row.toc_named = len(named)
    row.toc_found = len([t for t in named if t in set(doc.tables_found)])
    row.amounts = len(doc.lines)
    row.verified = sum(confirmed for confirmed, _ in verified_counts(doc).values())
    row.narrative = len(doc.narrative)
    row.seconds = doc.seconds
    for finding in check_document(doc):
        counts = row.errors if finding.severity == "error" else row.warnings
        counts[finding.check] = counts.get(finding.check, 0) + 1
    if not doc.lines and not doc.narrative:
        row.status = "empty"
    return row


def _peer_counts(root: Path) -> dict[str, int]:
    """``peer_standard_tables`` per relative path from a corpus ``manifest.tsv``, when present."""
    manifest = root / "manifest.tsv"
    if not manifest.exists():
        return {}
    with manifest.open(encoding="utf-8") as handle:
        return {
            row["file"]: int(row["peer_standard_tables"])
            for row in csv.DictReader(handle, delimiter="\t")
            if row.get("peer_standard_tables", "").isdigit()
        }


def measure(paths: list[Path], workers: int = 2, limits: Limits | None = None) -> list[DocumentCoverage]:
    """Coverage rows for every PDF under ``paths``, relative to the folder they all sit in (given
    ``corpus/wuxi corpus/suzhou``, the rows are grouped as ``wuxi`` and ``suzhou``)."""
    files = discover_pdfs(paths)
    folders = [Path(p).absolute() if Path(p).is_dir() else Path(p).absolute().parent for p in paths]
    root = Path(os.path.commonpath(folders))
    outcomes = extract_many(files, limits or Limits.from_env(), workers=workers)
    peers = _peer_counts(root)
    rows = []
    for path, outcome in outcomes.items():
        row = document_coverage(path, root, outcome)
        row.peer_tables = peers.get(row.path)
        rows.append(row)
    return rows


def summarise(rows: list[DocumentCoverage]) -> list[dict[str, object]]:
    """One summary per folder plus an ``ALL`` line."""
    groups: dict[str, list[DocumentCoverage]] = {}
    for row in rows:
        groups.setdefault(row.folder, []).append(row)
    summaries = [_summary(folder, group) for folder, group in sorted(groups.items())]
    summaries.append(_summary("ALL", rows))
    return summaries


def _summary(folder: str, rows: list[DocumentCoverage]) -> dict[str, object]:
    read = [row for row in rows if row.status == "read"]
    toc_named = sum(row.toc_named for row in rows)
    amounts = sum(row.amounts for row in rows)
    peers = [row.peer_tables for row in rows if row.peer_tables is not None]
    errors: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for row in rows:
        errors.update(row.errors)
        warnings.update(row.warnings)
    return {
        "folder": folder,
        "documents": len(rows),
        "read": len(read),
        "identity_complete": sum(row.identity_complete for row in rows),
        "toc_found": f"{sum(row.toc_found for row in rows)}/{toc_named}",
        "tables_per_doc": round(statistics.fmean([row.standard_tables for row in rows]), 2) if rows else 0,
        "peer_tables_per_doc": round(statistics.fmean(peers), 2) if peers else None,
        "amounts": amounts,
        "verified_share": round(sum(row.verified for row in rows) / amounts, 4) if amounts else None,
        "docs_with_errors": sum(1 for row in rows if row.errors),
        "errors": dict(errors.most_common()),
        "warnings": dict(warnings.most_common()),
        "median_seconds": round(statistics.median([row.seconds for row in read]), 3) if read else None,
    }


_COLUMNS = (
    ("folder", "folder"),
    ("documents", "docs"),
    ("read", "read"),
    ("identity_complete", "identity"),
    ("toc_found", "目录 found"),
    ("tables_per_doc", "tables/doc"),
    ("peer_tables_per_doc", "peer"),
    ("amounts", "amounts"),
    ("verified_share", "verified"),
    ("docs_with_errors", "docs w/ errors"),
    ("median_seconds", "s/doc"),
)


def render(summaries: list[dict[str, object]], rows: list[DocumentCoverage], details: bool) -> str:
    """Plain-text table per folder, then findings per check, then (optionally) every document."""
    header = [title for _, title in _COLUMNS]
    body = [[str(summary[key]) for key, _ in _COLUMNS] for summary in summaries]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    out = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in [header, *body]
    ]
    total = summaries[-1]
    out.append("")
    out.append("error findings per check: " + (json.dumps(total["errors"], ensure_ascii=False) or "{}"))
    out.append("warn findings per check:  " + (json.dumps(total["warnings"], ensure_ascii=False) or "{}"))
    problems = [row for row in rows if row.status != "read" or not row.identity_complete]
    for row in problems:
        why = row.message or f"identity missing {','.join(row.missing_identity)}"
        out.append(f"  {row.status:<16} {row.path}: {why}")
    if details:
        out.append("")
        for row in rows:
            out.append(
                f"{row.path}\t{row.status}\ttables={row.standard_tables} peer={row.peer_tables} "
                f"toc={row.toc_found}/{row.toc_named} amounts={row.amounts} verified={row.verified} "
                f"errors={dict(row.errors)} {row.seconds:.2f}s"
            )
    return "\n".join(out)


def run_coverage(
    paths: list[Path], details: bool = False, json_out: Path | None = None, workers: int = 2
) -> int:
    rows = measure(paths, workers=workers)
    summaries = summarise(rows)
    print(render(summaries, rows, details))
    if json_out is not None:
        payload = {"summaries": summaries, "documents": [asdict(row) for row in rows]}
        json_out.write_text(json.dumps(payload, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0
