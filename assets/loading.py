"""Partitioned assets: pandera-validated long frames, then one transaction per document into the working copy."""

import dataclasses
import time

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue

from assets.extraction import extracted_documents
from assets.outcomes import document_record, outcome_of, run_summary
from assets.partitions import document_asset
from assets.previews import markdown_table, without_none
from assets.resources import StagingStore, WarehouseResource
from extract.model import ReasonClass
from plumbing.staged import EXTRACTED, OUTCOME, SOURCE, Normalised, Quarantined
from plumbing.tags import CELERY_QUEUE_TAG, LOAD_QUEUE, SKIPPED_TAG

INVALID_FRAMES = ReasonClass.EXTRACTION_ERROR.value  # pandera rejected what the extractor produced
PREVIEW_ROWS = 20
LINE_COLUMNS = ["document_id", "table_type", "code", "item", "measure", "amount_yuan", "page"]


def normalise(doc, document_id: str) -> Normalised | Quarantined:
    """Frames plus the document's own findings; a frame pandera rejects quarantines the document."""
    from checks.document import check_document
    from checks.verification import with_verification
    from schemas.frames import FrameValidationError, document_frames

    doc = with_verification(doc)  # TableReport.amounts / verified: v_documents.verified_share
    try:
        frames = document_frames(doc, document_id)
    except FrameValidationError as error:
        return Quarantined(INVALID_FRAMES, str(error))
    findings = [dataclasses.replace(f, document_id=document_id) for f in check_document(doc)]
    return Normalised(frames=frames, findings=findings, pages=doc.pages, seconds=doc.seconds)


@document_asset(
    deps=[extracted_documents],
    description="Long frames (lines, narrative, targets, projects, tables) validated by pandera, money as "
    "Arrow decimal128(18, 2); the document's own reconciliation findings. Stored as Parquet in the fact "
    "store (the system of record), keeping older facts where a newer extractor version reads less.",
)
def normalised_lines(context: AssetExecutionContext, staging: StagingStore) -> MaterializeResult:
    from extract.version import current_version
    from factstore.staged import store_read

    facts, version, batch_ns = staging.facts(), current_version(), time.time_ns()
    counts = {"documents": 0, "quarantined": 0, "amounts": 0, "verified": 0, "findings": 0}
    preview: list[tuple] = []
    for key in context.partition_keys:
        source, extracted = staging.get(key, SOURCE), staging.get(key, EXTRACTED)
        if source.problem is not None:  # not recorded anywhere: a later run retries the file
            continue
        staged = extracted if isinstance(extracted, Quarantined) else normalise(extracted, key)
        staged = store_read(facts, source.entry, staged, version, batch_ns)
        counts["documents"] += 1
        if isinstance(staged, Quarantined):
            counts["quarantined"] += 1
            continue
        counts["amounts"] += len(staged.frames.lines)
        counts["verified"] += int(staged.frames.tables["verified"].sum())
        counts["findings"] += len(staged.findings)
        preview += list(staged.frames.lines.head(PREVIEW_ROWS).itertuples(index=False, name=None))
    share = round(counts["verified"] / counts["amounts"], 4) if counts["amounts"] else None
    return MaterializeResult(
        metadata=without_none(
            {
                **counts,
                "verified_share": share,
                "preview": MetadataValue.md(markdown_table(LINE_COLUMNS, preview[:PREVIEW_ROWS])),
            }
        )
    )


@document_asset(
    deps=[normalised_lines],
    op_tags={CELERY_QUEUE_TAG: LOAD_QUEUE},
    description="Each document loaded into the private working copy in one transaction (its old rows "
    "replaced; an older issue of the same county/department/year/phase superseded); quarantines recorded. "
    "A file removed or changed since registration is not recorded (a later run picks up its new bytes).",
)
def warehouse_documents(
    context: AssetExecutionContext, warehouse: WarehouseResource, staging: StagingStore
) -> MaterializeResult:
    from factstore.staged import load_read

    started = time.perf_counter()
    facts = staging.facts()
    outcomes = []
    with warehouse.writer(lambda: context.log.info("waiting for another writer of the warehouse")) as writer:
        sources = {key: staging.get(key, SOURCE) for key in context.partition_keys}
        # Oldest file first: when a batch holds a document and its corrected re-issue (same county,
        # department, year and phase), the newer file is loaded last and supersedes the older.
        for key in sorted(sources, key=lambda k: (sources[k].entry.mtime_ns, sources[k].entry.path)):
            source = sources[key]
            if source.problem is not None:  # not the document's fault: record nothing, a later run retries
                context.log.warning(f"document {key} not loaded: {source.problem.message}")
                continue
            staged = load_read(facts, key)  # the fact store is the system of record
            record = document_record(source, staged)
            if isinstance(staged, Quarantined):
                writer.quarantine_document(record, staged.reason, staged.message)
            else:
                writer.load_document(record, staged.frames, staged.findings)
            outcome = outcome_of(source, staged)
            staging.put(key, OUTCOME, outcome)
            outcomes.append(outcome)
    # Outcomes go in one preview table rather than one event per document: a SQLite event-log write
    # costs ~70 ms here (docs/scaling.md).
    skipped = int(context.run.tags.get(SKIPPED_TAG, "0"))
    preview = [
        (o.document_id, o.status, o.title or o.reason, o.amounts, o.findings, o.errors) for o in outcomes
    ]
    return MaterializeResult(
        metadata={
            **run_summary(outcomes, skipped, time.perf_counter() - started),
            "preview": MetadataValue.md(
                markdown_table(
                    ["document_id", "status", "title / reason", "amounts", "findings", "errors"],
                    preview,
                    limit=1000,
                )
            ),
        }
    )
