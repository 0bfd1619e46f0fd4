"""The warehouse writer lock: exclusive across processes, re-entrant within one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from plumbing.writer_lock import lock_path, writer_lock

HOLD = """
import sys, time
from pathlib import Path
from plumbing.writer_lock import writer_lock
with writer_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_a_second_process_waits_until_the_first_releases(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(published)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert holder.stdout is not None and holder.stdin is not None
    assert holder.stdout.readline() == "held\n"
    waits: list[str] = []

    def release_holder() -> None:
        waits.append("waited")
        holder.stdin.write("go\n")
        holder.stdin.flush()

    with writer_lock(published, release_holder):
        assert holder.wait(timeout=30) == 0
    assert waits == ["waited"]
    assert lock_path(published) == tmp_path / "w.duckdb.lock"


def test_the_lock_is_reentrant_within_a_process(tmp_path: Path) -> None:
    published = tmp_path / "w.duckdb"
    waits: list[str] = []
    with writer_lock(published), writer_lock(published, lambda: waits.append("waited")):
        pass
    with writer_lock(published, lambda: waits.append("waited")):  # released after the outer exit
        pass
    assert waits == []
