"""Nightly at 02:00 Beijing time: re-scan the inbox, load what the warehouse lacks, refresh the rest."""

from dagster import DefaultScheduleStatus, RunRequest, ScheduleEvaluationContext, schedule

from assets.publishing import published_warehouse
from assets.report import analyst_report
from extract.version import current_version
from factstore.backfill import nightly_reread, stale_documents
from pipelines.jobs import ingest_job
from pipelines.known import known_documents
from pipelines.partitions import contiguous_ranges, range_tags, register_new
from pipelines.resources import StagingStore, WarehouseResource
from pipelines.scan import scan
from warehouse.paths import inbox_path


@schedule(
    job=ingest_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=DefaultScheduleStatus.STOPPED,
    description="Nightly: inbox documents the published warehouse does not hold yet (new, or left by a failed "
    "run) in one run per partition range, plus, with COUNTYBUDGET_NIGHTLY_REREAD=1, documents an older extractor "
    "version read; otherwise only dimensions, views, cross-document checks, publish.",
)
def nightly_schedule(
    context: ScheduleEvaluationContext, staging: StagingStore, warehouse: WarehouseResource
) -> list[RunRequest]:
    manifest = staging.manifest()
    found = scan([inbox_path()], manifest)
    known = known_documents(warehouse.published)
    todo = found.new_since(known)
    keys = [entry.document_id for entry in todo]
    if nightly_reread():  # the re-extraction backfill after an extractor upgrade (factstore.backfill)
        stale = stale_documents(warehouse.published, staging.facts(), current_version())
        keys += [key for key in stale if key not in keys]
    if not keys:
        return [RunRequest(asset_selection=[published_warehouse.key, analyst_report.key])]
    manifest.record(todo)
    _, registered = register_new(context.instance, keys)
    return [  # a run key per request: a tick may ask for several ranges (deduplicated within the tick)
        RunRequest(run_key=f"nightly-{first}-{last}", tags=range_tags(first, last))
        for first, last in contiguous_ranges(keys, registered)
    ]
