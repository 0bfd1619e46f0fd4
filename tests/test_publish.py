"""publish: the working copy replaces the published file atomically; readers never see a mixture and
a reader holding the old file keeps reading it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from warehouse.publish import TEMP_SUFFIX, connect_published, publish, working_copy, working_path

READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("select count(*), sum(v) from t").fetchone(), flush=True)
sys.stdin.readline()  # the parent publishes meanwhile
print(con.execute("select count(*), sum(v) from t").fetchone(), flush=True)
"""


def write_rows(path: Path, rows: int) -> None:
    con = duckdb.connect(str(path))
    con.execute("create or replace table t as select range as v from range(?)", [rows])
    con.close()


def count_and_sum(path: Path) -> tuple[int, int]:
    con = connect_published(path)
    try:
        return con.execute("select count(*), sum(v) from t").fetchone()
    finally:
        con.close()


def test_working_path_and_first_copy(tmp_path: Path) -> None:
    published = tmp_path / "warehouse.duckdb"
    assert working_path(published) == tmp_path / "warehouse.work.duckdb"
    assert working_copy(published) == tmp_path / "warehouse.work.duckdb"
    assert not (tmp_path / "warehouse.work.duckdb").exists()  # nothing published yet: the writer creates it
    write_rows(published, 3)
    work = working_copy(published)
    assert count_and_sum(work) == (3, 3)


def test_a_working_copy_left_by_a_killed_run_is_kept(tmp_path: Path) -> None:
    published = tmp_path / "warehouse.duckdb"
    write_rows(published, 3)
    write_rows(working_path(published), 5)  # committed work of an interrupted run
    assert count_and_sum(working_copy(published)) == (5, 10)


def test_publish_replaces_the_file_and_leaves_no_temporaries(tmp_path: Path) -> None:
    published = tmp_path / "warehouse.duckdb"
    write_rows(published, 3)
    old_inode = published.stat().st_ino
    work = working_copy(published)
    write_rows(work, 10)
    stale = tmp_path / f".warehouse.duckdb.abc123{TEMP_SUFFIX}"
    stale.write_bytes(b"half a copy from a killed publish")
    publish(work, published)
    assert count_and_sum(published) == (10, 45)
    assert published.stat().st_ino != old_inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["warehouse.duckdb", "warehouse.work.duckdb"]


def test_a_reader_holding_the_old_file_keeps_reading_it(tmp_path: Path) -> None:
    published = tmp_path / "warehouse.duckdb"
    write_rows(published, 3)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(published)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout.readline().strip() == "(3, 3)"
    work = working_copy(published)
    write_rows(work, 10)
    publish(work, published)  # the reader's open connection does not block the publish
    out, _ = reader.communicate("go\n", timeout=60)
    assert out.strip() == "(3, 3)"  # still the old inode: a whole old state, never a mixture
    assert reader.returncode == 0
    assert count_and_sum(published) == (10, 45)
