"""``countybudget ingest``: the asset graph in-process against the persistent Dagster instance.

Incremental by content hash: a document the published warehouse already knows (loaded, quarantined
or superseded) is skipped, so re-running an unchanged corpus costs a stat per file and no run.
"""

from __future__ import annotations

import os
import shutil
import time
import warnings
from pathlib import Path

from dagster import DagsterInstance
from rich.console import Console
from rich.markup import escape

from assets.partitions import range_tags
from assets.publishing import published_warehouse
from assets.report import analyst_report
from assets.resources import StagingStore, resource_run_config
from pipelines.jobs import ingest_job
from pipelines.plan import Batch, plan_batch, register_batch
from pipelines.report import print_missing, print_outcome, print_skipped, print_summary
from plumbing.inventory import InventoryEntry
from plumbing.known import KnownDocument, known_documents
from plumbing.paths import REPO_ROOT, dagster_home, default_staging_root, warehouse_path
from plumbing.staged import OUTCOME
from plumbing.tags import SKIPPED_TAG
from plumbing.writer_lock import writer_lock

QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def persistent_instance() -> DagsterInstance:
    """The ``DAGSTER_HOME`` instance (runs show in the UI), created with the repo's dagster.yaml if new."""
    home = dagster_home()
    os.environ["DAGSTER_HOME"] = str(home.absolute())
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        shutil.copyfile(REPO_ROOT / "dagster.yaml", home / "dagster.yaml")
    return DagsterInstance.get()


def run_batches(instance: DagsterInstance, published: Path, keys: list[str], skipped: int) -> list[str]:
    """Register the keys and run the graph over them, one run per contiguous partition range.

    No keys: a refresh run of the warehouse-level asset only (e.g. to record a removed file).
    Returns the failed steps' messages (empty when every run succeeded).
    """
    from pipelines.definitions import defs

    job = defs.resolve_job_def(ingest_job.name)
    run_config = resource_run_config(published) | QUIET_LOGS
    if not keys:
        results = [
            job.execute_in_process(
                run_config=run_config,
                instance=instance,
                raise_on_error=False,
                asset_selection=[published_warehouse.key, analyst_report.key],
            )
        ]
    else:
        results = [
            job.execute_in_process(
                run_config=run_config,
                instance=instance,
                raise_on_error=False,
                tags=range_tags(first, last) | {SKIPPED_TAG: str(skipped)},
            )
            for first, last in register_batch(instance, keys)
        ]
    return [
        f"run {result.run_id}, step {event.step_key}: {root_cause(event.step_failure_data.error)}"
        for result in results
        for event in result.get_step_failure_events()
    ] + [
        f"run {result.run_id} failed"
        for result in results
        if not result.success and not result.get_step_failure_events()
    ]


def root_cause(error) -> str:
    """The innermost error's message: the user's exception, not Dagster's wrapper around it."""
    while error.cause is not None:
        error = error.cause
    return error.message.strip()


def run_ingest(paths: list[Path], warehouse: Path | None) -> int:
    """Ingest PDFs (files or folders, recursively); 0 when every PDF ended loaded or quarantined."""
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
            # Entered as a context manager: the instance becomes the current one for the definitions
            # load (its state storage) and is disposed afterwards, whatever instance ran before.
            with warnings.catch_warnings(), persistent_instance() as instance:
                warnings.simplefilter("ignore")
                errors = run_batches(instance, published, batch.keys, batch.skipped)
    return close_batch(console, staging, batch, errors, started)


def any_absent(console: Console, paths: list[Path]) -> bool:
    """Name every given path that does not exist (the command then exits 2)."""
    absent = [path for path in paths if not Path(path).exists()]
    if absent:
        console.print(f"[red]no such file or folder:[/] {', '.join(map(str, absent))}")
    return bool(absent)


def open_batch(
    console: Console, paths: list[Path], published: Path, staging: StagingStore
) -> tuple[Batch, int]:
    """Under the writer lock: the batch planned against what the warehouse knows, the skipped and the
    missing documents printed, stale outcomes of the documents to run dropped; with the number of
    documents newly missing."""
    known = known_documents(published)
    batch = plan_batch(paths, staging.manifest(), known)
    for entry in batch.found.files:
        if entry.document_id in known:
            print_skipped(console, entry, known[entry.document_id].status)
    newly_missing = report_missing(console, known, {entry.document_id for entry in batch.found.files})
    for entry in batch.todo:
        staging.discard(entry.document_id, OUTCOME)
    return batch, newly_missing


def close_batch(
    console: Console, staging: StagingStore, batch: Batch, errors: list[str], started: float
) -> int:
    """Print each document's outcome, the run errors and the summary; 0 when all ended loaded or
    quarantined."""
    outcomes, failed = collect_outcomes(staging, batch.todo)
    for outcome in outcomes:
        print_outcome(console, outcome)
    for error in errors:
        console.print(f"[red]failed[/] {escape(error)}")
    print_summary(console, outcomes, batch.skipped, failed, time.perf_counter() - started)
    return 0 if not errors and not failed else 1


def collect_outcomes(staging: StagingStore, todo: list[InventoryEntry]) -> tuple[list, list[str]]:
    outcomes, failed = [], []
    for entry in todo:
        try:
            outcomes.append(staging.get(entry.document_id, OUTCOME))
        except FileNotFoundError:
            failed.append(entry.document_id)
    return outcomes, failed


def report_missing(console: Console, known: dict[str, KnownDocument], present: set[str]) -> int:
    """Print loaded documents whose file is gone (never deleted); returns how many are not yet recorded."""
    newly = 0
    for document_id, doc in sorted(known.items()):
        if (
            doc.status == "loaded"
            and document_id not in present
            and not (doc.source_path and Path(doc.source_path).exists())
        ):
            print_missing(console, document_id, doc.source_path or "")
            newly += not doc.reported_missing
    return newly
