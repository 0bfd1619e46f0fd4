"""The Dagster asset that rewrites the report after each publish."""

from __future__ import annotations

from pathlib import Path

import pytest
from dagster import materialize

from assets.report import analyst_report, report_path
from pipelines.jobs import ALL_ASSETS
from pipelines.resources import WarehouseResource
from tests.report_fixtures import build_report_warehouse


def test_report_asset_follows_the_publish_and_writes_beside_the_warehouse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REPORT_PATH", raising=False)
    published = build_report_warehouse(tmp_path / "warehouse.duckdb")
    assert ALL_ASSETS[-1] is analyst_report  # in every ingest run, after published_warehouse

    result = materialize([analyst_report], resources={"warehouse": WarehouseResource(path=str(published))})

    assert result.success
    out = tmp_path / "report.html"
    assert report_path(published) == out
    html = out.read_text(encoding="utf-8")
    assert "<h3>白石县</h3>" in html
    [materialization] = result.asset_materializations_for_node("analyst_report")
    assert materialization.metadata["charts"].value == 4
    assert materialization.metadata["path"].value == str(out)
    assert out.stat().st_mode & 0o777 == 0o644  # readable by every analyst, as the warehouse is
    assert not list(tmp_path.glob(".report.html.*"))  # no temporary file left behind


def test_report_path_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORT_PATH", str(tmp_path / "out" / "r.html"))
    assert report_path(tmp_path / "warehouse.duckdb") == tmp_path / "out" / "r.html"
