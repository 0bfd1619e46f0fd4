"""What the partitioned assets hand each other through the staging store (plain records, staged as
typed JSON by ``factstore.records``).

A quarantine travels as ``Quarantined(reason value, message)``, a plain record like the others,
not as the ``QuarantineError`` that raised it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipelines.inventory import InventoryEntry

SOURCE = "source"  # SourceFile
EXTRACTED = "extracted"  # ExtractedDocument | Quarantined
NORMALISED = "normalised"  # Normalised | Quarantined
OUTCOME = "outcome"  # Outcome


@dataclass(frozen=True)
class Quarantined:
    reason: str  # a ReasonClass value
    message: str
    extractor_version: int | None = None  # the version whose read was quarantined (set when stored)

    @classmethod
    def from_error(cls, error: Any) -> Quarantined:
        return cls(str(error.reason.value), str(error.message))


@dataclass(frozen=True)
class SourceFile:
    """The file behind a partition; ``problem`` says why it cannot be read (removed, changed)."""

    entry: InventoryEntry
    problem: Quarantined | None = None


@dataclass
class Normalised:
    frames: Any  # schemas.frames.DocumentFrames
    findings: list[Any] = field(default_factory=list)  # checks.findings.Finding with document_id set
    pages: int = 0
    seconds: float = 0.0
    extractor_version: int | None = None  # the version that read these facts (set when stored)


@dataclass(frozen=True)
class Outcome:
    """What happened to one document in a run: one line of ``countybudget ingest`` output."""

    document_id: str
    path: str
    status: str  # 'loaded' | 'quarantined'
    title: str = ""
    reason: str | None = None
    message: str | None = None
    pages: int = 0
    tables: int = 0
    amounts: int = 0  # v_budget_lines rows loaded
    findings: int = 0
    errors: int = 0  # error-severity findings
