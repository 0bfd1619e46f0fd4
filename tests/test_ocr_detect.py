"""page_needs_ocr: a page that is one picture, or a table pasted as a picture under a text title, needs
OCR; a page whose table is text, or whose only picture is a small logo, does not."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from extract.ocr.page_image import OcrSettings, page_needs_ocr


def _table_picture(width: int = 800, height: int = 500) -> Image.Image:
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for y in range(0, height, 50):
        draw.line([(0, y), (width - 1, y)], fill=0, width=2)
    for x in (0, 300, 550, width - 2):
        draw.line([(x, 0), (x, height - 1)], fill=0, width=2)
    return image


@pytest.fixture(scope="module")
def pdf(tmp_path_factory) -> Path:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path_factory.mktemp("ocr-detect") / "pictures.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    picture = ImageReader(_table_picture())
    # 1: a scan, the whole page one picture, no text at all
    canvas.drawImage(picture, 0, 0, width=width, height=height)
    canvas.showPage()
    # 2: a text title and unit line, the table pasted below as a picture
    canvas.setFont("STSong-Light", 16)
    canvas.drawString(200, height - 80, "一般公共预算支出表")
    canvas.setFont("STSong-Light", 10)
    canvas.drawString(60, height - 110, "部门：某某县科学技术局")
    canvas.drawString(width - 140, height - 110, "单位：万元")
    canvas.drawImage(picture, 50, height - 500, width=width - 100, height=380)
    canvas.showPage()
    # 3: a text table, no picture
    canvas.setFont("STSong-Light", 10)
    for row in range(30):
        canvas.drawString(60, height - 100 - 20 * row, f"20601{row:02d} 行政运行 {row * 11}.00 {row * 7}.00")
    canvas.showPage()
    # 4: a text page with a small logo picture
    canvas.drawImage(picture, 60, height - 120, width=80, height=50)
    canvas.setFont("STSong-Light", 10)
    canvas.drawString(60, height - 160, "第一部分 单位概况")
    canvas.showPage()
    # 5: a picture with the table's text over it (a scan with an OCR text layer): no OCR needed
    canvas.drawImage(picture, 0, 0, width=width, height=height)
    for row in range(20):
        canvas.drawString(60, height - 100 - 20 * row, f"2060101 行政运行 {row * 11}.00")
    canvas.showPage()
    canvas.save()
    return path


def test_page_needs_ocr(pdf):
    document = pdfium.PdfDocument(str(pdf))
    try:
        assert [page_needs_ocr(document[i]) for i in range(len(document))] == [
            True,
            True,
            False,
            False,
            False,
        ]
    finally:
        document.close()


def test_page_needs_ocr_on_generated_text_table_page():
    import tempfile

    from samplegen.seed_document import write_seed_document

    with tempfile.TemporaryDirectory() as folder:
        truth = write_seed_document(Path(folder))
        document = pdfium.PdfDocument(str(Path(folder) / truth["file"]))
        try:
            pages = sorted({line["page"] for line in truth["lines"]})
            assert [page_needs_ocr(document[page - 1]) for page in pages] == [False] * len(pages)
        finally:
            document.close()


def test_settings_validate():
    with pytest.raises(ValueError, match="engine must be one of"):
        OcrSettings(engine="paddle")
    with pytest.raises(ValueError, match="dpi must be between 50 and 600"):
        OcrSettings(dpi=20)
