"""Small real inputs for the Dagster tests: an inbox of files, an ephemeral instance, a staging store."""

from __future__ import annotations

import hashlib
from pathlib import Path

from assets.resources import StagingStore


def write_pdf_like(path: Path, text: str) -> str:
    """A file whose bytes differ per ``text``; returns its document_id (the sensor only hashes files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = f"%PDF-1.4\n% {text}\n%%EOF\n".encode()
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()[:16]


def staging_in(tmp_path: Path) -> StagingStore:
    return StagingStore(root=str(tmp_path / "staging"))
