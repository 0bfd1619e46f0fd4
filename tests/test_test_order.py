"""The Dagster tests do not depend on their order: a schedule test that evaluates ticks on an
``instance_for_test`` leaves Dagster's current state storage pointing at that disposed instance,
and an ingest run afterwards in the same process must still load its definitions."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_ingest_tests_pass_after_the_schedule_tests_in_one_process() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_schedule_nightly.py",
            "tests/test_pipeline_incremental.py::test_second_ingest_of_an_unchanged_corpus_processes_nothing",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    summary = done.stdout.strip().splitlines()[-1]
    counts = {
        word: int(number) for number, word in re.findall(r"(\d+) (passed|skipped|failed|error)", summary)
    }
    # A test that needs ../shared skips with a reason in a clone without it: that is not a failure.
    assert counts.get("passed", 0) + counts.get("skipped", 0) == 4, summary
    assert counts.get("passed", 0) >= 1 and "failed" not in counts and "error" not in counts, summary
