"""One scan of the inbox shared by the sensor, the schedule and ``countybudget ingest``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from plumbing.inventory import InventoryEntry, Manifest, discover_pdfs, split_duplicates, take_inventory


@dataclass(frozen=True)
class Scan:
    entries: list[InventoryEntry]  # one per content hash, in path order
    duplicates: list[InventoryEntry]  # files with the same bytes as an entry

    @property
    def files(self) -> list[InventoryEntry]:
        """Every file: originals, then duplicates (each is a document row of its own)."""
        return self.entries + self.duplicates

    def new_since(self, known: Iterable[str]) -> list[InventoryEntry]:
        known_set = set(known)
        return [entry for entry in self.files if entry.document_id not in known_set]


def scan(locations: Sequence[str | Path], manifest: Manifest) -> Scan:
    """Discover PDFs and hash them (cached by path, size and mtime in the manifest)."""
    known_paths = {key: entry.path for key, entry in manifest.entries.items()}
    unique, duplicates = split_duplicates(take_inventory(discover_pdfs(locations), manifest), known_paths)
    return Scan(unique, duplicates)
