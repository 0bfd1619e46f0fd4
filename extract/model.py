"""The data that extraction hands to the rest of the project.

Plain dataclasses (picklable, no pandas) so the extractor can run in a worker process and the
loader, checks and generator truth can all speak the same vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from extract.registry import REGISTRY

PHASES = ("budget", "final")
REGION_LEVELS = ("county", "district", "city", "province", "central")

TABLE_TYPES = REGISTRY.keys  # the table registry (extract/tables.toml); the first nine are standard


class ReasonClass(StrEnum):
    """Why a file was quarantined; stable keys shown in ``v_documents.reason``."""

    NOT_PDF = "not_pdf"
    CORRUPT = "corrupt"  # truncated or unreadable
    ENCRYPTED = "encrypted"
    NO_TEXT_LAYER = "no_text_layer"  # scanned, image only
    NOT_BUDGET = "not_budget"  # a PDF, but not a budget / final-account disclosure
    NO_TABLES = "no_tables"  # a disclosure with no standard table found
    TOO_LARGE = "too_large"  # over the size, page or resource limit
    TIMEOUT = "timeout"  # over the time limit
    DUPLICATE = "duplicate"  # same bytes as another document
    EXTRACTION_ERROR = "extraction_error"  # the extractor itself failed


class QuarantineError(Exception):
    """Raised for a document that cannot be loaded; carries a reason class and a human message."""

    def __init__(self, reason: ReasonClass, message: str) -> None:
        super().__init__(f"{reason.value}: {message}")
        self.reason = reason
        self.message = message

    def __reduce__(self):  # picklable across worker processes (Exception's default drops the args)
        return (type(self), (self.reason, self.message))


@dataclass(frozen=True)
class DocumentIdentity:
    """Who and what a document is about, read from the document itself (never the file name)."""

    county: str | None  # issuing region as printed: 通城县, 普陀区, 深圳市, 江苏省; 中央 for central units
    department: str | None  # full unit name as printed in the title
    fiscal_year: int | None
    phase: str | None  # 'budget' | 'final'
    title: str  # the normalised title line, e.g. 通城县教育局2024年部门预算
    region_level: str | None = None  # 'county' | 'district' | 'city' | 'province' | 'central'
    budget_unit: str | None = None  # the 预算单位 of a 单位预算, else None


@dataclass(frozen=True)
class BudgetLine:
    """One amount of one standard table: a row of ``v_budget_lines`` minus the document columns."""

    table_type: str
    code: str | None  # digits only; None for totals and summary items
    item: str | None  # normalised label; None for a three_public row of the document's own year
    measure: str
    amount_yuan: Decimal  # exact, already multiplied by the table's unit
    page: int  # 1-based
    # The 预算单位 whose rows these are, when one table lists the department's units one after the
    # other (a unit row in a 预算单位 column, then that unit's coded rows); None otherwise.
    budget_unit: str | None = None
    # A 其中 row: a part of the row above it (其中：捐赠收入), never one of the table's summed items.
    sub_item: bool = False
    # Provenance: 'text' (the PDF's text layer) or 'ocr' (read from an image); for OCR the engine's
    # confidence in the cell (0..1). Not part of equality: the same amount read either way is one line.
    source: str = field(default="text", compare=False)
    confidence: float | None = field(default=None, compare=False)


@dataclass
class TableReport:
    """What the extractor saw of one standard table (surfaced as Dagster metadata)."""

    table_type: str
    title: str
    pages: list[int]
    unit: str | None  # '万元' | '元' | '千元'
    accuracy: float | None = None  # camelot's, worst page
    whitespace: float | None = None
    rows: int = 0  # BudgetLines produced
    empty: bool = False  # present, with a note that it has no data
    errors: list[str] = field(default_factory=list)  # scrambled cells etc.: reported, never guessed
    amounts: int = 0  # BudgetLines of this table (filled with ``verified`` by checks.verification)
    verified: int = 0  # of those, confirmed by an arithmetic identity (self-verification)


@dataclass(frozen=True)
class NarrativeMetric:
    """A figure stated in the narrative text (``v_narrative_metrics``)."""

    metric: str
    amount_yuan: Decimal
    page: int
    sentence: str = ""


@dataclass(frozen=True)
class PerformanceTarget:
    """One indicator row of a 绩效目标表 (``v_performance_targets``)."""

    scope: str  # 'department' | 'project'
    project: str | None
    level1: str | None  # 一级指标
    level2: str | None  # 二级指标
    level3: str | None  # 三级指标 (the indicator name)
    target_text: str  # 指标值 as printed (normalised)
    target_value: Decimal | None  # parsed number where there is one
    target_unit: str | None  # e.g. '%', '家', '元/月'
    prior_text: str | None  # prior-year value where printed
    page: int


@dataclass(frozen=True)
class ProjectEntry:
    """A project listed outside a table (项目名称, 类型, 总预算, 本年度预算), as in the seed."""

    name: str
    kind: str | None
    total_budget_yuan: Decimal | None
    annual_budget_yuan: Decimal | None
    page: int


@dataclass
class ExtractedDocument:
    """Everything read from one PDF."""

    identity: DocumentIdentity
    pages: int
    lines: list[BudgetLine] = field(default_factory=list)
    tables: list[TableReport] = field(default_factory=list)
    toc_tables: list[str] = field(default_factory=list)  # table_types named in the 目录
    narrative: list[NarrativeMetric] = field(default_factory=list)
    targets: list[PerformanceTarget] = field(default_factory=list)
    projects: list[ProjectEntry] = field(default_factory=list)
    seconds: float = 0.0
    ocr_pages: list[int] = field(default_factory=list)  # pages whose tables were read from images

    @property
    def tables_found(self) -> list[str]:
        return [t.table_type for t in self.tables]
