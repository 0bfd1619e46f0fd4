"""The self-contained HTML comparison report (``countybudget report``).

Reads only the contract views of the published warehouse, read-only; money stays Decimal
(Arrow → Python) in tables, charts get floats only for drawing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from html import escape
from pathlib import Path

import altair as alt
import duckdb
import jinja2
import pandas as pd
import vl_convert

from plumbing.paths import warehouse_path
from warehouse.publish import connect_published
from warehouse.sqlfiles import sql_text

TEMPLATES = jinja2.Environment(
    loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True
)


def _rows(con: duckdb.DuckDBPyConnection, name: str) -> list[dict]:
    return con.sql(sql_text(f"report/{name}.sql")).to_arrow_table().to_pylist()


def html_table(rows: list[dict]) -> str:
    """An HTML table of rows; Decimals printed exactly with thousands separators."""
    if not rows:
        return "<p>(none)</p>"
    head = "".join(f"<th>{escape(str(k))}</th>" for k in rows[0])
    body = []
    for row in rows:
        cells = []
        for value in row.values():
            if isinstance(value, Decimal):
                cells.append(f'<td class="num">{value:,.2f}</td>')
            elif isinstance(value, int):
                cells.append(f'<td class="num">{value}</td>')
            else:
                cells.append(f"<td>{escape('' if value is None else str(value))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def department_chart(rows: list[dict]) -> str:
    """Grouped bars: one group per department, one bar per year and phase (SVG, no JavaScript)."""
    frame = pd.DataFrame(
        {
            "department": [r["department"] for r in rows],
            "series": [f"{r['fiscal_year']} {r['phase']}" for r in rows],
            "万元": [float(r["expenditure_yuan"] / 10000) for r in rows],
        }
    )
    chart = (
        alt.Chart(frame)
        .mark_bar()
        .encode(y=alt.Y("department:N", title=None), x=alt.X("万元:Q"), color="series:N", yOffset="series:N")
        .properties(width=520)
    )
    return vl_convert.vegalite_to_svg(chart.to_json())


def build_report(published: Path) -> str:
    con = connect_published(published)
    try:
        by_department = _rows(con, "report_department_years")
        counties = []
        # a document whose cover prints no region is loaded with county NULL: listed last
        for county in sorted({r["county"] for r in by_department}, key=lambda c: (c is None, c or "")):
            rows = [r for r in by_department if r["county"] == county]
            counties.append(
                (county, jinja2.utils.markupsafe.Markup(department_chart(rows)), html_table(rows))
            )
        context = {
            "warehouse": str(published),
            "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "documents_table": html_table(_rows(con, "report_documents")),
            "counties": [(c, svg, jinja2.utils.markupsafe.Markup(t)) for c, svg, t in counties],
            "findings_table": html_table(_rows(con, "report_findings")),
            "quarantined_table": html_table(_rows(con, "report_quarantined")),
        }
    finally:
        con.close()
    for key in ("documents_table", "findings_table", "quarantined_table"):
        context[key] = jinja2.utils.markupsafe.Markup(context[key])
    return TEMPLATES.get_template("report.html.j2").render(**context)


def write_report(out: Path, warehouse: Path | None = None) -> None:
    published = warehouse_path(warehouse)
    if not published.exists():
        raise SystemExit(f"no published warehouse at {published}: run `countybudget ingest` first")
    out.write_text(build_report(published), encoding="utf-8")
    print(f"wrote {out}")
