"""The single DuckDB writer: one transaction per document, delete then insert through Arrow.

Works on whatever file it is given (the pipeline gives it the private working copy; publishing is
``warehouse.publish``). Every statement comes from a file in ``warehouse/sql`` with bound parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import duckdb
import pandas as pd
import pyarrow as pa

from extract.model import DocumentIdentity, ReasonClass
from schemas.findings import findings_frame
from schemas.frames import DocumentFrames
from warehouse import classification, departments
from warehouse.failpoints import LOAD_MID_TRANSACTION, failpoint
from warehouse.record import DocumentRecord
from warehouse.sqlfiles import files_in, run

if TYPE_CHECKING:
    from checks.findings import Finding

__all__ = ["DocumentRecord", "WarehouseWriter"]

# (registered Arrow name, insert file, DocumentFrames attribute)
FACT_INSERTS = (
    ("incoming_budget_lines", "insert_budget_lines.sql", "lines"),
    ("incoming_narrative_metrics", "insert_narrative_metrics.sql", "narrative"),
    ("incoming_performance_targets", "insert_performance_targets.sql", "targets"),
    ("incoming_projects", "insert_projects.sql", "projects"),
    ("incoming_table_reports", "insert_table_reports.sql", "tables"),
)


def part_of(frames: DocumentFrames) -> str:
    """'narrative' for a file with narrative figures but no table (its tables are another file),
    'tables' for tables without narrative figures, else 'full'."""
    if frames.tables.empty:
        return "narrative"
    return "tables" if frames.narrative.empty else "full"


class WarehouseWriter:
    """Context manager holding the warehouse file open for writing; creates the schema idempotently."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._con: duckdb.DuckDBPyConnection | None = None

    def __enter__(self) -> WarehouseWriter:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = duckdb.connect(str(self.path))
        for name in files_in("ddl") + files_in("views"):
            run(self._con, name)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise RuntimeError("WarehouseWriter is not open: use it as a context manager")
        return self._con

    @contextmanager
    def _transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = self.con
        con.begin()
        try:
            yield con
        except BaseException:
            con.rollback()
            raise
        con.commit()

    def _insert(
        self,
        con: duckdb.DuckDBPyConnection,
        view: str,
        sql_file: str,
        frame: pd.DataFrame | pa.Table,
        params: dict[str, object] | None = None,
    ) -> None:
        table = frame if isinstance(frame, pa.Table) else pa.Table.from_pandas(frame, preserve_index=False)
        con.register(view, table)
        run(con, sql_file, params)
        con.unregister(view)  # not in a finally: an aborted transaction refuses it; register replaces it

    def load_document(
        self, record: DocumentRecord, frames: DocumentFrames, findings: Sequence[Finding]
    ) -> int:
        """Replace this document's rows and supersede older issues of it; returns amounts loaded."""
        found = findings_frame(findings, record.document_id)
        identity = frames.identity
        with self._transaction() as con:
            run(con, "delete_document.sql", {"document_id": record.document_id})
            self._upsert(
                con,
                record,
                "loaded",
                None,
                None,
                identity,
                frames.tables_found,
                frames.toc_tables,
                part_of(frames),
            )
            for view, sql_file, attribute in FACT_INSERTS:
                self._insert(con, view, sql_file, getattr(frames, attribute))
                failpoint(LOAD_MID_TRANSACTION)  # crash tests: dies after the budget lines, before COMMIT
            self._insert(con, "incoming_findings", "insert_findings.sql", found, {"scope": "document"})
            self._supersede_others(con, record.document_id, identity, part_of(frames))
        return len(frames.lines)

    def _supersede_others(
        self, con: duckdb.DuckDBPyConnection, document_id: str, identity: DocumentIdentity, part: str
    ) -> None:
        params = {
            "document_id": document_id,
            "county": identity.county,
            "department": identity.department,
            "budget_unit": identity.budget_unit,
            "fiscal_year": identity.fiscal_year,
            "phase": identity.phase,
            "part": part,
        }
        for (older,) in run(con, "find_superseded.sql", params):
            run(con, "delete_document.sql", {"document_id": older})
            run(con, "mark_superseded.sql", {"document_id": older, "superseded_by": document_id})
            run(
                con,
                "record_status.sql",
                {"document_id": older, "status": "superseded", "reason": "superseded"},
            )

    def _upsert(
        self,
        con: duckdb.DuckDBPyConnection,
        record: DocumentRecord,
        status: str,
        reason: str | None,
        message: str | None,
        identity: DocumentIdentity | None,
        tables_found: list[str],
        toc: list[str],
        part: str | None = None,
    ) -> None:
        run(
            con,
            "upsert_document.sql",
            {
                "document_id": record.document_id,
                "sha256": record.sha256,
                "source_path": record.source_path,
                "county": getattr(identity, "county", None),
                "department": getattr(identity, "department", None),
                "fiscal_year": getattr(identity, "fiscal_year", None),
                "phase": getattr(identity, "phase", None),
                "title": getattr(identity, "title", None),
                "pages": record.pages,
                "seconds": record.seconds,
                "status": status,
                "reason": reason,
                "message": message,
                "tables_found": list(tables_found),
                "toc_tables": list(toc),
                "region_level": getattr(identity, "region_level", None),
                "budget_unit": getattr(identity, "budget_unit", None),
                "part": part,
                "extractor_version": record.extractor_version,
            },
        )
        run(con, "record_status.sql", {"document_id": record.document_id, "status": status, "reason": reason})

    def quarantine_document(self, record: DocumentRecord, reason: ReasonClass, message: str) -> None:
        """Record a document that could not be loaded (its earlier facts, if any, are removed)."""
        with self._transaction() as con:
            run(con, "delete_document.sql", {"document_id": record.document_id})
            self._upsert(con, record, "quarantined", ReasonClass(reason).value, message, None, [], [])

    def document_statuses(self) -> dict[str, str]:
        """document_id → 'loaded' | 'quarantined' | 'superseded' for every document ever seen."""
        return dict(run(self.con, "document_statuses.sql"))

    def mark_missing(self, document_ids: Iterable[str]) -> None:
        """Report files that left the inbox (``v_documents.missing_since``); their rows stay.

        ``document_ids`` is the complete set missing now: a document not in it has its file back.
        """
        with self._transaction() as con:
            run(con, "mark_missing.sql", {"document_ids": sorted(set(document_ids))})

    def replace_cross_document_findings(self, findings: Sequence[Finding]) -> None:
        """Swap the whole set of cross-document findings (they are recomputed over all documents)."""
        found = findings_frame(findings)
        with self._transaction() as con:
            run(con, "delete_cross_document_findings.sql")
            self._insert(con, "incoming_findings", "insert_findings.sql", found, {"scope": "cross_document"})

    def finalize(self, aliases: Path | None = None) -> None:
        """Rebuild dimensions (incl. classification names printed per year, department keys from the
        alias files in ``aliases``, default ``warehouse/aliases``, and regions), the views, and the
        department findings."""
        with self._transaction() as con:
            departments.refresh_keys_and_regions(con, aliases or departments.ALIASES_DIR)
            run(con, "refresh_dimensions.sql")
            years = [year for (year,) in run(con, "classification_years.sql")]
            rows = []
            for scheme, tables in classification.SCHEME_TABLES.items():
                printed = run(con, "printed_classification_names.sql", {"table_types": list(tables)})
                rows += classification.classification_rows(scheme, years, printed)
            self._insert(
                con,
                "incoming_classification",
                "replace_classification.sql",
                classification.classification_table(rows),
            )
            for name in files_in("views"):
                run(con, name)
            departments.refresh_findings(con)
