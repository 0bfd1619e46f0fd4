"""Hand-built extracted documents shared by the schema, warehouse, score and query tests."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from extract.model import (
    BudgetLine,
    DocumentIdentity,
    ExtractedDocument,
    NarrativeMetric,
    PerformanceTarget,
    ProjectEntry,
    TableReport,
)


def sha_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def identity(department: str = "白石县教育局", year: int = 2024, phase: str = "budget") -> DocumentIdentity:
    word = "部门预算" if phase == "budget" else "部门决算"
    return DocumentIdentity(
        county="白石县",
        department=department,
        fiscal_year=year,
        phase=phase,
        title=f"{department}{year}年{word}",
    )


def expenditure_lines(total: Decimal, page: int = 7) -> list[BudgetLine]:
    """An expenditure table: 合计, one 类, one 款, one 项 (all the same amount) with basic/project split."""
    basic = total - Decimal("1000.00")
    lines = []
    for code, item in (
        (None, "合计"),
        ("205", "教育支出"),
        ("20501", "教育管理事务"),
        ("2050101", "行政运行"),
    ):
        lines.append(BudgetLine("expenditure", code, item, "total", total, page))
        lines.append(BudgetLine("expenditure", code, item, "basic", basic, page))
        lines.append(BudgetLine("expenditure", code, item, "project", Decimal("1000.00"), page))
    return lines


def sample_document(
    total: Decimal = Decimal("12345678.91"),
    department: str = "白石县教育局",
    year: int = 2024,
    phase: str = "budget",
) -> ExtractedDocument:
    """A small but complete document: 14 amounts, one empty table, narrative, a target, a project."""
    lines = expenditure_lines(total) + [
        BudgetLine("basic_expenditure_economic", "301", "工资福利支出", "total", Decimal("500.00"), 9),
        BudgetLine("basic_expenditure_economic", "30101", "基本工资", "total", Decimal("500.00"), 9),
    ]
    tables = [
        TableReport("expenditure", "部门支出总表", [7], "元", accuracy=100.0, whitespace=12.5, rows=12),
        TableReport("basic_expenditure_economic", "一般公共预算基本支出表", [9], "元", accuracy=99.5, rows=2),
        TableReport("government_fund_expenditure", "政府性基金预算支出表", [10], None, rows=0, empty=True),
    ]
    return ExtractedDocument(
        identity=identity(department, year, phase),
        pages=18,
        lines=lines,
        tables=tables,
        toc_tables=["expenditure", "basic_expenditure_economic", "government_fund_expenditure"],
        narrative=[NarrativeMetric("expenditure_total", total, 4, "支出预算总额…")],
        targets=[
            PerformanceTarget(
                "project",
                "学生资助",
                "产出指标",
                "数量指标",
                "资助人数",
                "124人",
                Decimal("124"),
                "人",
                None,
                12,
            )
        ],
        projects=[ProjectEntry("学生资助", "专项", Decimal("200000.00"), Decimal("150000.50"), 5)],
        seconds=0.42,
    )


def ensure_classification() -> None:
    """Tests only: a tiny stand-in for ``extract.classification`` until its owner lands it."""
    import importlib
    import sys
    import types

    try:
        importlib.import_module("extract.classification")
    except ModuleNotFoundError:
        module = types.ModuleType("extract.classification")
        module.FUNCTIONAL = {"205": "教育支出", "206": "科学技术支出"}
        module.ECONOMIC = {"301": "工资福利支出", "30101": "基本工资", "302": "商品和服务支出"}
        module.level = lambda code: {3: 1, 5: 2, 7: 3}[len(code)]
        module.parent_code = lambda code: code[:-2] if len(code) > 3 else None
        sys.modules["extract.classification"] = module
