"""A small generated corpus for the comparison views: samplegen's numbers, loaded without rendering.

The sample generator decides every figure of a department's documents (all years, both phases) and
its truth lists them; here those truths are loaded straight into a warehouse (no PDF, no extraction:
the views are under test, not the reader), so a test can compute each view's rows from the truth.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import shutil
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from extract.model import BudgetLine, DocumentIdentity, ExtractedDocument, NarrativeMetric, TableReport
from samplegen.departments import profile as profile_by_key
from samplegen.document import build_blocks
from samplegen.produce import DepartmentJob, document_contexts
from samplegen.truth import collect
from schemas.frames import document_frames
from warehouse.loader import DocumentRecord, WarehouseWriter

COUNTIES = ("白石县", "青山县")
PROFILES = ("science", "housing", "education")
YEARS = (2022, 2023, 2024)
# (region, name, valid_from, valid_to, key): the rename of 白石县's science bureau and the split of its
# housing bureau; 青山县's rename is left without an alias on purpose.
ALIASES: list[tuple[str, str, int | None, int | None, str]] = [
    ("白石县", "白石县科学技术局", None, 2023, "白石县科学技术和经济信息化局"),
    ("白石县", "白石县城市管理局", 2024, None, "白石县住房和城乡建设局"),
]


def truths(county: str, profile_key: str, years: tuple[int, ...] = YEARS) -> Iterator[dict]:
    """The truth of every document of one department (as ``samplegen.produce`` would write it)."""
    unit = "元" if profile_key == "housing" else "万元"
    job = DepartmentJob("unused", county, profile_key, years, unit, f"2024:{county}:{profile_key}")
    profile = profile_by_key(profile_key)
    for ctx, blocks_rng in document_contexts(job):
        blocks, tables = build_blocks(ctx, profile, blocks_rng)
        lines, narrative, _ = collect(blocks)
        yield {
            "county": ctx.county,
            "department": ctx.department,
            "fiscal_year": ctx.year,
            "phase": ctx.phase,
            "tables_present": [spec.key for spec in tables],
            "lines": lines,
            "narrative": narrative,
        }


def corpus() -> list[dict]:
    """2 counties x 3 departments x 3 years x 2 phases, then three changes a real region goes through:
    - 白石县's 科学技术局 is renamed 科学技术和经济信息化局 in 2024 (samplegen's own rename);
    - 白石县's 住房和城乡建设局 is split in 2024: a new 城市管理局 takes over 青山县's housing figures;
    - 青山县's 教育局 publishes no 2024 budget.
    """
    docs = [t for county in COUNTIES for key in PROFILES for t in truths(county, key)]
    split = [
        dict(t, county="白石县", department="白石县城市管理局")
        for t in docs
        if t["county"] == "青山县"
        and t["department"] == "青山县住房和城乡建设局"
        and t["fiscal_year"] == 2024
    ]
    docs = [
        t
        for t in docs
        if not (t["department"] == "青山县教育局" and t["fiscal_year"] == 2024 and t["phase"] == "budget")
    ]
    return docs + split


def extracted(truth: dict) -> ExtractedDocument:
    word = "部门预算" if truth["phase"] == "budget" else "部门决算"
    identity = DocumentIdentity(
        truth["county"],
        truth["department"],
        truth["fiscal_year"],
        truth["phase"],
        f"{truth['department']}{truth['fiscal_year']}年{word}",
        region_level="county",
    )
    lines = [
        BudgetLine(
            x["table_type"],
            x["code"],
            x["item"],
            x["measure"],
            Decimal(x["amount_yuan"]),
            x.get("page", 1),
            x.get("budget_unit"),
        )
        for x in truth["lines"]
    ]
    narrative = [
        NarrativeMetric(n["metric"], Decimal(n["amount_yuan"]), n.get("page", 1)) for n in truth["narrative"]
    ]
    pages = max([x.page for x in lines] + [n.page for n in narrative] + [1])
    tables = [TableReport(key, key, [1], "元") for key in truth["tables_present"]]
    return ExtractedDocument(identity, pages, lines, tables, list(truth["tables_present"]), narrative)


def document_id(truth: dict) -> str:
    name = f"{truth['county']}|{truth['department']}|{truth['fiscal_year']}|{truth['phase']}"
    return hashlib.sha256(name.encode()).hexdigest()[:16]


def build(path: Path, docs: list[dict], aliases: Path | None = None) -> None:
    """Load ``docs`` into a new warehouse at ``path`` and finalise it (dimensions, views, findings)."""
    with WarehouseWriter(path) as writer:
        for truth in docs:
            key = document_id(truth)
            doc = extracted(truth)
            record = DocumentRecord(key, key * 4, f"{key}.pdf", doc.pages, 0.0)
            writer.load_document(record, document_frames(doc, key), [])
        writer.finalize(aliases)


@functools.cache
def built_warehouse() -> Path:
    """The corpus with ALIASES, built once per test session (removed at exit)."""
    folder = Path(tempfile.mkdtemp(prefix="analyst-views-"))
    atexit.register(shutil.rmtree, folder, True)
    (folder / "aliases").mkdir()
    rows = "".join(f"{r},{n},{low or ''},{high or ''},{k}\n" for r, n, low, high, k in ALIASES)
    (folder / "aliases" / "test.csv").write_text(
        "region,name,valid_from,valid_to,key\n" + rows, encoding="utf-8"
    )
    build(folder / "w.duckdb", corpus(), folder / "aliases")
    return folder / "w.duckdb"
