"""One disclosure document: its blocks (cover, 目录, parts, tables) and its truth record."""

from __future__ import annotations

import random
from collections.abc import Callable

from extract.registry import REGISTRY
from samplegen import tables_budget as tb
from samplegen import tables_final as tf
from samplegen.context import DocContext, cn_number
from samplegen.departments import Profile
from samplegen.layout import Block, PageBreak, Paragraph, Row, TableSpec
from samplegen.narrative import budget_paragraphs, final_paragraphs
from samplegen.style import BUDGET_ORDERS, FINAL_ORDERS
from samplegen.targets import performance_blocks

GLOSSARY = (
    "财政拨款收入：指本级财政当年拨付的资金。",
    "事业收入：指事业单位开展专业业务活动及其辅助活动取得的收入。",
    "基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。",
    "项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。",
    "“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。",
    "机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。",
)


def title_of(ctx: DocContext) -> str:
    """The normalised document title (what the truth and the identity reader expect)."""
    nian = "年度" if (ctx.style.title_variant == 1) != (ctx.phase == "final") else "年"
    return f"{ctx.department}{ctx.year}{nian}部门{'预算' if ctx.is_budget else '决算'}"


def cover(ctx: DocContext) -> list[Block]:
    title = title_of(ctx)
    tail = title.removeprefix(ctx.department)
    lines = [ctx.department, tail] if ctx.style.title_variant == 2 else [title]
    blocks: list[Block] = [Paragraph("", size=30, indent=False)] * 6
    blocks += [Paragraph(line, size=24, center=True, space_before=8) for line in lines]
    month = "二月" if ctx.is_budget else "九月"
    blocks.append(
        Paragraph(
            f"{cn_year(ctx.year + (0 if ctx.is_budget else 1))}年{month}",
            size=14,
            center=True,
            space_before=120,
        )
    )
    return blocks


def cn_year(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(year))


def table_builders(ctx: DocContext) -> dict[str, Callable[[DocContext, str], TableSpec]]:
    fund_leaves = [leaf for leaf in ctx.fin.leaves if leaf.fund]
    capital_leaves = [leaf for leaf in ctx.fin.leaves if leaf.capital]
    if ctx.is_budget:
        builders = {
            "summary": tb.summary,
            "revenue": tb.revenue,
            "expenditure": tb.expenditure,
            "fiscal_summary": tb.fiscal_summary,
            "general_budget_expenditure": tb.general_budget,
            "basic_expenditure_economic": tb.basic_economic,
            "three_public": tb.three_public,
            "government_fund_expenditure": lambda c, t: tb.fund_table(
                c, "government_fund_expenditure", t, fund_leaves, "政府性基金预算", "fund"
            ),
            "state_capital_expenditure": lambda c, t: tb.fund_table(
                c, "state_capital_expenditure", t, capital_leaves, "国有资本经营预算", "capital"
            ),
        }
        if ctx.style.with_projects and ctx.fin.projects:
            builders["project_expenditure"] = tb.projects
        if ctx.style.with_procurement and ctx.fin.procurement["total"]:
            builders["procurement"] = tb.procurement
        order = BUDGET_ORDERS[ctx.style.order]
    else:
        builders = tf.builders(ctx, fund_leaves, capital_leaves)
        order = FINAL_ORDERS[ctx.style.order]
    return {key: builders[key] for key in order if key in builders}


# From the table registry (extract/tables.toml): tables padded with blank rows, and their 注.
PADDED = tuple(spec.key for spec in REGISTRY.tables if spec.generator_padded)
TABLE_NOTES = {spec.key: spec.generator_note for spec in REGISTRY.tables if spec.generator_note}


def standard_tables(ctx: DocContext) -> list[TableSpec]:
    """The document's standard tables in its order; templates that annotate tables get a 注."""
    specs = []
    for n, (key, build) in enumerate(table_builders(ctx).items(), start=1):
        spec = build(ctx, ctx.numbered(ctx.table_title(key), n))
        if spec.note is None and ctx.style.table_notes:
            spec.note = TABLE_NOTES.get(key)
        if not spec.empty and key in PADDED:
            spec.rows += [Row([""] * len(spec.widths)) for _ in range(ctx.style.blank_rows)]
        specs.append(spec)
    return specs


def part_heading(text: str) -> Paragraph:
    return Paragraph(text, size=16, bold=True, center=True, space_before=10)


def overview(ctx: DocContext, profile: Profile, number: str) -> list[Block]:
    units = "、".join(profile.units)
    blocks: list[Block] = [
        PageBreak(),
        part_heading(f"第{number}部分 单位概况"),
        Paragraph("一、主要职能", indent=False),
    ]
    blocks += [Paragraph(f"（{cn_number(i + 1)}）{duty}") for i, duty in enumerate(profile.duties)]
    blocks += [
        Paragraph("二、机构设置", indent=False),
        Paragraph(f"{ctx.department}内设{units}等{len(profile.units)}个机构。"),
    ]
    return blocks


def glossary(number: str) -> list[Block]:
    blocks: list[Block] = [PageBreak(), part_heading(f"第{number}部分 名词解释")]
    return blocks + [Paragraph(f"（{cn_number(i + 1)}）{entry}") for i, entry in enumerate(GLOSSARY)]


def toc(ctx: DocContext, tables: list[TableSpec], parts: list[str]) -> list[Block]:
    blocks: list[Block] = [PageBreak(), Paragraph("目  录", size=18, center=True)]
    for part in parts:
        blocks.append(Paragraph(part, indent=False, space_before=4))
        if "表" in part and "说明" not in part:
            blocks += [Paragraph(spec.title, indent=True) for spec in tables]
            blocks += [
                Paragraph(ctx.numbered(ctx.table_title(key), len(tables) + n), indent=True)
                for n, key in enumerate(ctx.toc_extra, start=1)
            ]
    return blocks


def build_blocks(
    ctx: DocContext, profile: Profile, rng: random.Random
) -> tuple[list[Block], list[TableSpec]]:
    """All blocks of the document, and its standard tables (for the truth)."""
    tables = standard_tables(ctx)
    year, dept = ctx.year, ctx.department
    if ctx.is_budget:
        parts = [
            "第一部分 单位概况",
            f"第二部分 {year}年部门预算情况说明",
            "第三部分 名词解释",
            f"第四部分 {year}年部门预算公开表",
        ]
        narrative: list[Block] = [PageBreak(), part_heading(parts[1])]
        narrative += budget_paragraphs(ctx) + performance_blocks(ctx, rng)
        body = overview(ctx, profile, "一") + narrative + glossary("三")
        body += [PageBreak(), part_heading(parts[3]), *tables]
    else:
        parts = [
            f"第一部分 {dept}概况",
            f"第二部分 {dept}{year}年度部门决算表",
            f"第三部分 {dept}{year}年度部门决算情况说明",
            "第四部分 名词解释",
        ]
        body = overview(ctx, profile, "一") + [PageBreak(), part_heading(parts[1]), *tables]
        body += [PageBreak(), part_heading(parts[2]), *final_paragraphs(ctx)] + glossary("四")
    return cover(ctx) + toc(ctx, tables, parts) + body, tables
