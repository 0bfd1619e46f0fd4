"""The Parquet fact store: exact round trip, loud refusal of another schema, the re-read guard."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from checks.findings import Finding
from factstore import schema
from factstore.schema import StoredSchemaError
from factstore.staged import REREAD_REGRESSION, load_read, store_read
from factstore.store import FactStore
from pipelines.inventory import InventoryEntry
from pipelines.staged import Normalised, Quarantined
from schemas.frames import document_frames
from tests.warehouse_fixtures import sample_document

DOC_ID = "abcdef0123456789"
ENTRY = InventoryEntry(DOC_ID, "/inbox/教育局/2024-budget.pdf", 1234, 5678, "abcdef0123456789" + "0" * 48)
FINDING = Finding(DOC_ID, "table_total", "error", "合计 is not the sum", Decimal("10.00"), Decimal("9.99"))


def normalised(doc=None) -> Normalised:
    doc = doc or sample_document()
    return Normalised(document_frames(doc, DOC_ID), [FINDING], pages=doc.pages, seconds=doc.seconds)


def without_table(table_type: str) -> Normalised:
    doc = sample_document()
    doc = dataclasses.replace(
        doc,
        tables=[t for t in doc.tables if t.table_type != table_type],
        lines=[line for line in doc.lines if line.table_type != table_type],
    )
    return normalised(doc)


def test_a_document_round_trips_exactly_through_parquet(tmp_path: Path) -> None:
    store = FactStore(tmp_path / "facts")
    written = normalised()
    assert store_read(store, ENTRY, written, 1).extractor_version == 1
    read = load_read(store, DOC_ID)
    assert isinstance(read, Normalised)
    for name in ("lines", "narrative", "targets", "projects", "tables"):
        pd.testing.assert_frame_equal(getattr(read.frames, name), getattr(written.frames, name))
    assert read.frames.identity == written.frames.identity
    assert read.frames.toc_tables == [
        "expenditure",
        "basic_expenditure_economic",
        "government_fund_expenditure",
    ]
    assert read.findings == [FINDING]
    assert (read.pages, read.seconds, read.extractor_version) == (18, 0.42, 1)
    assert read.frames.lines["amount_yuan"].iloc[0] == Decimal("12345678.91")
    lines = tmp_path / "facts/lines/region=白石县/fiscal_year=2024/document_id=abcdef0123456789.parquet"
    assert pq.read_schema(lines).field("amount_yuan").type == pa.decimal128(18, 2)
    assert len(list((tmp_path / "facts").rglob("*.parquet"))) == 6  # one file per frame
    assert len(list((tmp_path / "facts").rglob("*.tmp"))) == 0


def test_a_quarantine_is_stored_as_a_report_without_frames(tmp_path: Path) -> None:
    store = FactStore(tmp_path / "facts")
    store_read(store, ENTRY, Quarantined("no_tables", "no standard table"), 3)
    assert load_read(store, DOC_ID) == Quarantined("no_tables", "no standard table", 3)
    assert [p.relative_to(tmp_path).as_posix() for p in (tmp_path / "facts").rglob("*.*")] == [
        "facts/documents/region=__unknown__/fiscal_year=__unknown__/document_id=abcdef0123456789.json"
    ]


def test_a_renamed_column_fails_loudly(tmp_path: Path) -> None:
    store = FactStore(tmp_path / "facts")
    store_read(store, ENTRY, normalised(), 1)
    path = tmp_path / "facts/lines/region=白石县/fiscal_year=2024/document_id=abcdef0123456789.parquet"
    table = pq.read_table(path)
    renamed = table.rename_columns(["amount" if n == "amount_yuan" else n for n in table.column_names])
    pq.write_table(renamed.replace_schema_metadata(table.schema.metadata), path)
    with pytest.raises(StoredSchemaError) as caught:
        load_read(store, DOC_ID)
    assert str(caught.value) == (
        f"{path}: 'lines' frame does not match schema version 1: missing columns ['amount_yuan']; "
        "unexpected columns ['amount']"
    )


def test_a_file_of_another_schema_version_is_refused_naming_the_version(tmp_path: Path) -> None:
    store = FactStore(tmp_path / "facts")
    store_read(store, ENTRY, normalised(), 1)
    path = tmp_path / "facts/tables/region=白石县/fiscal_year=2024/document_id=abcdef0123456789.parquet"
    table = pq.read_table(path)
    old = table.replace_schema_metadata({**table.schema.metadata, schema.VERSION_KEY: b"0"})
    pq.write_table(old, path)
    with pytest.raises(StoredSchemaError) as caught:
        load_read(store, DOC_ID)
    assert str(caught.value) == (
        f"{path}: written with fact-store schema version 0, this code reads version 1 and has no "
        "migration from it; re-extract the document (countybudget reread)"
    )


def test_a_file_of_the_previous_version_is_read_through_its_migration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version 2 of this code renames ``rows`` to ``row_count``: a version 1 file still loads."""
    store = FactStore(tmp_path / "facts")
    store_read(store, ENTRY, normalised(), 1)
    version2 = schema.arrow_schema("tables")
    version2 = version2.set(
        version2.get_field_index("rows"), pa.field("row_count", pa.int64(), nullable=False)
    )
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(
        schema,
        "arrow_schema",
        lambda frame, s=schema.arrow_schema: version2 if frame == "tables" else s(frame),
    )
    monkeypatch.setitem(
        schema.MIGRATIONS,
        1,
        lambda t: t.rename_columns(["row_count" if n == "rows" else n for n in t.column_names]),
    )
    path = tmp_path / "facts/tables/region=白石县/fiscal_year=2024/document_id=abcdef0123456789.parquet"
    table = schema.checked(pq.read_table(path), "tables", str(path))
    assert table.column("row_count").to_pylist() == [12, 2, 0]


def test_a_report_with_a_renamed_field_fails_loudly(tmp_path: Path) -> None:
    store = FactStore(tmp_path / "facts")
    store_read(store, ENTRY, normalised(), 1)
    path = tmp_path / "facts/documents/region=白石县/fiscal_year=2024/document_id=abcdef0123456789.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"mtime_ns"', '"mtime"'), encoding="utf-8")
    with pytest.raises(StoredSchemaError) as caught:
        load_read(store, DOC_ID)
    assert str(caught.value) == (
        f"{path}: report does not match schema version 1: missing fields ['mtime_ns'], unexpected fields ['mtime']"
    )


def test_a_frame_left_by_an_interrupted_write_is_detected(tmp_path: Path) -> None:
    store = FactStore(tmp_path / "facts")
    store_read(store, ENTRY, normalised(), 1)
    report = store.report(DOC_ID)
    path = store.frame_path("projects", report)
    table = pq.read_table(path)
    pq.write_table(table.replace_schema_metadata({**table.schema.metadata, schema.WRITE_KEY: b"other"}), path)
    with pytest.raises(
        StoredSchemaError, match=r"written by write other, the report names write [0-9a-f]{32}"
    ):
        load_read(store, DOC_ID)


def test_a_reread_that_loses_a_table_keeps_the_old_facts_with_a_finding(tmp_path: Path) -> None:
    store = FactStore(tmp_path / "facts")
    store_read(store, ENTRY, normalised(), 1)
    kept = store_read(store, ENTRY, without_table("basic_expenditure_economic"), 2)
    assert isinstance(kept, Normalised)
    assert kept.extractor_version == 1
    assert len(kept.frames.lines) == 14
    assert kept.findings[0] == FINDING
    assert kept.findings[1] == Finding(
        DOC_ID,
        REREAD_REGRESSION,
        "warn",
        "extractor version 2 would lose what version 1 read: table basic_expenditure_economic; "
        "the facts of version 1 are kept",
    )
    report = store.report(DOC_ID)
    assert (report.extractor_version, report.refused_version) == (1, 2)
    assert load_read(store, DOC_ID).findings == kept.findings  # stored, not only returned
    # A later version that reads everything replaces the facts, and the old finding goes with them.
    replaced = store_read(store, ENTRY, normalised(), 3)
    assert (replaced.extractor_version, replaced.findings) == (3, [FINDING])
    assert store.report(DOC_ID).refused_version is None


def test_a_reread_that_loses_amounts_or_the_whole_document_is_refused(tmp_path: Path) -> None:
    store = FactStore(tmp_path / "facts")
    store_read(store, ENTRY, normalised(), 1)
    doc = sample_document()
    fewer = dataclasses.replace(doc, lines=[line for line in doc.lines if line.code != "20501"])
    kept = store_read(store, ENTRY, normalised(fewer), 2)
    assert kept.findings[-1].message == (
        "extractor version 2 would lose what version 1 read: 3 of 12 amounts of expenditure; "
        "the facts of version 1 are kept"
    )
    kept = store_read(store, ENTRY, Quarantined("no_tables", "no standard table"), 3)
    assert isinstance(kept, Normalised)
    assert [f.message for f in kept.findings if f.check == REREAD_REGRESSION] == [
        "extractor version 3 would lose what version 1 read: it was quarantined (no_tables: no standard "
        "table); the facts of version 1 are kept"
    ]


def test_a_reread_that_moves_the_document_leaves_no_stale_files(tmp_path: Path) -> None:
    store = FactStore(tmp_path / "facts")
    store_read(store, ENTRY, normalised(), 1)
    doc = sample_document()
    moved = dataclasses.replace(doc, identity=dataclasses.replace(doc.identity, fiscal_year=2025))
    store_read(store, ENTRY, normalised(moved), 2)
    years = {p.parent.name for p in (tmp_path / "facts").rglob("document_id=*")}
    assert years == {"fiscal_year=2025"}
    assert len(list((tmp_path / "facts").rglob("document_id=*"))) == 7


def test_a_rebuild_replays_runs_in_order_so_the_later_issue_supersedes(tmp_path: Path) -> None:
    """The re-issue was loaded in a later run although its file is older: it stays the current one."""
    from factstore.rebuild import Rebuilt, rebuild

    store = FactStore(tmp_path / "facts")
    first, reissue = "1111111111111111", "2222222222222222"
    for document_id, mtime_ns, batch_ns in ((first, 200, 1), (reissue, 100, 2)):
        entry = dataclasses.replace(
            ENTRY, document_id=document_id, mtime_ns=mtime_ns, path=f"/{document_id}.pdf"
        )
        staged = Normalised(document_frames(sample_document(), document_id), [], pages=18, seconds=0.5)
        store_read(store, entry, staged, 1, batch_ns)
    published = tmp_path / "w.duckdb"
    assert rebuild(tmp_path / "facts", published) == Rebuilt(loaded=2, quarantined=0, amounts=28)
    with duckdb.connect(str(published), read_only=True) as con:
        rows = con.execute("SELECT document_id, status, superseded_by FROM v_documents ORDER BY 1").fetchall()
    assert rows == [(first, "superseded", reissue), (reissue, "loaded", None)]


def test_the_fact_store_imports_no_dagster() -> None:
    """Any worker writes and reads the store: it must not need the orchestrator."""
    probe = (
        "import sys, factstore.store, factstore.staged, factstore.backfill, factstore.rebuild; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'dagster'))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# The stored schema of version 1. A change of a pandera model changes what is stored: bump
# factstore.schema.SCHEMA_VERSION, add a migration from the old version, and update this.
VERSION_1 = {
    "lines": "document_id string!, table_type string!, code string, item string, measure string!, "
    "amount_yuan decimal128(18, 2)!, page int64!, budget_unit string",
    "narrative": "document_id string!, metric string!, kind string!, amount_yuan decimal128(18, 2), "
    "value decimal128(18, 4), page int64!, sentence string!",
    "targets": "document_id string!, scope string!, project string, level1 string, level2 string, "
    "level3 string, target_text string!, target_value decimal128(18, 4), target_unit string, "
    "prior_text string, page int64!",
    "projects": "document_id string!, name string!, kind string, total_budget_yuan decimal128(18, 2), "
    "annual_budget_yuan decimal128(18, 2), page int64!",
    "tables": "document_id string!, ordinal int64!, table_type string!, title string!, "
    "pages list<item: int64>!, unit string, accuracy double, whitespace double, rows int64!, empty bool!, "
    "errors list<item: string>!, amounts int64!, verified int64!",
    "findings": "document_id string, check string!, severity string!, message string!, "
    "expected_yuan decimal128(18, 2), actual_yuan decimal128(18, 2)",
}


def test_the_stored_schema_changes_only_with_its_version() -> None:
    assert schema.SCHEMA_VERSION == 1
    described = {
        frame: ", ".join(f"{f.name} {f.type}{'' if f.nullable else '!'}" for f in schema.arrow_schema(frame))
        for frame in schema.FRAME_MODELS
    }
    assert described == VERSION_1
