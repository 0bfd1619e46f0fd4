"""``countybudget ingest-distributed``: ``ingest`` with its steps on the Celery pool (docs/scaling.md).

The same decisions as ``pipelines.ingest`` (skip what the published warehouse knows, register new
documents as partitions), then two phases of runs of the Celery job on the Postgres instance:

1. extraction: the new documents cut into slices, one run per slice (source → extracted →
   normalised), all submitted at once so the pool's workers take them in parallel;
2. loading: one run (per contiguous partition range) of ``warehouse_documents`` and
   ``published_warehouse``, pinned to the ``load`` queue, over the documents whose extraction
   run succeeded. A document whose slice failed (e.g. its worker was killed) is neither loaded nor
   published, so the next ingest redoes it; the loader's one transaction per document makes a
   repeated load replace, never duplicate.

Unlike ``ingest``, the driver does not hold the writer lock while runs execute: the writing steps
run in a worker process and take it there.
"""

from __future__ import annotations

import math
import multiprocessing
import time
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dagster import AssetKey, DagsterInstance, execute_job
from rich.console import Console

from assets.extraction import extracted_documents, source_documents
from assets.loading import normalised_lines, warehouse_documents
from assets.partitions import range_tags, register_new
from assets.publishing import published_warehouse
from assets.resources import StagingStore, resource_run_config
from pipelines.ingest import QUIET_LOGS, any_absent, close_batch, open_batch, root_cause
from plumbing.paths import default_staging_root, warehouse_path
from plumbing.ranges import contiguous_ranges
from plumbing.tags import SKIPPED_TAG, WRITER_TAG
from plumbing.writer_lock import writer_lock

EXTRACTION_KEYS = [a.key for a in (source_documents, extracted_documents, normalised_lines)]
LOADING_KEYS = [a.key for a in (warehouse_documents, published_warehouse)]
MAX_PER_RUN = 200  # documents in one extraction run: bounds what one lost run costs


def slices(keys: Sequence[str], runs: int) -> list[list[str]]:
    """``keys`` cut into at most ``runs`` slices of near-equal size (at most MAX_PER_RUN each)."""
    if not keys:
        return []
    size = min(MAX_PER_RUN, max(1, math.ceil(len(keys) / max(1, runs))))
    return [list(keys[i : i + size]) for i in range(0, len(keys), size)]


def postgres_instance() -> DagsterInstance:
    """The ``DAGSTER_HOME`` instance, refused unless it keeps its runs in Postgres (workers share it)."""
    instance = DagsterInstance.get()
    storage = type(instance.run_storage).__name__
    if "Postgres" not in storage:
        instance.dispose()
        raise RuntimeError(
            f"DAGSTER_HOME's instance stores runs in {storage}; the distributed profile needs the "
            "Postgres instance of deploy/celery/dagster.yaml (make run-distributed sets it up)"
        )
    return instance


def run_config(published: Path, extraction_workers: int) -> dict[str, Any]:
    config = resource_run_config(published)
    config["resources"]["extraction"] = {"config": {"workers": extraction_workers}}
    return config | QUIET_LOGS


@dataclass(frozen=True)
class RunSummary:
    """What the driver needs of a run (picklable: extraction runs are orchestrated in child processes)."""

    run_id: str
    success: bool
    errors: list[str]


def launch(instance: DagsterInstance, config: dict, keys: list[AssetKey], tags: dict[str, str]) -> RunSummary:
    """One run of the Celery job; blocks while the pool executes its steps."""
    from pipelines.distributed import reconstructable_job

    try:
        result = execute_job(
            reconstructable_job(),
            instance=instance,
            run_config=config,
            tags=tags,
            raise_on_error=False,
            asset_selection=keys,
        )
    except Exception as error:  # reported as a failure of this run's documents, spoils no other run
        return RunSummary("-", False, [f"a run could not be executed: {type(error).__name__}: {error}"])
    return RunSummary(result.run_id, result.success, failures(result))


def launch_in_child(config: dict, keys: list[AssetKey], tags: dict[str, str]) -> RunSummary:
    """``launch`` from a child process: Dagster's run set-up reconfigures logging, which deadlocks when
    two runs start in threads of one process, so each concurrent orchestrator gets its own interpreter."""
    with warnings.catch_warnings(), postgres_instance() as instance:
        warnings.simplefilter("ignore")
        return launch(instance, config, keys, tags)


def failures(result: Any) -> list[str]:
    """What went wrong in a run: its failed steps, else the run failure (e.g. a lost worker)."""
    steps = [
        f"run {result.run_id}, step {event.step_key}: {root_cause(event.step_failure_data.error)}"
        for event in result.get_step_failure_events()
    ]
    if steps or result.success:
        return steps
    messages = [event.message for event in result.all_events if event.event_type_value == "PIPELINE_FAILURE"]
    return [f"run {result.run_id} failed: {(messages or ['no failure event'])[-1].strip()[:500]}"]


def run_distributed_batches(
    instance: DagsterInstance, published: Path, keys: list[str], skipped: int, runs: int, workers: int
) -> list[str]:
    """Extraction runs in parallel, then the loading run(s); returns failure messages."""
    config = run_config(published, workers)
    if not keys:
        return launch(instance, config, [published_warehouse.key], {WRITER_TAG: "duckdb"}).errors
    _, registered = register_new(instance, keys)
    position = {key: index for index, key in enumerate(registered)}
    keys = sorted(keys, key=position.__getitem__)  # slices follow registration order: fewer ranges
    ranges = [r for part in slices(keys, runs) for r in contiguous_ranges(part, registered)]
    errors: list[str] = []
    extracted: list[str] = []
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(len(ranges), max(1, runs)), mp_context=spawn) as pool:
        summaries = pool.map(
            launch_in_child, *zip(*[(config, EXTRACTION_KEYS, range_tags(*r)) for r in ranges], strict=True)
        )
        for (first, last), summary in zip(ranges, summaries, strict=True):
            errors += summary.errors
            if summary.success:
                extracted += registered[position[first] : position[last] + 1]
    tags = {WRITER_TAG: "duckdb", SKIPPED_TAG: str(skipped)}
    for first, last in contiguous_ranges(extracted, registered):
        errors += launch(instance, config, LOADING_KEYS, tags | range_tags(first, last)).errors
    return errors


def run_ingest_distributed(
    paths: list[Path], warehouse: Path | None, runs: int = 2, extraction_workers: int = 1
) -> int:
    """Ingest PDFs through the Celery pool; 0 when every PDF ended loaded or quarantined."""
    started = time.perf_counter()
    console = Console(highlight=False, soft_wrap=True)
    published = warehouse_path(warehouse).absolute()
    staging = StagingStore(root=str(default_staging_root(published)))
    if any_absent(console, paths):
        return 2
    with writer_lock(published, lambda: console.print(f"waiting for another writer of {published}")):
        batch, newly_missing = open_batch(console, paths, published, staging)
    errors: list[str] = []
    if batch.todo or newly_missing:
        with warnings.catch_warnings(), postgres_instance() as instance:
            warnings.simplefilter("ignore")
            errors = run_distributed_batches(
                instance, published, batch.keys, batch.skipped, runs, extraction_workers
            )
    return close_batch(console, staging, batch, errors, started)
