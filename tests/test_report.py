"""The HTML comparison report over a real warehouse file: exact amounts, charts, findings, quarantines."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from checks.findings import Finding
from extract.model import ReasonClass
from schemas.frames import document_frames
from tests.warehouse_fixtures import ensure_classification, sample_document, sha_of

ensure_classification()

from analyst.report import write_report  # noqa: E402
from warehouse.loader import DocumentRecord, WarehouseWriter  # noqa: E402


def record_for(name: str) -> DocumentRecord:
    sha = sha_of(name)
    return DocumentRecord(sha[:16], sha, f"pdfs/{name}.pdf", 18, 0.5)


def build_warehouse(path: Path) -> None:
    with WarehouseWriter(path) as writer:
        for year, total in ((2023, Decimal("1234567.89")), (2024, Decimal("12345678.91"))):
            record = record_for(f"edu-{year}")
            finding = Finding(
                None, "table_total", "error", "合计 is not the sum", Decimal("1.00"), Decimal("2.00")
            )
            writer.load_document(
                record, document_frames(sample_document(total, year=year), record.document_id), [finding]
            )
        writer.quarantine_document(
            record_for("scan"), ReasonClass.NO_TEXT_LAYER, "scan.pdf: no page has a text layer"
        )
        writer.finalize()


def test_report_shows_each_department_year_exactly(tmp_path: Path) -> None:
    warehouse = tmp_path / "warehouse.duckdb"
    build_warehouse(warehouse)
    out = tmp_path / "report.html"

    write_report(out, warehouse)

    html = out.read_text(encoding="utf-8")
    assert '<div class="chart" id="chart-0"></div>' in html  # the county's trend chart
    assert "<h3>白石县</h3>" in html
    assert (
        '<td>白石县教育局</td><td class="num">2023</td><td>budget</td><td class="num">1,234,567.89</td>'
        in html
    )
    assert (
        '<td>白石县教育局</td><td class="num">2024</td><td>budget</td><td class="num">12,345,678.91</td>'
        in html
    )
    assert html.count('<td>table_total</td><td>error</td><td class="num">1</td></tr>') == 2  # one per year
    assert "<td>pdfs/scan.pdf</td><td>no_text_layer</td>" in html
    # self-contained: the charts' JavaScript is inlined, nothing is fetched
    assert re.search(r"<script[^>]*\bsrc=", html) is None
    assert re.search(r"<link[^>]*\bhref=", html) is None
