"""The table registry (extract/tables.toml) is the one place table knowledge lives: every consumer
derives from it, and a new table type is one entry that titles, headers, measures, checks and the
schemas all pick up."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extract.model import TABLE_TYPES
from extract.registry import DATA_FILE, REGISTRY, load
from extract.titles import classify_title
from samplegen.context import BUDGET_TITLES, FINAL_TITLES

ROOT = Path(__file__).resolve().parent.parent
NINE = (
    "summary",
    "revenue",
    "expenditure",
    "fiscal_summary",
    "general_budget_expenditure",
    "basic_expenditure_economic",
    "three_public",
    "government_fund_expenditure",
    "state_capital_expenditure",
)


def test_registry_lists_the_contract_tables_in_order():
    assert (*NINE, "project_expenditure", "procurement") == TABLE_TYPES
    assert REGISTRY.standard_keys == NINE
    assert REGISTRY.with_codes("none") == ("summary", "fiscal_summary", "three_public")
    assert REGISTRY.with_codes("economic") == ("basic_expenditure_economic",)


def test_every_generated_title_classifies_as_its_own_table():
    for phase, titles in (("budget", BUDGET_TITLES), ("final", FINAL_TITLES)):
        assert titles == REGISTRY.titles(phase)
        for key, printed in titles.items():
            for title in printed:
                assert classify_title(title) == key, (phase, title)
                assert classify_title(f"表3 2024年部门预算{title}") == key


def test_title_rules_keep_their_specificity_order():
    assert classify_title("一般公共预算“三公”经费支出表") == "three_public"
    assert classify_title("财政拨款收支总表") == "fiscal_summary"
    assert classify_title("机关运行经费支出表") is None
    assert classify_title("财政拨款基本支出预算表") is None
    assert classify_title("一般公共预算支出表（按经济分类）") is None
    assert classify_title("项目支出绩效目标表") is None


def test_every_row_part_and_two_sided_measure_is_a_measure_of_its_table():
    for spec in REGISTRY.tables:
        keys = set(spec.measure_keys)
        named = {spec.row_total} if spec.row_total else set()
        named |= {part for parts in spec.row_parts for part in parts}
        named |= set(spec.two_sided or ()) | ({spec.bare_subtotal} if spec.bare_subtotal else set())
        assert named <= keys, (spec.key, named - keys)


# Modules that once declared table knowledge of their own: they must now only read the registry.
DERIVED = ("extract/titles.py", "extract/measures.py", "extract/signature.py", "samplegen/context.py")
# Modules whose rules use table keys, but whose module-level declarations must come from the registry.
DECLARING = (
    "checks/table_arithmetic.py",
    "extract/model.py",
    "extract/rows.py",
    "samplegen/document.py",
    "samplegen/office/layout.py",
)


def _string_constants(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def test_consumers_hold_no_table_type_literals_of_their_own():
    keys = set(TABLE_TYPES)
    for name in DERIVED:
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        assert not _string_constants(tree) & keys, name
    for name in DECLARING:
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        for statement in tree.body:
            if isinstance(statement, ast.Assign | ast.AnnAssign):
                assert not _string_constants(statement) & keys, (name, ast.unparse(statement)[:80])


NEW_TABLE = """
[[table]]
key = "operating_cost"
standard = false
title_priority = 5
title_rules = [{ all = ["机关运行经费"] }]
budget_titles = ["机关运行经费支出预算表"]
codes = "none"
measures = [['^合计$', "total"], ['办公', "office"], ['差旅', "travel"]]
row_total = "total"
row_parts = [["office", "travel"]]
signature = { all = ['办公费', '差旅费'], none = ['出国'] }
"""

PROBE = """
import json
from decimal import Decimal
from extract.grid import grid_from_rows
from extract.measures import measure_of
from extract.model import TABLE_TYPES, BudgetLine, DocumentIdentity, ExtractedDocument, TableReport
from extract.signature import classify_header
from extract.titles import classify_title
from checks.document import check_document
from samplegen.context import BUDGET_TITLES
from schemas.models import BudgetLinesModel

grid = grid_from_rows(5, [["项目", "合计", "办公费", "差旅费"], ["合计", "10.00", "4.00", "5.00"]])
lines = [
    BudgetLine("operating_cost", None, "合计", measure, Decimal(value), 5)
    for measure, value in (("total", "10.27"), ("office", "4.13"), ("travel", "5.11"))
]
identity = DocumentIdentity("通城县", "通城县财政局", 2024, "budget", "通城县财政局2024年部门预算")
doc = ExtractedDocument(identity, 9, lines=lines, tables=[TableReport("operating_cost", "t", [5], "元")])
findings = [f.message for f in check_document(doc) if f.check == "row_total"]
print(json.dumps({
    "in_table_types": "operating_cost" in TABLE_TYPES,
    "title": classify_title("表8 机关运行经费支出预算表"),
    "measure": measure_of("operating_cost", "budget", ["差旅费"]),
    "header": classify_header(grid),
    "generator_titles": BUDGET_TITLES.get("operating_cost"),
    "schema_accepts": "operating_cost" in BudgetLinesModel.to_schema().columns["table_type"].checks[0].statistics["allowed_values"],
    "row_total_findings": findings,
}, ensure_ascii=False))
"""


def test_a_new_table_type_is_one_registry_entry(tmp_path):
    tables = tmp_path / "tables.toml"
    tables.write_text(DATA_FILE.read_text(encoding="utf-8") + NEW_TABLE, encoding="utf-8")
    assert load(tables)["operating_cost"].measure_keys == ("total", "office", "travel")
    env = {**os.environ, "COUNTYBUDGET_TABLES": str(tables)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "in_table_types": True,
        "title": "operating_cost",
        "measure": "travel",
        "header": "operating_cost",
        "generator_titles": ["机关运行经费支出预算表"],
        "schema_accepts": True,
        "row_total_findings": [
            "operating_cost row 合计: total vs office+travel: printed 0.001027万元 (10.27 yuan), "
            "expected 0.000924万元 (9.24 yuan), difference 1.03 yuan"
        ],
    }


@pytest.mark.parametrize("duplicate", ["summary"])
def test_a_duplicate_key_is_refused(tmp_path, duplicate):
    tables = tmp_path / "tables.toml"
    extra = f'\n[[table]]\nkey = "{duplicate}"\ntitle_priority = 1\nmeasures = []\n'
    tables.write_text(DATA_FILE.read_text(encoding="utf-8") + extra, encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate table keys"):
        load(tables)
