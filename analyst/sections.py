"""The report's analyst sections: trends, functional mix, year-over-year changes, execution, findings.

Each section reads the contract views through a SQL file of ``countybudget/sql`` and yields
charts (Vega-Lite specs, drawn in the page) and exact tables. A finding links to its document at
the page it concerns, so the analyst opens the printed table next to the figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

import duckdb
from markupsafe import Markup

from analyst import charts
from analyst.charts import region

# (page N) printed in a message names the page outright (narrative checks print it).
PAGE_IN_MESSAGE = re.compile(r"\(page (\d+)\)")
# Checks whose subject is one table, by the table_type it is printed in.
CHECK_TABLES = {
    "summary_balance": "summary",
    "summary_revenue_sum": "summary",
    "basic_vs_economic": "basic_expenditure_economic",
    "personnel_plus_public": "general_budget_expenditure",
    "three_public_total": "three_public",
    "three_public_vehicle": "three_public",
    "three_public_vs_economic": "three_public",
    "expenditure_vs_general_budget": "general_budget_expenditure",
}


def finding_page(row: dict) -> int | None:
    """The page a finding concerns: printed in its message, else the narrative's or its table's first page."""
    match = PAGE_IN_MESSAGE.search(row["message"] or "")
    if match:
        return int(match.group(1))
    if str(row["check"]).startswith("narrative"):
        return row["narrative_page"]
    pages = {r["table_type"]: r["pages"] for r in row["table_reports"] or [] if r["pages"]}
    table = CHECK_TABLES.get(row["check"])
    if table is None:  # table_total, hierarchy_sum, row_total, …: the message starts with the table's key
        table = next((key for key in pages if (row["message"] or "").startswith(key)), None)
    return pages[table][0] if table in pages else None


def document_href(source_path: str | None, page: int | None) -> str | None:
    """A link a browser's PDF viewer opens at the page (``file://…#page=N``; relative paths kept relative)."""
    if not source_path:
        return None
    if PurePosixPath(source_path).is_absolute():
        href = PurePosixPath(source_path).as_uri()
    elif PureWindowsPath(source_path).is_absolute():
        href = PureWindowsPath(source_path).as_uri()
    else:
        href = quote(source_path)
    return href if page is None else f"{href}#page={page}"


def findings_table(rows: list[dict]) -> Markup:
    """One row per finding, its document linked at the page."""
    if not rows:
        return Markup("<p>(none)</p>")
    head = "".join(f"<th>{h}</th>" for h in ("地区", "部门", "年度", "阶段", "检查", "级别", "说明", "文档"))
    body = []
    for row in rows:
        page = finding_page(row)
        href = document_href(row["source_path"], page)
        label = escape(row["document_id"] or "-") + ("" if page is None else f" 第{page}页")
        link = f'<a href="{escape(href)}">{label}</a>' if href else label
        cells = (
            region(row["county"]),
            row["department"] or "",
            "" if row["fiscal_year"] is None else str(row["fiscal_year"]),
            charts.PHASES.get(row["phase"], row["phase"] or ""),
            row["check"],
            row["severity"],
            row["message"],
        )
        tds = (
            "".join(f"<td>{escape(str(c))}</td>" for c in cells[:-1])
            + f'<td class="msg">{escape(cells[-1])}</td>'
        )
        body.append(f'<tr class="{escape(row["severity"])}">{tds}<td>{link}</td></tr>')
    return Markup(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


# v_department_year (comparison views) follows a renamed department under one department_key.
KEYED_VIEW = "v_department_year"
KEYED_COLUMNS = {"county", "department_key", "department", "fiscal_year", "phase", "expenditure_yuan"}


def trend_query(con: duckdb.DuckDBPyConnection) -> str:
    """The keyed department-year view when the warehouse has it (renames are one line), else raw names."""
    found = con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = ?", [KEYED_VIEW]
    ).fetchall()
    return (
        "report_department_years_keyed"
        if KEYED_COLUMNS.issubset(c for (c,) in found)
        else "report_department_years"
    )


def by_region(rows: list[dict]) -> dict[str, list[dict]]:
    """Rows grouped by region; a region-less document last."""
    groups: dict[str, list[dict]] = {}
    for row in sorted(rows, key=lambda r: (r["county"] is None, r["county"] or "")):
        groups.setdefault(region(row["county"]), []).append(row)
    return groups


def views_table(con: duckdb.DuckDBPyConnection) -> Markup:
    """Every public view found in the warehouse (so views added later show up), with rows and columns."""
    from analyst.export import public_views

    rows = []
    for view in public_views(con):
        columns = [c for (c,) in con.execute(f'SELECT column_name FROM (DESCRIBE "{view}")').fetchall()]
        [(count,)] = con.execute(f'SELECT count(*) FROM "{view}"').fetchall()
        rows.append(
            f'<tr><td><code>{escape(view)}</code></td><td class="num">{count}</td>'
            f'<td class="msg">{escape(", ".join(columns))}</td></tr>'
        )
    head = "<tr><th>view</th><th>rows</th><th>columns</th></tr>"
    return Markup(f"<table><thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>")


def analyst_sections(
    con: duckdb.DuckDBPyConnection,
    rows: Callable[[duckdb.DuckDBPyConnection, str], list[dict]],
    html_table: Callable[[list[dict]], str],
) -> dict:
    """Template context of the analyst sections and ``specs`` (chart id → Vega-Lite spec) to draw."""
    specs: dict[str, dict] = {}

    def chart(spec: dict) -> str:
        chart_id = f"chart-{len(specs)}"
        specs[chart_id] = spec
        return chart_id

    trends = by_region(rows(con, trend_query(con)))
    mix = by_region(rows(con, "report_function_mix"))
    regions = []
    for name, department_rows in trends.items():
        mix_rows = mix.get(name, [])
        regions.append(
            {
                "name": name,
                "trend_chart": chart(charts.trend_chart(department_rows)),
                "mix_chart": chart(charts.function_mix_chart(mix_rows)) if mix_rows else None,
                "table": Markup(html_table(department_rows)),
            }
        )
    yoy = rows(con, "report_yoy")
    execution = rows(con, "report_execution")
    findings = rows(con, "report_findings_open")
    return {
        "regions": regions,
        "yoy_chart": chart(charts.yoy_chart(yoy)) if yoy else None,
        "yoy_table": Markup(html_table(yoy)),
        "execution_chart": chart(charts.execution_chart(execution)) if execution else None,
        "execution_table": Markup(html_table(execution)),
        "open_findings": findings_table(findings),
        "open_findings_count": con.execute("SELECT count(*) FROM v_dq_findings").fetchall()[0][0],
        "open_findings_shown": len(findings),
        "views_table": views_table(con),
        "specs": specs,
    }
