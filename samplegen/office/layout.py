"""How one document's spreadsheet is laid out and printed: the choices real offices make."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from extract.registry import REGISTRY
from samplegen.context import DocContext

# Small tables that templates often print together on one sheet (and so on one page).
SMALL_TABLES = tuple(spec.key for spec in REGISTRY.tables if spec.generator_small)  # extract/tables.toml


@dataclass(frozen=True)
class OfficeLayout:
    vertical_rules: bool = True  # False: horizontal borders only (no column rules)
    title_in_grid: bool = False  # the title row is a bordered merged row on top of the grid
    two_label_lines: bool = False  # 部门：… and 单位：… on two rows (else one row, left and right)
    print_titles: bool = True  # header rows repeated on every printed page
    tall_rows: bool = False  # taller body rows: long tables continue over pages
    group_small: bool = False  # SMALL_TABLES share one sheet, one under the other
    page_header: bool = False  # the department's document title in the page header
    footer: str = "第 &P 页"  # page footer (LibreOffice/Excel codes: &P page, &N pages)
    code_split: bool | None = None  # override the style's 类 | 款 | 项 choice
    landscape_wide: bool | None = None  # override the style's landscape choice for wide tables

    def restyle(self, ctx: DocContext) -> None:
        """Apply the overrides to the document's style before its tables are built."""
        changes = {}
        if self.code_split is not None:
            changes["code_split"] = self.code_split
        if self.landscape_wide is not None:
            changes["landscape_wide"] = self.landscape_wide
        ctx.style = replace(ctx.style, **changes)


def draw_layout(rng: random.Random) -> OfficeLayout:
    """A random but reproducible layout for one document."""
    return OfficeLayout(
        vertical_rules=rng.random() < 0.7,
        title_in_grid=rng.random() < 0.3,
        two_label_lines=rng.random() < 0.4,
        print_titles=rng.random() < 0.8,
        tall_rows=rng.random() < 0.4,
        group_small=rng.random() < 0.4,
        page_header=rng.random() < 0.3,
        footer=rng.choice(["第 &P 页", "第 &P 页，共 &N 页", "- &P -"]),
        code_split=rng.random() < 0.4,
        landscape_wide=rng.random() < 0.8,
    )
