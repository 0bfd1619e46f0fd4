"""``facts/<frame>/region=…/fiscal_year=…/document_id=….parquet`` plus ``facts/documents/…/….json``.

Each file is written to a temporary name and moved into place with ``os.replace``; the report is
written last and names the write, so a reader sees either the previous or the new set of a document,
and a frame file left by a crashed writer is detected rather than mixed in. Documents are written by
whichever worker read them: nothing here takes a lock shared between documents.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from factstore.report import DocumentReport
from factstore.schema import FRAME_MODELS, WRITE_KEY, StoredSchemaError, checked, to_arrow, to_pandas

REPORTS = "documents"
UNKNOWN = "__unknown__"  # partition value of a quarantined document (no identity)


@dataclass
class StoredDocument:
    report: DocumentReport
    frames: dict[str, pd.DataFrame]  # frame name -> frame (empty dict for a quarantined document)


def partition_value(value: object) -> str:
    """A Hive partition value that is one path component (region names are printed text)."""
    if value is None or value == "":
        return UNKNOWN
    return str(value).replace("%", "%25").replace("/", "%2F").replace(os.sep, "%2F")


def new_write_id() -> str:
    return uuid.uuid4().hex


class FactStore:
    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def _folder(self, kind: str, report: DocumentReport) -> Path:
        identity = report.identity
        region = partition_value(identity.county if identity else None)
        year = partition_value(identity.fiscal_year if identity else None)
        return self.root / kind / f"region={region}" / f"fiscal_year={year}"

    def frame_path(self, frame: str, report: DocumentReport) -> Path:
        return self._folder(frame, report) / f"document_id={report.document_id}.parquet"

    def report_path(self, report: DocumentReport) -> Path:
        return self._folder(REPORTS, report) / f"document_id={report.document_id}.json"

    def _existing(self, kind: str, document_id: str) -> list[Path]:
        return sorted((self.root / kind).glob(f"region=*/fiscal_year=*/document_id={document_id}.*"))

    def write(self, report: DocumentReport, frames: dict[str, pd.DataFrame]) -> None:
        """Store one document: its frames (every frame for a loaded one), then its report."""
        if report.loaded and set(frames) != set(FRAME_MODELS):
            raise ValueError(
                f"document {report.document_id}: frames {sorted(frames)} != {sorted(FRAME_MODELS)}"
            )
        written = []
        for frame, data in frames.items():
            path = self.frame_path(frame, report)
            _atomic(
                path,
                lambda tmp, frame=frame, data=data: pq.write_table(
                    to_arrow(frame, data, report.write_id), tmp
                ),
            )
            written.append(path)
        path = self.report_path(report)
        _atomic(path, lambda tmp: tmp.write_text(report.to_json(), encoding="utf-8"))
        written.append(path)
        # A re-read that moved the document (another region or year) leaves its old files behind.
        for kind in (*FRAME_MODELS, REPORTS):
            for stale in self._existing(kind, report.document_id):
                if stale not in written:
                    stale.unlink(missing_ok=True)

    def report(self, document_id: str) -> DocumentReport | None:
        paths = self._existing(REPORTS, document_id)
        if not paths:
            return None
        return DocumentReport.from_json(paths[0].read_text(encoding="utf-8"), str(paths[0]))

    def reports(self) -> Iterator[DocumentReport]:
        for path in sorted((self.root / REPORTS).glob("region=*/fiscal_year=*/document_id=*.json")):
            yield DocumentReport.from_json(path.read_text(encoding="utf-8"), str(path))

    def read(self, document_id: str) -> StoredDocument:
        """A document's report and frames, schema-checked; FileNotFoundError when never stored."""
        report = self.report(document_id)
        if report is None:
            raise FileNotFoundError(f"document {document_id} is not in the fact store {self.root}")
        return StoredDocument(report, self.frames(report) if report.loaded else {})

    def frames(self, report: DocumentReport) -> dict[str, pd.DataFrame]:
        frames = {}
        for frame in FRAME_MODELS:
            path = self.frame_path(frame, report)
            table = pq.read_table(path)
            write_id = (table.schema.metadata or {}).get(WRITE_KEY, b"").decode()
            table = checked(table, frame, str(path))
            if write_id != report.write_id:
                raise StoredSchemaError(
                    f"{path}: written by write {write_id or '?'}, the report names write {report.write_id} "
                    "(an interrupted write); re-extract the document"
                )
            frames[frame] = to_pandas(table)
        return frames


def _atomic(path: Path, write) -> None:
    """Write through a temporary file in the same folder, then ``os.replace`` (readers never see half)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
