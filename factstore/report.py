"""The per-document extraction report: JSON with a schema version, the commit mark of a document's files.

It says who the document is, whether it was loaded or quarantined (and why), which extractor version
read the facts stored beside it, and which newer version was refused because it would lose facts.
"""

from __future__ import annotations

import json
from dataclasses import MISSING, asdict, dataclass, field, fields
from typing import Any

from extract.model import DocumentIdentity
from factstore.schema import SCHEMA_VERSION, StoredSchemaError


@dataclass(frozen=True)
class DocumentReport:
    document_id: str
    sha256: str
    source_path: str
    mtime_ns: int  # with source_path, the load order within a run (newer issues supersede older)
    status: str  # 'loaded' | 'quarantined'
    extractor_version: int  # the version that read the stored facts
    write_id: str  # every frame file of this write carries it (a torn write is detected)
    identity: DocumentIdentity | None = None
    reason: str | None = None  # ReasonClass value when quarantined
    message: str | None = None
    toc_tables: list[str] = field(default_factory=list)
    pages: int | None = None
    seconds: float | None = None
    refused_version: int | None = None  # a re-read by this version lost facts and was not applied
    batch_ns: int = 0  # when the run that stored it started: a rebuild replays runs in this order
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR (v_documents.ocr_pages)

    @property
    def loaded(self) -> bool:
        return self.status == "loaded"

    def to_json(self) -> str:
        payload: dict[str, Any] = {"schema_version": SCHEMA_VERSION, **asdict(self)}
        return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, where: str) -> DocumentReport:
        """Parse a report; another schema version or a renamed field is refused by name."""
        payload = json.loads(text)
        version = payload.pop("schema_version", None)
        if version != SCHEMA_VERSION:
            raise StoredSchemaError(
                f"{where}: written with fact-store schema version {version}, this code reads version "
                f"{SCHEMA_VERSION} and has no migration from it; re-extract the document (countybudget reread)"
            )
        names = {f.name for f in fields(cls)}
        required = {f.name for f in fields(cls) if f.default is MISSING and f.default_factory is MISSING}
        unexpected = sorted(set(payload) - names)
        missing = sorted(required - set(payload))
        if unexpected or missing:
            raise StoredSchemaError(
                f"{where}: report does not match schema version {SCHEMA_VERSION}: "
                f"missing fields {missing}, unexpected fields {unexpected}"
            )
        identity = payload.pop("identity")
        if identity is not None:
            identity = DocumentIdentity(**identity)
        return cls(identity=identity, **payload)
