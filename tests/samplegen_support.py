"""One demo corpus per test session, shared by the samplegen test modules (generated once)."""

from __future__ import annotations

import atexit
import functools
import json
import shutil
import tempfile
from decimal import Decimal
from pathlib import Path

import pypdfium2

from extract.text import squash
from samplegen.corpus import write_corpus


@functools.cache
def demo_corpus_dir() -> Path:
    outdir = Path(tempfile.mkdtemp(prefix="samplegen-demo-"))
    atexit.register(shutil.rmtree, outdir, True)
    write_corpus(outdir, size="demo", seed=2024)
    return outdir


def load_truths(outdir: Path) -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((outdir / "truth").glob("*.json"))]


def loaded(outdir: Path) -> list[dict]:
    return [t for t in load_truths(outdir) if t["expected_status"] == "loaded"]


def truth_of(outdir: Path, relative_pdf: str) -> dict:
    return next(t for t in load_truths(outdir) if t["file"] == relative_pdf)


def raw_page_texts(path: Path) -> list[str]:
    """pypdfium2's text of each page, as the text layer holds it (no normalisation)."""
    pdf = pypdfium2.PdfDocument(path)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def page_texts(path: Path) -> list[str]:
    """Page texts NFKC-normalised (radicals folded) without whitespace."""
    return [squash(text) for text in raw_page_texts(path)]


def printed_forms(amount_yuan: str) -> set[str]:
    """How an amount can be printed: in 万元 or 元, with or without thousands separators."""
    yuan = Decimal(amount_yuan)
    forms = set()
    for value in (yuan, yuan / 10000):
        if value == value.quantize(Decimal("0.01")):
            forms |= {f"{value:.2f}", f"{value:,.2f}"}
    return forms
