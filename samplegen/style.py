"""Per-document presentation choices: the variation the extractor must survive."""

from __future__ import annotations

import random
from dataclasses import dataclass

from extract.model import TABLE_TYPES


def three_public_last(order: tuple[str, ...]) -> tuple[str, ...]:
    """The same tables with 三公 moved to the end: the other order counties print in."""
    return (*(key for key in order if key != "three_public"), "three_public")


BUDGET_ORDERS = {
    "standard": TABLE_TYPES,
    "funds_first": three_public_last(TABLE_TYPES),
}
FINAL_ORDERS = {
    "standard": BUDGET_ORDERS["standard"][:9],
    "three_public_last": three_public_last(BUDGET_ORDERS["standard"][:9]),
}


@dataclass(frozen=True)
class Style:
    unit: str  # 万元 | 元
    code_split: bool  # functional code printed as 类 | 款 | 项
    zero: str  # how zero amounts print: '0.00' (a line), '' or '-' (no line)
    thousands: bool  # 1,234.56 in tables
    repeat_header: bool  # a table continued on the next page repeats its header
    landscape_wide: bool  # wide tables on landscape pages (else squeezed portrait)
    loose_rows: bool  # taller rows: long tables run onto a second page
    kangxi: bool  # Kangxi-radical look-alikes in the text layer
    title_variant: int  # 0: 2024年部门预算, 1: 2024年度部门预算, 2: cover split over lines
    order: str  # key into BUDGET_ORDERS / FINAL_ORDERS
    full_class_list: bool  # summary lists every 类, amounts or not
    merged_header: bool  # multi-row merged headers (else one header row)
    total_first: bool  # 合计 row above the coded rows (else below)
    prior_three_public: bool  # budget 三公 table prints last year's row too
    numbering: int  # table title prefix: 0 none, 1 表1, 2 一、
    with_projects: bool  # budget adds 项目支出表
    with_procurement: bool  # budget adds 政府采购预算表
    phrasing: int = 0  # narrative wording family (0 seed-like, 1 收支总额 / Shanghai, 2 numbered list)
    labels: tuple[str, str] = ("部门：", "单位：")  # department / unit line above each table
    footer: str | None = None  # page numbers, e.g. "- {n} -"
    spaced: bool = False  # letter-spaced short labels (合 计, 项 目)
    table_notes: bool = False  # a 注：本表反映… line under each table
    blank_rows: int = 0  # empty grid rows left at the end of coded tables (template padding)
    note_in_grid: bool = False  # an empty table says so in a merged row inside its grid
    title_prefix: bool = False  # table titles start with the department and year
    header_words: int = 0  # code/name header wording: 0 科目编码/科目名称, 1 功能科目编码/…, 2 科目代码/…
    carryover_last: bool = False  # budget 收入总表: 上年结转 after the year's sources

    @property
    def blank(self) -> str:
        """What a structurally empty cell prints."""
        return "-" if self.zero == "-" else ""


def draw_style(rng: random.Random, unit: str, phase: str) -> Style:
    """A random but reproducible style for one document."""
    orders = BUDGET_ORDERS if phase == "budget" else FINAL_ORDERS
    return Style(
        unit=unit,
        code_split=rng.random() < 0.35,
        zero=rng.choice(["0.00", "0.00", "", "-"]),
        thousands=rng.random() < (0.6 if unit == "元" else 0.15),
        repeat_header=rng.random() < 0.5,
        landscape_wide=rng.random() < 0.7,
        loose_rows=rng.random() < 0.35,
        kangxi=rng.random() < 0.2,
        title_variant=rng.choice([0, 0, 1, 2]),
        order=rng.choice(sorted(orders)),
        full_class_list=rng.random() < 0.5,
        merged_header=rng.random() < 0.7,
        total_first=rng.random() < 0.6,
        prior_three_public=phase == "budget" and rng.random() < 0.4,
        numbering=rng.choice([0, 1, 2]),
        with_projects=phase == "budget" and rng.random() < 0.6,
        with_procurement=phase == "budget" and rng.random() < 0.5,
        phrasing=rng.choice([0, 1, 2]) if phase == "budget" else rng.choice([0, 1]),
        labels=(
            rng.choice(["部门：", "部门：", "编制单位：", "单位名称："]),
            rng.choice(["单位：", "单位：", "金额单位：", "单位:"]),
        ),
        footer=rng.choice([None, None, "- {n} -", "第 {n} 页"]),
        spaced=rng.random() < 0.3,
        table_notes=phase == "final" or rng.random() < 0.3,
        blank_rows=rng.choice([0, 0, 0, 2, 3]),
        note_in_grid=rng.random() < 0.4,
        title_prefix=rng.random() < 0.25,
        header_words=rng.choice([0, 0, 1, 2]),
        carryover_last=rng.random() < 0.3,
    )
