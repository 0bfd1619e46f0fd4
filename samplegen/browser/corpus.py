"""The browser producer's corpus and its committed fixture set (tests/fixtures/browser).

    python -m samplegen.browser OUTDIR [--size demo|full] [--seed N]   every document of the plan
    python -m samplegen.browser --fixtures                             refresh the fixture set

A document: reportlab narrative pages around its standard tables, which are written as one HTML
page and printed by headless Chromium. Same layout and truth format as ``countybudget
make-samples`` (``OUTDIR/pdfs``, ``OUTDIR/truth``); the truth's pages of the printed amounts are
read back from the printed PDF (``samplegen.office.printing.stamp_pages``), never guessed.
"""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pypdf import PdfReader

from samplegen.browser.html import report_html
from samplegen.browser.layout import BrowserLayout, draw_layout
from samplegen.browser.printing import ChromiumMissing, chromium, print_html
from samplegen.context import DocContext
from samplegen.corpus import plan
from samplegen.departments import profile as profile_by_key
from samplegen.document import build_blocks, title_of
from samplegen.office.corpus import producer_main, selected
from samplegen.office.document import render_part, shift_pages, split_blocks
from samplegen.office.printing import merge, page_count, printed_marks, stamp_pages
from samplegen.produce import DepartmentJob, pdf_relative, truth_record
from samplegen.truth import write_truth

FIXTURE_DIR = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "browser"
# (county, profile key, year, phase): the layout each fixture document is printed with; between
# them they cover every choice of BrowserLayout.
FIXTURES: dict[tuple[str, str, int, str], BrowserLayout] = {
    ("青山县", "education", 2023, "budget"): BrowserLayout(),
    ("白石县", "education", 2024, "final"): BrowserLayout(vertical_rules=False, flow=True, zebra=True),
    ("青山县", "hospital", 2023, "budget"): BrowserLayout(caption_title=True, repeat_header=False),
    ("青山县", "finance", 2023, "final"): BrowserLayout(letter_spaced=True, landscape_wide=False, flow=True),
    ("白石县", "organisation", 2024, "budget"): BrowserLayout(
        vertical_rules=False, caption_title=True, letter_spaced=True
    ),
    ("白石县", "science", 2022, "final"): BrowserLayout(
        zebra=True, repeat_header=False, landscape_wide=False
    ),
}


def document(
    ctx: DocContext, rng: random.Random, profile_key: str, layout: BrowserLayout, outdir: Path, work: Path
) -> dict:
    """Render, print, merge one document into ``outdir``; return its truth."""
    ctx.style = replace(ctx.style, landscape_wide=layout.landscape_wide)
    profile = profile_by_key(profile_key)
    blocks, tables = build_blocks(ctx, profile, rng)
    before, printed, after = split_blocks(blocks)
    relative = pdf_relative(ctx.county, profile.name(ctx.county, 0), ctx.year, ctx.phase)
    stem = relative.removeprefix("pdfs/").removesuffix(".pdf").replace("/", "__")
    before_pdf, after_pdf = work / f"{stem}.before.pdf", work / f"{stem}.after.pdf"
    before_pages = render_part(ctx, before, before_pdf)
    html = work / f"{stem}.html"
    html.write_text(report_html(printed, layout, ctx.style.labels, title_of(ctx)), encoding="utf-8")
    tables_pdf = print_html(html, work / f"{stem}.tables.pdf")
    texts = [page.extract_text() for page in PdfReader(tables_pdf).pages]  # not pdfium: see docs/corpus.md
    table_pages = stamp_pages(tables_pdf, printed_marks(printed, ctx.style), before_pages, texts)
    parts = [before_pdf, tables_pdf]
    if after:
        render_part(ctx, after, after_pdf)
        shift_pages(after, before_pages + table_pages)
        parts.append(after_pdf)
    path = outdir / relative
    merge(parts, path)
    return truth_record(ctx, blocks, tables, relative, path, page_count(path))


def write_browser_corpus(
    outdir: Path, size: str = "demo", seed: int = 2024, choose: dict | None = None
) -> list[dict]:
    """Print the chosen documents (all by default, each with a drawn layout) into ``outdir``."""
    chromium()  # fail before any work when Chromium is absent
    started = time.perf_counter()
    outdir = Path(outdir)
    for sub in ("pdfs", "truth"):
        shutil.rmtree(outdir / sub, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="browser-") as tmp:
        truths = [
            document(ctx, rng, job.profile_key, layout, outdir, Path(tmp))
            for job, ctx, rng, layout in selected(plan(outdir, size, seed), choose, _browser_layout(seed))
        ]
    for truth in truths:
        write_truth(outdir / "truth", truth)
    print(
        f"make-samples (browser): {len(truths)} documents in {outdir} ({time.perf_counter() - started:.1f} s)"
    )
    return truths


def _browser_layout(seed: int) -> Callable[[DepartmentJob, DocContext], BrowserLayout]:
    def draw(job: DepartmentJob, ctx: DocContext) -> BrowserLayout:
        key = (job.county, job.profile_key, ctx.year, ctx.phase)
        return draw_layout(random.Random(f"{seed}:{key}:browser"))

    return draw


def main(argv: list[str] | None = None) -> int:
    return producer_main(
        argv,
        "python -m samplegen.browser",
        __doc__,
        write_browser_corpus,
        FIXTURE_DIR,
        FIXTURES,
        ChromiumMissing,
    )
