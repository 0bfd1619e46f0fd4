"""The nightly schedule: 02:00 Asia/Shanghai; inbox documents the warehouse lacks in one run, else a refresh."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dagster import DagsterInstance, RunRequest, build_schedule_context, instance_for_test

from assets.publishing import published_warehouse
from assets.report import analyst_report
from pipelines.partitions import DOCUMENTS_PARTITIONS_NAME, range_tags
from pipelines.resources import WarehouseResource
from pipelines.schedules import nightly_schedule
from tests.pipeline_fixtures import staging_in, write_pdf_like
from warehouse.loader import DocumentRecord, WarehouseWriter
from warehouse.publish import publish, working_copy

RANGE_TAGS = set(range_tags("", ""))


def test_schedule_cron_and_timezone() -> None:
    assert nightly_schedule.cron_schedule == "0 2 * * *"
    assert nightly_schedule.execution_timezone == "Asia/Shanghai"
    assert nightly_schedule.job_name == "ingest_documents"


def evaluate(instance: DagsterInstance, tmp_path: Path) -> list[RunRequest]:
    context = build_schedule_context(
        instance=instance,
        resources={
            "staging": staging_in(tmp_path),
            "warehouse": WarehouseResource(path=str(tmp_path / "w.duckdb")),
        },
        scheduled_execution_time=datetime(2026, 11, 27, 2, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
    )
    return list(nightly_schedule.evaluate_tick(context).run_requests or [])


def publish_as_known(tmp_path: Path, keys: list[str]) -> None:
    """A real published warehouse that holds these documents (quarantined: the cheapest real record)."""
    published = tmp_path / "w.duckdb"
    with WarehouseWriter(working_copy(published)) as writer:
        for key in keys:
            writer.quarantine_document(DocumentRecord(key, key * 4, f"/inbox/{key}.pdf"), "not_pdf", "test")
    publish(working_copy(published), published)


@pytest.fixture
def instance() -> DagsterInstance:
    with instance_for_test() as test_instance:  # a schedule context needs a persistent instance
        yield test_instance


def test_schedule_runs_what_the_warehouse_lacks_then_only_refreshes(
    instance: DagsterInstance, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    monkeypatch.setenv("DISCLOSURE_INBOX", str(inbox))
    keys = [write_pdf_like(inbox / f"{name}.pdf", name) for name in ("a", "b")]

    [request] = evaluate(instance, tmp_path)
    assert {k: v for k, v in request.tags.items() if k in RANGE_TAGS} == range_tags(keys[0], keys[-1])
    assert request.asset_selection is None
    assert instance.get_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME) == keys

    [request] = evaluate(
        instance, tmp_path
    )  # the run never happened: the same batch again, not re-registered
    assert {k: v for k, v in request.tags.items() if k in RANGE_TAGS} == range_tags(keys[0], keys[-1])
    assert instance.get_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME) == keys

    publish_as_known(tmp_path, keys)
    [request] = evaluate(instance, tmp_path)
    assert list(request.asset_selection or []) == [published_warehouse.key, analyst_report.key]
    assert not set(request.tags) & RANGE_TAGS


def test_schedule_covers_a_gap_with_one_run_per_partition_range(
    instance: DagsterInstance, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inbox = tmp_path / "inbox"
    monkeypatch.setenv("DISCLOSURE_INBOX", str(inbox))
    a, b, c = (write_pdf_like(inbox / f"{name}.pdf", name) for name in ("a", "b", "c"))
    instance.add_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME, [a, b, c])
    publish_as_known(tmp_path, [b])  # b was loaded; a and c were registered by a run that failed
    d = write_pdf_like(inbox / "d.pdf", "d")

    requests = evaluate(instance, tmp_path)
    assert [{k: v for k, v in r.tags.items() if k in RANGE_TAGS} for r in requests] == [
        range_tags(a, a),
        range_tags(c, d),
    ]
    assert instance.get_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME) == [a, b, c, d]
