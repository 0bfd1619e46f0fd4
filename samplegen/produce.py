"""Render one department's documents (all years, both phases) and return their truth records.

One job per department keeps the years of a department together (比上年 needs last year's
numbers) and lets a process pool render departments in parallel.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.inventory import sha256_of
from samplegen.context import DocContext
from samplegen.departments import profile as profile_by_key
from samplegen.document import build_blocks, title_of
from samplegen.generate import add_carryover, department_finances
from samplegen.layout import Block, TableSpec
from samplegen.plants import known_warnings, plant
from samplegen.render import Renderer
from samplegen.style import draw_style
from samplegen.truth import collect


@dataclass(frozen=True)
class DepartmentJob:
    outdir: str
    county: str
    profile_key: str
    years: tuple[int, ...]
    unit: str
    seed: str  # string seed: reproducible across processes and PYTHONHASHSEED
    plants: tuple[tuple[int, str, str], ...] = field(default=())  # (year, phase, check name)


def pdf_relative(county: str, folder: str, year: int, phase: str) -> str:
    """Where a document lives: one folder per department (named once: renames keep the folder)."""
    return f"pdfs/{county}/{folder}/{year}-{phase}.pdf"


def render_document(ctx: DocContext, blocks_rng: random.Random, outdir: Path, profile_key: str) -> dict:
    """Render one document of a department profile and return its truth."""
    profile = profile_by_key(profile_key)
    blocks, tables = build_blocks(ctx, profile, blocks_rng)
    return write_document(ctx, blocks, tables, outdir, profile.name(ctx.county, 0))


def write_document(
    ctx: DocContext, blocks: list[Block], tables: list[TableSpec], outdir: Path, folder: str
) -> dict:
    """Render ``blocks`` under ``outdir``; the truth comes from the very marks the renderer stamped."""
    relative = pdf_relative(ctx.county, folder, ctx.year, ctx.phase)
    path = outdir / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    style = ctx.style
    pages = Renderer(path, style.kangxi, style.labels, style.footer, style.spaced).render(blocks)
    return truth_record(ctx, blocks, tables, relative, path, pages)


def truth_record(
    ctx: DocContext, blocks: list[Block], tables: list[TableSpec], relative: str, path: Path, pages: int
) -> dict:
    """The truth of one loaded document, from the marks its renderer stamped (both producers)."""
    lines, narrative, targets = collect(blocks)
    return {
        "file": relative,
        "sha256": sha256_of(path),
        "expected_status": "loaded",
        "reason_class": None,
        "county": ctx.county,
        "department": ctx.department,
        "fiscal_year": ctx.year,
        "phase": ctx.phase,
        "title": title_of(ctx),
        "pages": pages,
        "tables_present": [spec.key for spec in tables],
        "lines": lines,
        "narrative": narrative,
        "targets": targets,
        "expected_findings": ctx.findings,
    }


def document_contexts(job: DepartmentJob) -> Iterator[tuple[DocContext, random.Random]]:
    """Every document of a department job, in order: its context (numbers, style, plants) and the
    random source its blocks are built from. Shared by the reportlab and LibreOffice producers."""
    rng = random.Random(job.seed)
    profile = profile_by_key(job.profile_key)
    finances = department_finances(profile, list(job.years), job.unit, rng)
    for (year, phase), fin in sorted(finances.items()):
        if phase == "budget":
            add_carryover(fin, random.Random(f"{job.seed}:{year}:carryover"))
        style = draw_style(random.Random(f"{job.seed}:{year}:{phase}:style"), job.unit, phase)
        ctx = DocContext(job.county, profile.name(job.county, year), year, phase, fin, style, profile.kind)
        for plant_year, plant_phase, check in job.plants:
            if (plant_year, plant_phase) == (year, phase):
                plant(ctx, check)
        ctx.findings += known_warnings(ctx)
        yield ctx, random.Random(f"{job.seed}:{year}:{phase}:blocks")


def run_job(job: DepartmentJob) -> list[dict]:
    return [
        render_document(ctx, blocks_rng, Path(job.outdir), job.profile_key)
        for ctx, blocks_rng in document_contexts(job)
    ]
