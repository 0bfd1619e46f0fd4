"""Content identity of inbox files: same bytes, same document.

``document_id`` is the first 16 hex digits of the file's SHA-256, so renaming or re-downloading a
file never creates a second document, and the id doubles as the Dagster partition key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
HASH_CHUNK = 1 << 20
DOCUMENT_ID_HEX = 16


def sha256_of(path: Path) -> str:
    """Full hex SHA-256, streamed so a huge file never sits in memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def document_id_from_sha256(sha256: str) -> str:
    """The first 16 hex digits of the SHA-256: the id and the partition key."""
    return sha256[:DOCUMENT_ID_HEX]


def document_id(path: Path) -> str:
    return document_id_from_sha256(sha256_of(path))


def group_by_content(
    items: Iterable[T], content: Callable[[T], str], preferred: Callable[[T], bool] = lambda _: False
) -> dict[str, list[T]]:
    """The duplicate rule: items with the same content (hash) are one document, and the original
    comes first in its group: the preferred item (e.g. the file already registered) if there is
    one, else the first in the given order; the copies keep that order."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(content(item), []).append(item)
    for group in groups.values():
        at = next((index for index, item in enumerate(group) if preferred(item)), 0)
        group.insert(0, group.pop(at))
    return groups


def content_hashes(paths: Iterable[Path], known: Mapping[Path, str] | None = None) -> dict[Path, str]:
    """Each path's SHA-256, computed only for the paths whose hash the caller does not already know."""
    known = known or {}
    return {path: known.get(path) or sha256_of(path) for path in dict.fromkeys(paths)}


def find_duplicates(
    paths: Iterable[Path], sha256s: Mapping[Path, str] | None = None
) -> tuple[dict[str, Path], dict[Path, Path]]:
    """Split paths into the first file per document_id and the later files with the same bytes.

    Returns ``(unique, duplicates)``: ``unique[document_id] = first path`` in the given order, and
    ``duplicates[later path] = first path``. A path listed twice counts once. ``sha256s``: hashes
    already known (not computed again).
    """
    hashes = content_hashes(paths, sha256s)
    groups = group_by_content(hashes, lambda path: document_id_from_sha256(hashes[path]))
    unique = {doc_id: group[0] for doc_id, group in groups.items()}
    duplicates = {later: group[0] for group in groups.values() for later in group[1:]}
    return unique, duplicates


def duplicate_message(path: Path | str, original: Path | str, original_id: str) -> str:
    """The one wording of a duplicate's quarantine, wherever the copy is noticed."""
    return f"{Path(path).name}: same bytes as {original} (document {original_id})"
