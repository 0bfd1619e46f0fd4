"""One writer per warehouse across processes: the run queue covers UI runs, this covers ``ingest``."""

from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def writer_lock(published: Path, on_wait: Callable[[], None] = lambda: None) -> Iterator[None]:
    """Hold ``<warehouse>.lock`` exclusively; calls ``on_wait`` once if another writer holds it."""
    lock_path = published.with_name(f"{published.name}.lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
