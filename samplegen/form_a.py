"""The form (a) corpus: a few demo documents and the seed with every standard table a screenshot.

Written by ``make-samples`` next to the text corpus, as its own corpus (``OUTDIR/form_a/pdfs``,
``OUTDIR/form_a/truth``): the same documents exist in the text corpus, and one warehouse keeps
one document per county / department / year / phase (a second copy would supersede the first).
``make run`` ingests it into its own warehouse and scores it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from samplegen.corpus import plan
from samplegen.departments import profile as profile_by_key
from samplegen.document import build_blocks
from samplegen.produce import document_contexts
from samplegen.screenshots import write_screenshot_document
from samplegen.seed_document import write_seed_document
from samplegen.truth import write_truth

FORM_A = "form_a"
# (county, profile key, year, phase): a party organ budget (planted narrative_percentage), the
# finance bureau's final accounts (planted summary_balance), a hospital budget (事业收入, 上级补助 …).
DOCUMENTS = (
    ("白石县", "organisation", 2024, "budget"),
    ("白石县", "finance", 2024, "final"),
    ("青山县", "hospital", 2023, "budget"),
)


def write_form_a(outdir: Path, seed: int = 2024) -> list[dict]:
    """Write the form (a) corpus under ``outdir / 'form_a'``; returns its truths."""
    root = Path(outdir) / FORM_A
    shutil.rmtree(root, ignore_errors=True)
    truths = []
    for job in plan(root, "demo", seed):
        wanted = {
            (year, phase)
            for county, key, year, phase in DOCUMENTS
            if (county, key) == (job.county, job.profile_key)
        }
        if not wanted:
            continue
        profile = profile_by_key(job.profile_key)
        for ctx, blocks_rng in document_contexts(job):
            if (ctx.year, ctx.phase) in wanted:
                blocks, tables = build_blocks(ctx, profile, blocks_rng)
                folder = profile.name(ctx.county, 0)
                truths.append(write_screenshot_document(ctx, blocks, tables, root, folder))
    truths.append(write_seed_document(root, write_screenshot_document))
    for truth in truths:
        write_truth(root / "truth", truth)
    return truths
