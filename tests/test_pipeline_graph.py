"""The whole asset graph in-process on real PDFs into a tmp_path DuckDB (a real ephemeral instance)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance

from assets.partitions import range_tags, register_new
from assets.resources import StagingStore, resource_run_config
from checks.names import ALL_CHECKS
from extract.document import extract_document
from pipelines.definitions import defs
from plumbing.paths import default_staging_root
from plumbing.scan import scan

REAL_PDFS = Path(__file__).resolve().parents[2] / "shared" / "real-pdfs"
pytestmark = pytest.mark.skipif(not REAL_PDFS.is_dir(), reason=f"real PDFs not found at {REAL_PDFS}")


def copy_real_pdfs(inbox: Path) -> list[Path]:
    inbox.mkdir(parents=True)
    copies = [inbox / source.name for source in sorted(REAL_PDFS.glob("*.pdf"))]
    for source, copy in zip(sorted(REAL_PDFS.glob("*.pdf")), copies, strict=True):
        shutil.copyfile(source, copy)
    (inbox / "not-really.pdf").write_text("这不是PDF", encoding="utf-8")
    return copies


def run_graph(instance: DagsterInstance, inbox: Path, published: Path):
    staging = StagingStore(root=str(default_staging_root(published)))
    manifest = staging.manifest()
    found = scan([inbox], manifest)
    manifest.record(found.entries)
    keys = [entry.document_id for entry in found.entries]
    register_new(instance, keys)
    job = defs.resolve_job_def("ingest_documents")
    return keys, job.execute_in_process(
        run_config=resource_run_config(published), instance=instance, tags=range_tags(keys[0], keys[-1])
    )


def query(published: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(published), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_graph_loads_every_amount_exactly_and_quarantines_the_rest(tmp_path: Path) -> None:
    pdfs = copy_real_pdfs(tmp_path / "inbox")
    published = tmp_path / "warehouse.duckdb"
    keys, result = run_graph(DagsterInstance.ephemeral(), tmp_path / "inbox", published)
    assert result.success
    assert len(keys) == 3

    expected = [line for pdf in pdfs for line in extract_document(pdf).lines]
    assert query(published, "SELECT count(*), sum(amount_yuan) FROM v_budget_lines") == [
        (len(expected), sum((line.amount_yuan for line in expected), Decimal("0.00")))
    ]
    statuses = query(published, "SELECT status, reason, count(*) FROM v_documents GROUP BY ALL ORDER BY ALL")
    assert statuses == [("loaded", None, 2), ("quarantined", "not_pdf", 1)]

    checks = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert set(checks) == {*ALL_CHECKS, "quarantine_check"}
    assert checks["quarantine_check"].passed is False
    assert checks["quarantine_check"].metadata["reason_not_pdf"].value == 1

    summaries = [m.metadata for m in result.asset_materializations_for_node("warehouse_documents")]
    assert len(summaries) == 3  # one materialisation per partition of the single run
    figures = {
        key: summaries[0][key].value
        for key in ("documents_processed", "documents_quarantined", "amounts_loaded", "tables")
    }
    assert figures == {
        "documents_processed": 3,
        "documents_quarantined": 1,
        "amounts_loaded": len(expected),
        "tables": 18,
    }


def test_each_partition_gets_its_extraction_report(tmp_path: Path) -> None:
    copy_real_pdfs(tmp_path / "inbox")
    keys, result = run_graph(DagsterInstance.ephemeral(), tmp_path / "inbox", tmp_path / "w.duckdb")
    observations = [
        e.event_specific_data.asset_observation
        for e in result.all_events
        if e.event_type_value == "ASSET_OBSERVATION"
    ]
    extracted = {o.partition: o.metadata for o in observations if o.asset_key.path == ["extracted_documents"]}
    assert set(extracted) == set(keys)
    reports = [m for m in extracted.values() if "tables_found" in m]
    assert sorted(m["tables_found"].value for m in reports) == [9, 9]
    assert [m["quarantined"].value for m in extracted.values() if "quarantined" in m] == ["not_pdf"]


def test_a_file_changed_after_registration_is_not_recorded(tmp_path: Path) -> None:
    pdfs = copy_real_pdfs(tmp_path / "inbox")
    published = tmp_path / "w.duckdb"
    staging = StagingStore(root=str(default_staging_root(published)))
    found = scan([tmp_path / "inbox"], staging.manifest())
    staging.manifest().record(found.entries)
    keys = [entry.document_id for entry in found.entries]
    instance = DagsterInstance.ephemeral()
    register_new(instance, keys)
    with pdfs[0].open("ab") as changed:
        changed.write(b"\n% edited after the sensor saw it\n")

    result = defs.resolve_job_def("ingest_documents").execute_in_process(
        run_config=resource_run_config(published), instance=instance, tags=range_tags(keys[0], keys[-1])
    )
    assert result.success
    stale = next(e.document_id for e in found.entries if e.path == str(pdfs[0]))
    recorded = {row[0] for row in query(published, "SELECT document_id FROM v_documents")}
    assert recorded == set(keys) - {stale}
    assert staging.get(stale, "source").problem.message == f"{pdfs[0]} changed before it was read"


def test_the_sensor_batch_runs_as_one_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dagster import SensorResult, build_sensor_context

    from pipelines.sensors import inbox_sensor

    copy_real_pdfs(tmp_path / "inbox")
    published = tmp_path / "w.duckdb"
    monkeypatch.setenv("DISCLOSURE_INBOX", str(tmp_path / "inbox"))
    instance = DagsterInstance.ephemeral()
    staging = StagingStore(root=str(default_staging_root(published)))
    tick = inbox_sensor(build_sensor_context(instance=instance, resources={"staging": staging}))
    assert isinstance(tick, SensorResult)
    for request in tick.dynamic_partitions_requests:  # what the daemon does with the tick
        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
    [run_request] = tick.run_requests

    result = defs.resolve_job_def("ingest_documents").execute_in_process(
        run_config=resource_run_config(published), instance=instance, tags=dict(run_request.tags)
    )
    assert result.success
    assert query(published, "SELECT status, count(*) FROM v_documents GROUP BY ALL ORDER BY ALL") == [
        ("loaded", 2),
        ("quarantined", 1),
    ]
