"""extract_document refuses what it cannot load, with a reason class and the file's name."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extract.document import extract_document
from extract.model import QuarantineError, ReasonClass
from extract.settings import ExtractSettings

FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")


def _pdf(path: Path, pages: list[list[str]], draw_box: bool = False) -> Path:
    if not FONT.exists():
        pytest.skip(f"CJK font missing at {FONT} (make install provides fonts-wqy-zenhei)")
    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(FONT), subfontIndex=0))
    page = canvas.Canvas(str(path))
    for lines in pages:
        page.setFont("WQY", 14)
        for index, line in enumerate(lines):
            page.drawString(72, 760 - 24 * index, line)
        if draw_box:
            page.rect(72, 300, 300, 200, fill=1)
        page.showPage()
    page.save()
    return path


def _reason(path: Path, ocr: bool = True) -> QuarantineError:
    with pytest.raises(QuarantineError) as caught:
        extract_document(path, ExtractSettings(run_narrative=False, ocr_tables=ocr))
    return caught.value


def test_a_pdf_without_text_is_read_by_ocr_and_is_not_a_budget(tmp_path):
    error = _reason(_pdf(tmp_path / "scan.pdf", [[], []], draw_box=True))
    assert error.reason is ReasonClass.NOT_BUDGET
    assert error.message == (
        "scan.pdf: no text layer, and no 部门预算/部门决算 title read by OCR on its first 2 pages"
    )


def test_a_pdf_without_text_has_no_text_layer_when_ocr_is_off(tmp_path):
    error = _reason(_pdf(tmp_path / "scan.pdf", [[], []], draw_box=True), ocr=False)
    assert error.reason is ReasonClass.NO_TEXT_LAYER
    assert error.message == "scan.pdf: no text layer (scanned or image-only PDF) and OCR is off"


def test_text_without_budget_title_is_not_budget(tmp_path):
    error = _reason(
        _pdf(
            tmp_path / "minutes.pdf",
            [["白石县教育局会议纪要", "2024年3月5日，局党组召开会议，研究部署全年工作。"]],
        )
    )
    assert error.reason is ReasonClass.NOT_BUDGET
    assert error.message == "minutes.pdf: no 部门预算/部门决算 title on its first 3 pages"


def test_budget_without_any_standard_table_is_no_tables(tmp_path):
    pages = [
        ["白石县教育局", "2024年部门预算"],
        ["第一部分 部门概况", "一、主要职能", "负责全县教育工作的统筹管理。"],
    ]
    error = _reason(_pdf(tmp_path / "no-tables.pdf", pages))
    assert error.reason is ReasonClass.NO_TABLES
    assert error.message == "no-tables.pdf: no standard table title and no narrative figure found"
