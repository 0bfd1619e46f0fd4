"""The contract views exist with exactly the contract's columns and types (DESCRIBE), and v_execution."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from extract.model import BudgetLine
from schemas.frames import document_frames
from tests.warehouse_fixtures import ensure_classification, sample_document, sha_of

ensure_classification()

from warehouse.loader import DocumentRecord, WarehouseWriter  # noqa: E402

DOC_COLUMNS = ("county VARCHAR", "department VARCHAR", "fiscal_year INTEGER", "phase VARCHAR")
CONTRACT = {
    "v_budget_lines": (
        *DOC_COLUMNS,
        "table_type VARCHAR",
        "code VARCHAR",
        "item VARCHAR",
        "measure VARCHAR",
        "amount_yuan DECIMAL(18,2)",
        "document_id VARCHAR",
        "page INTEGER",
    ),
    "v_documents": (
        "document_id VARCHAR",
        "sha256 VARCHAR",
        "source_path VARCHAR",
        *DOC_COLUMNS,
        "title VARCHAR",
        "pages INTEGER",
        "status VARCHAR",
        "reason VARCHAR",
        "tables_found VARCHAR[]",
        "loaded_at TIMESTAMP",
    ),
    "v_narrative_metrics": (
        *DOC_COLUMNS,
        "metric VARCHAR",
        "amount_yuan DECIMAL(18,2)",
        "document_id VARCHAR",
        "page INTEGER",
    ),
    "v_dq_findings": (
        "document_id VARCHAR",
        *DOC_COLUMNS,
        "check VARCHAR",
        "severity VARCHAR",
        "message VARCHAR",
        "expected_yuan DECIMAL(18,2)",
        "actual_yuan DECIMAL(18,2)",
    ),
    "v_performance_targets": (
        *DOC_COLUMNS,
        "scope VARCHAR",
        "project VARCHAR",
        "level1 VARCHAR",
        "level2 VARCHAR",
        "level3 VARCHAR",
        "target_text VARCHAR",
        "target_value DECIMAL(18,4)",
        "target_unit VARCHAR",
        "prior_text VARCHAR",
        "document_id VARCHAR",
        "page INTEGER",
    ),
    "v_projects": (
        *DOC_COLUMNS,
        "project VARCHAR",
        "kind VARCHAR",
        "total_budget_yuan DECIMAL(18,2)",
        "annual_budget_yuan DECIMAL(18,2)",
        "document_id VARCHAR",
        "page INTEGER",
    ),
    "v_execution": (
        "county VARCHAR",
        "department VARCHAR",
        "fiscal_year INTEGER",
        "code VARCHAR",
        "name VARCHAR",
        "level INTEGER",
        "budget_yuan DECIMAL(18,2)",
        "final_yuan DECIMAL(18,2)",
        "execution_rate DECIMAL(18,4)",
        "department_key VARCHAR",
    ),
}


@pytest.fixture(scope="module")
def empty_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("views") / "w.duckdb"
    with WarehouseWriter(path) as writer:
        writer.finalize()
    return path


@pytest.mark.parametrize("view", sorted(CONTRACT))
def test_view_columns_and_types_match_the_contract(empty_warehouse: Path, view: str) -> None:
    with duckdb.connect(str(empty_warehouse), read_only=True) as con:
        described = [f"{name} {kind}" for name, kind, *_ in con.execute(f"DESCRIBE {view}").fetchall()]
    expected = list(CONTRACT[view])
    assert described[: len(expected)] == expected  # extra report columns may only follow the contract's


def test_v_documents_report_columns_follow_the_contract(empty_warehouse: Path) -> None:
    with duckdb.connect(str(empty_warehouse), read_only=True) as con:
        names = [row[0] for row in con.execute("DESCRIBE v_documents").fetchall()]
    assert names[13:] == [
        "seconds",
        "message",
        "superseded_by",
        "missing_since",
        "toc_tables",
        "amounts",
        "table_reports",
        "verified_share",
        "region_level",
        "budget_unit",
        "part",
        "disclosure_id",
        "extractor_version",
        "ocr_pages",
    ]


def _load(writer: WarehouseWriter, phase: str, amounts: dict[str | None, str]) -> None:
    doc = sample_document(phase=phase)
    doc.lines = [BudgetLine("expenditure", code, "x", "total", Decimal(a), 7) for code, a in amounts.items()]
    doc.lines.append(
        BudgetLine("expenditure", "205", "x", "basic", Decimal("1.00"), 7)
    )  # not `total`: ignored
    sha = sha_of(phase + repr(amounts))
    writer.load_document(DocumentRecord(sha[:16], sha, f"{phase}.pdf"), document_frames(doc, sha[:16]), [])


def test_v_execution_pairs_budget_and_final_per_code(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        _load(writer, "budget", {None: "300.00", "205": "300.00", "20501": "200.00", "2050101": "0.00"})
        _load(writer, "final", {None: "310.00", "205": "310.00", "20501": "155.55", "2050199": "5.00"})
        writer.finalize()
        rows = (
            writer.con.sql(
                "SELECT code, name, level, budget_yuan, final_yuan, execution_rate FROM v_execution ORDER BY code"
            )
            .to_arrow_table()
            .to_pylist()
        )
    assert [tuple(r.values()) for r in rows] == [
        ("205", "x", 1, Decimal("300.00"), Decimal("310.00"), Decimal("1.0333")),
        ("20501", "x", 2, Decimal("200.00"), Decimal("155.55"), Decimal("0.7778")),
        ("2050101", "x", 3, Decimal("0.00"), None, None),
        ("2050199", "x", 3, None, Decimal("5.00"), None),
    ]


def test_v_execution_skips_departments_with_one_phase(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        _load(writer, "budget", {"205": "300.00"})
        writer.finalize()
        assert writer.con.execute("SELECT count(*) FROM v_execution").fetchone() == (0,)


def test_v_execution_honours_limit_with_an_empty_classification(tmp_path: Path) -> None:
    """DuckDB 2.0.1 drops a LIMIT over a LEFT JOIN with a constant ON filter on an empty table."""
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        for department in ("甲局", "乙局"):
            for year in (2023, 2024):
                for phase in ("budget", "final"):
                    doc = sample_document(department=department, year=year, phase=phase)
                    doc.lines = [
                        BudgetLine("expenditure", f"2050{i:03d}", "x", "total", Decimal(i), 7)
                        for i in range(5)
                    ]
                    sha = sha_of(f"{department}{year}{phase}")
                    record = DocumentRecord(sha[:16], sha, "x.pdf")
                    writer.load_document(record, document_frames(doc, sha[:16]), [])
        writer.finalize()  # department keys; then the classification emptied, as before a first finalize
        writer.con.execute("DELETE FROM dim_classification")
        assert writer.con.execute("SELECT count(*) FROM dim_classification").fetchone() == (0,)
        assert writer.con.execute("SELECT count(*) FROM v_execution").fetchone() == (20,)
        assert len(writer.con.execute("SELECT * FROM v_execution LIMIT 1").fetchall()) == 1


def test_v_execution_pairs_renamed_department_and_ignores_unit_budgets(tmp_path: Path) -> None:
    """中共X budget meets X final through department_key; a 单位预算 of a unit under X is not added."""
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        for department, phase, unit, amount in (
            ("中共白石县委组织部", "budget", None, "300.00"),
            ("白石县委组织部", "final", None, "270.00"),
            ("白石县委组织部", "final", "白石县党员教育中心", "50.00"),
        ):
            doc = sample_document(department=department, phase=phase)
            doc.identity = replace(doc.identity, budget_unit=unit)
            doc.lines = [BudgetLine("expenditure", "201", "x", "total", Decimal(amount), 7)]
            sha = sha_of(f"{department}{phase}{unit}")
            writer.load_document(DocumentRecord(sha[:16], sha, "x.pdf"), document_frames(doc, sha[:16]), [])
        writer.finalize()
        rows = writer.con.execute(
            "SELECT department, department_key, code, budget_yuan, final_yuan, execution_rate FROM v_execution"
        ).fetchall()
    assert rows == [
        ("白石县委组织部", "白石县委组织部", "201", Decimal("300.00"), Decimal("270.00"), Decimal("0.9000"))
    ]
