"""Run tags shared by the job, the ingest command and the assets."""

WRITER_TAG = "countybudget/writer"  # dagster.yaml: at most one run with this tag in progress
SKIPPED_TAG = "countybudget/skipped"  # unchanged documents the caller skipped (shown in run metadata)
# Op tag read by dagster-celery: the Celery queue a step goes to (ignored by the in-process executor).
# The writing steps go to LOAD_QUEUE, which one worker consumes, so the warehouse keeps one writer.
CELERY_QUEUE_TAG = "dagster-celery/queue"
LOAD_QUEUE = "load"
