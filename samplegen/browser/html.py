"""A document's standard tables as one HTML page for a browser to print.

Each table is a <section>: its title (a heading, or the table's <caption>), the 部门 / 单位 line
as a flex row, and a collapsed-border <table> whose merged header is a <thead> (repeated on every
printed page when the layout says so) and whose merged body cells are colspan / hidden borders.
Wide tables go on named landscape pages (CSS ``page``); tables either each start a page or flow.
"""

from __future__ import annotations

from html import escape

from samplegen.browser.layout import BrowserLayout
from samplegen.layout import Row, TableSpec

FONT = "WenQuanYi Zen Hei"
ALIGN = {"l": "left", "c": "center", "r": "right"}


def stylesheet(layout: BrowserLayout) -> str:
    sides = "0.6pt solid #000" if layout.vertical_rules else "none"
    rules = [
        "@page { size: A4 portrait; margin: 16mm 12mm; }",
        "@page wide { size: A4 landscape; margin: 14mm 12mm; }",
        f'body {{ font-family: "{FONT}"; font-size: 8.5pt; margin: 0; }}',
        "section { break-before: page; }",
        "section:first-child { break-before: auto; }",
        "section.flow { break-before: auto; margin-top: 18pt; }",
        "section.wide { page: wide; break-before: page; }",
        "h2, caption { text-align: center; font-size: 15pt; font-weight: bold; margin: 0 0 8pt 0; }",
        ".labels { display: flex; justify-content: space-between; margin-bottom: 3pt; }",
        "table { border-collapse: collapse; width: 100%; }",
        f"td, th {{ border-top: 0.6pt solid #000; border-bottom: 0.6pt solid #000; "
        f"border-left: {sides}; border-right: {sides}; padding: 2.5pt 3pt; }}",
        "th { font-weight: bold; text-align: center; vertical-align: middle; }",
        "td.cont { border-top-style: hidden; }",
        "td.num { white-space: nowrap; }",
        "tr { break-inside: avoid; }",
        ".note { margin-top: 4pt; }",
    ]
    if not layout.repeat_header:
        rules.append("thead { display: table-row-group; }")
    if layout.zebra:
        rules.append("tbody tr:nth-child(even) td { background: #eeeeee; }")
    if layout.letter_spaced:
        rules.append("th { letter-spacing: 0.4em; }")
    return "\n".join(rules)


def header_html(spec: TableSpec) -> str:
    rows = []
    for r in range(spec.header_rows):
        cells = sorted((c for c in spec.header if c.row == r), key=lambda c: c.col)
        rows.append(
            "<tr>"
            + "".join(f'<th rowspan="{c.rowspan}" colspan="{c.colspan}">{escape(c.text)}</th>' for c in cells)
            + "</tr>"
        )
    return "<thead>" + "".join(rows) + "</thead>"


def row_html(row: Row, align: list[str]) -> str:
    spans = dict(row.merges)
    out, col = [], 0
    while col < len(row.cells):
        span = spans.get(col, 1)
        css = [f"text-align: {ALIGN['c' if span > 1 else align[col]]}"]
        names = (["cont"] if col in row.continues else []) + (["num"] if align[col] == "r" else [])
        classes = f' class="{" ".join(names)}"' if names else ""
        text = escape(row.cells[col]) if not (col in row.continues and not row.cells[col]) else ""
        out.append(f'<td colspan="{span}" style="{"; ".join(css)}"{classes}>{text}</td>')
        col += span
    return "<tr>" + "".join(out) + "</tr>"


def section_html(spec: TableSpec, layout: BrowserLayout, labels: tuple[str, str], first: bool) -> str:
    classes = []
    if spec.landscape:
        classes.append("wide")
    elif layout.flow and not first:
        classes.append("flow")
    title = escape(spec.title)
    dept = f"{labels[0]}{spec.department}" if spec.department else ""
    unit = f"{labels[1]}{spec.unit}" if spec.unit else ""
    widths = sum(spec.widths)
    cols = "".join(f'<col style="width: {w / widths * 100:.2f}%">' for w in spec.widths)
    body = "".join(row_html(row, spec.align) for row in spec.rows)
    parts = [f'<section class="{" ".join(classes)}">']
    if not layout.caption_title:
        parts.append(f"<h2>{title}</h2>")
    parts.append(f'<div class="labels"><span>{escape(dept)}</span><span>{escape(unit)}</span></div>')
    size = 8.5 if spec.landscape or len(spec.widths) <= 7 else 6.5  # as a report system shrinks wide tables
    parts.append(f'<table style="font-size: {size}pt">')
    if layout.caption_title:
        parts.append(f"<caption>{title}</caption>")
    parts.append(f"<colgroup>{cols}</colgroup>{header_html(spec)}<tbody>{body}</tbody></table>")
    if spec.note:
        parts.append(f'<p class="note">{escape(spec.note)}</p>')
    parts.append("</section>")
    return "".join(parts)


def report_html(specs: list[TableSpec], layout: BrowserLayout, labels: tuple[str, str], title: str) -> str:
    """The whole HTML page: every standard table in order."""
    sections = "\n".join(section_html(spec, layout, labels, i == 0) for i, spec in enumerate(specs))
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{stylesheet(layout)}</style></head><body>\n{sections}\n</body></html>\n"
    )
