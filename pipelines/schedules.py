"""Nightly at 02:00 Beijing time: re-scan the inbox, load what is new, refresh the warehouse-level assets."""


from dagster import DefaultScheduleStatus, RunRequest, ScheduleEvaluationContext, schedule

from assets.publishing import published_warehouse
from pipelines.jobs import ingest_job
from pipelines.partitions import DOCUMENTS_PARTITIONS_NAME, range_tags
from pipelines.resources import StagingStore
from pipelines.scan import scan
from warehouse.paths import inbox_path


@schedule(
    job=ingest_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=DefaultScheduleStatus.STOPPED,
    description="Nightly: new inbox documents in one run; otherwise only dimensions, views, cross-document "
    "checks and publish.",
)
def nightly_schedule(context: ScheduleEvaluationContext, staging: StagingStore) -> RunRequest:
    manifest = staging.manifest()
    found = scan([inbox_path()], manifest)
    known = context.instance.get_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME)
    new = found.new_since(known)
    if new:
        manifest.record(new)
        keys = [entry.document_id for entry in new]
        context.instance.add_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME, keys)
        return RunRequest(tags=range_tags(keys[0], keys[-1]))
    return RunRequest(asset_selection=[published_warehouse.key])
