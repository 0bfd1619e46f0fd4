"""WarehouseWriter on a real DuckDB file: exact money, idempotent reloads, supersede, quarantine."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from checks.findings import Finding
from extract.model import BudgetLine, NarrativeMetric, ReasonClass
from schemas.frames import document_frames
from tests.warehouse_fixtures import ensure_classification, sample_document, sha_of

ensure_classification()

from warehouse.loader import DocumentRecord, WarehouseWriter  # noqa: E402

TABLES = (
    "dim_document",
    "fact_budget_line",
    "fact_narrative_metric",
    "fact_performance_target",
    "fact_project",
    "fact_table_report",
    "fact_dq_finding",
    "fact_document_status",
    "dim_classification",
    "dim_county",
    "dim_department",
    "dim_fiscal_year",
)


def record_for(name: str, pages: int = 18) -> DocumentRecord:
    sha = sha_of(name)
    return DocumentRecord(sha[:16], sha, f"pdfs/{name}.pdf", pages, 0.42)


def load(writer: WarehouseWriter, name: str, **doc_args: object) -> DocumentRecord:
    record = record_for(name)
    doc = sample_document(**doc_args)
    finding = Finding(None, "table_total", "error", "合计 is not the sum", Decimal("1.00"), Decimal("2.00"))
    assert writer.load_document(record, document_frames(doc, record.document_id), [finding]) == 14
    return record


def counts(path: Path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608


def test_amounts_round_trip_exactly(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        record = load(writer, "a")
    with duckdb.connect(str(path), read_only=True) as con:
        rows = (
            con.sql(
                "SELECT amount_yuan, page, county, fiscal_year FROM v_budget_lines "
                "WHERE code IS NULL AND measure = 'total' AND table_type = 'expenditure'"
            )
            .to_arrow_table()
            .to_pylist()
        )
        docs = con.sql("SELECT * FROM v_documents").to_arrow_table().to_pylist()
    assert rows == [
        {"amount_yuan": Decimal("12345678.91"), "page": 7, "county": "白石县", "fiscal_year": 2024}
    ]
    (doc,) = docs
    assert (doc["document_id"], doc["status"], doc["reason"], doc["pages"]) == (
        record.document_id,
        "loaded",
        None,
        18,
    )
    assert doc["tables_found"] == ["expenditure", "basic_expenditure_economic", "government_fund_expenditure"]
    assert doc["amounts"] == 14 and doc["seconds"] == 0.42
    assert doc["table_reports"][2]["empty"] is True and doc["table_reports"][0]["pages"] == [7]


def contents(path: Path) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return (
            con.execute("SELECT * EXCLUDE (loaded_at) FROM v_documents").fetchall()
            + con.execute("SELECT * FROM v_budget_lines ORDER BY ALL").fetchall()
        )


def test_reloading_the_same_document_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        load(writer, "a")
        writer.finalize()
    before, rows_before = counts(path), contents(path)
    with WarehouseWriter(path) as writer:
        load(writer, "a")
        writer.finalize()
    assert counts(path) == before
    assert contents(path) == rows_before
    assert before["fact_budget_line"] == 14 and before["fact_document_status"] == 1


def test_reissue_supersedes_older_document_in_one_go(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        old = load(writer, "old", total=Decimal("100.00") + Decimal("1000.00"))
        new = load(writer, "new")
        other_year = load(writer, "2023", year=2023)
        assert writer.document_statuses() == {
            old.document_id: "superseded",
            new.document_id: "loaded",
            other_year.document_id: "loaded",
        }
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute(
            "SELECT count(*) FROM fact_budget_line WHERE document_id = ?", [old.document_id]
        ).fetchone() == (0,)
        assert con.execute("SELECT count(DISTINCT document_id) FROM v_budget_lines").fetchone() == (2,)
        assert con.execute(
            "SELECT status, reason, superseded_by FROM v_documents WHERE document_id = ?", [old.document_id]
        ).fetchone() == ("superseded", "superseded", new.document_id)
        history = con.execute(
            "SELECT status FROM fact_document_status WHERE document_id = ? ORDER BY changed_at",
            [old.document_id],
        ).fetchall()
        assert history == [("loaded",), ("superseded",)]
        assert con.execute("SELECT count(*) FROM v_dq_findings").fetchone() == (2,)


def test_quarantine_records_reason_and_removes_earlier_facts(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        record = load(writer, "a")
        writer.quarantine_document(record, ReasonClass.NO_TEXT_LAYER, "scanned pages only")
        assert writer.document_statuses() == {record.document_id: "quarantined"}
    with duckdb.connect(str(path), read_only=True) as con:
        row = con.execute("SELECT status, reason, message, tables_found, county FROM v_documents").fetchone()
        assert row == ("quarantined", "no_text_layer", "scanned pages only", [], None)
        assert con.execute("SELECT count(*) FROM fact_budget_line").fetchone() == (0,)


def test_failed_load_rolls_back_to_the_previous_state(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        record = load(writer, "a")
        frames = document_frames(
            sample_document(total=Decimal("5.00") + Decimal("1000.00")), record.document_id
        )
        frames.tables = frames.tables.drop(columns=["errors"])
        with pytest.raises(duckdb.BinderException, match="errors"):
            writer.load_document(record, frames, [])
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute(
            "SELECT amount_yuan FROM fact_budget_line WHERE code IS NULL AND measure = 'total'"
        ).fetchall() == [(Decimal("12345678.91"),)]


def test_missing_files_are_reported_not_deleted(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        a, b = load(writer, "a"), load(writer, "b", department="白石县卫生健康局")
        missing_sql = "SELECT document_id, missing_since FROM v_documents WHERE missing_since IS NOT NULL"
        writer.mark_missing([a.document_id])
        first = writer.con.execute(missing_sql).fetchall()
        assert [row[0] for row in first] == [a.document_id]
        writer.mark_missing(iter([a.document_id]))  # still missing: the first time seen missing stays
        assert writer.con.execute(missing_sql).fetchall() == first
        assert writer.document_statuses() == {a.document_id: "loaded", b.document_id: "loaded"}
        writer.mark_missing([])  # the file is back
        assert writer.con.execute(missing_sql).fetchall() == []
        writer.mark_missing([b.document_id])
        load(writer, "b", department="白石县卫生健康局")  # re-ingested: no longer missing
        assert writer.con.execute(missing_sql).fetchall() == []


def test_cross_document_findings_are_replaced_as_a_set(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        a = load(writer, "a")
        first = [Finding(a.document_id, "prior_year_change", "warn", "x", Decimal("1"), Decimal("3"))] * 2
        writer.replace_cross_document_findings(first)
        writer.replace_cross_document_findings(first[:1])
        rows = (
            writer.con.sql(
                'SELECT "check", expected_yuan, actual_yuan, scope FROM v_dq_findings ORDER BY scope'
            )
            .to_arrow_table()
            .to_pylist()
        )
    assert rows == [
        {
            "check": "prior_year_change",
            "expected_yuan": Decimal("1.00"),
            "actual_yuan": Decimal("3.00"),
            "scope": "cross_document",
        },
        {
            "check": "table_total",
            "expected_yuan": Decimal("1.00"),
            "actual_yuan": Decimal("2.00"),
            "scope": "document",
        },
    ]


def test_finalize_builds_dimensions_with_printed_names_per_year(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        load(writer, "a")
        load(writer, "b", year=2023)
        writer.finalize()
        con = writer.con
        assert con.execute("SELECT * FROM dim_fiscal_year ORDER BY 1").fetchall() == [(2023,), (2024,)]
        assert con.execute("SELECT * FROM dim_department ORDER BY fiscal_year").fetchall() == [
            ("白石县", "白石县教育局", 2023, "白石县教育局", "name"),
            ("白石县", "白石县教育局", 2024, "白石县教育局", "name"),
        ]
        assert con.execute(
            "SELECT name, level, parent_code, source FROM dim_classification "
            "WHERE scheme = 'functional' AND fiscal_year = 2024 AND code = '2050101'"
        ).fetchone() == ("行政运行", 3, "20501", "printed")
        assert con.execute(
            "SELECT name, level, parent_code, source FROM dim_classification "
            "WHERE scheme = 'economic' AND fiscal_year = 2023 AND code = '30101'"
        ).fetchone() == ("基本工资", 2, "301", "printed")
        assert con.execute(
            "SELECT source FROM dim_classification WHERE scheme = 'functional' AND fiscal_year = 2023 AND code = '206'"
        ).fetchone() == ("standard",)


def test_finalize_leaves_misread_codes_out_of_the_classification(tmp_path: Path) -> None:
    path = tmp_path / "w.duckdb"
    sha = sha_of("odd")
    doc = sample_document()
    doc.lines.append(BudgetLine("expenditure", "2050", "截断的编码", "total", Decimal("3.00"), 7))
    with WarehouseWriter(path) as writer:
        writer.load_document(DocumentRecord(sha[:16], sha, "odd.pdf"), document_frames(doc, sha[:16]), [])
        writer.finalize()
        assert writer.con.execute(
            "SELECT count(*) FROM dim_classification WHERE code = '2050'"
        ).fetchone() == (0,)
        assert writer.con.execute("SELECT count(*) FROM v_budget_lines WHERE code = '2050'").fetchone() == (
            1,
        )


def test_narrative_shares_stay_out_of_the_contract_view(tmp_path: Path) -> None:
    sha = sha_of("shares")
    doc = sample_document()
    doc.narrative.append(
        NarrativeMetric("share_pct:operating_cost:revenue_total", Decimal("13.19"), 4, "占13.19%")
    )
    with WarehouseWriter(tmp_path / "w.duckdb") as writer:
        writer.load_document(DocumentRecord(sha[:16], sha, "s.pdf"), document_frames(doc, sha[:16]), [])
        con = writer.con
        assert con.execute("SELECT metric, amount_yuan FROM v_narrative_metrics").fetchall() == [
            ("expenditure_total", Decimal("12345678.91"))
        ]
        assert con.execute(
            "SELECT metric, kind, amount_yuan, value FROM v_narrative_figures ORDER BY kind"
        ).fetchall() == [
            ("expenditure_total", "amount", Decimal("12345678.91"), None),
            ("share_pct:operating_cost:revenue_total", "share_pct", None, Decimal("13.19")),
        ]
