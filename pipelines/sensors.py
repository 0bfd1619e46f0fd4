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
from plumbing.paths import inbox_path
from plumbing.scan import scan


@sensor(
    job=ingest_job,
    minimum_interval_seconds=300,
    default_status=DefaultSensorStatus.STOPPED,
    description="Scans DISCLOSURE_INBOX for PDFs whose content hash is not yet a partition of 'documents'.",
)
def inbox_sensor(context: SensorEvaluationContext, staging: StagingStore) -> SensorResult | SkipReason:
    manifest = staging.manifest()
    found = scan([inbox_path()], manifest)
    known = context.instance.get_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME)  # once per tick
    new = found.new_since(known)
    if not new:
        return SkipReason(f"no new documents among {len(found.files)} files in {inbox_path()}")
    manifest.record(new)
    keys = [entry.document_id for entry in new]
    return SensorResult(
        run_requests=[
            RunRequest(run_key=f"inbox-{keys[0]}-{keys[-1]}-{len(keys)}", tags=range_tags(keys[0], keys[-1]))
        ],
        dynamic_partitions_requests=[documents_partitions.build_add_request(keys)],
    )
