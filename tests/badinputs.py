"""Generate one file per bad-input class (never downloaded), plus hostile worker functions.

Each case names the reason class it must be quarantined with. Minimal PDFs are written by hand
(exact control over streams, nesting and line lengths); the text and image PDFs use reportlab with
the WenQuanYi font so Chinese text has a real text layer.
"""

from __future__ import annotations

import io
import random
import shutil
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from extract.limits import MIB, Limits
from extract.model import ExtractedDocument, ReasonClass

FONT_PATH = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
REAL_PDFS = Path(__file__).resolve().parents[2] / "shared" / "real-pdfs"
BOMB_INFLATED_BYTES = 1 << 30  # the decompression bomb inflates to 1 GiB of zeros
SMALL_FILE_LIMITS = Limits(max_bytes=2 * MIB)


@dataclass(frozen=True)
class BadInput:
    name: str
    path: Path
    reason: ReasonClass
    limits: Limits = Limits()  # the over-size case uses a low max_bytes


def raw_pdf(
    content: bytes = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET",
    page_extra: bytes = b"",
    content_dict: bytes = b"",
) -> bytes:
    """A one-page PDF with a correct xref, a Helvetica text line, and room for hostile parts."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + page_extra + b" >>",
        b"<< /Length %d " % len(content) + content_dict + b">>\nstream\n" + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_pdf(lines: list[str], pages: int = 1) -> bytes:
    """A reportlab PDF with Chinese text lines on each page (a real text layer)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("WQY", FONT_PATH, subfontIndex=0))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        pdf.setFont("WQY", 12)
        for row, line in enumerate(lines):
            pdf.drawString(60, 780 - 20 * row, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    """A 'scan': one page that is a single image, no text objects at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(image)
    for row in range(40, 760, 24):
        draw.rectangle((40, row, 560, row + 10), fill=random.Random(row).randint(0, 120))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawImage(ImageReader(image), 0, 0, width=595, height=842)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def blank_pages_pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for _ in range(pages):
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(text_pdf(["通城县教育局2024年部门预算"])))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def bomb_pdf() -> bytes:
    """A page whose FlateDecode content stream inflates to 1 GiB of zeros (about 1 MB on disk)."""
    deflater = zlib.compressobj(9)
    zeros = bytes(16 * MIB)
    body = b"".join(deflater.compress(zeros) for _ in range(BOMB_INFLATED_BYTES // len(zeros)))
    return raw_pdf(content=body + deflater.flush(), content_dict=b"/Filter /FlateDecode ")


def oversized_pdf() -> bytes:
    """A valid text PDF made 3 MiB by comment lines of noise in its content stream (limit 2 MiB)."""
    noise = random.Random(7).randbytes(3 * MIB).translate(bytes.maketrans(b"\r\n", b"  "))
    comments = b"\n".join(b"%" + noise[i : i + 4096] for i in range(0, len(noise), 4096))
    return raw_pdf(
        content=b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n" + comments.replace(b"endstream", b"endstreaX")
    )


NOT_BUDGET_LINES = [
    "通城县2024年文化旅游节活动方案",
    "一、活动时间：2024年10月1日至7日",
    "二、活动地点：隽水镇人民广场及各景区",
    "三、活动内容：非遗展演、美食市集、登山比赛和摄影展。",
]
NO_TABLES_LINES = [
    "通城县教育局2024年部门预算",
    "第一部分 单位概况",
    "一、主要职能：负责全县教育事业发展规划、学校管理和教师队伍建设等工作。",
    "二、机构设置：局机关内设股室八个，下属学校四十二所。",
    "第二部分 预算情况说明",
    "本部门预算公开表格另行发布，本文件仅含文字说明。",
]

BUILDERS: dict[str, tuple[ReasonClass, Callable[[], bytes]]] = {
    "not_pdf.pdf": (ReasonClass.NOT_PDF, lambda: b"<html><body>404 Not Found</body></html>\n"),
    "zero_byte.pdf": (ReasonClass.NOT_PDF, lambda: b""),
    "truncated.pdf": (
        ReasonClass.CORRUPT,
        lambda: (lambda d: d[: len(d) // 2])(text_pdf(["通城县教育局"] * 5)),
    ),
    "corrupt.pdf": (
        ReasonClass.CORRUPT,
        lambda: (
            b"%PDF-1.7\n" + random.Random(3).randbytes(20000).replace(b"stream", b"strean") + b"\n%%EOF\n"
        ),
    ),
    "encrypted.pdf": (ReasonClass.ENCRYPTED, encrypted_pdf),
    # no text layer: read by OCR (extract/scanned.py), which finds no 部门预算/部门决算 title
    "scanned_no_text.pdf": (ReasonClass.NOT_BUDGET, image_only_pdf),
    "not_budget.pdf": (ReasonClass.NOT_BUDGET, lambda: text_pdf(NOT_BUDGET_LINES)),
    "no_tables.pdf": (ReasonClass.NO_TABLES, lambda: text_pdf(NO_TABLES_LINES, pages=3)),
    "too_many_pages.pdf": (ReasonClass.TOO_LARGE, lambda: blank_pages_pdf(2000)),
    "decompression_bomb.pdf": (ReasonClass.TOO_LARGE, bomb_pdf),
    "deeply_nested.pdf": (
        ReasonClass.TOO_LARGE,
        lambda: raw_pdf(page_extra=b"/Nest " + b"[" * 5000 + b"]" * 5000),
    ),
    "very_long_line.pdf": (
        ReasonClass.TOO_LARGE,
        lambda: raw_pdf(page_extra=b"/Long (" + b"A" * (3 * MIB // 2) + b")"),
    ),
}


def write_bad_inputs(folder: Path) -> list[BadInput]:
    """Every bad-input class as a file in ``folder`` (including an over-size file and a duplicate)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = []
    for name, (reason, build) in BUILDERS.items():
        path = folder / name
        path.write_bytes(build())
        cases.append(BadInput(name, path, reason))
    oversized = folder / "over_size_limit.pdf"
    oversized.write_bytes(oversized_pdf())
    cases.append(BadInput(oversized.name, oversized, ReasonClass.TOO_LARGE, SMALL_FILE_LIMITS))
    return cases


def write_duplicate_pair(folder: Path, source: Path) -> tuple[Path, Path]:
    """Two files with the same bytes as ``source``: the second must be quarantined as duplicate."""
    folder.mkdir(parents=True, exist_ok=True)
    first, second = folder / "a_original.pdf", folder / "z_copy_of_original.pdf"
    shutil.copyfile(source, first)
    shutil.copyfile(source, second)
    return first, second


# Hostile workers for extract_many(work=...): module level so the worker process can import them.
def hang_forever(path: Path, limits: Limits) -> ExtractedDocument:
    while True:
        time.sleep(1)


def allocate_past_limit(path: Path, limits: Limits) -> ExtractedDocument:
    hoard = bytearray(limits.memory_bytes)  # the address space already in use pushes this over
    raise AssertionError(f"allocated {len(hoard)} bytes despite the memory limit")


def exit_abruptly(path: Path, limits: Limits) -> ExtractedDocument:
    import os

    os._exit(3)


def preflight_only(path: Path, limits: Limits) -> ExtractedDocument:
    """Preflight then a stand-in document, to test isolation without the extractor."""
    from extract.model import DocumentIdentity
    from extract.preflight import preflight

    preflight(path, limits)
    return ExtractedDocument(DocumentIdentity("通城县", "通城县教育局", 2024, "budget", path.name), pages=1)


def raise_value_error(path: Path, limits: Limits) -> ExtractedDocument:
    raise ValueError(f"cannot read {path.name}")


BEHAVIOUR_BY_PREFIX: dict[str, Callable[[Path, Limits], ExtractedDocument]] = {
    "hang": hang_forever,
    "greedy": allocate_past_limit,
    "crash": exit_abruptly,
    "broken": raise_value_error,
}


def behave_by_name(path: Path, limits: Limits) -> ExtractedDocument:
    """A worker whose behaviour the file name picks (hang_*, greedy_*, crash_*, broken_*), else preflight."""
    behaviour = BEHAVIOUR_BY_PREFIX.get(path.name.split("_")[0], preflight_only)
    return behaviour(path, limits)
