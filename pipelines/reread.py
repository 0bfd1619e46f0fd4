"""``countybudget reread``: the re-extraction backfill after an extractor upgrade, run in-process.

The stale documents (``factstore.backfill``) go through the same asset graph as ``ingest``; the
normalising step keeps a document's old facts, with a finding, where the new version reads less.
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from extract.version import current_version
from factstore.backfill import stale_documents
from pipelines.ingest import persistent_instance, run_batches
from pipelines.report import print_outcome
from pipelines.resources import StagingStore, default_staging_root
from pipelines.staged import OUTCOME
from pipelines.writer_lock import writer_lock
from warehouse.paths import warehouse_path


def run_reread(warehouse: Path | None) -> int:
    """Re-read what an older extractor version read; 0 when every run succeeded."""
    started = time.perf_counter()
    console = Console(highlight=False, soft_wrap=True)
    published = warehouse_path(warehouse).absolute()
    staging = StagingStore(root=str(default_staging_root(published)))
    facts, version = staging.facts(), current_version()
    errors: list[str] = []
    with writer_lock(published, lambda: console.print(f"waiting for another writer of {published}")):
        stale = stale_documents(published, facts, version)
        for key in stale:
            staging.discard(key, OUTCOME)
        if stale:
            with warnings.catch_warnings(), persistent_instance() as instance:
                warnings.simplefilter("ignore")
                errors = run_batches(instance, published, stale, 0)
    kept = failed = 0
    for key in stale:
        try:
            print_outcome(console, staging.get(key, OUTCOME))
        except FileNotFoundError:
            failed += 1
            continue
        report = facts.report(key)
        if report is not None and report.refused_version == version:
            kept += 1
            console.print(f"[yellow]kept       [/] {key}  the facts of version {report.extractor_version}")
    for error in errors:
        console.print(f"[red]failed[/] {escape(error)}")
    console.print(
        f"re-read {len(stale)} documents with extractor version {version}: {len(stale) - kept - failed} "
        f"replaced, {kept} kept (the new version would lose facts), {failed} not re-read "
        f"in {time.perf_counter() - started:.1f} s"
    )
    return 0 if not errors and not failed else 1
