"""Partitioned assets: the file behind each partition, and what the extractor read from it."""

import time
from pathlib import Path

from dagster import AssetExecutionContext, AssetObservation, MaterializeResult, MetadataValue

from assets.partitions import document_asset
from assets.previews import extraction_report, markdown_table, verified_share, without_none
from assets.resources import ExtractionResource, StagingStore
from extract.inventory import duplicate_message
from extract.model import ExtractedDocument, ReasonClass
from plumbing.inventory import InventoryEntry, Manifest
from plumbing.staged import EXTRACTED, SOURCE, Quarantined, SourceFile

UNREADABLE = ReasonClass.EXTRACTION_ERROR.value
DUPLICATE = ReasonClass.DUPLICATE.value


def locate(key: str, manifest: Manifest) -> SourceFile:
    """The manifest entry for ``key``, with a problem when its file is gone or has other bytes now."""
    entry = manifest.entries.get(key) or InventoryEntry(key, "", 0, 0, "")
    path = Path(entry.path)
    if not entry.path:
        return SourceFile(entry, Quarantined(UNREADABLE, f"no file is registered for document {key}"))
    if not path.is_file():
        return SourceFile(entry, Quarantined(UNREADABLE, f"{entry.path} was removed before it was read"))
    current = manifest.entry_for(path)
    if current.sha256 != entry.sha256:
        return SourceFile(entry, Quarantined(UNREADABLE, f"{entry.path} changed before it was read"))
    return SourceFile(entry)


def duplicate_of(entry: InventoryEntry, manifest: Manifest) -> Quarantined:
    """The quarantine of a second file with the same bytes as a registered document."""
    original = manifest.entries.get(entry.duplicate_of or "")
    where = original.path if original else f"document {entry.duplicate_of}"
    return Quarantined(DUPLICATE, duplicate_message(entry.path, where, entry.duplicate_of or ""))


@document_asset(
    description="Inventory: the PDF behind each document_id (content hash), verified unchanged since registration.",
)
def source_documents(context: AssetExecutionContext, staging: StagingStore) -> MaterializeResult:
    manifest = staging.manifest()
    sources = [locate(key, manifest) for key in context.partition_keys]
    for source in sources:
        staging.put(source.entry.document_id, SOURCE, source)
    rows = [
        (s.entry.document_id, s.entry.path, s.entry.size, s.problem and s.problem.message) for s in sources
    ]
    return MaterializeResult(
        metadata={
            "documents": len(sources),
            "unreadable": sum(1 for s in sources if s.problem),
            "bytes": sum(s.entry.size for s in sources),
            "preview": MetadataValue.md(markdown_table(["document_id", "path", "bytes", "problem"], rows)),
        }
    )


@document_asset(
    deps=[source_documents],
    description="camelot lattice tables, narrative and targets per PDF, read in killable worker processes "
    "(both cores) with time and memory limits; failures become quarantines.",
)
def extracted_documents(
    context: AssetExecutionContext, staging: StagingStore, extraction: ExtractionResource
) -> MaterializeResult:
    from checks.verification import with_verification
    from extract.isolation import extract_many

    started = time.perf_counter()
    sources: dict[str, SourceFile] = {key: staging.get(key, SOURCE) for key in context.partition_keys}
    manifest = staging.manifest()
    readable = {
        Path(s.entry.path): s.entry.sha256
        for s in sources.values()
        if s.problem is None and not s.entry.duplicate_of
    }  # hashed by the inventory: extract_many does not hash them again
    results = extract_many(
        list(readable),
        extraction.limits(),
        workers=extraction.workers,
        settings=extraction.extract_settings(),
        sha256s=readable,
    )
    quarantined = pages = tables = amounts = verified = 0
    preview: list[tuple] = []
    for key, source in sources.items():
        if source.problem is None and source.entry.duplicate_of:
            result = duplicate_of(source.entry, manifest)
        else:
            result = source.problem or results[Path(source.entry.path)]
        staged = Quarantined.from_error(result) if isinstance(result, Exception) else result
        if isinstance(staged, ExtractedDocument):  # TableReport.amounts / verified for the metadata
            staged = with_verification(staged)
        staging.put(key, EXTRACTED, staged)
        if isinstance(staged, Quarantined):
            quarantined += 1
            metadata = {"quarantined": staged.reason, "message": staged.message}
            preview.append((key, f"quarantined: {staged.reason}", None, None, None, None, None))
        else:
            pages, tables = pages + staged.pages, tables + len(staged.tables)
            amounts += sum(t.amounts for t in staged.tables)
            verified += sum(t.verified for t in staged.tables)
            metadata = without_none(extraction_report(staged))
            preview.append(
                (
                    key,
                    staged.identity.title,
                    staged.pages,
                    len(staged.tables),
                    len(staged.lines),
                    verified_share(staged.tables),
                    round(staged.seconds, 2),
                )
            )
        context.log_event(AssetObservation(asset_key=context.asset_key, partition=key, metadata=metadata))
    return MaterializeResult(
        metadata={
            "documents": len(sources),
            "quarantined": quarantined,
            "pages": pages,
            "tables": tables,
            "amounts": amounts,
            "verified": verified,
            **without_none({"verified_share": round(verified / amounts, 4) if amounts else None}),
            "workers": extraction.workers,
            "seconds": round(time.perf_counter() - started, 3),
            "preview": MetadataValue.md(
                markdown_table(
                    ["document_id", "title", "pages", "tables", "amounts", "verified share", "seconds"],
                    preview,
                )
            ),
        }
    )
