"""``countybudget export``: Parquet round trip (DECIMAL kept), CSV, and the Fiscal Data Package."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from extract.model import ReasonClass
from schemas.frames import document_frames
from tests.warehouse_fixtures import ensure_classification, sample_document, sha_of

ensure_classification()

from analyst.export import public_views, read_parquet, run_export, view_table  # noqa: E402
from analyst.fiscal import RESOURCE_PATH  # noqa: E402
from warehouse.loader import DocumentRecord, WarehouseWriter  # noqa: E402
from warehouse.publish import connect_published  # noqa: E402

FDP_SCHEMA = Path(__file__).parent / "schemas" / "fiscal-data-package.schema.json"
DOCUMENTS = (  # (year, phase, expenditure total)
    (2023, "budget", Decimal("1234567.89")),
    (2024, "budget", Decimal("12345678.91")),
    (2024, "final", Decimal("12000000.05")),
)


def record_for(name: str) -> DocumentRecord:
    sha = sha_of(name)
    return DocumentRecord(sha[:16], sha, f"pdfs/{name}.pdf", 18, 0.5)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "warehouse.duckdb"
    with WarehouseWriter(path) as writer:
        for year, phase, total in DOCUMENTS:
            record = record_for(f"edu-{year}-{phase}")
            doc = sample_document(total, year=year, phase=phase)
            writer.load_document(record, document_frames(doc, record.document_id), [])
        # a quarantined file has no region or year: its row goes to Hive's NULL partition
        writer.quarantine_document(record_for("scan"), ReasonClass.NO_TEXT_LAYER, "scan.pdf: no text layer")
        writer.finalize()
    return path


def as_rows(table) -> list[dict]:
    return sorted(table.to_pylist(), key=repr)


def test_parquet_round_trip_gives_every_view_exactly(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "parquet"
    assert run_export(out, "parquet", warehouse) == 0

    con = connect_published(warehouse)
    try:
        views = public_views(con)
        assert {"v_budget_lines", "v_documents", "v_dq_findings", "v_execution"} <= set(views)
        for view in views:
            original = view_table(con, view)
            back = read_parquet(out / view, original.schema)
            assert back.schema == original.schema, view  # DECIMAL(18,2) stays decimal128(18, 2)
            assert as_rows(back) == as_rows(original), view
    finally:
        con.close()
    folders = sorted(
        p.relative_to(out / "v_budget_lines").as_posix() for p in (out / "v_budget_lines").glob("*/*")
    )
    assert folders == [
        "county=%E7%99%BD%E7%9F%B3%E5%8E%BF/fiscal_year=2023",
        "county=%E7%99%BD%E7%9F%B3%E5%8E%BF/fiscal_year=2024",
    ]
    assert (out / "v_documents" / "county=__HIVE_DEFAULT_PARTITION__").is_dir()


def test_parquet_keeps_decimal_amounts_for_duckdb_readers(warehouse: Path, tmp_path: Path) -> None:
    import duckdb

    out = tmp_path / "parquet"
    run_export(out, "parquet", warehouse)
    rows = duckdb.sql(
        f"SELECT county, fiscal_year, phase, amount_yuan, typeof(amount_yuan) "
        f"FROM read_parquet('{out}/v_budget_lines/**/*.parquet', hive_partitioning = true) "
        "WHERE table_type = 'expenditure' AND item = '合计' AND measure = 'total' ORDER BY fiscal_year, phase"
    ).fetchall()
    assert rows == [
        ("白石县", 2023, "budget", Decimal("1234567.89"), "DECIMAL(18,2)"),
        ("白石县", 2024, "budget", Decimal("12345678.91"), "DECIMAL(18,2)"),
        ("白石县", 2024, "final", Decimal("12000000.05"), "DECIMAL(18,2)"),
    ]


def test_csv_writes_exact_amounts_and_nested_columns_as_json(warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    run_export(out, "csv", warehouse)

    with (out / "v_budget_lines.csv").open(encoding="utf-8") as handle:
        lines = list(csv.DictReader(handle))
    totals = [
        (r["fiscal_year"], r["phase"], r["amount_yuan"])
        for r in lines
        if r["table_type"] == "expenditure" and r["item"] == "合计" and r["measure"] == "total"
    ]
    assert sorted(totals) == [
        ("2023", "budget", "1234567.89"),
        ("2024", "budget", "12345678.91"),
        ("2024", "final", "12000000.05"),
    ]
    with (out / "v_documents.csv").open(encoding="utf-8") as handle:
        documents = {r["source_path"]: r for r in csv.DictReader(handle)}
    assert json.loads(documents["pdfs/edu-2024-final.pdf"]["tables_found"]) == [
        "expenditure",
        "basic_expenditure_economic",
        "government_fund_expenditure",
    ]
    assert documents["pdfs/scan.pdf"]["county"] == ""


def test_fiscal_data_package_validates_and_splits_phases(warehouse: Path, tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless", reason="frictionless is a dev dependency")
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "fdp"
    run_export(out, "csv", warehouse)
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))

    jsonschema.validate(descriptor, json.loads(FDP_SCHEMA.read_text(encoding="utf-8")))
    model = descriptor["model"]
    assert {m["phase"]: m["currency"] for m in model["measures"].values()} == {
        "approved": "CNY",
        "executed": "CNY",
    }
    kinds = {d.get("classificationType") for d in model["dimensions"].values()}
    assert {"functional", "economic", "administrative"} <= kinds
    columns = {f["name"] for f in descriptor["resources"][0]["schema"]["fields"]}
    sources = {m["source"] for m in model["measures"].values()} | {
        a["source"] for d in model["dimensions"].values() for a in d["attributes"].values()
    }
    assert sources <= columns  # every measure and attribute names a column of the resource

    # frictionless checks the package and every row against the Table Schema (types, field names);
    # the FDP profile itself is the vendored official schema above (tests/schemas/README.md)
    offline = dict(descriptor, profile="tabular-data-package")
    (out / "offline.json").write_text(json.dumps(offline, ensure_ascii=False), encoding="utf-8")
    report = frictionless.validate(str(out / "offline.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert (report.tasks[0].stats["rows"], report.tasks[0].stats["fields"]) == (
        42,
        15,
    )  # 3 documents × 14 lines

    with (out / RESOURCE_PATH).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    totals = sorted(
        (r["fiscal_year"], r["approved"], r["executed"])
        for r in rows
        if r["table_type"] == "expenditure" and r["item"] == "合计" and r["measure"] == "total"
    )
    assert totals == [("2023", "1234567.89", ""), ("2024", "", "12000000.05"), ("2024", "12345678.91", "")]
    economic = {
        (r["economic_code"], r["functional_code"])
        for r in rows
        if r["table_type"] == "basic_expenditure_economic"
    }
    assert economic == {("301", ""), ("30101", "")}
    functional = sorted({r["functional_code"] for r in rows if r["table_type"] == "expenditure"})
    assert functional == ["", "205", "20501", "2050101"]


def test_cli_export_prints_rows_per_view_and_refuses_unknown_formats(warehouse: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from countybudget.cli import app

    done = CliRunner().invoke(
        app, ["export", str(tmp_path / "out"), "--format", "csv", "--warehouse", str(warehouse)]
    )
    assert done.exit_code == 0, done.output
    assert "v_budget_lines: 42 rows\n" in done.output
    assert "datapackage.json: 42 fiscal lines" in done.output
    refused = CliRunner().invoke(
        app, ["export", str(tmp_path / "x"), "--format", "xlsx", "--warehouse", str(warehouse)]
    )
    assert refused.exit_code == 1
    assert "unknown format 'xlsx': expected one of parquet, csv" in refused.output
    assert not (tmp_path / "x").exists()
