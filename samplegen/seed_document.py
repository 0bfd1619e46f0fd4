"""The seed department rebuilt: 通城县科学技术和经济信息化局 2024 budget.

Its narrative is the real text (``seed/tongcheng-keji-2024-budget.txt``, one printed line per
line, one page per page); its tables carry the text's self-consistent figures (total 1793.33
万元, 基本 606.93, 项目 1186.40, the 14 机关运行经费 items, 三公 0.67 all reception). The three real
contradictions of the text stay, as expected findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from importlib import resources
from pathlib import Path

from checks import names
from extract.text import squash
from samplegen.context import DocContext
from samplegen.document import cover, table_builders, toc
from samplegen.finance import ZERO, Finances, Leaf, ThreePublic
from samplegen.layout import Block, PageBreak, Paragraph
from samplegen.plants import finding
from samplegen.produce import write_document
from samplegen.style import Style

COUNTY, DEPARTMENT, YEAR = "通城县", "通城县科学技术和经济信息化局", 2024
W = Decimal(10000)


def wan(text: str) -> Decimal:
    return (Decimal(text) * W).quantize(Decimal("0.01"))


LEAVES = (  # (code, personnel, public, project) in 万元
    ("2060101", "449.96", "43.76", "0"),
    ("2060102", "0", "0", "55.40"),
    ("2060499", "0", "0", "931.00"),
    ("2080505", "45.60", "0", "0"),
    ("2080506", "18.24", "0", "0"),
    ("2101101", "16.32", "0", "0"),
    ("2150805", "0", "0", "200.00"),
    ("2210201", "33.05", "0", "0"),
)
ECONOMIC = {  # 人员经费 563.17 and the text's 14 机关运行经费 items (43.76)
    "30101": "150.12",
    "30102": "160.30",
    "30103": "40.20",
    "30107": "92.40",
    "30108": "45.60",
    "30109": "18.24",
    "30110": "16.32",
    "30113": "33.05",
    "30199": "6.94",
    "30201": "1.54",
    "30202": "0.28",
    "30205": "0.28",
    "30206": "1.4",
    "30207": "0.98",
    "30209": "0.56",
    "30213": "0.28",
    "30215": "0.28",
    "30216": "0.28",
    "30217": "0.67",
    "30228": "7.56",
    "30229": "5.6",
    "30239": "11.28",
    "30299": "12.77",
}
METRICS = (  # (metric, anchor in the text, figure after it) in reading order
    ("revenue_total", "收入预算总额", "1793.33"),
    ("revenue_change", "比上年增加", "39.78"),
    ("expenditure_total", "支出预算总额", "1793.33"),
    ("basic_expenditure", "基本保障支出", "606.93"),
    ("project_expenditure", "项目支出", "1186.4"),
    ("operating_cost", "机关运行经费预算", "43.76"),
    ("three_public_total", "“三公”经费预算", "0.67"),
    ("outbound", "因公出国（境）费用", "0"),
    ("vehicle_operation", "公务用车运行维护费", "0"),
    ("vehicle_purchase", "公务用车购置费", "0"),
    ("reception", "3、公务接待费", "0.67"),
    ("procurement_total", "政府采购预算", "0"),
    ("procurement_goods", "货物类采购预算", "56.2"),
    ("procurement_services", "服务类采购预算", "0"),
)
STYLE = Style(
    unit="万元",
    code_split=False,
    zero="",
    thousands=False,
    repeat_header=True,
    landscape_wide=True,
    loose_rows=False,
    kangxi=False,
    title_variant=0,
    order="standard",
    full_class_list=True,
    merged_header=True,
    total_first=True,
    prior_three_public=False,
    numbering=1,
    with_projects=False,
    with_procurement=False,
)


def seed_finances() -> Finances:
    leaves = [Leaf(code, personnel=wan(p), public=wan(u), project=wan(j)) for code, p, u, j in LEAVES]
    return Finances(
        "万元",
        leaves,
        {c: wan(a) for c, a in ECONOMIC.items()},
        ThreePublic(ZERO, ZERO, ZERO, wan("0.67")),
        [],
        prior_total=wan("1753.55"),
    )


def seed_pages() -> list[list[str]]:
    """The seed text as printed pages of lines (page breaks are runs of blank lines)."""
    text = resources.files("samplegen.seed").joinpath("tongcheng-keji-2024-budget.txt").read_text("utf-8")
    pages = re.split(r"\n\s*\n\s*\n\s*\n", text)
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]


def seed_targets() -> list[tuple[int, dict]]:
    """(printed line, target) of the seed's performance-target rows (``seed/targets.txt``).

    The seed prints its 绩效目标 tables as text lines (as its text layer has them); the data file
    names, for each indicator row, the line where its target value begins. A row whose value is not
    on that line (the text changed) fails here rather than giving a wrong truth.
    """
    data = resources.files("samplegen.seed").joinpath("targets.txt").read_text("utf-8")
    flat = [line for page in seed_pages() for line in page]
    found = []
    for record in data.splitlines()[1:]:
        line, scope, project, level1, level2, level3, text = record.split("\t")
        here = squash(flat[int(line)] + (flat[int(line) + 1] if int(line) + 1 < len(flat) else ""))
        if not 0 <= here.find(text) < len(squash(flat[int(line)])):
            raise ValueError(f"seed target {text!r} is not printed on line {line}")
        target = {
            "scope": scope,
            "project": project or None,
            "level1": level1 or None,
            "level2": level2 or None,
            "level3": level3 or None,
            "target_text": text,
        }
        found.append((int(line), target))
    return found


def narrative_blocks() -> list[Block]:
    """One paragraph per printed line; each stated figure marked where the text states it."""
    pages = seed_pages()
    flat = [line for page in pages for line in page]
    joined = "\n".join(flat)
    starts = [0]
    for line in flat:
        starts.append(starts[-1] + len(line) + 1)
    marks: dict[int, list[tuple[int, dict]]] = {}
    cursor = 0
    for metric, anchor, figure in METRICS:
        at = joined.index(figure, joined.index(anchor, cursor) + len(anchor))
        cursor = at
        line_no = max(i for i, start in enumerate(starts) if start <= at)
        marks.setdefault(line_no, []).append(
            (at - starts[line_no], {"metric": metric, "amount_yuan": f"{wan(figure):.2f}"})
        )
    for line_no, target in seed_targets():
        marks.setdefault(line_no, []).append((0, target))
    blocks: list[Block] = []
    n = 0
    for page in pages:
        blocks.append(PageBreak())
        for line in page:
            blocks.append(Paragraph(line, indent=False, marks=marks.get(n, [])))
            n += 1
    return blocks


def expected_findings() -> list[dict]:
    return [
        finding(names.NARRATIVE_VS_PROJECTS, wan("255.4"), wan("1186.4"), metric="project_expenditure"),
        finding(
            names.NARRATIVE_PERCENTAGE,
            wan("43.76"),
            (wan("1793.33") * Decimal("0.1319")).quantize(Decimal("0.01")),
            metric="operating_cost",
        ),
        finding(names.NARRATIVE_PARTS, wan("56.2"), ZERO, metric="procurement_total"),
    ]


def write_seed_document(outdir: Path, write: Callable[..., dict] = write_document) -> dict:
    """Render the seed sample and return its truth (``write``: the producer, e.g. form (a))."""
    ctx = DocContext(
        COUNTY, DEPARTMENT, YEAR, "budget", seed_finances(), STYLE, "admin", findings=expected_findings()
    )
    tables = [
        build(ctx, ctx.numbered(ctx.table_title(key), n))
        for n, (key, build) in enumerate(table_builders(ctx).items(), start=1)
    ]
    parts = [
        "第一部分 单位概况",
        "第二部分 2024 年部门预算编制情况及说明",
        "第三部分 名词解释",
        "第四部分 2024 年部门预算公开表",
    ]
    blocks = cover(ctx) + toc(ctx, tables, parts) + narrative_blocks() + tables
    return write(ctx, blocks, tables, outdir, DEPARTMENT)
