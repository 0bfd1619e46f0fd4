"""``countybudget rebuild --from FACTS``: the warehouse recreated from the fact store alone.

Documents are replayed in the order the incremental runs loaded them (run by run, oldest file first
within a run: a corrected re-issue supersedes the older one), then the warehouse-level step runs as in ``published_warehouse``
(dimensions, views, cross-document checks) and the result is published atomically.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from factstore.staged import load_read
from factstore.store import FactStore
from pipelines.staged import Quarantined
from pipelines.writer_lock import writer_lock
from warehouse.loader import WarehouseWriter
from warehouse.publish import publish, working_path
from warehouse.record import DocumentRecord


@dataclass(frozen=True)
class Rebuilt:
    loaded: int
    quarantined: int
    amounts: int


def rebuild(facts_root: Path, published: Path) -> Rebuilt:
    """Replace ``published`` by a warehouse built from ``facts_root`` only (under the writer lock)."""
    from assets.warehouse_frames import check_inputs
    from checks.cross_document import check_across_documents
    from checks.cross_parts import check_across_parts

    store = FactStore(facts_root)
    if not (store.root / "documents").is_dir():
        raise FileNotFoundError(f"{facts_root} holds no fact store (no documents/ folder)")
    reports = sorted(store.reports(), key=lambda r: (r.batch_ns, r.mtime_ns, r.source_path))
    loaded = quarantined = amounts = 0
    with writer_lock(published):
        working = working_path(published)
        for stale in (working, working.with_name(working.name + ".wal")):
            stale.unlink(missing_ok=True)  # built from nothing: never from the old warehouse
        with WarehouseWriter(working) as writer:
            for report in reports:
                staged = load_read(store, report.document_id)
                record = DocumentRecord(
                    document_id=report.document_id,
                    sha256=report.sha256,
                    source_path=report.source_path,
                    pages=None if isinstance(staged, Quarantined) else staged.pages,
                    seconds=None if isinstance(staged, Quarantined) else round(staged.seconds, 3),
                    extractor_version=report.extractor_version,
                )
                if isinstance(staged, Quarantined):
                    writer.quarantine_document(record, staged.reason, staged.message)
                    quarantined += 1
                else:
                    amounts += writer.load_document(record, staged.frames, staged.findings)
                    loaded += 1
            writer.finalize()
            inputs = check_inputs(writer.con)
            writer.replace_cross_document_findings(
                check_across_documents(*inputs) + check_across_parts(*inputs)
            )
        publish(working, published)
    return Rebuilt(loaded, quarantined, amounts)
