"""Performance-target tables of budgets (部门整体绩效目标表, 项目绩效目标表), with truth targets.

Level-1/level-2 labels are merged cells over the rows of their group (printed once, no ruling
line between the rows); the truth repeats them on every row.
"""

from __future__ import annotations

import random

from extract.text import normalise_label, squash
from samplegen.context import DocContext
from samplegen.layout import HeaderCell, Paragraph, Row, TableSpec
from samplegen.money import printed_text

DEPARTMENT_ROWS = (
    ("产出指标", "数量指标", "{unit_name}重点工作任务数量", "{n}项"),
    ("产出指标", "质量指标", "任务完成合格率", "100%"),
    ("产出指标", "时效指标", "工作完成及时率", "{pct}%"),
    ("效益指标", "社会效益指标", "促进{field}事业发展", "有效"),
    ("效益指标", "可持续影响指标", "持续期限", "{years}年"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "{sat}%以上"),
)
PROJECT_ROWS = (
    ("产出指标", "数量指标", "{project}覆盖对象数量", "{n}{counter}"),
    ("产出指标", "质量指标", "资金使用合规率", "100%"),
    ("产出指标", "时效指标", "资金拨付及时率", "{pct}%"),
    ("产出指标", "成本指标", "人均补助标准", "{cost}元/月"),
    ("效益指标", "社会效益指标", "政策知晓率", "{aware}%"),
    ("满意度指标", "服务对象满意度指标", "受益对象满意度", "{sat}%以上"),
)


def _values(rng: random.Random, ctx: DocContext, project: str | None) -> dict[str, object]:
    return {
        "unit_name": "年度",
        "n": rng.randint(5, 160),
        "pct": rng.choice([95, 98, 100]),
        "field": ctx.department.removeprefix(ctx.county),
        "years": rng.choice([1, 3, 5]),
        "sat": rng.choice([85, 90, 95]),
        "project": project or "",
        "counter": rng.choice(["人", "户", "家", "个"]),
        "cost": rng.choice([100, 200, 300, 500]),
        "aware": rng.choice([80, 85, 90]),
    }


def target_table(
    ctx: DocContext, title: str, scope: str, project: str | None, rng: random.Random
) -> TableSpec:
    values = _values(rng, ctx, project)
    templates = DEPARTMENT_ROWS if scope == "department" else PROJECT_ROWS
    rows, last = [], (None, None)
    for level1, level2, level3, target in templates:
        l3, text = level3.format(**values), target.format(**values)
        shown1 = level1 if level1 != last[0] else ""
        shown2 = level2 if (level1, level2) != last else ""
        last = (level1, level2)
        mark = {
            "scope": scope,
            "project": project,
            "level1": normalise_label(level1),
            "level2": normalise_label(level2),
            "level3": normalise_label(l3),
            "target_text": squash(text),
        }
        continues = {col for col, shown in ((0, shown1), (1, shown2)) if not shown}
        rows.append(Row([shown1, shown2, l3, text], [mark], continues=continues))
    header = [
        HeaderCell("一级指标", 0, 0),
        HeaderCell("二级指标", 0, 1),
        HeaderCell("三级指标", 0, 2),
        HeaderCell("指标值", 0, 3),
    ]
    return TableSpec(
        None, title, None, [1.2, 1.6, 3.2, 1.4], header, rows, ["c", "c", "l", "c"], font_size=9.0
    )


def performance_blocks(ctx: DocContext, rng: random.Random) -> list[Paragraph | TableSpec]:
    """The 绩效 section: the department table and one table per large project."""
    blocks: list[Paragraph | TableSpec] = [
        Paragraph(f"{ctx.year}年度部门整体绩效目标表", bold=True, indent=False, space_before=6),
        target_table(ctx, f"{ctx.department}{ctx.year}年部门整体绩效目标表", "department", None, rng),
    ]
    biggest = sorted(ctx.fin.projects, key=lambda p: (-p.annual_budget, p.name))[:2]
    for project in biggest:
        amount = printed_text(project.annual_budget, ctx.style.unit)
        blocks.append(target_table(ctx, f"{project.name}项目绩效目标表", "project", project.name, rng))
        blocks[-1].note = f"项目名称：{project.name}；申报金额：{amount}{ctx.style.unit}"
    return blocks
