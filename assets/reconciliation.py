"""Asset checks: one per reconciliation rule (``checks.names``), read from ``v_dq_findings``.

Never blocking: the numbers are the government's and a finding is information. A rule with an
error-severity finding fails with ERROR, one with only warnings fails with WARN.
"""

from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal

from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetCheckSpec,
    MetadataValue,
    asset_check,
    multi_asset_check,
)

from assets.previews import markdown_table
from assets.publishing import published_warehouse
from assets.resources import WarehouseResource
from checks.names import ALL_CHECKS
from warehouse.readback import fetch

FINDING_COLUMNS = [
    "document_id",
    "department",
    "year",
    "phase",
    "severity",
    "message",
    "expected",
    "actual",
    "difference",
]


def difference(expected: Decimal | None, actual: Decimal | None) -> Decimal | None:
    return None if expected is None or actual is None else actual - expected


def check_result(name: str, rows: Sequence[tuple]) -> AssetCheckResult:
    """Pass when no loaded document has a finding of this rule; metadata shows expected / actual / difference."""
    errors = sum(1 for row in rows if row[4] == "error")
    metadata: dict = {"findings": len(rows), "errors": errors, "warnings": len(rows) - errors}
    if rows:
        first = rows[0]
        amounts = {
            "expected_yuan": first[6],
            "actual_yuan": first[7],
            "difference_yuan": difference(first[6], first[7]),
        }
        metadata |= {
            "first_document": first[0],
            "first_message": first[5],
            **{key: str(value) for key, value in amounts.items() if value is not None},
            "findings_table": MetadataValue.md(
                markdown_table(FINDING_COLUMNS, [(*row, difference(row[6], row[7])) for row in rows])
            ),
        }
    return AssetCheckResult(
        asset_key=published_warehouse.key,
        check_name=name,
        passed=not rows,
        severity=AssetCheckSeverity.ERROR if errors else AssetCheckSeverity.WARN,
        metadata=metadata,
    )


@multi_asset_check(
    specs=[
        AssetCheckSpec(
            name, asset=published_warehouse, blocking=False, description=f"v_dq_findings.check = '{name}'"
        )
        for name in ALL_CHECKS
    ],
)
def reconciliation_checks(
    context: AssetCheckExecutionContext, warehouse: WarehouseResource
) -> Iterator[AssetCheckResult]:
    by_check: dict[str, list[tuple]] = {name: [] for name in ALL_CHECKS}
    for check, *row in fetch(warehouse.published, "current_findings"):
        by_check.setdefault(check, []).append(tuple(row))
    for name in ALL_CHECKS:
        yield check_result(name, by_check[name])


@asset_check(asset=published_warehouse, blocking=False, description="Documents quarantined, by reason class.")
def quarantine_check(warehouse: WarehouseResource) -> AssetCheckResult:
    rows = fetch(warehouse.published, "quarantined")
    reasons = Counter(row[2] for row in rows)
    return AssetCheckResult(
        passed=not rows,
        severity=AssetCheckSeverity.WARN,
        metadata={
            "quarantined": len(rows),
            **{f"reason_{reason}": count for reason, count in sorted(reasons.items())},
            "documents": MetadataValue.md(markdown_table(["document_id", "source_path", "reason"], rows)),
        },
    )
