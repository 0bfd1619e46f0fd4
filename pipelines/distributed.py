"""The distributed profile: the same assets, with their steps on a Celery worker pool.

Nothing here changes an asset. The job ``ingest_documents_distributed`` selects the same graph as
``ingest_documents`` but runs it with ``dagster-celery``'s executor: every step becomes a Celery
task. The extraction steps go to Celery's default queue (``dagster``, any worker); loading and
publishing carry the op tag ``dagster-celery/queue: load`` and go to the ``load`` queue, which one
worker with concurrency 1 consumes, so the warehouse keeps its single writer. The Dagster instance
must be shared by the driver and every worker: ``deploy/celery/dagster.yaml`` (PostgreSQL).

Broker and result backend come from the environment, read by the executor (driver side) and by
the worker app (``pipelines.celery_app``) alike, with the same Celery settings.
"""

from __future__ import annotations

import os
from typing import Any

from dagster import AssetSelection, Definitions, JobDefinition, define_asset_job, reconstructable
from dagster._core.definitions.reconstruct import ReconstructableJob
from dagster_celery import celery_executor
from dagster_celery.config import DEFAULT_CONFIG

from pipelines import definitions as in_process  # the module: one Definitions at module scope here
from pipelines.jobs import ALL_ASSETS

BROKER_ENV = "COUNTYBUDGET_CELERY_BROKER"  # e.g. redis://127.0.0.1:6379/0
BACKEND_ENV = "COUNTYBUDGET_CELERY_BACKEND"  # where step results wait for the driver; e.g. redis://…/1
VISIBILITY_ENV = (
    "COUNTYBUDGET_CELERY_VISIBILITY_TIMEOUT"  # seconds before a lost worker's task is redelivered
)
EXTRACT_QUEUE = "dagster"  # dagster-celery's default queue: every worker takes extraction steps
DISTRIBUTED_JOB = "ingest_documents_distributed"


def celery_settings() -> dict[str, Any]:
    """Celery settings shared by the executor and the workers.

    ``task_acks_late``: a task is acknowledged when it ends, so a worker host that vanishes leaves it
    on the broker, redelivered after the visibility timeout (set it above the longest step).
    ``task_reject_on_worker_lost`` off: a step whose process is killed (OOM) fails the run instead of
    being retried forever; the next ingest redoes what the published warehouse lacks.
    """
    return dict(DEFAULT_CONFIG) | {
        "worker_prefetch_multiplier": 1,
        "task_acks_late": True,
        "task_reject_on_worker_lost": False,
        "broker_transport_options": dict(DEFAULT_CONFIG["broker_transport_options"])
        | {"visibility_timeout": int(os.environ.get(VISIBILITY_ENV, "3600"))},
        "broker_connection_retry_on_startup": True,
        "result_expires": 86400,
    }


distributed_executor = celery_executor.configured(
    {"broker": {"env": BROKER_ENV}, "backend": {"env": BACKEND_ENV}, "config_source": celery_settings()},
    name="celery",
)

distributed_job = define_asset_job(
    DISTRIBUTED_JOB,
    selection=AssetSelection.assets(*ALL_ASSETS),
    executor_def=distributed_executor,
    description="The ingest graph with each step a Celery task: extraction on any worker, loading and "
    "publishing on the single-consumer 'load' queue. Needs the Postgres instance (deploy/celery).",
)

# The code location of the profile: the in-process definitions plus the Celery job.
defs = Definitions.merge(in_process.defs, Definitions(jobs=[distributed_job]))


def distributed_ingest_job() -> JobDefinition:
    """The resolved Celery job; workers rebuild it from this module-level function's name."""
    return defs.resolve_job_def(DISTRIBUTED_JOB)


def reconstructable_job() -> ReconstructableJob:
    return reconstructable(distributed_ingest_job)


def worker_app_args() -> dict[str, Any]:
    """``make_app`` arguments of the worker app: the executor's, from the same environment."""
    from dagster_celery.config import dict_wrapper

    broker = os.environ.get(BROKER_ENV)
    if not broker:
        raise RuntimeError(f"set {BROKER_ENV} (e.g. redis://127.0.0.1:6379/0) before starting a worker")
    return {
        "broker": broker,
        "backend": os.environ.get(BACKEND_ENV, broker),
        "include": [],
        "config_source": dict_wrapper(celery_settings()),
    }
