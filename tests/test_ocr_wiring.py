"""OCR wired into extraction: provenance per amount, proof by arithmetic, the warehouse columns, the
per-page time budget, and text documents that never reach the OCR engine (no rendering, no OCR)."""

from __future__ import annotations

import dataclasses
import time
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from checks import names
from checks.ocr_proof import ocr_proof, unproved_ocr_amounts
from extract.grid import grid_from_rows
from extract.image_pages import OcrTimeout, add_ocr_errors, merge_grids, time_budget
from extract.isolation import extract_many
from extract.limits import Limits
from extract.model import ExtractedDocument, TableReport
from extract.routing import PageRoute
from extract.stitch import stitch
from schemas.frames import document_frames
from tests.warehouse_fixtures import ensure_classification, sample_document, sha_of

ensure_classification()

from extract.assemble import table_lines  # noqa: E402
from warehouse.loader import DocumentRecord, WarehouseWriter  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "samples" / "pdfs"
TEXT_DOCUMENT = FIXTURES / "白石县" / "中共白石县委组织部" / "2024-budget.pdf"

HEADER = ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
ROWS = [
    ["", "合计", "300.00", "200.00", "100.00"],
    ["205", "教育支出", "300.00", "200.00", "100.00"],
    ["20501", "教育管理事务", "300.00", "200.00", "100.00"],
    ["2050101", "行政运行", "200.00", "200.00", ""],
    ["2050102", "一般行政管理事务", "100.00", "", "100.00"],
]


def ocr_table(rows: list[list[str]], confidence: float = 0.9):
    """An expenditure table as an OCR grid (every cell with ``confidence``), read into lines."""
    cells = [HEADER, *rows]
    grid = dataclasses.replace(
        grid_from_rows(7, cells), confidence=[[confidence] * len(HEADER) for _ in cells], top=700.0
    )
    route = PageRoute(7, [("expenditure", "部门支出总表")], unit="元")
    (table,) = stitch([route], {7: [grid]})
    return table_lines(table, "budget", 2024)


def ocr_document(rows: list[list[str]]):
    doc = sample_document()
    lines, report = ocr_table(rows)
    return dataclasses.replace(doc, lines=lines, tables=[report], ocr_pages=[7])


def test_lines_read_from_an_ocr_grid_carry_source_and_confidence() -> None:
    lines, report = ocr_table(ROWS, confidence=0.75)
    assert len(lines) == 13 and report.errors == []
    assert {(line.source, line.confidence) for line in lines} == {("ocr", 0.75)}
    text = table_lines(
        stitch(
            [PageRoute(7, [("expenditure", "部门支出总表")], unit="元")],
            {7: [grid_from_rows(7, [HEADER, *ROWS])]},
        )[0],
        "budget",
        2024,
    )[0]
    assert {(line.source, line.confidence) for line in text} == {("text", None)}
    assert text == lines  # provenance is not part of a line's identity


def test_every_ocr_amount_of_a_consistent_table_is_proved() -> None:
    doc = ocr_document(ROWS)
    proof = ocr_proof(doc)
    assert (proof.amounts, proof.proved, proof.unproved) == (13, 13, [])
    assert unproved_ocr_amounts(doc) == []


def test_a_misread_ocr_digit_is_flagged_naming_its_cells() -> None:
    misread = [row[:] for row in ROWS]
    misread[3][3] = "260.00"  # 行政运行 基本支出 200.00 read as 260.00: its row and its 款 no longer add up
    # (行政运行 合计 200.00 is still proved by the 款: 300.00 = 200.00 + 100.00)
    doc = ocr_document(misread)
    proof = ocr_proof(doc)
    assert (proof.amounts, proof.proved) == (13, 12)
    assert [(line.code, line.measure, line.amount_yuan) for line in proof.unproved] == [
        ("2050101", "basic", Decimal("260.00")),
    ]
    (finding,) = unproved_ocr_amounts(doc)
    assert (finding.check, finding.severity) == (names.OCR_UNPROVED, "warn")
    assert finding.message == (
        "expenditure: 1 amount(s) read by OCR that no identity confirms: "
        "page 7 2050101 行政运行 / basic = 260.00, confidence 0.90"
    )


def test_a_text_document_has_no_ocr_finding() -> None:
    assert unproved_ocr_amounts(sample_document()) == []
    assert ocr_proof(sample_document()).amounts == 0


def test_the_warehouse_records_provenance_and_ocr_pages(tmp_path: Path) -> None:
    doc = ocr_document(ROWS)
    sha = sha_of("ocr")
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        record = DocumentRecord(sha[:16], sha, "x/ocr.pdf", doc.pages, 1.0)
        writer.load_document(record, document_frames(doc, sha[:16]), [])
        writer.finalize()
    with duckdb.connect(str(path), read_only=True) as con:
        sources = con.execute(
            "SELECT source, min(confidence), max(confidence), count(*) FROM v_budget_lines GROUP BY source"
        ).fetchall()
        pages = con.execute("SELECT ocr_pages FROM v_documents").fetchall()
        described = [row[0] for row in con.execute("DESCRIBE v_budget_lines").fetchall()]
    assert sources == [("ocr", 0.9, 0.9, 13)]
    assert pages == [([7],)]
    assert described[-3:] == ["budget_unit", "source", "confidence"]


def test_a_text_document_loads_as_text(tmp_path: Path) -> None:
    doc = sample_document()
    sha = sha_of("text")
    path = tmp_path / "w.duckdb"
    with WarehouseWriter(path) as writer:
        writer.load_document(
            DocumentRecord(sha[:16], sha, "x/t.pdf", 18, 1.0), document_frames(doc, sha[:16]), []
        )
        writer.finalize()
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT DISTINCT source, confidence FROM v_budget_lines").fetchall() == [
            ("text", None)
        ]
        assert con.execute("SELECT ocr_pages FROM v_documents").fetchall() == [([],)]


def test_time_budget_interrupts_a_page_and_is_disarmed_after() -> None:
    started = time.perf_counter()
    with pytest.raises(OcrTimeout), time_budget(0.2):
        time.sleep(5)
    assert time.perf_counter() - started < 2
    with time_budget(0.1):
        pass
    time.sleep(0.3)  # no alarm left armed


def test_a_page_given_up_is_reported_on_its_table() -> None:
    tables = [
        TableReport("summary", "部门收支总表", [3], "万元"),
        TableReport("revenue", "部门收入总表", [5], "万元"),
    ]
    add_ocr_errors(tables, {6: "page 6: table image not read (OCR over 60 s)"})
    assert tables[0].errors == [] and tables[1].errors == ["page 6: table image not read (OCR over 60 s)"]


def test_ocr_grids_join_camelot_grids_top_first() -> None:
    low, high = grid_from_rows(3, [["a"]]), grid_from_rows(3, [["b"]])
    grids = {3: [dataclasses.replace(low, top=100.0)]}
    merge_grids(grids, {3: [dataclasses.replace(high, top=500.0)]})
    assert [grid.top for grid in grids[3]] == [500.0, 100.0]


@pytest.mark.skipif(not TEXT_DOCUMENT.exists(), reason="the committed sample fixtures are absent")
def test_a_text_document_never_reaches_the_ocr_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.image_pages as image_pages
    from extract.document import extract_document

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a text page was rendered for OCR")

    monkeypatch.setattr(image_pages, "render_page", refuse)
    monkeypatch.setattr(image_pages, "ocr_page_grids", refuse)
    doc = extract_document(TEXT_DOCUMENT)
    assert doc.ocr_pages == [] and len(doc.lines) > 300
    assert {line.source for line in doc.lines} == {"text"}


def announce_and_work(path: Path, limits: Limits):
    """Worker job standing in for a document of three OCR pages, each slower than the whole
    document's own limit allows for all three."""
    from extract import image_pages

    for _ in range(3):
        image_pages.announce_page(limits.ocr_seconds_per_page)
        time.sleep(4)
    return sample_document()


def test_each_announced_ocr_page_moves_the_worker_deadline(tmp_path: Path) -> None:
    path = tmp_path / "images.pdf"
    path.write_bytes(b"%PDF-1.4\n%%EOF\n")
    limits = Limits(seconds_per_document=10, ocr_seconds_per_page=10)
    outcome = extract_many([path], limits, workers=1, work=announce_and_work)[path]
    assert isinstance(outcome, ExtractedDocument), outcome
