"""Asset checks through the graph: the seed document's three contradictions fail their checks with
expected / actual / difference in the metadata, every other rule passes; severities and metadata of
``check_result`` on exact Decimals."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from dagster import AssetCheckSeverity, DagsterInstance

from assets.partitions import range_tags, register_new
from assets.reconciliation import check_result
from assets.resources import StagingStore, resource_run_config
from checks.names import ALL_CHECKS
from pipelines.definitions import defs
from plumbing.paths import default_staging_root
from plumbing.scan import scan
from samplegen.seed_document import write_seed_document


def test_seed_contradictions_fail_their_checks_and_nothing_else(tmp_path: Path) -> None:
    truth = write_seed_document(tmp_path / "samples")
    published = tmp_path / "w.duckdb"
    manifest = StagingStore(root=str(default_staging_root(published))).manifest()
    [entry] = scan([tmp_path / "samples" / "pdfs"], manifest).entries
    manifest.record([entry])
    instance = DagsterInstance.ephemeral()
    register_new(instance, [entry.document_id])
    result = defs.resolve_job_def("ingest_documents").execute_in_process(
        run_config=resource_run_config(published),
        instance=instance,
        tags=range_tags(entry.document_id, entry.document_id),
    )
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    expected = {f["check"]: f for f in truth["expected_findings"]}

    failed = {name for name, e in evaluations.items() if not e.passed}
    assert failed == set(expected)
    assert set(evaluations) - failed == {*ALL_CHECKS, "quarantine_check"} - set(expected)
    for name, finding in expected.items():
        metadata = evaluations[name].metadata
        assert metadata["findings"].value == 1
        assert (metadata["expected_yuan"].value, metadata["actual_yuan"].value) == (
            finding["expected_yuan"],
            finding["actual_yuan"],
        )
        assert metadata["difference_yuan"].value == str(
            Decimal(finding["actual_yuan"]) - Decimal(finding["expected_yuan"])
        )
        assert metadata["first_document"].value == entry.document_id


def finding_row(severity: str, expected: str | None, actual: str | None) -> tuple:
    return (
        "d1",
        "白石县教育局",
        2024,
        "budget",
        severity,
        "合计 is not the sum",
        None if expected is None else Decimal(expected),
        None if actual is None else Decimal(actual),
    )


def test_check_result_severity_and_exact_metadata() -> None:
    passed = check_result("table_total", [])
    assert (passed.passed, passed.metadata["findings"].value) == (True, 0)

    warned = check_result("prior_year_change", [finding_row("warn", "100.10", "100.00")])
    assert (warned.passed, warned.severity) == (False, AssetCheckSeverity.WARN)
    assert warned.metadata["difference_yuan"].value == "-0.10"

    unvalued = check_result("toc_table_missing", [finding_row("error", None, None)])
    assert "expected_yuan" not in unvalued.metadata and "difference_yuan" not in unvalued.metadata

    failed = check_result(
        "table_total", [finding_row("error", "1.00", "2.50"), finding_row("warn", None, None)]
    )
    assert (failed.passed, failed.severity) == (False, AssetCheckSeverity.ERROR)
    assert {k: failed.metadata[k].value for k in ("findings", "errors", "warnings", "difference_yuan")} == {
        "findings": 2,
        "errors": 1,
        "warnings": 1,
        "difference_yuan": "1.50",
    }
    assert "| d1 | 白石县教育局 | 2024 | budget | warn | 合计 is not the sum | None | None | None |" not in (
        failed.metadata["findings_table"].value
    )
    assert (
        "| d1 | 白石县教育局 | 2024 | budget | warn | 合计 is not the sum |  |  |  |"
        in failed.metadata["findings_table"].value
    )
