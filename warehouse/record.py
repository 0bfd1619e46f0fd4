"""What the loader knows about a document's file, besides what extraction read from it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentRecord:
    document_id: str  # first 16 hex digits of sha256 (the Dagster partition key)
    sha256: str
    source_path: str
    pages: int | None = None
    seconds: float | None = None  # extraction time
    extractor_version: int | None = None  # extract.version that read the document's facts
