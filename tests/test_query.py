"""``countybudget query``: read-only, exact money in every format."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from schemas.frames import document_frames
from tests.warehouse_fixtures import ensure_classification, sample_document, sha_of

ensure_classification()

from countybudget.query import run_query  # noqa: E402
from warehouse.loader import DocumentRecord, WarehouseWriter  # noqa: E402
from warehouse.sqlfiles import SQL_DIR  # noqa: E402

TOTAL_SQL = (
    "SELECT department, fiscal_year, amount_yuan FROM v_budget_lines "
    "WHERE code IS NULL AND measure = 'total' ORDER BY fiscal_year"
)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("query") / "w.duckdb"
    with WarehouseWriter(path) as writer:
        for year, total in ((2023, "9876543210.05"), (2024, "12345678.91")):
            for phase in ("budget", "final"):
                sha = sha_of(f"{year}{phase}")
                doc = sample_document(total=Decimal(total), year=year, phase=phase)
                writer.load_document(
                    DocumentRecord(sha[:16], sha, "x.pdf"), document_frames(doc, sha[:16]), []
                )
        writer.finalize()
    return path


def test_csv_prints_exact_amounts(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sql = TOTAL_SQL.replace("ORDER BY", "AND phase = 'budget' ORDER BY")
    assert run_query(sql, None, "csv", warehouse) == 0
    assert capsys.readouterr().out == (
        "department,fiscal_year,amount_yuan\n白石县教育局,2023,9876543210.05\n白石县教育局,2024,12345678.91\n"
    )


def test_json_prints_exact_amounts_as_strings(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_query(TOTAL_SQL + " LIMIT 1", None, "json", warehouse) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"department": "白石县教育局", "fiscal_year": 2023, "amount_yuan": "9876543210.05"}
    ]


def test_table_format_prints_rows(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_query(TOTAL_SQL, None, "table", warehouse) == 0
    out = capsys.readouterr().out
    assert "9876543210.05" in out and "12345678.91" in out and "4 rows" in out


def test_file_option_and_cross_year_example(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example = SQL_DIR / "examples" / "cross_year.sql"
    assert run_query(None, example, "csv", warehouse) == 0
    assert capsys.readouterr().out == (
        "county,department,phase,2023,2024\n"
        "白石县,白石县教育局,budget,9876543210.05,12345678.91\n"
        "白石县,白石县教育局,final,9876543210.05,12345678.91\n"
    )


def test_warehouse_is_opened_read_only(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_query("DELETE FROM fact_budget_line", None, "csv", warehouse) == 1
    assert "read-only" in capsys.readouterr().err
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM fact_budget_line").fetchone() == (56,)


def test_usage_errors(warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_query("SELECT 1", None, "xml", warehouse) == 2
    assert run_query(None, None, "csv", warehouse) == 2
    assert run_query("SELECT 1", None, "csv", tmp_path / "absent.duckdb") == 2
    assert run_query("SELEC 1", None, "csv", warehouse) == 1
    err = capsys.readouterr().err
    assert "unknown format 'xml'" in err and "exactly one" in err and "no warehouse at" in err
    assert "query failed: Parser Error" in err
