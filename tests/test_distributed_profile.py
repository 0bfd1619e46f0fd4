"""The distributed profile's wiring, without servers: same graph, Celery executor, queue pinning."""

from __future__ import annotations

import pytest

pytest.importorskip("dagster_celery", reason="the distributed extra is not installed")

from pipelines.distributed import celery_settings, distributed_ingest_job  # noqa: E402
from pipelines.distributed_ingest import MAX_PER_RUN, slices  # noqa: E402
from pipelines.jobs import ingest_job  # noqa: E402
from plumbing.tags import CELERY_QUEUE_TAG, LOAD_QUEUE  # noqa: E402


def test_the_celery_job_runs_the_same_graph_with_only_the_writers_pinned_to_the_load_queue() -> None:
    from pipelines.definitions import defs

    job = distributed_ingest_job()
    in_process = defs.resolve_job_def(ingest_job.name)
    assert job.executor_def.name == "celery"
    assert sorted(node.name for node in job.graph.nodes) == sorted(
        node.name for node in in_process.graph.nodes
    )
    pinned = {node.name for node in job.graph.nodes if node.tags.get(CELERY_QUEUE_TAG) == LOAD_QUEUE}
    assert pinned == {"warehouse_documents", "published_warehouse"}


def test_a_killed_step_fails_its_run_and_a_lost_host_is_redelivered() -> None:
    settings = celery_settings()
    assert settings["task_acks_late"] is True
    assert settings["task_reject_on_worker_lost"] is False
    assert settings["worker_prefetch_multiplier"] == 1
    assert settings["broker_transport_options"]["visibility_timeout"] == 3600


def test_slices_split_a_batch_evenly_and_cap_a_run() -> None:
    keys = [f"k{i}" for i in range(7)]
    assert slices(keys, 2) == [keys[:4], keys[4:]]
    assert slices(keys, 10) == [[key] for key in keys]
    assert slices([], 2) == []
    many = [f"k{i}" for i in range(MAX_PER_RUN * 2 + 1)]
    assert [len(part) for part in slices(many, 1)] == [MAX_PER_RUN, MAX_PER_RUN, 1]


@pytest.mark.slow
def test_the_profile_is_a_loadable_code_location(tmp_path) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = os.environ | {"DAGSTER_HOME": str(tmp_path)}
    done = subprocess.run(
        [
            str(Path(sys.executable).parent / "dagster"),
            "definitions",
            "validate",
            "-m",
            "pipelines.distributed",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert "Validation successful for code location pipelines.distributed." in done.stdout + done.stderr
