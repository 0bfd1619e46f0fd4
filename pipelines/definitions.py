"""The Dagster code location (``dagster dev``, ``dg check defs``, ``countybudget ingest``)."""

from dagster import Definitions

from assets.reconciliation import quarantine_check, reconciliation_checks
from assets.resources import default_resources
from pipelines.jobs import ALL_ASSETS, ingest_job
from pipelines.schedules import nightly_schedule
from pipelines.sensors import inbox_sensor

defs = Definitions(
    assets=ALL_ASSETS,
    asset_checks=[reconciliation_checks, quarantine_check],
    jobs=[ingest_job],
    sensors=[inbox_sensor],
    schedules=[nightly_schedule],
    resources=default_resources(),
)
