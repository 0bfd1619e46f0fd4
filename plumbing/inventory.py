"""Finding PDFs and knowing them by content hash, with a manifest so a partition key leads to its file.

The manifest (document_id -> path, size, mtime, sha256) is written when partitions are registered;
it doubles as a hash cache: a file whose path, size and mtime are unchanged is not re-read, so a
no-op nightly run costs a ``stat`` per file.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from extract.inventory import document_id_from_sha256, group_by_content, sha256_of


@dataclass(frozen=True)
class InventoryEntry:
    document_id: str
    path: str
    size: int
    mtime_ns: int
    sha256: str
    duplicate_of: str | None = None  # the document_id of an earlier file with the same bytes


def local_folder(location: str | Path) -> Path:
    """A local path for an inbox location given as a path or a ``file://`` URL.

    Other schemes (``s3://`` ...) are refused by name rather than misread as relative paths.
    """
    text = str(location)
    parsed = urlparse(text)
    if parsed.scheme in ("", "file"):
        return Path(unquote(parsed.path) if parsed.scheme == "file" else text)
    raise ValueError(f"inbox scheme {parsed.scheme!r} is not supported yet (only local folders): {text}")


def discover_pdfs(locations: Iterable[str | Path]) -> list[Path]:
    """Every ``*.pdf`` (any case) under the given folders, or the given files themselves; sorted, unique."""
    found: dict[Path, None] = {}
    for location in locations:
        root = local_folder(location)
        if root.is_file():
            found[root.absolute()] = None
        elif root.is_dir():
            for path in sorted(root.rglob("*")):
                if path.suffix.lower() == ".pdf" and path.is_file():
                    found[path.absolute()] = None
    return sorted(found)


def duplicate_document_id(sha256: str, path: str) -> str:
    """A second file with the same bytes gets its own row (quarantined as a duplicate): an id from
    the content hash and its path, so it is stable across runs and distinct from the original's."""
    return document_id_from_sha256(hashlib.sha256(f"{sha256}\0{path}".encode()).hexdigest())


class Manifest:
    """document_id -> InventoryEntry, persisted as JSON (written atomically)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries = self._read()
        self._by_path = {entry.path: entry for entry in self.entries.values()}

    def _read(self) -> dict[str, InventoryEntry]:
        if not self.path.exists():
            return {}
        raw = json.loads(self.path.read_text(encoding="utf-8"))
        return {key: InventoryEntry(**value) for key, value in raw.items()}

    def entry_for(self, path: Path) -> InventoryEntry:
        """The file's entry, hashing it only when path, size or mtime changed."""
        stat = path.stat()
        cached = self._by_path.get(str(path))
        if cached and cached.size == stat.st_size and cached.mtime_ns == stat.st_mtime_ns:
            return cached
        sha = sha256_of(path)
        return InventoryEntry(document_id_from_sha256(sha), str(path), stat.st_size, stat.st_mtime_ns, sha)

    def record(self, entries: Sequence[InventoryEntry]) -> None:
        """Remember these entries (a later entry for the same id wins: the file most recently seen).

        Merged into what is on disk under a lock, so a sensor tick and an ``ingest`` recording at
        the same time both keep their entries.
        """
        if not entries:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.with_name(f"{self.path.name}.lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            self.entries = self._read() | {entry.document_id: entry for entry in entries}
            self._by_path = {entry.path: entry for entry in self.entries.values()}
            self._write()

    def _write(self) -> None:
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        payload = {key: asdict(entry) for key, entry in sorted(self.entries.items())}
        temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)


def take_inventory(paths: Sequence[Path], manifest: Manifest) -> list[InventoryEntry]:
    return [manifest.entry_for(path) for path in paths]


def split_duplicates(
    entries: Sequence[InventoryEntry], known_paths: Mapping[str, str] | None = None
) -> tuple[list[InventoryEntry], list[InventoryEntry]]:
    """(one original per content hash, the other files with the same bytes).

    The original is the file already registered for that content (``known_paths``: document_id →
    path, from the manifest) when it is still there, else the first in path order; so a copy that
    appears later never displaces a loaded document. Duplicates carry their own document_id and
    ``duplicate_of`` the original's.
    """
    known_paths = known_paths or {}
    groups = group_by_content(
        entries,
        lambda entry: entry.sha256,
        preferred=lambda entry: entry.path == known_paths.get(document_id_from_sha256(entry.sha256)),
    )
    unique: list[InventoryEntry] = []
    duplicates: list[InventoryEntry] = []
    for sha, (original, *copies) in groups.items():
        original_id = document_id_from_sha256(sha)
        unique.append(replace(original, document_id=original_id, duplicate_of=None))
        duplicates.extend(
            replace(e, document_id=duplicate_document_id(sha, e.path), duplicate_of=original_id)
            for e in copies
        )
    return unique, duplicates
