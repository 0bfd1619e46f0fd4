"""The LibreOffice producer's corpus and its committed fixture set (tests/fixtures/libreoffice).

    python -m samplegen.office OUTDIR [--size demo|full] [--seed N]   every document of the plan
    python -m samplegen.office --fixtures                             refresh the fixture set

Same layout as ``countybudget make-samples`` (``OUTDIR/pdfs``, ``OUTDIR/truth``), without the
seed document and the files to quarantine. The merged PDF carries no dates, so the same
LibreOffice version prints the same bytes (another version may break pages differently).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from samplegen.context import DocContext
from samplegen.corpus import plan
from samplegen.office.document import finish, prepare
from samplegen.office.layout import OfficeLayout, draw_layout
from samplegen.office.printing import LibreOfficeMissing, print_workbooks, soffice
from samplegen.produce import DepartmentJob, document_contexts
from samplegen.truth import write_truth

FIXTURE_DIR = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "libreoffice"
# (county, profile key, year, phase): the layout each fixture document is printed with. Between
# them they cover every choice of OfficeLayout; the default layout is the plain baseline.
FIXTURES: dict[tuple[str, str, int, str], OfficeLayout] = {
    ("青山县", "education", 2023, "budget"): OfficeLayout(code_split=False, landscape_wide=True),
    ("白石县", "education", 2024, "budget"): OfficeLayout(code_split=True, tall_rows=True),
    ("白石县", "education", 2024, "final"): OfficeLayout(vertical_rules=False, code_split=False),
    ("青山县", "hospital", 2023, "budget"): OfficeLayout(group_small=True, two_label_lines=True),
    ("青山县", "finance", 2023, "final"): OfficeLayout(
        title_in_grid=True, two_label_lines=True, landscape_wide=True, footer="第 &P 页，共 &N 页"
    ),
    ("白石县", "organisation", 2024, "budget"): OfficeLayout(
        vertical_rules=False, code_split=True, tall_rows=True
    ),
    ("青山县", "housing", 2024, "budget"): OfficeLayout(print_titles=False, tall_rows=True, page_header=True),
    ("白石县", "science", 2022, "final"): OfficeLayout(
        group_small=True, vertical_rules=False, landscape_wide=False, footer="- &P -"
    ),
    ("白石县", "hospital", 2024, "budget"): OfficeLayout(code_split=True, landscape_wide=True),
    ("青山县", "education", 2022, "budget"): OfficeLayout(
        title_in_grid=True, page_header=True, code_split=True, landscape_wide=False
    ),
}


def selected(
    jobs: list[DepartmentJob],
    choose: dict[tuple[str, str, int, str], Any] | None,
    draw: Callable[[DepartmentJob, DocContext], Any],
) -> Iterator[tuple[DepartmentJob, DocContext, random.Random, Any]]:
    """The documents to print: those of ``choose`` (with their layouts), or all with layouts from
    ``draw`` (each producer draws its own kind of layout). Shared by the LibreOffice and browser
    producers."""
    for job in jobs:
        wanted = {k[2:]: v for k, v in (choose or {}).items() if k[:2] == (job.county, job.profile_key)}
        if choose is not None and not wanted:
            continue
        for ctx, blocks_rng in document_contexts(job):
            key = (ctx.year, ctx.phase)
            if choose is None:
                layout = draw(job, ctx)
            elif key in wanted:
                layout = wanted[key]
            else:
                continue
            yield job, ctx, blocks_rng, layout


def _office_layout(seed: int) -> Callable[[DepartmentJob, DocContext], OfficeLayout]:
    def draw(job: DepartmentJob, ctx: DocContext) -> OfficeLayout:
        key = (ctx.year, ctx.phase)
        return draw_layout(random.Random(f"{seed}:{job.county}:{job.profile_key}:{key}:office"))

    return draw


def write_office_corpus(
    outdir: Path, size: str = "demo", seed: int = 2024, choose: dict | None = None
) -> list[dict]:
    """Print the chosen documents (all by default) into ``outdir`` and write their truth."""
    soffice()  # fail before any work when LibreOffice is absent
    started = time.perf_counter()
    outdir = Path(outdir)
    for sub in ("pdfs", "truth"):
        shutil.rmtree(outdir / sub, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="office-") as tmp:
        work = Path(tmp)
        pending = [
            prepare(ctx, rng, job.profile_key, layout, work / "parts")
            for job, ctx, rng, layout in selected(plan(outdir, size, seed), choose, _office_layout(seed))
        ]
        pdfs = print_workbooks([p.parts[1] for p in pending], work / "printed")
        truths = [finish(p, pdf, outdir) for p, pdf in zip(pending, pdfs, strict=True)]
    for truth in truths:
        write_truth(outdir / "truth", truth)
    print(
        f"make-samples (LibreOffice): {len(truths)} documents in {outdir} "
        f"({time.perf_counter() - started:.1f} s)"
    )
    return truths


def producer_main(
    argv: list[str] | None,
    prog: str,
    doc: str,
    write: Callable[..., list[dict]],
    fixture_dir: Path,
    fixtures: dict,
    missing: type[Exception],
) -> int:
    """The command line of a producer: ``OUTDIR [--size] [--seed]`` or ``--fixtures``; exit 2 with the
    install hint when its program (``missing``) is absent."""
    parser = argparse.ArgumentParser(prog=prog, description=doc.split("\n")[0])
    parser.add_argument("outdir", nargs="?", type=Path, help="corpus folder (pdfs/, truth/)")
    parser.add_argument("--size", default="demo", choices=("demo", "full"))
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--fixtures", action="store_true", help=f"refresh {fixture_dir}")
    args = parser.parse_args(argv)
    if not args.fixtures and args.outdir is None:
        parser.error("give OUTDIR or --fixtures")
    try:
        if args.fixtures:
            write(fixture_dir, "demo", 2024, fixtures)
        else:
            write(args.outdir, args.size, args.seed)
    except missing as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    return producer_main(
        argv,
        "python -m samplegen.office",
        __doc__,
        write_office_corpus,
        FIXTURE_DIR,
        FIXTURES,
        LibreOfficeMissing,
    )
