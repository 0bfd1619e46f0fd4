"""One writer per warehouse across processes: ``countybudget ingest``, UI and daemon runs alike.

The run queue (dagster.yaml) serialises runs it launches; in-process runs of ``ingest`` bypass it,
so the writing steps also take ``<warehouse>.lock``. Re-entrant within a process: ``ingest`` holds
it around its whole batch and the steps it runs in-process take it again.
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

_held: dict[Path, int] = {}
_guard = threading.Lock()


def lock_path(published: Path) -> Path:
    return published.with_name(f"{published.name}.lock")


@contextmanager
def writer_lock(published: Path, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold ``<warehouse>.lock`` exclusively; calls ``on_wait`` once if another process holds it."""
    path = lock_path(Path(published).absolute())
    with _guard:
        if path in _held:
            _held[path] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _guard:
                _held[path] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        with _guard:
            _held[path] = 1
        try:
            yield
        finally:
            with _guard:
                del _held[path]
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def warehouse_writer(published: Path, on_wait: Callable[[], None] = lambda: None) -> Iterator[Any]:
    """The single writer (``WarehouseWriter``) on the private working copy, under the lock."""
    from warehouse.loader import WarehouseWriter
    from warehouse.publish import working_copy

    with writer_lock(published, on_wait), WarehouseWriter(working_copy(published)) as writer:
        yield writer
