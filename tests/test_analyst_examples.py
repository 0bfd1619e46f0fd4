"""The data dictionary's example queries (warehouse/sql/examples/) run on the generated corpus and give
exactly the rows computed in Python from its truth (tests/analyst_expected.py)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

import duckdb
import pytest

from tests import analyst_expected as expected
from tests.analyst_corpus import ALIASES, built_warehouse, corpus
from warehouse.sqlfiles import SQL_DIR

EXAMPLES = sorted(p.stem for p in (SQL_DIR / "examples").glob("*.sql"))


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(built_warehouse()), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def docs() -> list[dict]:
    return corpus()


def run(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple]:
    return con.execute((SQL_DIR / "examples" / f"{name}.sql").read_text(encoding="utf-8")).fetchall()


def test_there_are_eight_analyst_examples_besides_cross_year() -> None:
    assert len([e for e in EXAMPLES if e != "cross_year"]) == 8


def test_three_public_risers(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> None:
    trend = [r for r in expected.three_public_trend(docs, ALIASES) if r[3] == "budget" and r[12] is not None]
    trend.sort(key=lambda r: (-r[12], r[0], r[1], r[4]))
    assert run(con, "three_public_risers") == [
        (r[0], r[1], r[4], r[11], r[5], r[12], r[13]) for r in trend[:5]
    ]


def test_functional_mix(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> None:
    codes = expected.expenditure_codes(docs, ALIASES, (3,))
    mine = {
        (k[2], k[4]): v for k, v in codes.items() if k[:2] == ("白石县", "白石县教育局") and k[3] == "budget"
    }
    totals = {year: sum(v for (y, _), v in mine.items() if y == year) for year, _ in mine}
    want = [(year, code, v, expected.pct(v, totals[year])) for (year, code), v in sorted(mine.items())]
    assert sorted({r[0] for r in want}) == [2022, 2023, 2024]
    assert run(con, "functional_mix") == want


def test_execution_rate(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> None:
    years = expected.department_year(docs, ALIASES)
    rows = []
    for (county, key, year, phase), row in years.items():
        final = years.get((county, key, year, "final"))
        if phase == "budget" and final is not None:
            b, f = row["expenditure_yuan"], final["expenditure_yuan"]
            rows.append((county, key, year, b, f, expected.pct(f, b)))
    rows.sort(key=lambda r: (r[5], r[0], r[1], r[2]))
    assert run(con, "execution_rate") == rows[:5]


def test_operating_cost_per_department(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> None:
    rows = []
    for county, year, phase, departments, _, *money in expected.region_year(docs, ALIASES):
        cost = money[7]
        if phase == "budget" and cost is not None:
            per = (cost / departments).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            rows.append((county, year, departments, cost, per))
    rows.sort(key=lambda r: (-r[4], r[0], r[1]))
    assert run(con, "operating_cost_per_department") == rows


def test_largest_changes(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> None:
    rows = [r for r in expected.yoy(docs, ALIASES) if r[3] == "budget" and r[8] == 1 and r[11] is not None]
    rows.sort(key=lambda r: (-abs(r[11]), r[0], r[1], r[4], r[6]))
    assert run(con, "largest_changes") == [
        (r[0], r[1], r[4], r[6], r[7], r[10], r[9], r[11], r[12]) for r in rows[:5]
    ]


def test_region_top_function(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> None:
    best: dict[tuple, tuple] = {}
    for r in expected.function_share(docs, ALIASES):
        county, year, phase, code, name, _, amount, total, share = r
        if phase != "budget":
            continue
        current = best.get((county, year))
        if current is None or (-amount, code) < (-current[4], current[2]):
            best[(county, year)] = (county, year, code, name, amount, total, share)
    assert run(con, "region_top_function") == [best[k] for k in sorted(best)]


def test_department_changes(con: duckdb.DuckDBPyConnection) -> None:
    got = run(con, "department_changes")
    assert [r[:5] for r in got] == [
        ("department_split", "白石县", "白石县住房和城乡建设局", 2024, "budget"),
        ("department_split", "白石县", "白石县住房和城乡建设局", 2024, "final"),
        ("department_disappeared", "青山县", "青山县教育局", 2023, "budget"),
        ("department_disappeared", "青山县", "青山县科学技术局", 2023, "budget"),
        ("department_disappeared", "青山县", "青山县科学技术局", 2023, "final"),
        ("department_appeared", "青山县", "青山县科学技术和经济信息化局", 2024, "budget"),
        ("department_appeared", "青山县", "青山县科学技术和经济信息化局", 2024, "final"),
    ]
    assert got[-1][5] == (
        "青山县科学技术和经济信息化局 publishes a final accounts (决算) for 2024 but had none for 2023 in 青山县 "
        "(department_key 青山县科学技术和经济信息化局)"
    )


def test_project_share(con: duckdb.DuckDBPyConnection, docs: list[dict]) -> None:
    rows = []
    for (county, key, year, phase), row in expected.department_year(docs, ALIASES).items():
        if phase == "budget" and row["expenditure_yuan"] is not None:
            share = expected.pct(row["project_yuan"], row["expenditure_yuan"])
            rows.append((county, key, year, row["project_yuan"], row["expenditure_yuan"], share))
    rows.sort(key=lambda r: (r[5] is None, -(r[5] or 0), r[0], r[1], r[2]))
    assert run(con, "project_share") == rows[:5]
