"""The staging folder the partitioned steps hand results through: one folder per document_id.

Partitioned assets persist here rather than through an IO manager: the built-in IO managers refuse
multi-partition outputs in single-run backfills. Plain pickles of the ``plumbing.staged`` records.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plumbing.inventory import Manifest


@dataclass(frozen=True)
class StagingFolder:
    """``<root>/documents/<document_id>/<stage>.pkl`` plus ``<root>/manifest.json``."""

    root: Path

    def document_dir(self, document_id: str) -> Path:
        return self.root / "documents" / document_id

    def put(self, document_id: str, stage: str, value: Any) -> None:
        folder = self.document_dir(document_id)
        folder.mkdir(parents=True, exist_ok=True)
        temporary = folder / f".{stage}.{os.getpid()}.tmp"
        temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, folder / f"{stage}.pkl")

    def get(self, document_id: str, stage: str) -> Any:
        """The staged value; raises FileNotFoundError naming the stage when an upstream step never ran."""
        path = self.document_dir(document_id) / f"{stage}.pkl"
        if not path.exists():
            raise FileNotFoundError(f"no staged {stage!r} result for document {document_id} ({path})")
        return pickle.loads(path.read_bytes())

    def discard(self, document_id: str, stage: str) -> None:
        (self.document_dir(document_id) / f"{stage}.pkl").unlink(missing_ok=True)

    def manifest(self) -> Manifest:
        return Manifest(self.root / "manifest.json")
