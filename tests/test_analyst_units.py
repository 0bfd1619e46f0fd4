"""Departments whose tables list their units (深圳市's layout), and a 中共 prefix one file drops."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb

from tests.analyst_corpus import build

OWN = "深圳市统计局(本级)"
CENTRE = "深圳市统计数据中心"


def line(
    table: str, code: str | None, item: str, amount: str, unit: str | None = None, measure: str = "total"
) -> dict:
    return {"table_type": table, "code": code, "item": item, "measure": measure, "amount_yuan": amount} | (
        {"budget_unit": unit} if unit else {}
    )


def doc(department: str, year: int, lines: list[dict], county: str = "深圳市") -> dict:
    return {
        "county": county,
        "department": department,
        "fiscal_year": year,
        "phase": "budget",
        "tables_present": sorted({x["table_type"] for x in lines}),
        "lines": lines,
        "narrative": [],
    }


def test_tables_printed_as_units_sections_add_up_to_the_department(tmp_path: Path) -> None:
    lines = [
        # 支出总表 as two units' sections: the first with its own total row, the second with 类 rows only
        line("expenditure", None, OWN, "100.00", OWN),
        line("expenditure", None, OWN, "70.00", OWN, "basic"),
        line("expenditure", "201", "一般公共服务支出", "60.00", OWN),
        line("expenditure", "20101", "人大事务", "60.00", OWN),
        line("expenditure", "205", "教育支出", "40.00", OWN),
        line("expenditure", "201", "一般公共服务支出", "30.00", CENTRE),
        line("expenditure", "201", "一般公共服务支出", "30.00", CENTRE, "basic"),
        # 收入总表 with the units as rows
        line("revenue", None, OWN, "100.00"),
        line("revenue", None, CENTRE, "30.00"),
    ]
    build(tmp_path / "w.duckdb", [doc("深圳市统计局", 2026, lines)], tmp_path)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute(
            "SELECT revenue_yuan, expenditure_yuan, basic_yuan, project_yuan FROM v_department_year"
        ).fetchall() == [(Decimal("130.00"), Decimal("130.00"), Decimal("100.00"), None)]
        assert con.execute(
            "SELECT code, level, amount_yuan FROM v_department_functions ORDER BY code"
        ).fetchall() == [
            ("201", 1, Decimal("90.00")),
            ("20101", 2, Decimal("60.00")),
            ("205", 1, Decimal("40.00")),
        ]
        assert con.execute("SELECT code, share_pct FROM v_function_share ORDER BY code").fetchall() == [
            ("201", Decimal("69.23")),
            ("205", Decimal("30.77")),
        ]


def test_a_dropped_party_prefix_is_not_a_split(tmp_path: Path) -> None:
    total = [line("expenditure", None, "合计", "5.00")]
    docs = [
        doc("江苏省委办公厅", 2017, total, "江苏省"),
        doc("中共江苏省委办公厅", 2018, [], "江苏省"),  # the narrative file
        doc("江苏省委办公厅", 2018, total, "江苏省"),  # the tables file, whose cover drops 中共
    ]
    build(tmp_path / "w.duckdb", docs, tmp_path)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM v_dq_findings WHERE scope = 'department'").fetchone() == (0,)
        assert con.execute(
            "SELECT fiscal_year, documents, department, expenditure_yuan FROM v_department_year ORDER BY 1"
        ).fetchall() == [
            (2017, 1, "江苏省委办公厅", Decimal("5.00")),
            (2018, 2, "中共江苏省委办公厅、江苏省委办公厅", Decimal("5.00")),
        ]
