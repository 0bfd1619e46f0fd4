"""Partitioned assets: the file behind each partition, and what the extractor read from it."""


import time
from pathlib import Path

from dagster import (
    AssetExecutionContext,
    AssetObservation,
    BackfillPolicy,
    MaterializeResult,
    MetadataValue,
    asset,
)

from assets.previews import extraction_report, markdown_table, without_none
from pipelines.inventory import InventoryEntry
from pipelines.partitions import documents_partitions
from pipelines.resources import ExtractionResource, StagingStore
from pipelines.staged import EXTRACTED, SOURCE, Quarantined

VANISHED = "extraction_error"


@asset(
    partitions_def=documents_partitions,
    backfill_policy=BackfillPolicy.single_run(),
    group_name="documents",
    description="Inventory: the PDF behind each document_id (content hash), verified unchanged since registration.",
)
def source_documents(context: AssetExecutionContext, staging: StagingStore) -> MaterializeResult:
    manifest = staging.manifest()
    rows = []
    for key in context.partition_keys:
        staged = locate(key, manifest)
        staging.put(key, SOURCE, staged)
        if isinstance(staged, InventoryEntry):
            rows.append((key, staged.path, staged.size))
        else:
            rows.append((key, staged.message, None))
    return MaterializeResult(
        metadata={
            "documents": len(context.partition_keys),
            "bytes": sum(size or 0 for _, _, size in rows),
            "preview": MetadataValue.md(markdown_table(["document_id", "path", "bytes"], rows)),
        }
    )


def locate(key: str, manifest) -> InventoryEntry | Quarantined:
    """The manifest entry for ``key`` if its file still has those bytes; else why it cannot be read."""
    entry = manifest.entries.get(key)
    if entry is None:
        return Quarantined(VANISHED, f"no file is registered for document {key}")
    path = Path(entry.path)
    if not path.is_file():
        return Quarantined(VANISHED, f"{entry.path} was removed before it was read")
    current = manifest.entry_for(path)
    if current.document_id != key:
        return Quarantined(VANISHED, f"{entry.path} changed before it was read (now {current.document_id})")
    return current


@asset(
    partitions_def=documents_partitions,
    backfill_policy=BackfillPolicy.single_run(),
    group_name="documents",
    deps=[source_documents],
    description="camelot lattice tables, narrative and targets per PDF, read in killable worker processes "
    "(both cores) with time and memory limits; failures become quarantines.",
)
def extracted_documents(
    context: AssetExecutionContext, staging: StagingStore, extraction: ExtractionResource
) -> MaterializeResult:
    from extract.isolation import extract_many

    started = time.perf_counter()
    sources = {key: staging.get(key, SOURCE) for key in context.partition_keys}
    readable = {Path(s.path): key for key, s in sources.items() if isinstance(s, InventoryEntry)}
    results = extract_many(list(readable), extraction.limits(), workers=extraction.workers)
    quarantined = pages = tables = 0
    for key, source in sources.items():
        result = source if isinstance(source, Quarantined) else results[Path(source.path)]
        staged = result if not isinstance(result, Exception) else Quarantined.from_error(result)
        staging.put(key, EXTRACTED, staged)
        if isinstance(staged, Quarantined):
            quarantined += 1
            metadata = {"quarantined": staged.reason, "message": staged.message}
        else:
            pages, tables = pages + staged.pages, tables + len(staged.tables)
            metadata = without_none(extraction_report(staged))
        context.log_event(AssetObservation(asset_key=context.asset_key, partition=key, metadata=metadata))
    return MaterializeResult(
        metadata={
            "documents": len(sources),
            "quarantined": quarantined,
            "pages": pages,
            "tables": tables,
            "workers": extraction.workers,
            "seconds": round(time.perf_counter() - started, 3),
        }
    )
