"""The published warehouse and its private working copy (see docs/analysts.md).

DuckDB lets one process write a file and nobody else open it meanwhile, not even read-only. So the
writer never touches the published file: it loads into ``<name>.work.duckdb`` next to it (one
transaction per document, so a SIGKILL leaves each document fully old or fully new there), and
after a successful run the working file is checkpointed, copied to a temporary file in the same
folder, fsynced and renamed over the published one with ``os.replace``. Readers that already had
the old file open keep reading the old inode; new readers get the new file, never a mixture.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import duckdb

from warehouse.failpoints import PUBLISH_AFTER_REPLACE, PUBLISH_BEFORE_REPLACE, failpoint

WORK_MARK = ".work"
TEMP_SUFFIX = ".publishing"


def working_path(published: Path) -> Path:
    """``data/warehouse.duckdb`` -> ``data/warehouse.work.duckdb``."""
    published = Path(published)
    return published.with_name(published.stem + WORK_MARK + published.suffix)


def working_copy(published: Path) -> Path:
    """The writer's private file; started as a copy of the published one when there is none.

    A working file left by a killed run is kept: its committed documents are complete, and the
    next run finishes the rest.
    """
    published = Path(published)
    work = working_path(published)
    if not work.exists() and published.exists():
        _atomic_copy(published, work)
    return work


def publish(working: Path, published: Path) -> None:
    """Make ``working``'s committed state the published file, atomically.

    Call it after the writer's connection is closed (DuckDB shares one database instance per file
    within a process, so an open writer could keep changing it during the copy).
    """
    working, published = Path(working), Path(published)
    connection = duckdb.connect(str(working))
    try:
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    _remove_stale_temps(published)
    stale_wal = published.with_name(published.name + ".wal")
    if stale_wal.exists():  # never ours (nobody writes the published file), and would be replayed into it
        stale_wal.unlink()
    _atomic_copy(working, published, publishing=True)


def connect_published(published: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published file: what analysts and ``countybudget query`` use."""
    return duckdb.connect(str(published), read_only=True)


def _atomic_copy(source: Path, target: Path, publishing: bool = False) -> None:
    """Copy to a temporary file beside ``target``, fsync it, rename it over ``target``, fsync the folder.

    ``publishing`` arms the crash tests' failpoints around the rename (``warehouse/failpoints.py``).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out, source.open("rb") as src:
            shutil.copyfileobj(src, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o644)
        if publishing:
            failpoint(PUBLISH_BEFORE_REPLACE)
        os.replace(temp, target)
        if publishing:
            failpoint(PUBLISH_AFTER_REPLACE)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _remove_stale_temps(published: Path) -> None:
    """Temporary files of a publish that was killed mid-copy."""
    for stale in published.parent.glob(f".{published.name}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
