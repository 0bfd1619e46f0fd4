"""One document from the LibreOffice producer: reportlab narrative pages around the spreadsheet-
printed table pages, and its truth in the same format as the reportlab producer's.

A document is built in two steps so that one LibreOffice run prints every workbook of a batch:
``prepare`` (narrative PDFs and the .xlsx) and ``finish`` (page stamping, merging, truth).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from samplegen.context import DocContext
from samplegen.departments import profile as profile_by_key
from samplegen.document import build_blocks, title_of
from samplegen.layout import Block, Paragraph, TableSpec
from samplegen.office.layout import OfficeLayout
from samplegen.office.printing import merge, page_count, printed_marks, stamp_pages
from samplegen.office.workbook import groups, write_workbook
from samplegen.produce import pdf_relative, truth_record
from samplegen.render import Renderer


@dataclass
class Pending:
    """A document whose narrative parts are rendered and whose workbook awaits printing."""

    ctx: DocContext
    layout: OfficeLayout
    blocks: list[Block]
    tables: list[TableSpec]
    relative: str
    parts: tuple[Path | None, Path, Path | None]  # narrative before, workbook, narrative after
    before_pages: int
    after_blocks: list[Block]


def split_blocks(blocks: list[Block]) -> tuple[list[Block], list[TableSpec], list[Block]]:
    """(narrative before the standard tables, the standard tables, narrative after them)."""
    at = [i for i, b in enumerate(blocks) if isinstance(b, TableSpec) and b.key]
    first, last = at[0], at[-1]
    tables = [b for b in blocks[first : last + 1] if isinstance(b, TableSpec)]
    if len(tables) != last - first + 1:
        raise ValueError("the standard tables are expected to be printed together")
    return blocks[:first], tables, blocks[last + 1 :]


def render_part(ctx: DocContext, blocks: list[Block], path: Path) -> int:
    style = ctx.style
    return Renderer(path, style.kangxi, style.labels, style.footer, style.spaced).render(blocks)


def prepare(
    ctx: DocContext, blocks_rng: random.Random, profile_key: str, layout: OfficeLayout, work: Path
) -> Pending:
    """Build the document's blocks (the same builders as the reportlab producer), render the
    narrative parts with reportlab and write the tables' workbook."""
    layout.restyle(ctx)
    profile = profile_by_key(profile_key)
    blocks, tables = build_blocks(ctx, profile, blocks_rng)
    before, printed, after = split_blocks(blocks)
    if [t.key for t in printed] != [t.key for t in tables]:
        raise ValueError("the printed tables differ from the document's standard tables")
    relative = pdf_relative(ctx.county, profile.name(ctx.county, 0), ctx.year, ctx.phase)
    stem = relative.removeprefix("pdfs/").removesuffix(".pdf").replace("/", "__")
    work.mkdir(parents=True, exist_ok=True)
    before_pdf = work / f"{stem}.before.pdf"
    before_pages = render_part(ctx, before, before_pdf)
    after_pdf = None
    if after:
        after_pdf = work / f"{stem}.after.pdf"
        render_part(ctx, after, after_pdf)
    xlsx = write_workbook(work / f"{stem}.xlsx", tables, layout, ctx.style.labels, title_of(ctx))
    return Pending(ctx, layout, blocks, tables, relative, (before_pdf, xlsx, after_pdf), before_pages, after)


def shift_pages(blocks: list[Block], offset: int) -> None:
    """Narrative marks rendered in a separate PDF move to their page in the merged document."""
    for block in blocks:
        if isinstance(block, Paragraph):
            for _, mark in block.marks:
                mark["page"] += offset
        elif isinstance(block, TableSpec):
            for row in block.rows:
                for mark in row.marks:
                    mark["page"] += offset


def finish(pending: Pending, tables_pdf: Path, outdir: Path) -> dict:
    """Stamp the table pages from the printed PDF, merge the parts and return the truth."""
    ctx = pending.ctx
    in_print_order = [spec for group in groups(pending.tables, pending.layout) for spec in group]
    marks = printed_marks(in_print_order, ctx.style)
    table_pages = stamp_pages(tables_pdf, marks, pending.before_pages)
    before_pdf, _, after_pdf = pending.parts
    shift_pages(pending.after_blocks, pending.before_pages + table_pages)
    path = outdir / pending.relative
    merge([p for p in (before_pdf, tables_pdf, after_pdf) if p is not None], path)
    return truth_record(ctx, pending.blocks, pending.tables, pending.relative, path, page_count(path))
