"""The report drawn by headless Chromium with networking disabled: every chart drew, no script error."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from analyst.report import write_report
from tests.browser import dump_dom, ensure_chromium, scan, screenshot
from tests.report_fixtures import build_report_warehouse


@pytest.fixture(scope="module")
def chromium() -> str:
    binary, reason = ensure_chromium()
    if binary is None:
        pytest.skip(reason)
    return binary


def test_report_draws_every_chart_offline(
    chromium: str, tmp_path: Path, figures: Callable[[str], None]
) -> None:
    warehouse = build_report_warehouse(tmp_path / "warehouse.duckdb")
    page = tmp_path / "report.html"
    write_report(page, warehouse)
    html = page.read_text(encoding="utf-8")
    expected = json.loads(
        re.search(r'<script type="application/json" id="chart-specs">(.*?)</script>', html, re.S).group(1)
    )

    found = scan(dump_dom(chromium, page))

    assert found.body.get("data-chart-errors") == ""  # no console error, no rejected chart
    assert found.body.get("data-charts-expected") == found.body.get("data-charts-drawn") == str(len(expected))
    assert sorted(found.svgs) == sorted(expected)
    assert all(count >= 1 for count in found.svgs.values()), found.svgs  # each container holds its SVG
    shot = screenshot(chromium, page, tmp_path / "report.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    figures(f"{len(expected)} charts drawn offline; screenshot {shot} ({shot.stat().st_size} bytes)")
