"""The ``documents`` dynamic partitions: one partition per document_id (content hash).

A batch of new documents is registered in one request, so its keys are contiguous in registration
order and one partition-range run (``BackfillPolicy.single_run()``) covers the whole batch.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from dagster import BackfillPolicy, DagsterInstance, DynamicPartitionsDefinition, asset
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

DOCUMENTS_PARTITIONS_NAME = "documents"
documents_partitions = DynamicPartitionsDefinition(name=DOCUMENTS_PARTITIONS_NAME)


def document_asset(**kwargs: Any) -> Callable:
    """``@asset`` for a per-document step: partitioned by document_id, a whole batch in one run."""
    return asset(
        partitions_def=documents_partitions,
        backfill_policy=BackfillPolicy.single_run(),
        group_name="documents",
        **kwargs,
    )


def range_tags(first: str, last: str) -> dict[str, str]:
    """Run tags that make one run materialise every partition from ``first`` to ``last``."""
    return {ASSET_PARTITION_RANGE_START_TAG: first, ASSET_PARTITION_RANGE_END_TAG: last}


def register_new(instance: DagsterInstance, document_ids: Sequence[str]) -> tuple[list[str], list[str]]:
    """Add the ids that are not yet partitions (known keys fetched once); returns (new, all registered)."""
    registered = list(instance.get_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME))
    known = set(registered)
    new = [key for key in dict.fromkeys(document_ids) if key not in known]
    if new:
        instance.add_dynamic_partitions(DOCUMENTS_PARTITIONS_NAME, new)
    return new, registered + new
