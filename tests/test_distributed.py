"""The distributed profile for real: PostgreSQL, Redis and two Celery workers on loopback ports.

One slice of the demo corpus (one department: 6 disclosures) is ingested in-process and through
the Celery pool; the published warehouses must be equal row for row. Then a worker process is
killed (SIGKILL) while it extracts: that run fails, and the next ingest completes the warehouse
with nothing duplicated or lost. Every server is started and stopped by PID by ``LocalStack``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ingest_harness import ingest_env, run_ingest, write_good_corpus

pytestmark = [pytest.mark.slow, pytest.mark.distributed]

stack_module = pytest.importorskip("deploy.celery.stack", reason="the distributed extra is not installed")
if stack_module.missing_binaries():
    pytest.skip(
        f"needs PostgreSQL 15 and Redis binaries, absent: {', '.join(stack_module.missing_binaries())} "
        "(apt-get install -y redis-server postgresql-15)",
        allow_module_level=True,
    )

VOLATILE_TYPES = ("TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "DATE", "TIME")


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("distributed")


@pytest.fixture(scope="module")
def corpus(work: Path) -> list[Path]:
    return write_good_corpus(work / "samples", departments=1)


@pytest.fixture(scope="module")
def in_process(work: Path, corpus: list[Path]) -> Path:
    published = work / "in_process" / "warehouse.duckdb"
    published.parent.mkdir()
    done = run_ingest([work / "samples" / "pdfs"], published, work / "in_process_home")
    assert done.returncode == 0, done.stdout + done.stderr
    return published


@pytest.fixture(scope="module")
def stack(work: Path) -> Iterator[stack_module.LocalStack]:
    with stack_module.LocalStack(
        work / "stack", log_level="INFO"
    ) as running:  # stops every server, also on failure
        running.start_workers(2)
        yield running


def ingest_argv(work: Path, published: Path) -> list[str]:
    inbox = str(work / "samples" / "pdfs")
    return [
        sys.executable,
        "-m",
        "countybudget.cli",
        "ingest-distributed",
        inbox,
        "--warehouse",
        str(published),
    ]


def distributed_env(work: Path, stack: stack_module.LocalStack) -> dict[str, str]:
    return ingest_env(work / "unused_home") | stack.env


def ingest_distributed(
    work: Path, stack: stack_module.LocalStack, published: Path
) -> subprocess.CompletedProcess:
    env = distributed_env(work, stack)
    return subprocess.run(ingest_argv(work, published), env=env, capture_output=True, text=True, timeout=600)


def table_rows(published: Path) -> dict[str, list[tuple]]:
    """Every base table's rows, sorted, without the columns that record when (timestamps, seconds)."""
    import duckdb

    with duckdb.connect(str(published), read_only=True) as con:
        tables = [
            row[0] for row in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()
        ]
        rows = {}
        for table in tables:
            columns = [
                name
                for name, kind in con.execute(
                    "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = ? ORDER BY column_index",
                    [table],
                ).fetchall()
                if kind not in VOLATILE_TYPES and "seconds" not in name
            ]
            select = ", ".join(f'"{c}"' for c in columns)
            rows[table] = con.execute(f'SELECT {select} FROM "{table}" ORDER BY ALL').fetchall()
        return rows


def assert_same_warehouse(actual: Path, expected: Path) -> None:
    got, want = table_rows(actual), table_rows(expected)
    assert sorted(got) == sorted(want)
    for table in want:
        assert got[table] == want[table], f"table {table} differs"
    assert len(want["fact_budget_line"]) == 1766  # the slice's amounts, so an empty pair cannot pass


def test_distributed_run_equals_in_process(
    work: Path, in_process: Path, stack: stack_module.LocalStack
) -> None:
    published = work / "celery" / "warehouse.duckdb"
    published.parent.mkdir()
    done = ingest_distributed(work, stack, published)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "6 processed: 6 loaded, 0 quarantined" in done.stdout
    assert_same_warehouse(published, in_process)
    worker_logs = [(stack.logs / f"worker{i}.log").read_text() for i in (1, 2)]
    assert all("execute_plan" in log and "succeeded" in log for log in worker_logs), "both workers took steps"


def extracting_pool_process(stack: stack_module.LocalStack) -> int | None:
    """A worker's pool process that is running an extraction step (it has extraction subprocesses)."""
    for worker in stack.workers.values():
        for child in stack_module.descendants(worker.pid)[:1]:
            if stack_module.descendants(child):
                return child
    return None


def test_killed_worker_then_rerun_loses_and_duplicates_nothing(
    work: Path, in_process: Path, stack: stack_module.LocalStack
) -> None:
    published = work / "killed" / "warehouse.duckdb"
    published.parent.mkdir()
    log = (work / "killed.log").open("w")
    run = subprocess.Popen(
        ingest_argv(work, published), env=distributed_env(work, stack), stdout=log, stderr=log
    )
    try:
        deadline, victim = time.monotonic() + 300, None
        while victim is None and run.poll() is None and time.monotonic() < deadline:
            victim = extracting_pool_process(stack)
            time.sleep(0.1)
        assert victim is not None, "no worker was seen extracting"
        for pid in [victim, *stack_module.descendants(victim)]:  # like the OOM killer: no cleanup
            os.kill(pid, signal.SIGKILL)
        assert run.wait(timeout=600) == 1, "the run whose worker died must fail"
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
        log.close()
    first = (work / "killed.log").read_text()
    loaded_first = sum(line.startswith("loaded ") for line in first.splitlines())
    assert "failed" in first and loaded_first == 3, first  # the other slice's run loaded and published
    rerun = ingest_distributed(work, stack, published)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert "3 processed: 3 loaded, 0 quarantined, 3 unchanged skipped" in rerun.stdout, rerun.stdout
    assert_same_warehouse(published, in_process)
