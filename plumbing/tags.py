"""Run tags shared by the job, the ingest command and the assets."""

WRITER_TAG = "countybudget/writer"  # dagster.yaml: at most one run with this tag in progress
SKIPPED_TAG = "countybudget/skipped"  # unchanged documents the caller skipped (shown in run metadata)
