"""The comparison views on a small generated corpus, against rows computed in Python from its truth.

The corpus (tests/analyst_corpus.py): 2 counties x 3 departments x 2022-2024 x budget/final, where
白石县's 科学技术局 is renamed in 2024 (followed under one key by an alias), 白石县's housing bureau is
split in 2024 (the new 城市管理局 is aliased to it: flagged as a split), 青山县's renamed science bureau
has no alias (it disappears and appears) and 青山县's 教育局 publishes no 2024 budget.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from tests import analyst_expected as expected
from tests.analyst_corpus import ALIASES, built_warehouse, corpus

SCIENCE = "白石县科学技术和经济信息化局"
HOUSING = "白石县住房和城乡建设局"


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    return corpus()


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(built_warehouse()), read_only=True)
    yield connection
    connection.close()


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_department_year_matches_the_truth(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> None:
    want = expected.department_year(docs, ALIASES)
    got = {
        row[:4]: dict(zip(["department", "documents", *expected.MONEY], row[4:], strict=True))
        for row in rows(
            con,
            "SELECT county, department_key, fiscal_year, phase, department, documents, "
            + ", ".join(expected.MONEY)
            + " FROM v_department_year",
        )
    }
    assert len(got) == len(want) == 35
    assert got == want


def test_renamed_department_is_followed_under_one_key(con: duckdb.DuckDBPyConnection) -> None:
    assert rows(
        con,
        f"SELECT fiscal_year, phase, department FROM v_department_year WHERE department_key = '{SCIENCE}' ORDER BY 1, 2",
    ) == [
        (2022, "budget", "白石县科学技术局"),
        (2022, "final", "白石县科学技术局"),
        (2023, "budget", "白石县科学技术局"),
        (2023, "final", "白石县科学技术局"),
        (2024, "budget", SCIENCE),
        (2024, "final", SCIENCE),
    ]
    assert rows(
        con,
        "SELECT department, fiscal_year, department_key, key_source FROM dim_department "
        "WHERE department LIKE '白石县科学技术%' ORDER BY 2",
    ) == [
        ("白石县科学技术局", 2022, SCIENCE, "alias"),
        ("白石县科学技术局", 2023, SCIENCE, "alias"),
        (SCIENCE, 2024, SCIENCE, "name"),
    ]


def test_split_and_vanished_departments_are_flagged(con: duckdb.DuckDBPyConnection) -> None:
    found = rows(
        con,
        'SELECT "check", county, department, fiscal_year, phase FROM v_dq_findings '
        "WHERE \"check\" LIKE 'department_%' ORDER BY ALL",
    )
    assert found == [
        ("department_appeared", "青山县", "青山县科学技术和经济信息化局", 2024, "budget"),
        ("department_appeared", "青山县", "青山县科学技术和经济信息化局", 2024, "final"),
        ("department_disappeared", "青山县", "青山县教育局", 2023, "budget"),
        ("department_disappeared", "青山县", "青山县科学技术局", 2023, "budget"),
        ("department_disappeared", "青山县", "青山县科学技术局", 2023, "final"),
        ("department_split", "白石县", "白石县住房和城乡建设局", 2024, "budget"),
        ("department_split", "白石县", "白石县住房和城乡建设局", 2024, "final"),
    ]
    messages = rows(
        con,
        "SELECT message FROM v_dq_findings WHERE phase = 'budget' AND \"check\" <> 'department_appeared' ORDER BY 1",
    )
    assert messages == [
        (
            "department_key 白石县住房和城乡建设局 in 白石县: 白石县住房和城乡建设局 (1 names) in 2023, "
            "白石县住房和城乡建设局、白石县城市管理局 (2 names) in 2024",
        ),
        (
            "青山县教育局 published a budget (预算) for 2023 but none for 2024 in 青山县 (department_key 青山县教育局)",
        ),
        (
            "青山县科学技术局 published a budget (预算) for 2023 but none for 2024 in 青山县 (department_key 青山县科学技术局)",
        ),
    ]
    # the split department's 2024 row adds both parts
    assert rows(
        con,
        f"SELECT documents, department FROM v_department_year WHERE department_key = '{HOUSING}' "
        "AND fiscal_year = 2024 AND phase = 'budget'",
    ) == [(2, "白石县住房和城乡建设局、白石县城市管理局")]


def test_yoy_matches_the_truth(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> None:
    got = set(rows(con, "SELECT * FROM v_yoy"))
    want = expected.yoy(docs, ALIASES)
    assert len(got) == len(want)
    assert got == want
    total = rows(
        con,
        f"SELECT amount_yuan, prior_amount_yuan, change_yuan, change_pct FROM v_yoy WHERE department_key = '{SCIENCE}' "
        "AND phase = 'budget' AND fiscal_year = 2024 AND level = 0",
    )
    assert total == [
        (Decimal("9970600.00"), Decimal("11563100.00"), Decimal("-1592500.00"), Decimal("-13.77"))
    ]


def test_function_share_matches_the_truth(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> None:
    got = set(rows(con, "SELECT * FROM v_function_share"))
    assert got == expected.function_share(docs, ALIASES)
    sums = rows(
        con,
        "SELECT DISTINCT sum(share_pct) BETWEEN 99.95 AND 100.05 FROM v_function_share GROUP BY county, fiscal_year, phase",
    )
    assert sums == [(True,)]


def test_three_public_trend_and_region_year_match_the_truth(
    con: duckdb.DuckDBPyConnection, docs: list[dict]
) -> None:
    assert set(rows(con, "SELECT * FROM v_three_public_trend")) == expected.three_public_trend(docs, ALIASES)
    got = set(
        rows(
            con,
            "SELECT county, fiscal_year, phase, departments, documents, revenue_yuan, expenditure_yuan, basic_yuan, "
            "project_yuan, personnel_yuan, public_use_yuan, three_public_yuan, operating_cost_yuan, procurement_yuan "
            "FROM v_region_year",
        )
    )
    assert got == expected.region_year(docs, ALIASES)
    assert rows(
        con,
        "SELECT DISTINCT r.region_code, r.level, r.match FROM v_region_year JOIN dim_region AS r USING (county)",
    ) == [(None, "county", "none")]


def test_comparison_views_hold_money_as_decimal(con: duckdb.DuckDBPyConnection) -> None:
    views = ["v_department_year", "v_yoy", "v_function_share", "v_three_public_trend", "v_region_year"]
    for view in views:
        types = {name: kind for name, kind, *_ in rows(con, f"DESCRIBE {view}")}
        assert "DOUBLE" not in types.values(), view
        money = {n: k for n, k in types.items() if n.endswith("_yuan")}
        assert money and set(money.values()) == {"DECIMAL(18,2)"}, view
        assert {k for n, k in types.items() if n.endswith("_pct")} <= {"DECIMAL(18,2)"}, view


def test_exact_percent_rounds_half_away_from_zero(con: duckdb.DuckDBPyConnection) -> None:
    cases = [
        ("1.00", "8.00", "12.50"),
        ("1.00", "3.00", "33.33"),
        ("-2.00", "3.00", "-66.67"),
        ("0.01", "0.00", None),
    ]
    for part, whole, want in cases:
        got = con.execute(f"SELECT exact_pct({part}::DECIMAL(18,2), {whole}::DECIMAL(18,2))").fetchone()[0]
        assert got == (None if want is None else Decimal(want))
    assert con.execute(
        "SELECT exact_per(10.00::DECIMAL(18,2), 3), exact_per(-0.05::DECIMAL(18,2), 2)"
    ).fetchone() == (
        Decimal("3.33"),
        Decimal("-0.03"),
    )


def test_sample_corpus_alias_file_reads(tmp_path: Path) -> None:
    from warehouse.departments import ALIASES_DIR, read_aliases

    aliases = read_aliases(ALIASES_DIR)
    assert [(a.region, a.valid_to, a.key) for a in aliases][:2] == [
        ("白石县", 2023, SCIENCE),
        ("青山县", 2023, "青山县科学技术和经济信息化局"),
    ]
    (tmp_path / "bad.csv").write_text(
        "region,name,valid_from,valid_to,key\n白石县,甲局,,2023,甲\n白石县,甲局,2023,,乙\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match=r"^bad.csv:3: 甲局 already has a key in those years \(bad.csv:2\)$"):
        read_aliases(tmp_path)
    (tmp_path / "bad.csv").write_text("region,name,key\n", encoding="utf-8")
    with pytest.raises(ValueError, match="^bad.csv: header must be region,name,valid_from,valid_to,key"):
        read_aliases(tmp_path)


def test_data_dictionary_documents_every_view_and_column(con: duckdb.DuckDBPyConnection) -> None:
    text = (Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    documented: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        heading = re.match(r"^### `(\w+)`", line)
        if line.startswith("## "):
            current = None
        if heading:
            current = heading.group(1)
            documented[current] = []
        cell = re.match(r"^\| `(\w+)` \|", line)
        if cell and current is not None:
            documented[current].append(cell.group(1))
    views = [v for (v,) in rows(con, "SELECT view_name FROM duckdb_views() WHERE NOT internal")]
    tables = ["dim_department", "dim_department_alias", "dim_region", "dim_division", "dim_classification"]
    assert sorted(documented) == sorted(views + tables)
    for name in views + tables:
        assert documented[name] == [c for c, *_ in rows(con, f"DESCRIBE {name}")], name
