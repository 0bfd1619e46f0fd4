"""The sample corpus: ``OUTDIR/pdfs/**.pdf`` and ``OUTDIR/truth/*.json`` (see docs/corpus.md)."""

from __future__ import annotations

import random
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from checks import names
from samplegen.departments import PROFILES
from samplegen.messy import write_messy
from samplegen.plants import ROUNDING
from samplegen.produce import DepartmentJob, run_job
from samplegen.seed_document import write_seed_document
from samplegen.truth import write_truth

SIZES = {
    # counties, department profiles per county, years
    "demo": (("白石县", "青山县"), 6, (2022, 2023, 2024)),
    "full": (("白石县", "青山县", "临江市", "东岭区", "乌兰旗", "南溪县"), 9, (2020, 2021, 2022, 2023, 2024)),
}
# (county index, profile key, year, phase, check): the planted inconsistencies of every corpus size.
PLANTS = (
    (0, "finance", 2024, "final", names.SUMMARY_BALANCE),
    (0, "organisation", 2024, "budget", names.NARRATIVE_PERCENTAGE),
    (1, "education", 2024, "budget", names.PRIOR_YEAR_CHANGE),
    (1, "housing", 2023, "budget", names.NARRATIVE_VS_TABLE),
    (0, "science", 2023, "budget", names.TOC_TABLE_MISSING),
    (0, "education", 2022, "budget", ROUNDING),  # no finding: within the 0.01 tolerance
    (1, "finance", 2024, "budget", ROUNDING),
)


def plan(outdir: Path, size: str, seed: int) -> list[DepartmentJob]:
    """One job per (county, department); units and plants are decided here, reproducibly."""
    counties, per_county, years = SIZES[size]
    rng = random.Random(f"{seed}:plan")
    jobs = []
    for c, county in enumerate(counties):
        for profile in PROFILES[:per_county]:
            unit = "元" if rng.random() < 0.3 else "万元"
            plants = tuple(
                (y, ph, check) for ci, key, y, ph, check in PLANTS if (ci, key) == (c, profile.key)
            )
            jobs.append(
                DepartmentJob(
                    str(outdir), county, profile.key, years, unit, f"{seed}:{county}:{profile.key}", plants
                )
            )
    return jobs


def generate(jobs: list[DepartmentJob], workers: int) -> list[dict]:
    if workers <= 1:
        return [truth for job in jobs for truth in run_job(job)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return [truth for truths in pool.map(run_job, jobs) for truth in truths]


def write_corpus(outdir: Path, size: str = "demo", seed: int = 2024, workers: int = 2) -> None:
    """Write the corpus (replacing any earlier ``pdfs/`` and ``truth/`` under ``outdir``)."""
    if size not in SIZES:
        raise ValueError(f"size must be one of {sorted(SIZES)}, not {size!r}")
    outdir = Path(outdir)
    started = time.perf_counter()
    for sub in ("pdfs", "truth"):
        shutil.rmtree(outdir / sub, ignore_errors=True)
    truths = generate(plan(outdir, size, seed), workers)
    sources = sorted(t["file"] for t in truths if t["phase"] == "budget")
    truths += write_messy(outdir, [sources[0], sources[1]])
    truths.append(write_seed_document(outdir))
    for truth in truths:
        write_truth(outdir / "truth", truth)
    loaded = sum(t["expected_status"] == "loaded" for t in truths)
    from samplegen.form_a import FORM_A, write_form_a  # it plans with this module's plan()

    form_a = write_form_a(outdir, seed)
    print(
        f"make-samples: {loaded} documents and {len(truths) - loaded} files to quarantine in "
        f"{outdir}, and {len(form_a)} with their tables as screenshots in {outdir / FORM_A} "
        f"({time.perf_counter() - started:.1f} s)"
    )
