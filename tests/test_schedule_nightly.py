"""The nightly schedule: 02:00 Asia/Shanghai; new inbox files in one run, else a warehouse refresh."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dagster import DagsterInstance, RunRequest, build_schedule_context, instance_for_test

from assets.publishing import published_warehouse
from pipelines.partitions import DOCUMENTS_PARTITIONS_NAME, range_tags
from pipelines.schedules import nightly_schedule
from tests.pipeline_fixtures import staging_in, write_pdf_like

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_schedule_cron_and_timezone() -> None:
    assert nightly_schedule.cron_schedule == "0 2 * * *"
    assert nightly_schedule.execution_timezone == "Asia/Shanghai"
    assert nightly_schedule.job_name == "ingest_documents"


def evaluate(instance: DagsterInstance, tmp_path: Path) -> RunRequest:
    context = build_schedule_context(
        instance=instance,
        resources={"staging": staging_in(tmp_path)},
        scheduled_execution_time=datetime(2026, 11, 27, 2, 0, tzinfo=SHANGHAI),
    )
    requests = list(nightly_schedule.evaluate_tick(context).run_requests or [])
    assert len(requests) == 1
    return requests[0]


def test_schedule_loads_new_files_then_only_refreshes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = tmp_path / "inbox"
    monkeypatch.setenv("DISCLOSURE_INBOX", str(inbox))
    keys = [write_pdf_like(inbox / f"{name}.pdf", name) for name in ("a", "b")]
    with instance_for_test() as instance:
        check_two_nights(instance, tmp_path, keys)


def check_two_nights(instance: DagsterInstance, tmp_path: Path, keys: list[str]) -> None:
    """A schedule context needs a persistent instance (a real sqlite one under tmp_path)."""

    request = evaluate(instance, tmp_path)
    assert {k: v for k, v in request.tags.items() if k in range_tags("", "")} == range_tags(keys[0], keys[-1])
    assert request.asset_selection is None
    assert instance.get_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME) == keys

    request = evaluate(instance, tmp_path)
    assert list(request.asset_selection or []) == [published_warehouse.key]
    assert not set(request.tags) & set(range_tags("", ""))
    assert instance.get_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME) == keys
