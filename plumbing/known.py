"""What the published warehouse already knows: the basis of incremental runs (by content hash)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from warehouse.readback import fetch


@dataclass(frozen=True)
class KnownDocument:
    status: str  # 'loaded' | 'quarantined' | 'superseded'
    source_path: str | None
    reported_missing: bool


def known_documents(published: Path) -> dict[str, KnownDocument]:
    """document_id -> what the published warehouse holds; empty before the first publish."""
    if not published.exists():
        return {}
    return {row[0]: KnownDocument(*row[1:]) for row in fetch(published, "known_documents")}
