"""One document being built: who it is about, its numbers and its style."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from extract.registry import REGISTRY
from samplegen.catalog import FUNCTIONAL_CLASSES
from samplegen.finance import ZERO, Finances
from samplegen.style import Style

CN_NUMERALS = "一二三四五六七八九十"

# The titles printed per table type: the table registry's (extract/tables.toml), in its order.
BUDGET_TITLES = REGISTRY.titles("budget")
FINAL_TITLES = REGISTRY.titles("final")


def cn_number(n: int) -> str:
    """1 → 一, 12 → 十二, 24 → 二十四."""
    if n <= 10:
        return CN_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (CN_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (CN_NUMERALS[ones - 1] if ones else "")


@dataclass
class DocContext:
    county: str
    department: str
    year: int
    phase: str  # budget | final
    fin: Finances
    style: Style
    kind: str  # profile kind: admin | party | hospital
    stated: dict[str, Decimal] = field(default_factory=dict)  # planted narrative figures (metric → yuan)
    stated_share: str | None = None  # planted 机关运行经费 share of the total, e.g. "13.19"
    findings: list[dict] = field(default_factory=list)  # expected findings of planted inconsistencies
    planted_summary_total: Decimal | None = None  # a summary 支出 总计 that does not balance
    rounding: Decimal = Decimal("0.00")  # added to the 基本支出表 合计: a 0.01 rounding difference
    toc_extra: list[str] = field(default_factory=list)  # table types the 目录 names but the document lacks

    @property
    def summary_expenditure_total(self) -> Decimal:
        return self.fin.grand_total if self.planted_summary_total is None else self.planted_summary_total

    @property
    def is_budget(self) -> bool:
        return self.phase == "budget"

    def table_title(self, key: str) -> str:
        """The printed core title of a standard table (without numbering)."""
        titles = (BUDGET_TITLES if self.is_budget else FINAL_TITLES)[key]
        return titles[self.style.title_variant % len(titles)]

    def numbered(self, title: str, n: int) -> str:
        """Title with the style's prefixes: ``表3 …`` or ``三、…``, and maybe ``白石县教育局2024年…``."""
        if self.style.title_prefix:
            title = f"{self.department}{self.year}{'年' if self.is_budget else '年度'}{title}"
        if self.style.numbering == 1:
            return f"表{n} {title}" if self.style.unit == "元" else f"表{n}{title}"
        if self.style.numbering == 2:
            return f"{cn_number(n)}、{title}"
        return title

    def class_amounts(self, attribute: str) -> list[tuple[str, str, Decimal]]:
        """(类 code, name, amount) for the summary tables: every 类 or only those in use."""
        used = {leaf.code[:3] for leaf in self.fin.leaves if getattr(leaf, attribute) != ZERO}
        rows = []
        for code, name in FUNCTIONAL_CLASSES:
            amount = sum(
                (getattr(leaf, attribute) for leaf in self.fin.leaves if leaf.code.startswith(code)), ZERO
            )
            if code in used or self.style.full_class_list:
                rows.append((code, name, amount))
        return rows
