"""One scan of the inbox shared by the sensor, the schedule and ``countybudget ingest``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipelines.inventory import InventoryEntry, Manifest, discover_pdfs, split_duplicates, take_inventory


@dataclass(frozen=True)
class Scan:
    entries: list[InventoryEntry]  # one per content hash, in path order
    duplicates: list[InventoryEntry]  # files with the same bytes as an entry

    def new_since(self, known: Iterable[str]) -> list[InventoryEntry]:
        known_set = set(known)
        return [entry for entry in self.entries if entry.document_id not in known_set]


def scan(locations: Sequence[str | Path], manifest: Manifest) -> Scan:
    """Discover PDFs and hash them (cached by path, size and mtime in the manifest)."""
    unique, duplicates = split_duplicates(take_inventory(discover_pdfs(locations), manifest))
    return Scan(unique, duplicates)
