"""Messy inputs (``pdfs/_messy/``): files a pipeline must quarantine with the right reason.

The two scans have no text layer, so extraction reads them by OCR (``extract/scanned.py``): the
scanned cover and 目录 of a budget give its identity but no table and no narrative (``no_tables``;
a whole scanned budget loads, see ``samplegen/scan.py``), the scanned meeting notice has no
部门预算/部门决算 title (``not_budget``).

Derived from documents of the corpus so that they look like the real thing; every file is
byte-reproducible (fixed encryption ids, invariant reportlab output).
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pypdf
import pypdfium2
from pypdf.generic import ArrayObject, ByteStringObject
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from extract.inventory import sha256_of
from extract.model import ReasonClass
from samplegen.render import FONT, register_font

MESSY = "pdfs/_messy"
FIXED_ID = ByteStringObject(b"county-budget-id")
NOTICE = (
    "关于召开全县安全生产工作会议的通知",
    "各乡镇人民政府，县直有关单位：",
    "经县人民政府同意，定于近期召开全县安全生产工作会议，现将有关事项通知如下。",
    "一、会议时间：另行通知。二、参会人员：各乡镇分管负责同志，县直有关单位主要负责同志。",
    "三、有关要求：请各单位高度重视，准时参会，不得缺席。",
)


def quarantined(outdir: Path, relative: str, reason: ReasonClass) -> dict:
    path = outdir / relative
    return {
        "file": relative,
        "sha256": sha256_of(path),
        "expected_status": "quarantined",
        "reason_class": reason.value,
        "county": None,
        "department": None,
        "fiscal_year": None,
        "phase": None,
        "title": None,
        "pages": None,
        "tables_present": [],
        "lines": [],
        "narrative": [],
        "targets": [],
        "expected_findings": [],
    }


def image_only(source: Path, target: Path, pages: int = 2) -> None:
    """A 'scan': each page is a grey picture of a real page (~86 dpi), with no text layer at all."""
    pdf = pypdfium2.PdfDocument(source)
    canvas = Canvas(str(target), pagesize=A4, invariant=1)
    try:
        for i in range(min(pages, len(pdf))):
            image = pdf[i].render(scale=1.2, grayscale=True).to_pil().convert("L")
            canvas.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
            canvas.showPage()
    finally:
        pdf.close()
    canvas.save()


def not_budget(target: Path) -> None:
    """A real text PDF that is not a disclosure (a meeting notice)."""
    register_font()
    canvas = Canvas(str(target), pagesize=A4, invariant=1)
    y = A4[1] - 90
    for n, line in enumerate(NOTICE):
        canvas.setFont(FONT, 18 if n == 0 else 12)
        canvas.drawString(60, y, line)
        y -= 36 if n == 0 else 24
    canvas.showPage()
    canvas.save()


def truncated(source: Path, target: Path) -> None:
    """The first 60% of a document: what an interrupted download leaves."""
    data = source.read_bytes()
    target.write_bytes(data[: len(data) * 6 // 10])


def encrypted(source: Path, target: Path) -> None:
    """Password-protected copy (RC4-128, fixed file id so the bytes are reproducible)."""
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(source))
    writer._ID = ArrayObject((FIXED_ID, FIXED_ID))
    writer.encrypt(user_password="open-2024", owner_password="owner-2024", algorithm="RC4-128")
    writer._ID = ArrayObject((FIXED_ID, FIXED_ID))
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())


def write_messy(outdir: Path, sources: list[str]) -> list[dict]:
    """Write the messy files from two loaded documents' paths (relative to ``outdir``).

    The duplicate is a byte copy next to its original, named to sort after it (pipelines keep
    the first of identical files in path order; ``_messy`` would sort before every county).
    """
    folder = outdir / MESSY
    folder.mkdir(parents=True, exist_ok=True)
    first, second = outdir / sources[0], outdir / sources[1]
    image_only(first, folder / "扫描件-预算公开.pdf")
    not_budget(folder / "会议通知.pdf")
    image_only(folder / "会议通知.pdf", folder / "扫描件-会议通知.pdf", pages=1)
    truncated(second, folder / "下载中断.pdf")
    encrypted(second, folder / "加密文件.pdf")
    (folder / "空文件.pdf").write_bytes(b"")
    (folder / "网页.pdf").write_bytes("<html><body>404 页面不存在</body></html>".encode())
    duplicate = sources[0].removesuffix(".pdf") + "（副本）.pdf"  # sorts after its original
    shutil.copyfile(first, outdir / duplicate)
    reasons = {
        "扫描件-预算公开.pdf": ReasonClass.NO_TABLES,  # its cover and 目录 only
        "扫描件-会议通知.pdf": ReasonClass.NOT_BUDGET,
        "会议通知.pdf": ReasonClass.NOT_BUDGET,
        "下载中断.pdf": ReasonClass.CORRUPT,
        "加密文件.pdf": ReasonClass.ENCRYPTED,
        "空文件.pdf": ReasonClass.NOT_PDF,
        "网页.pdf": ReasonClass.NOT_PDF,
    }
    truths = [quarantined(outdir, f"{MESSY}/{name}", reason) for name, reason in reasons.items()]
    return [*truths, quarantined(outdir, duplicate, ReasonClass.DUPLICATE)]
