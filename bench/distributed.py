"""Distributed-profile benchmark: documents per second in-process vs 1 and 2 Celery workers.

One department's slice of the demo corpus (6 disclosures) is ingested by real subprocesses, each
into a fresh warehouse: ``countybudget ingest`` (in-process executor, SQLite instance) and
``countybudget ingest-distributed`` against a local stack (PostgreSQL, Redis, N workers; starting
the stack is not timed, a deployment keeps it running). A one-document ingest of each gives the
fixed cost of a run. Prints figures only; docs/scaling.md turns them into machine counts.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env | {"COLUMNS": "200"}, capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{argv[3]} failed ({done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return seconds


def ingest(command: str, inbox: Path, work: Path, env: dict[str, str], *extra: str) -> float:
    warehouse = work / f"{command}-{time.monotonic_ns()}" / "warehouse.duckdb"
    warehouse.parent.mkdir(parents=True)
    argv = [
        sys.executable,
        "-m",
        "countybudget.cli",
        command,
        str(inbox),
        "--warehouse",
        str(warehouse),
        *extra,
    ]
    return timed(argv, env | {"DAGSTER_HOME": env.get("DAGSTER_HOME", str(warehouse.parent / "home"))})


def main() -> None:
    from deploy.celery.stack import LocalStack, missing_binaries
    from tests.ingest_harness import write_good_corpus

    if missing_binaries():
        print(f"skipped: missing {', '.join(missing_binaries())}")
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the stack's servers on `kill` too
    work = Path(tempfile.mkdtemp(prefix="bench-distributed-"))
    try:
        pdfs = write_good_corpus(work / "samples", departments=1)
        inbox, single = work / "samples" / "pdfs", work / "single"
        single.mkdir()
        shutil.copyfile(pdfs[0], single / pdfs[0].name)
        print(
            f"slice: {len(pdfs)} PDFs, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} (other jobs)"
        )
        print(
            "seconds are wall time of the whole command (imports included); per doc = (6 docs - 1 doc) / 5,"
        )
        print("fixed = 1 doc - per doc: the cost of a run whatever its size", flush=True)
        print(f"{'executor':38} {'6 docs s':>8} {'docs/s':>7} {'1 doc s':>8} {'per doc s':>9} {'fixed s':>8}")

        def row(name: str, batch: float, one: float) -> None:
            marginal = (batch - one) / (len(pdfs) - 1)
            print(
                f"{name:38} {batch:8.1f} {len(pdfs) / batch:7.3f} {one:8.1f} {marginal:9.2f} {one - marginal:8.1f}"
            )

        local = {key: value for key, value in os.environ.items() if key != "DAGSTER_HOME"}  # a fresh home
        row(
            "in-process (SQLite instance)",
            ingest("ingest", inbox, work, local),
            ingest("ingest", single, work, local),
        )
        for workers in (1, 2):
            with LocalStack() as stack:
                stack.start_workers(workers)
                env = stack.environment()
                batch = ingest("ingest-distributed", inbox, work, env, "--runs", str(workers))
                one = ingest("ingest-distributed", single, work, env, "--runs", "1")
            row(f"celery, {workers} worker{'s' * (workers > 1)} (Postgres instance)", batch, one)
        print(f"load average at the end: {os.getloadavg()[0]:.1f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
