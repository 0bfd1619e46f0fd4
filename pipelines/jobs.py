"""The asset job every run uses: the whole graph, with the writer tag the run queue limits to one."""

from __future__ import annotations

from dagster import AssetSelection, define_asset_job, in_process_executor

from assets.extraction import extracted_documents, source_documents
from assets.loading import normalised_lines, warehouse_documents
from assets.publishing import published_warehouse
from assets.report import analyst_report
from pipelines.tags import WRITER_TAG

ALL_ASSETS = [
    source_documents,
    extracted_documents,
    normalised_lines,
    warehouse_documents,
    published_warehouse,
    analyst_report,
]

ingest_job = define_asset_job(
    "ingest_documents",
    selection=AssetSelection.assets(*ALL_ASSETS),
    tags={WRITER_TAG: "duckdb"},
    executor_def=in_process_executor,  # steps share one process; extraction parallelism is extract_many's
    description="Inventory → extraction → pandera frames → working copy → publish, one run per batch of "
    "document partitions (BackfillPolicy.single_run).",
)
