"""The nightly schedule's re-read option: after an extractor upgrade it also asks for the stale documents."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dagster import DagsterInstance, RunRequest, build_schedule_context, instance_for_test

import extract.version
from assets.partitions import range_tags
from assets.publishing import published_warehouse
from assets.report import analyst_report
from assets.resources import WarehouseResource
from factstore.backfill import NIGHTLY_REREAD_ENV, stale_documents
from factstore.store import FactStore
from pipelines.schedules import nightly_schedule
from tests.pipeline_fixtures import staging_in, write_pdf_like
from warehouse.loader import DocumentRecord, WarehouseWriter
from warehouse.publish import publish, working_copy

RANGE_TAGS = set(range_tags("", ""))


@pytest.fixture
def instance() -> DagsterInstance:
    with instance_for_test() as test_instance:
        yield test_instance


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


def publish_quarantined(tmp_path: Path, reasons: dict[str, str], version: int) -> None:
    """A published warehouse holding these documents, quarantined by ``version`` for these reasons."""
    published = tmp_path / "w.duckdb"
    with WarehouseWriter(working_copy(published)) as writer:
        for key, reason in reasons.items():
            record = DocumentRecord(key, key * 4, f"/inbox/{key}.pdf", extractor_version=version)
            writer.quarantine_document(record, reason, "test")
    publish(working_copy(published), published)


def test_the_nightly_option_adds_documents_an_older_version_read(
    instance: DagsterInstance, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract.version, "EXTRACTOR_VERSION", 1)  # the version before the upgrade
    inbox = tmp_path / "inbox"
    monkeypatch.setenv("DISCLOSURE_INBOX", str(inbox))
    keys = [write_pdf_like(inbox / f"{name}.pdf", name) for name in ("a", "b", "c")]
    publish_quarantined(tmp_path, dict(zip(keys, ["no_tables", "not_pdf", "not_budget"], strict=True)), 1)
    instance.add_dynamic_partitions("documents", keys)
    facts = FactStore(tmp_path / "staging" / "facts")

    [request] = evaluate(instance, tmp_path)  # nothing new, nothing older than version 1
    assert list(request.asset_selection or []) == [published_warehouse.key, analyst_report.key]

    monkeypatch.setattr(extract.version, "EXTRACTOR_VERSION", 2)
    assert stale_documents(tmp_path / "w.duckdb", facts, 2) == sorted([keys[0], keys[2]])
    [request] = evaluate(instance, tmp_path)  # the option is off by default
    assert list(request.asset_selection or []) == [published_warehouse.key, analyst_report.key]

    monkeypatch.setenv(NIGHTLY_REREAD_ENV, "1")
    requests = evaluate(instance, tmp_path)  # no_tables and not_budget may be overcome; not_pdf never
    assert [{k: v for k, v in r.tags.items() if k in RANGE_TAGS} for r in requests] == [
        range_tags(keys[0], keys[0]),
        range_tags(keys[2], keys[2]),
    ]
