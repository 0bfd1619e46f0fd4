"""Figures stated in the narrative text (``v_narrative_metrics``) and the project list printed
outside a table.

Metric families (``NarrativeMetric.metric``):

- money, in yuan: the contract keys (``revenue_total`` … ``procurement_services``) plus
  ``revenue_current_year`` / ``expenditure_current_year`` (决算 本年收入/支出合计), ``vehicle_total``,
  ``personnel_expenditure`` / ``public_use_expenditure`` (人员经费 / 公用经费),
  ``reserve_expenditure`` (单位预留机动经费, a third part of 支出 beside 基本/项目), ``operating_cost_item:<name>`` (the items listed after 机关运行经费), ``<metric>_change`` (signed
  比上年 change; ``revenue_change`` is the contract's), ``three_public_total_budget``;
- ``share_pct:<part>:<base>``: a stated share in percent (``13.19`` for 13.19%), not yuan;
- ``change_pct:<metric>``: a stated growth rate in percent (negative for 下降), not yuan;
- ``count:vehicles_total`` and ``count:vehicles:<kind>``: vehicle counts, not yuan.

The first statement of a metric wins (the 情况说明 comes before the 绩效 section that repeats
figures with another scope).
"""

from __future__ import annotations

from extract.model import NarrativeMetric, ProjectEntry
from extract.narrative_reader import NarrativeReader
from extract.page_stream import build_stream
from extract.project_list import read_project_list

NOT_YUAN_PREFIXES = ("share_pct:", "change_pct:", "count:")


def is_money_metric(metric: str) -> bool:
    """True for metrics whose value is yuan (not a percentage or a count)."""
    return not metric.startswith(NOT_YUAN_PREFIXES)


def extract_narrative(page_texts: list[str]) -> list[NarrativeMetric]:
    """Every figure the narrative states, in text order; never raises on odd text."""
    try:
        return NarrativeReader(build_stream(page_texts)).read()
    except Exception:  # noqa: BLE001 - a reader bug must not block loading the tables
        return []


def extract_projects(page_texts: list[str]) -> list[ProjectEntry]:
    """The project list (项目名称 / 项目类型 / 项目总预算 / 本年度预算) printed outside a table."""
    try:
        return read_project_list(build_stream(page_texts))
    except Exception:  # noqa: BLE001
        return []
