"""A scanned document (form b) through ``countybudget ingest``: preflight lets it pass, a killable
worker reads every page by OCR, and the warehouse shows its lines as ``source = 'ocr'`` and its
pages in ``v_documents.ocr_pages``."""

from __future__ import annotations

import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium

from extract.inventory import document_id
from samplegen.scan import FIXTURE_DIR, FIXTURE_FILE
from samplegen.truth import truth_name
from tests.ingest_harness import run_ingest
from warehouse.publish import connect_published

TRUTH = json.loads((FIXTURE_DIR / "truth" / truth_name(FIXTURE_FILE)).read_text(encoding="utf-8"))


def cover_and_summary(target: Path) -> Path:
    """The fixture's cover and its 部门收支总表 page (pages 1 and 3), images as scanned."""
    source = pdfium.PdfDocument(str(FIXTURE_DIR / FIXTURE_FILE))
    scan = pdfium.PdfDocument.new()
    try:
        scan.import_pages(source, [0, 2])
        target.parent.mkdir(parents=True)
        scan.save(str(target))
    finally:
        scan.close()
        source.close()
    return target


def test_a_scanned_document_loads_through_ingest_with_ocr_provenance(tmp_path: Path) -> None:
    pdf = cover_and_summary(tmp_path / "inbox" / "白石县" / "scan.pdf")
    published = tmp_path / "out" / "warehouse.duckdb"
    published.parent.mkdir()

    done = run_ingest([tmp_path / "inbox"], published, tmp_path / "home")

    assert done.returncode == 0, done.stdout + done.stderr
    con = connect_published(published)
    try:
        document = con.execute(
            "SELECT status, reason, department, fiscal_year, phase, ocr_pages FROM v_documents "
            "WHERE document_id = ?",
            [document_id(pdf)],
        ).fetchone()
        lines = con.execute(
            "SELECT table_type, code, item, measure, amount_yuan, page, source, confidence "
            "FROM v_budget_lines WHERE document_id = ?",
            [document_id(pdf)],
        ).fetchall()
    finally:
        con.close()
    assert document == ("loaded", None, "中共白石县委组织部", 2024, "budget", [1, 2])
    expected = Counter(
        (row["table_type"], row["code"], row["item"], row["measure"], Decimal(row["amount_yuan"]), 2)
        for row in TRUTH["lines"]
        if row["page"] == 3
    )
    assert Counter(line[:6] for line in lines) == expected  # 34 amounts, every one exact
    assert len(lines) == 34
    assert {line[6] for line in lines} == {"ocr"}
    assert all(0.9 <= line[7] <= 1.0 for line in lines)
