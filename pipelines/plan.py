"""The one batch planner behind ``countybudget ingest``, the inbox sensor and the nightly schedule:
scan, keep what is not known yet, record it in the manifest, register partitions, build ranges."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dagster import DagsterInstance

from assets.partitions import register_new
from plumbing.inventory import InventoryEntry, Manifest
from plumbing.ranges import contiguous_ranges
from plumbing.scan import Scan, scan


@dataclass(frozen=True)
class Batch:
    found: Scan  # every file seen
    todo: list[InventoryEntry]  # the files whose document_id is not known yet

    @property
    def keys(self) -> list[str]:
        return [entry.document_id for entry in self.todo]

    @property
    def skipped(self) -> int:
        return len(self.found.files) - len(self.todo)


def plan_batch(locations: Sequence[str | Path], manifest: Manifest, known: Iterable[str]) -> Batch:
    """Scan the locations and keep the documents ``known`` lacks, recorded in the manifest so each
    partition key leads to its file."""
    found = scan(locations, manifest)
    todo = found.new_since(known)
    manifest.record(todo)
    return Batch(found, todo)


def register_batch(instance: DagsterInstance, keys: Sequence[str]) -> list[tuple[str, str]]:
    """Add the keys that are not partitions yet; the (first, last) ranges that cover exactly ``keys``."""
    _, registered = register_new(instance, keys)
    return contiguous_ranges(keys, registered)
