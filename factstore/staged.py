"""Between the pipeline's per-document records and the fact store: store a new read, guarding
against an upgrade that reads less than the version before it, and load what the warehouse gets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pandas as pd
import pyarrow as pa

from checks.findings import Finding
from factstore.report import DocumentReport
from factstore.schema import StoredSchemaError
from factstore.store import FactStore, StoredDocument, new_write_id
from plumbing.inventory import InventoryEntry
from plumbing.staged import Normalised, Quarantined
from schemas.findings import findings_frame
from schemas.frames import DocumentFrames

REREAD_REGRESSION = "reread_regression"  # a newer extractor lost facts an older one read: old facts kept
FRAME_ATTRIBUTES = ("lines", "narrative", "targets", "projects", "tables")


def store_read(
    store: FactStore,
    entry: InventoryEntry,
    staged: Normalised | Quarantined,
    version: int,
    batch_ns: int = 0,
) -> Normalised | Quarantined:
    """Store what ``version`` read of a document; returns what the warehouse should hold for it.

    When the store holds facts an older version read and the new read would lose tables or amounts,
    the old facts stay, with a finding naming what was missed (an upgrade only adds, or says why not).
    """
    previous = _previous(store, entry.document_id)
    if previous is not None and previous.report.loaded and previous.report.extractor_version != version:
        lost = losses(previous, staged)
        if lost:
            return _keep(store, previous, version, lost, batch_ns)
    report = DocumentReport(
        document_id=entry.document_id,
        sha256=entry.sha256,
        source_path=entry.path,
        mtime_ns=entry.mtime_ns,
        status="quarantined" if isinstance(staged, Quarantined) else "loaded",
        extractor_version=version,
        write_id=new_write_id(),
        batch_ns=batch_ns,
    )
    if isinstance(staged, Quarantined):
        store.write(dataclasses.replace(report, reason=staged.reason, message=staged.message), {})
        return dataclasses.replace(staged, extractor_version=version)
    frames = staged.frames
    report = dataclasses.replace(
        report,
        identity=frames.identity,
        toc_tables=list(frames.toc_tables),
        pages=staged.pages,
        seconds=staged.seconds,
        ocr_pages=list(frames.ocr_pages),
    )
    stored = {name: getattr(frames, name) for name in FRAME_ATTRIBUTES}
    stored["findings"] = findings_frame(staged.findings, entry.document_id)
    store.write(report, stored)
    return dataclasses.replace(staged, extractor_version=version)


def _previous(store: FactStore, document_id: str) -> StoredDocument | None:
    """The stored document, or None when there is none or it is unreadable by this code (re-read it)."""
    try:
        return store.read(document_id)
    except (FileNotFoundError, StoredSchemaError):
        return None


def losses(previous: StoredDocument, staged: Normalised | Quarantined) -> list[str]:
    """What the new read lacks that the stored one had: the whole document, tables, amounts per table."""
    if isinstance(staged, Quarantined):
        return [f"it was quarantined ({staged.reason}: {staged.message})"]
    old_tables = previous.frames["tables"]["table_type"].tolist()
    new_tables = set(staged.frames.tables["table_type"])
    lost = [f"table {table}" for table in dict.fromkeys(old_tables) if table not in new_tables]
    old_counts = previous.frames["lines"]["table_type"].value_counts()
    new_counts = staged.frames.lines["table_type"].value_counts()
    for table in dict.fromkeys(previous.frames["lines"]["table_type"]):
        had, has = int(old_counts[table]), int(new_counts.get(table, 0))
        if has < had and table in new_tables:
            lost.append(f"{had - has} of {had} amounts of {table}")
    return lost


def _keep(
    store: FactStore, previous: StoredDocument, version: int, lost: Sequence[str], batch_ns: int
) -> Normalised:
    old = previous.report
    finding = Finding(
        document_id=old.document_id,
        check=REREAD_REGRESSION,
        severity="warn",
        message=f"extractor version {version} would lose what version {old.extractor_version} read: "
        f"{'; '.join(lost)}; the facts of version {old.extractor_version} are kept",
    )
    findings = [f for f in stored_findings(previous.frames["findings"]) if f.check != REREAD_REGRESSION]
    findings.append(finding)
    report = dataclasses.replace(old, refused_version=version, write_id=new_write_id(), batch_ns=batch_ns)
    store.write(report, {**previous.frames, "findings": findings_frame(findings, old.document_id)})
    return normalised(StoredDocument(report, {**previous.frames}), findings)


def stored_findings(frame: pd.DataFrame) -> list[Finding]:
    rows = pa.Table.from_pandas(frame, preserve_index=False).to_pylist()
    return [
        Finding(
            document_id=row["document_id"],
            check=row["check"],
            severity=row["severity"],
            message=row["message"],
            expected_yuan=row["expected_yuan"],
            actual_yuan=row["actual_yuan"],
        )
        for row in rows
    ]


def normalised(stored: StoredDocument, findings: list[Finding] | None = None) -> Normalised:
    report = stored.report
    if report.identity is None:
        raise ValueError(f"document {report.document_id}: a loaded report without identity")
    frames = DocumentFrames(
        identity=report.identity,
        **{name: stored.frames[name] for name in FRAME_ATTRIBUTES},
        toc_tables=list(report.toc_tables),
        ocr_pages=list(report.ocr_pages),
    )
    return Normalised(
        frames=frames,
        findings=stored_findings(stored.frames["findings"]) if findings is None else findings,
        pages=report.pages or 0,
        seconds=report.seconds or 0.0,
        extractor_version=report.extractor_version,
    )


def load_read(store: FactStore, document_id: str) -> Normalised | Quarantined:
    """What the warehouse loads for a document: its stored facts (schema-checked) or its quarantine."""
    stored = store.read(document_id)
    report = stored.report
    if not report.loaded:
        return Quarantined(report.reason or "", report.message or "", report.extractor_version)
    return normalised(stored)
