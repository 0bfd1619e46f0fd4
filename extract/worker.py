"""The worker behind ``extract.isolation``: ``python -m extract.worker JOB_FD RESULT_FD MEMORY PARENT_PID``.

A separate interpreter (not a fork of the orchestrator, which may hold threads and locks, and not
multiprocessing's spawn, which re-imports the caller's main module): it imports the PDF libraries
once, caps its own address space (RLIMIT_AS), then handles jobs from a pipe until the pipe closes.
Every outcome goes back as a plain tuple, ``("ok", ExtractedDocument)`` or
``("quarantine", reason value, message)``, whatever raised it (MemoryError, a parser bug, …).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import signal
import sys
from multiprocessing.connection import Connection
from pathlib import Path

from extract.limits import MIB, Limits
from extract.model import QuarantineError, ReasonClass

OK, QUARANTINE = "ok", "quarantine"
EXTEND = "extend"  # (EXTEND, seconds): an OCR page starts; its time budget is added to the deadline
PRELOAD = ("extract.preflight", "extract.document", "camelot", "pypdfium2", "pypdf", "pandas")


def run_job(path: Path, limits: Limits, work) -> tuple:
    """One document's outcome as a wire tuple; never raises."""
    try:
        return (OK, work(path, limits))
    except QuarantineError as exc:
        return (QUARANTINE, exc.reason.value, exc.message)
    except MemoryError:
        return memory_wire(path, limits)
    except RecursionError:
        return (QUARANTINE, ReasonClass.TOO_LARGE.value, f"{path.name}: objects nest too deep for the parser")
    except Exception as exc:  # the extractor's own failure, reported not raised
        return (QUARANTINE, ReasonClass.EXTRACTION_ERROR.value, f"{path.name}: {type(exc).__name__}: {exc}")


def memory_wire(path: Path, limits: Limits) -> tuple:
    message = f"{path.name}: over the memory limit of {limits.memory_bytes / MIB:.0f} MiB per worker"
    return (QUARANTINE, ReasonClass.TOO_LARGE.value, message)


def is_memory_wire(wire: tuple) -> bool:
    return wire[0] == QUARANTINE and "over the memory limit" in wire[2]


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent(parent_pid: int) -> None:
    """SIGKILL this worker when its parent dies (a killed ingest must not leave a hung worker behind)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before the request took effect
        os._exit(1)


def _preload() -> None:
    """Import the PDF stack before the address-space cap, once per worker rather than per job."""
    for module in PRELOAD:
        __import__(module)


def main(argv: list[str]) -> int:
    job_fd, result_fd, memory_bytes, parent_pid = (int(arg) for arg in argv[1:5])
    _die_with_parent(parent_pid)
    jobs, results = Connection(job_fd, writable=False), Connection(result_fd, readable=False)
    _preload()
    from extract import image_pages  # preloaded: extract.document imports it

    image_pages.announce_page = lambda seconds: results.send((EXTEND, seconds))
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    while True:
        try:
            path, limits, work = jobs.recv()
        except EOFError:
            return 0
        wire = run_job(path, limits, work)
        try:
            results.send(wire)
        except MemoryError:
            wire = memory_wire(path, limits)
            results.send(wire)
        if is_memory_wire(wire):
            return 0  # a fresh process for the next document, not a fragmented heap


if __name__ == "__main__":
    sys.exit(main(sys.argv))
