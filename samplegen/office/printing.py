"""Print workbooks to PDF with LibreOffice headless, find the page of every printed amount, merge.

The pages in the truth are read back from the printed PDF (pypdfium2's text layer), never
guessed from row counts: LibreOffice decides the page breaks (row heights, print titles,
fit-to-width scaling).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium
from pypdf import PdfReader, PdfWriter

from samplegen.layout import Mark, TableSpec
from samplegen.money import printed
from samplegen.style import Style

INSTALL_HINT = (
    "LibreOffice is not installed (no `soffice` on PATH); the LibreOffice producer needs it: "
    "apt-get update && apt-get install -y libreoffice-calc-nogui fonts-wqy-zenhei"
)
TOKEN = re.compile(r"-?\d[\d,]*\.\d{2}(?!\d)")


class LibreOfficeMissing(RuntimeError):
    pass


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise LibreOfficeMissing(INSTALL_HINT)
    return found


def print_workbooks(workbooks: list[Path], outdir: Path, timeout: float = 900) -> list[Path]:
    """Convert every workbook to ``outdir/<stem>.pdf`` in one LibreOffice run (a private profile,
    so it neither needs nor disturbs a user's LibreOffice)."""
    binary = soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        command = [
            binary,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            *map(str, workbooks),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    pdfs = [outdir / f"{w.stem}.pdf" for w in workbooks]
    missing = [p.name for p in pdfs if not p.exists()]
    if done.returncode or missing:
        raise RuntimeError(f"soffice failed ({done.returncode}), missing {missing}: {done.stderr[-800:]}")
    return pdfs


def page_texts(pdf: Path) -> list[str]:
    document = pdfium.PdfDocument(str(pdf))
    try:
        texts = []
        for page in document:
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def printed_marks(specs: list[TableSpec], style: Style) -> list[tuple[Mark, str]]:
    """Every amount mark of the tables in print order, with its printed form (as in its row)."""
    out = []
    for spec in specs:
        for row in spec.rows:
            for mark in row.marks:
                shown = printed(Decimal(mark["amount_yuan"]), style.unit, style.thousands)
                if shown not in row.cells:
                    raise ValueError(f"{spec.title}: {shown} is not among the row's cells {row.cells}")
                out.append((mark, shown))
    return out


def stamp_pages(pdf: Path, marks: list[tuple[Mark, str]], offset: int, texts: list[str] | None = None) -> int:
    """Set ``mark["page"]`` (``offset`` + the 1-based page in ``pdf``) for every printed amount.

    Marks come in print order, so each is on the current page or a later one; a page's amounts
    (as a multiset) must be exactly the marks given to it, else the function raises: nothing is
    guessed. Returns the page count of ``pdf``. ``texts``: the pages' text when read another way.
    """
    pages = [Counter(TOKEN.findall(text)) for text in (page_texts(pdf) if texts is None else texts)]
    current = 0
    for mark, shown in marks:
        while current < len(pages) and not pages[current][shown]:
            if pages[current].total():
                raise ValueError(
                    f"{pdf.name}: page {current + 1} has unclaimed amounts {dict(pages[current])}"
                )
            current += 1
        if current == len(pages):
            raise ValueError(f"{pdf.name}: amount {shown} ({mark}) not found in print order")
        pages[current][shown] -= 1
        mark["page"] = offset + current + 1
    left = {n + 1: dict(+c) for n, c in enumerate(pages) if +c}
    if left:
        raise ValueError(f"{pdf.name}: amounts printed but not in the tables: {left}")
    return len(pages)


def page_count(pdf: Path) -> int:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def merge(parts: list[Path], target: Path) -> None:
    """Concatenate PDFs (narrative pages, printed tables, narrative pages) into ``target``; the
    document info is the printed tables' (LibreOffice's Producer)."""
    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    tables = PdfReader(str(parts[1 if len(parts) > 1 else 0]))
    if tables.metadata:  # Producer / Creator of the printed tables; no dates: same input, same bytes
        writer.add_metadata({k: str(v) for k, v in tables.metadata.items() if not k.endswith("Date")})
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        writer.write(handle)
