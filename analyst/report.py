"""The self-contained HTML comparison report (``countybudget report``).

Reads only the public views of the published warehouse, read-only; money stays Decimal
(Arrow → Python) in tables, charts get floats only for drawing. Charts are Vega-Lite specs drawn
by a vega-embed bundle inlined in the file (``report_charts``): one file, no network.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from html import escape
from pathlib import Path

import duckdb
import jinja2

from analyst.charts import script_json, vega_bundle
from analyst.sections import analyst_sections
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


def build_report(published: Path) -> str:
    con = connect_published(published)
    try:
        context = {
            "warehouse": str(published),
            "generated_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "documents_table": html_table(_rows(con, "report_documents")),
            **analyst_sections(con, _rows, html_table),
            "findings_table": html_table(_rows(con, "report_findings")),
            "quarantined_table": html_table(_rows(con, "report_quarantined")),
        }
    finally:
        con.close()
    for key in ("documents_table", "findings_table", "quarantined_table"):
        context[key] = jinja2.utils.markupsafe.Markup(context[key])
    # the charts draw in the page from an inlined vega-embed: nothing is fetched when the file is opened
    context["specs_json"] = jinja2.utils.markupsafe.Markup(script_json(context.pop("specs")))
    context["vega_bundle"] = jinja2.utils.markupsafe.Markup(vega_bundle())
    return TEMPLATES.get_template("report.html.j2").render(**context)


def write_report(out: Path, warehouse: Path | None = None) -> None:
    published = warehouse_path(warehouse)
    if not published.exists():
        raise SystemExit(f"no published warehouse at {published}: run `countybudget ingest` first")
    out.write_text(build_report(published), encoding="utf-8")
    print(f"wrote {out}")
