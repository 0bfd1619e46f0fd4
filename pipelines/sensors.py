"""Inbox sensor: new files become dynamic partitions, and one run covers the whole batch."""

from dagster import (
    DefaultSensorStatus,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    sensor,
)

from assets.partitions import DOCUMENTS_PARTITIONS_NAME, documents_partitions, range_tags
from assets.resources import StagingStore
from pipelines.jobs import ingest_job
from pipelines.plan import plan_batch
from plumbing.paths import inbox_path
from plumbing.ranges import contiguous_ranges


@sensor(
    job=ingest_job,
    minimum_interval_seconds=300,
    default_status=DefaultSensorStatus.STOPPED,
    description="Scans DISCLOSURE_INBOX for PDFs whose content hash is not yet a partition of 'documents'.",
)
def inbox_sensor(context: SensorEvaluationContext, staging: StagingStore) -> SensorResult | SkipReason:
    partitions = context.instance.get_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME)  # once per tick
    batch = plan_batch([inbox_path()], staging.manifest(), partitions)
    if not batch.todo:
        return SkipReason(f"no new documents among {len(batch.found.files)} files in {inbox_path()}")
    keys = batch.keys
    # Registered by the tick's request (not here), right after the partitions it read: one range.
    ranges = contiguous_ranges(keys, [*partitions, *keys])
    return SensorResult(
        run_requests=[
            RunRequest(run_key=f"inbox-{first}-{last}-{len(keys)}", tags=range_tags(first, last))
            for first, last in ranges
        ],
        dynamic_partitions_requests=[documents_partitions.build_add_request(keys)],
    )
