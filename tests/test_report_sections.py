"""The report's analyst sections: exact year-over-year and execution figures, findings linked to pages."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from analyst.report import build_report
from analyst.sections import document_href, finding_page
from tests.report_fixtures import build_report_warehouse, record_for


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> str:
    warehouse = build_report_warehouse(tmp_path_factory.mktemp("report") / "warehouse.duckdb")
    return build_report(warehouse)


def specs(html: str) -> dict[str, dict]:
    text = re.search(r'<script type="application/json" id="chart-specs">(.*?)</script>', html, re.S).group(1)
    return json.loads(text)


def test_every_chart_has_a_place_and_chinese_titles(html: str) -> None:
    charts = specs(html)
    # one region: its trend and its functional mix, then the year-over-year and execution charts
    assert list(charts) == ["chart-0", "chart-1", "chart-2", "chart-3"]
    for chart_id in charts:
        assert f'<div class="chart" id="{chart_id}"></div>' in html
    titles = [spec.get("title") or spec["layer"][0].get("title") for spec in charts.values()]
    assert titles == [
        "部门支出合计（跨年度）",
        "支出功能分类结构（类）",
        "同比变化最大的部门支出",
        "预算执行率",
    ]
    mix = next(iter(charts["chart-1"]["datasets"].values()))
    assert mix == [
        {"年度·阶段": "2023 预算", "功能分类": "205 教育支出", "金额（万元）": 123.456789},
        {"年度·阶段": "2024 预算", "功能分类": "205 教育支出", "金额（万元）": 1234.567891},
        {"年度·阶段": "2024 决算", "功能分类": "205 教育支出", "金额（万元）": 1200.000005},
    ]


def test_year_over_year_change_is_exact(html: str) -> None:
    prior, total = Decimal("1234567.89"), Decimal("12345678.91")
    change = total - prior
    pct = (change * 100 / prior).quantize(Decimal("0.01"))
    row = (
        f'<td>白石县</td><td>白石县教育局</td><td>budget</td><td class="num">2024</td>'
        f'<td class="num">{prior:,.2f}</td><td class="num">{total:,.2f}</td>'
        f'<td class="num">{change:,.2f}</td><td class="num">{pct:,.2f}</td>'
    )
    assert row in html
    assert "11,111,111.02" in row and "900.00" in row


def test_execution_rate_is_final_over_budget(html: str) -> None:
    budget, final = Decimal("12345678.91"), Decimal("12000000.05")
    pct = (final * 100 / budget).quantize(Decimal("0.01"))
    assert pct == Decimal("97.20")
    row = (
        f'<td>白石县</td><td>白石县教育局</td><td class="num">2024</td>'
        f'<td class="num">{budget:,.2f}</td><td class="num">{final:,.2f}</td><td class="num">{pct}</td>'
    )
    assert row in html


def test_findings_link_to_document_and_page(html: str) -> None:
    document_id = record_for("edu-2024-final").document_id
    assert "Open data-quality findings (2)" in html
    # table_total: the expenditure table's page (7); narrative: the first narrative page (4)
    assert f'<a href="pdfs/edu-2024-final.pdf#page=7">{document_id} 第7页</a>' in html
    assert f'<a href="pdfs/edu-2024-final.pdf#page=4">{document_id} 第4页</a>' in html


def test_finding_page_and_href_rules() -> None:
    row = {"message": "narrative revenue_total (page 3) vs summary", "check": "narrative_vs_table"}
    assert finding_page(row | {"narrative_page": 2, "table_reports": []}) == 3
    reports = [{"table_type": "three_public", "pages": [12, 13]}]
    assert finding_page({"message": "x", "check": "three_public_total", "table_reports": reports}) == 12
    assert (
        finding_page(
            {
                "message": "目录 names table procurement",
                "check": "toc_table_missing",
                "table_reports": reports,
            }
        )
        is None
    )
    assert (
        document_href("/data/inbox/白石县/a b.pdf", 5)
        == "file:///data/inbox/%E7%99%BD%E7%9F%B3%E5%8E%BF/a%20b.pdf#page=5"
    )
    assert document_href("pdfs/a b.pdf", None) == "pdfs/a%20b.pdf"
    assert document_href(None, 3) is None


def test_public_views_are_listed_from_the_warehouse(html: str) -> None:
    assert '<tr><td><code>v_budget_lines</code></td><td class="num">42</td>' in html
    assert '<tr><td><code>v_documents</code></td><td class="num">4</td>' in html
    assert '<tr><td><code>v_dq_findings</code></td><td class="num">2</td>' in html


def test_trends_follow_a_renamed_department_by_key_when_the_keyed_view_exists(tmp_path) -> None:
    import duckdb

    warehouse = build_report_warehouse(tmp_path / "warehouse.duckdb")
    with duckdb.connect(
        str(warehouse)
    ) as con:  # the comparison view as if 2023 had printed another name under the same key
        con.execute("CREATE TABLE department_year_as_built AS SELECT * FROM v_department_year")
        con.execute(
            "CREATE OR REPLACE VIEW v_department_year AS SELECT * REPLACE ('edu' AS department_key, "
            "CASE WHEN fiscal_year = 2023 THEN '白石县教育体育局' ELSE department END AS department) "
            "FROM department_year_as_built"
        )
    keyed = build_report(warehouse)

    trend = next(iter(specs(keyed)["chart-0"]["datasets"].values()))
    assert [(r["部门"], r["年度"], r["阶段"]) for r in trend] == [
        ("白石县教育局", "2023", "预算"),  # one line under the latest name
        ("白石县教育局", "2024", "预算"),
        ("白石县教育局", "2024", "决算"),
    ]
    assert (
        '<td>白石县教育局</td><td class="num">2023</td><td>budget</td><td class="num">1,234,567.89</td>'
        in keyed
    )
    assert "<td><code>v_department_year</code></td>" in keyed  # and the new view is listed


def test_the_vega_bundle_is_built_once_per_version_and_kept_on_disk(tmp_path, monkeypatch) -> None:
    from analyst import charts as report_charts

    calls = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(
        report_charts.vl_convert, "javascript_bundle", lambda **kw: calls.append(kw) or "/*js*/"
    )
    report_charts.vega_bundle.cache_clear()
    try:
        assert report_charts.vega_bundle() == "/*js*/"
        report_charts.vega_bundle.cache_clear()
        assert report_charts.vega_bundle() == "/*js*/"  # the second process reads the file
    finally:
        report_charts.vega_bundle.cache_clear()
    assert len(calls) == 1
    [kept] = (tmp_path / "countybudget").iterdir()
    assert kept.name.startswith("vega-embed-") and kept.read_text(encoding="utf-8") == "/*js*/"
