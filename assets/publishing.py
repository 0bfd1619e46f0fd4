"""The unpartitioned warehouse-level asset: dimensions, views, cross-document checks, atomic publish."""

import time

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from assets.loading import warehouse_documents
from assets.previews import markdown_table
from assets.resources import StagingStore, WarehouseResource
from plumbing.tags import CELERY_QUEUE_TAG, LOAD_QUEUE
from plumbing.warehouse_frames import check_inputs, missing_documents
from warehouse.readback import reader

DOCUMENT_COLUMNS = [
    "document_id",
    "county",
    "department",
    "fiscal_year",
    "phase",
    "status",
    "reason",
    "pages",
]


@asset(
    deps=[warehouse_documents],
    op_tags={CELERY_QUEUE_TAG: LOAD_QUEUE},
    group_name="warehouse",
    description="Finalise dimensions and views on the working copy, report removed files, run cross-document "
    "checks (prior year, budget vs final), then publish atomically (os.replace) as the analysts' read-only file.",
)
def published_warehouse(
    context: AssetExecutionContext, warehouse: WarehouseResource, staging: StagingStore
) -> MaterializeResult:
    from checks.cross_document import check_across_documents
    from checks.cross_parts import check_across_parts
    from warehouse.publish import publish

    started = time.perf_counter()
    with warehouse.locked(lambda: context.log.info("waiting for another writer of the warehouse")):
        with warehouse.writer() as writer:
            writer.finalize()
            missing = missing_documents(writer.con, staging.manifest())
            writer.mark_missing(key for key, _ in missing)
            inputs = check_inputs(writer.con)
            cross_findings = check_across_documents(*inputs) + check_across_parts(*inputs)
            writer.replace_cross_document_findings(cross_findings)
        publish(warehouse.working, warehouse.published)
    with reader(warehouse.published) as fetch:
        statuses = dict(fetch("documents_by_status"))
        amounts = fetch("lines_count")[0][0]
        preview = fetch("documents_preview")
    for key, path in missing:
        context.log.warning(f"document {key}: its file {path} was removed; its rows stay in the warehouse")
    return MaterializeResult(
        metadata={
            "path": MetadataValue.path(str(warehouse.published)),
            **{f"documents_{status}": count for status, count in sorted(statuses.items())},
            "amounts": amounts,
            "newly_missing_files": len(missing),
            "cross_document_findings": len(cross_findings),
            "seconds": round(time.perf_counter() - started, 3),
            "preview": MetadataValue.md(markdown_table(DOCUMENT_COLUMNS, preview)),
        }
    )
