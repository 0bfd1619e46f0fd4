"""Extract each document in a killable worker process, with a time and a memory limit.

One hostile PDF must not stall or crash a nightly batch. ``workers`` worker interpreters
(``extract.worker``, each in its own session and with RLIMIT_AS set) take documents one at a time
from a pipe. The parent waits on the result pipes, kills a worker's process group at a document's
deadline, and turns every failure (hang, memory blow-up, crash, exception) into a
``QuarantineError`` for that document only; a killed or crashed worker is replaced. Workers are
recycled every ``TASKS_PER_WORKER`` documents so leaks cannot accumulate.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from multiprocessing.connection import Connection, wait
from pathlib import Path

from extract.handle import PdfHandle
from extract.inventory import content_hashes, duplicate_message, find_duplicates
from extract.limits import MIB, Limits
from extract.model import ExtractedDocument, QuarantineError, ReasonClass
from extract.preflight import preflight
from extract.settings import ExtractSettings
from extract.worker import EXTEND, OK, is_memory_wire

Outcome = ExtractedDocument | QuarantineError
Work = Callable[[Path, Limits], ExtractedDocument]
TASKS_PER_WORKER = 25


def preflight_and_extract(
    path: Path, limits: Limits, settings: ExtractSettings | None = None, sha256: str | None = None
) -> ExtractedDocument:
    """The default work of a worker: the cheap gate, then the full extraction, on one handle (the
    file is read once; ``sha256``, known to the caller, is not computed again). The OCR time budget
    per page is the limits' (the worker's deadline grows by it)."""
    from extract.document import extract_document

    settings = replace(
        settings or ExtractSettings.from_env(), ocr_seconds_per_page=limits.ocr_seconds_per_page
    )
    with PdfHandle(path, sha256) as handle:
        preflight(handle, limits)
        return extract_document(handle, settings)


def extract_one(
    path: Path, limits: Limits, work: Work | None = None, settings: ExtractSettings | None = None
) -> Outcome:
    """One document in one isolated worker; returns the document or its quarantine (never raises it)."""
    return extract_many([path], limits, workers=1, work=work, settings=settings)[path]


def extract_many(
    paths: list[Path],
    limits: Limits,
    workers: int = 2,
    work: Work | None = None,
    settings: ExtractSettings | None = None,
    sha256s: Mapping[Path, str] | None = None,
) -> dict[Path, Outcome]:
    """Every path's outcome, in the given order; later copies of the same bytes are ``duplicate``.

    Each file is hashed once: here (for the duplicate rule), or not at all when the caller passes
    the hashes it already has (``sha256s``, e.g. the inventory's); the worker is handed the hash.
    ``settings`` (default: ``ExtractSettings.from_env()``) go to every worker. ``work`` replaces
    preflight + extract_document (tests inject hanging or greedy workers); it must be a module-level
    function so the worker can import it by name.
    """
    hashes = content_hashes(paths, sha256s)
    unique, duplicates = find_duplicates(paths, hashes)
    ids = {first: doc_id for doc_id, first in unique.items()}
    outcomes: dict[Path, Outcome] = {
        later: QuarantineError(ReasonClass.DUPLICATE, duplicate_message(later, first, ids[first]))
        for later, first in duplicates.items()
    }
    settings = settings or ExtractSettings.from_env()
    works: dict[Path, Work] = {
        path: work or partial(preflight_and_extract, settings=settings, sha256=hashes[path])
        for path in unique.values()
    }
    outcomes.update(_run_pool(works, limits, max(1, min(workers, len(works)))))
    return {path: outcomes[path] for path in dict.fromkeys(paths)}


class _Worker:
    """One ``python -m extract.worker`` process and its two pipes."""

    def __init__(self, limits: Limits) -> None:
        job_read, job_write = os.pipe()
        result_read, result_write = os.pipe()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p and os.path.isdir(p)))
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "extract.worker",
                *map(str, (job_read, result_write, limits.memory_bytes, os.getpid())),
            ],
            pass_fds=(job_read, result_write),
            start_new_session=True,
            env=env,
        )
        os.close(job_read)
        os.close(result_write)
        self.jobs = Connection(job_write, readable=False)
        self.results = Connection(result_read, writable=False)
        self.tasks = 0
        self.path: Path | None = None
        self.deadline = 0.0

    def submit(self, path: Path, limits: Limits, work: Work) -> None:
        self.path, self.tasks = path, self.tasks + 1
        self.deadline = time.monotonic() + limits.seconds_per_document
        self.jobs.send((path, limits, work))

    def receive(self, limits: Limits) -> tuple[Outcome, bool] | None:
        """The finished document's outcome, and whether this worker can take another; None when the
        worker only announced an OCR page (its deadline moves by that page's own time budget)."""
        assert self.path is not None
        try:
            wire = self.results.recv()
        except EOFError:
            self.stop()
            return _death_outcome(self.path, self.process.returncode, limits), False
        if wire[0] == EXTEND:
            self.deadline += float(wire[1])
            return None
        if wire[0] == OK:
            return wire[1], self.tasks < TASKS_PER_WORKER
        return QuarantineError(
            ReasonClass(wire[1]), wire[2]
        ), self.tasks < TASKS_PER_WORKER and not is_memory_wire(wire)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.stop()

    def stop(self) -> None:
        """Close the job pipe (the worker exits at EOF) and reap it."""
        self.jobs.close()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.results.close()


def _run_pool(works: dict[Path, Work], limits: Limits, workers: int) -> dict[Path, Outcome]:
    pending = list(reversed(works))
    idle: list[_Worker] = []
    busy: dict[Connection, _Worker] = {}
    outcomes: dict[Path, Outcome] = {}
    try:
        while pending or busy:
            while pending and len(busy) < workers:
                worker = idle.pop() if idle else _Worker(limits)
                path = pending.pop()
                worker.submit(path, limits, works[path])
                busy[worker.results] = worker
            timeout = max(0.0, min(w.deadline for w in busy.values()) - time.monotonic())
            for conn in wait(list(busy), timeout=timeout):
                received = busy[conn].receive(limits)
                if received is None:
                    continue  # an OCR page announced: the document goes on with a later deadline
                worker = busy.pop(conn)
                outcomes[worker.path], reusable = received
                if reusable:
                    idle.append(worker)
                elif worker.process.returncode is None:
                    worker.stop()
            now = time.monotonic()
            for conn, worker in list(busy.items()):
                if now >= worker.deadline:
                    del busy[conn]
                    worker.kill()
                    outcomes[worker.path] = QuarantineError(
                        ReasonClass.TIMEOUT,
                        f"{worker.path.name}: over the time limit of {limits.seconds_per_document:g} s, "
                        "worker killed",
                    )
    finally:
        for worker in busy.values():
            worker.kill()
        for worker in idle:
            worker.stop()
    return outcomes


def _death_outcome(path: Path, returncode: int | None, limits: Limits) -> QuarantineError:
    """A worker that exited without a result: a crash in a C library or the kernel's OOM killer."""
    how = (
        f"signal {signal.Signals(-returncode).name}"
        if returncode and returncode < 0
        else f"exit code {returncode}"
    )
    return QuarantineError(
        ReasonClass.EXTRACTION_ERROR,
        f"{path.name}: worker died with {how} (a crash in a PDF library, or the memory limit of "
        f"{limits.memory_bytes / MIB:.0f} MiB reached in native code)",
    )
