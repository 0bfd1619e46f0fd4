"""The report's charts: Altair specs with Chinese labels, drawn in the page by an inlined vega-embed.

The Vega / Vega-Lite / vega-embed JavaScript comes from the pinned ``vl-convert-python`` wheel
(``javascript_bundle``, the bundle Altair itself inlines), so the HTML file draws its charts with
no network. Amounts reach the charts as floats of 万元 (drawing only); tables keep Decimals.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from functools import cache
from importlib.metadata import version
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert
from altair.utils._importers import vl_version_for_vl_convert

PHASES = {"budget": "预算", "final": "决算"}
FONT = "WenQuanYi Zen Hei, Noto Sans CJK SC, sans-serif"
UNKNOWN_REGION = "(未知地区)"


def bundle_cache_dir() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "countybudget"


@cache
def vega_bundle() -> str:
    """vega + vega-lite + vega-embed as one script defining ``vegaEmbed`` (for Altair's Vega-Lite version).

    Bundling takes vl-convert ~10 s, so the result is kept on disk per vl-convert and Vega-Lite
    version (the same versions give the same bundle); an unwritable cache only costs the time.
    """
    vl_version = vl_version_for_vl_convert()
    cached = bundle_cache_dir() / f"vega-embed-{version('vl-convert-python')}-vl{vl_version}.js"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    bundle = vl_convert.javascript_bundle(vl_version=vl_version)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        temp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
        temp.write_text(bundle, encoding="utf-8")
        os.replace(temp, cached)
    except OSError:
        pass
    return bundle


def script_json(value: object) -> str:
    """JSON safe inside a <script> element (no ``</`` closes it early)."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")


def wan(amount: Decimal | None) -> float | None:
    """Yuan → 万元 as a float, for drawing only."""
    return None if amount is None else float(amount / 10000)


def region(name: str | None) -> str:
    return UNKNOWN_REGION if name is None else name


def _spec(chart: alt.TopLevelMixin) -> dict:
    return chart.configure(font=FONT).configure_legend(labelLimit=320).to_dict()


def trend_chart(rows: list[dict]) -> dict:
    """One region's departments across years: expenditure 合计 per department, a line per phase."""
    frame = pd.DataFrame(
        {
            "部门": [r["department"] or "(未知部门)" for r in rows],
            "年度": [str(r["fiscal_year"]) for r in rows],
            "阶段": [PHASES.get(r["phase"], r["phase"]) for r in rows],
            "支出（万元）": [wan(r["expenditure_yuan"]) for r in rows],
        }
    )
    chart = (
        alt.Chart(frame, title="部门支出合计（跨年度）")
        .mark_line(point=True)
        .encode(
            x=alt.X("年度:O", title="年度", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("支出（万元）:Q", title="支出（万元）"),
            color=alt.Color("部门:N", title="部门"),
            strokeDash=alt.StrokeDash("阶段:N", title="阶段"),
            tooltip=["部门:N", "年度:O", "阶段:N", alt.Tooltip("支出（万元）:Q", format=",.2f")],
        )
        .properties(width=420, height=260)
    )
    return _spec(chart)


def function_mix_chart(rows: list[dict]) -> dict:
    """One region's expenditure by functional 类, as shares of each year and phase (stacked to 100%)."""
    frame = pd.DataFrame(
        {
            "年度·阶段": [f"{r['fiscal_year']} {PHASES.get(r['phase'], r['phase'])}" for r in rows],
            "功能分类": [f"{r['code']} {r['name'] or ''}".strip() for r in rows],
            "金额（万元）": [wan(r["amount_yuan"]) for r in rows],
        }
    )
    chart = (
        alt.Chart(frame, title="支出功能分类结构（类）")
        .mark_bar()
        .encode(
            x=alt.X(
                "年度·阶段:N", title="年度·阶段", sort=None, axis=alt.Axis(labelAngle=0)
            ),  # data order: year, 预算 first
            y=alt.Y("sum(金额（万元）):Q", stack="normalize", title="占比", axis=alt.Axis(format="%")),
            color=alt.Color("功能分类:N", title="功能分类"),
            tooltip=[
                "年度·阶段:N",
                "功能分类:N",
                alt.Tooltip("sum(金额（万元）):Q", format=",.2f", title="万元"),
            ],
        )
        .properties(width=300, height=260)
    )
    return _spec(chart)


def yoy_chart(rows: list[dict]) -> dict:
    """The largest year-over-year changes of department totals (万元), increases and decreases apart."""
    frame = pd.DataFrame(
        {
            "部门·年度": [
                f"{r['department']} {r['fiscal_year']} {PHASES.get(r['phase'], r['phase'])}" for r in rows
            ],
            "变化（万元）": [wan(r["change_yuan"]) for r in rows],
            "方向": ["增加" if r["change_yuan"] >= 0 else "减少" for r in rows],
            "变化率": [None if r["change_pct"] is None else float(r["change_pct"]) / 100 for r in rows],
        }
    )
    chart = (
        alt.Chart(frame, title="同比变化最大的部门支出")
        .mark_bar()
        .encode(
            y=alt.Y("部门·年度:N", sort="-x", title=None),
            x=alt.X("变化（万元）:Q", title="比上年变化（万元）"),
            color=alt.Color(
                "方向:N", title="方向", scale=alt.Scale(domain=["增加", "减少"], range=["#c0392b", "#2e86c1"])
            ),
            tooltip=[
                "部门·年度:N",
                alt.Tooltip("变化（万元）:Q", format=",.2f"),
                alt.Tooltip("变化率:Q", format=".1%"),
            ],
        )
        .properties(width=480)
    )
    return _spec(chart)


def execution_chart(rows: list[dict]) -> dict:
    """Execution rate (决算 / 预算) per department and year, with the 100% line."""
    frame = pd.DataFrame(
        {
            "部门": [f"{region(r['county'])} {r['department']}" for r in rows],
            "年度": [str(r["fiscal_year"]) for r in rows],
            "执行率": [None if r["execution_pct"] is None else float(r["execution_pct"]) / 100 for r in rows],
        }
    )
    bars = (
        alt.Chart(frame)
        .mark_bar()
        .encode(
            y=alt.Y("部门:N", title=None),
            yOffset="年度:N",
            x=alt.X("执行率:Q", title="执行率（决算/预算）", axis=alt.Axis(format="%")),
            color=alt.Color("年度:N", title="年度"),
            tooltip=["部门:N", "年度:N", alt.Tooltip("执行率:Q", format=".1%")],
        )
    )
    rule = alt.Chart(pd.DataFrame({"x": [1.0]})).mark_rule(color="#555", strokeDash=[4, 3]).encode(x="x:Q")
    layered = alt.layer(bars, rule, title="预算执行率").properties(width=480, height=12 * len(rows) + 20)
    return _spec(layered)
