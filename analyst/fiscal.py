"""The Fiscal Data Package (``datapackage.json``) written by ``countybudget export``.

OpenSpending-style tools load fiscal data through a Data Package whose ``model`` names the
measures (money columns, with currency and budget phase) and the dimensions (who, when, and the
functional / economic classification). The warehouse's long view ``v_budget_lines`` becomes one
CSV resource ``fiscal/budget_lines.csv``: a budget (预算) amount goes to the ``approved`` column, a
final-accounts (决算) amount to ``executed`` — the FDP phases — and a classification code goes to
``functional_code`` (支出功能分类, 2xx) or ``economic_code`` (支出经济分类, 3xx) by the table it
was printed in. Amounts stay exact decimal text in yuan.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.csv as pacsv

RESOURCE_PATH = "fiscal/budget_lines.csv"

# Tables whose row codes are 支出功能分类 (functional) codes; the basic-expenditure table's are 经济分类.
FUNCTIONAL_TABLES = (
    "expenditure",
    "general_budget_expenditure",
    "government_fund_expenditure",
    "state_capital_expenditure",
    "fiscal_summary",
)
ECONOMIC_TABLES = ("basic_expenditure_economic",)

FISCAL_SQL = f"""
SELECT
    county AS region,
    department,
    fiscal_year,
    phase,
    table_type,
    measure,
    CASE WHEN table_type IN {FUNCTIONAL_TABLES} THEN code END AS functional_code,
    CASE WHEN table_type IN {FUNCTIONAL_TABLES} AND code IS NOT NULL THEN item END AS functional_label,
    CASE WHEN table_type IN {ECONOMIC_TABLES} THEN code END AS economic_code,
    CASE WHEN table_type IN {ECONOMIC_TABLES} AND code IS NOT NULL THEN item END AS economic_label,
    item,
    CASE WHEN phase = 'budget' THEN amount_yuan END AS approved,
    CASE WHEN phase = 'final' THEN amount_yuan END AS executed,
    document_id,
    page
FROM v_budget_lines
ORDER BY region, department, fiscal_year, phase, document_id, table_type, page, code, item, measure
"""

# (name, Table Schema type, title): the CSV's columns in order.
FIELDS = (
    ("region", "string", "地区 region (county / district / city / province as printed)"),
    ("department", "string", "部门 department as printed in the document title"),
    ("fiscal_year", "integer", "年度 fiscal year"),
    ("phase", "string", "budget 预算 / final 决算"),
    ("table_type", "string", "standard table key (data contract)"),
    ("measure", "string", "column key of the table (data contract)"),
    ("functional_code", "string", "支出功能分类科目 code (类 3 / 款 5 / 项 7 digits)"),
    ("functional_label", "string", "支出功能分类科目 name as printed"),
    ("economic_code", "string", "支出经济分类科目 code (3 / 5 digits)"),
    ("economic_label", "string", "支出经济分类科目 name as printed"),
    ("item", "string", "row label as printed (normalised)"),
    ("approved", "number", "预算数 approved amount, yuan"),
    ("executed", "number", "决算数 executed amount, yuan"),
    ("document_id", "string", "source document (content hash)"),
    ("page", "integer", "1-based PDF page of the amount"),
)


def _measure(source: str, phase: str, title: str) -> dict:
    return {"source": source, "currency": "CNY", "factor": 1, "phase": phase, "title": title}


def _dimension(kind: str, attributes: dict[str, dict], key: str, **extra: str) -> dict:
    return {"dimensionType": kind, "attributes": attributes, "primaryKey": [key], **extra}


def fiscal_model() -> dict:
    """The FDP ``model``: two measures (approved, executed; CNY) and the dimensions that key them."""
    return {
        "measures": {
            "approved": _measure("approved", "approved", "预算数 (budget, approved)"),
            "executed": _measure("executed", "executed", "决算数 (final accounts, executed)"),
        },
        "dimensions": {
            "region": _dimension("location", {"region": {"source": "region"}}, "region"),
            "department": _dimension(
                "classification",
                {"department": {"source": "department"}},
                "department",
                classificationType="administrative",
            ),
            "date": _dimension("datetime", {"year": {"source": "fiscal_year"}}, "year"),
            "phase": _dimension("other", {"phase": {"source": "phase"}}, "phase"),
            "functional_classification": _dimension(
                "classification",
                {
                    "code": {"source": "functional_code"},
                    "label": {"source": "functional_label", "labelfor": "code"},
                },
                "code",
                classificationType="functional",
            ),
            "economic_classification": _dimension(
                "classification",
                {
                    "code": {"source": "economic_code"},
                    "label": {"source": "economic_label", "labelfor": "code"},
                },
                "code",
                classificationType="economic",
            ),
            "line": _dimension(
                "other",
                {
                    "table_type": {"source": "table_type"},
                    "measure": {"source": "measure"},
                    "item": {"source": "item"},
                    "document_id": {"source": "document_id"},
                    "page": {"source": "page"},
                },
                "document_id",
            ),
        },
    }


def descriptor() -> dict:
    """The whole ``datapackage.json`` (Data Package v1 with the Fiscal Data Package model)."""
    return {
        "profile": "tabular-data-package",  # the FDP profile (datapackage 1.15.4) extends the tabular one
        "name": "county-budget-warehouse",
        "title": "县级部门预算决算公开 County department budgets and final accounts",
        "description": "Every amount of every standard table of the loaded disclosures, in yuan, exact.",
        "resources": [
            {
                "name": "budget-lines",
                "path": RESOURCE_PATH,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": [{"name": name, "type": kind, "title": title} for name, kind, title in FIELDS],
                },
            }
        ],
        "model": fiscal_model(),
    }


def write_fiscal_package(con: duckdb.DuckDBPyConnection, outdir: Path) -> int:
    """Write ``fiscal/budget_lines.csv`` and ``datapackage.json`` under ``outdir``; returns the CSV's rows."""
    reader = con.sql(FISCAL_SQL).to_arrow_reader(
        100_000
    )  # streamed: a province's lines need not fit in memory
    if reader.schema.names != [name for name, _, _ in FIELDS]:
        raise RuntimeError(f"fiscal columns {reader.schema.names} differ from the package's fields")
    csv_path = outdir / RESOURCE_PATH
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    options = pacsv.WriteOptions(quoting_style="needed")
    with pacsv.CSVWriter(csv_path, reader.schema, write_options=options) as writer:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    text = json.dumps(descriptor(), ensure_ascii=False, indent=2) + "\n"
    (outdir / "datapackage.json").write_text(text, encoding="utf-8")
    return rows
