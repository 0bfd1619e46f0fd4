"""Worker isolation: a hang is killed at the time limit, a memory blow-up and a crash become
quarantines, and the other documents of the batch complete."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.document import extract_document
from extract.inventory import document_id
from extract.isolation import extract_many, extract_one
from extract.limits import MIB, Limits
from extract.model import ExtractedDocument, QuarantineError, ReasonClass
from tests.badinputs import REAL_PDFS, behave_by_name, raw_pdf

REPO = Path(__file__).resolve().parents[1]
HANGING_PARENT = """
import sys
from pathlib import Path
from extract.isolation import extract_many
from extract.limits import Limits
from tests.badinputs import behave_by_name
extract_many([Path(sys.argv[1])], Limits(seconds_per_document=600), work=behave_by_name)
"""
LIMITS = Limits(seconds_per_document=4, memory_bytes=1024 * MIB)


def worker_children(parent: int | None = None) -> list[int]:
    """Live ``extract.worker`` processes started by ``parent`` (default: this test process)."""
    parent = os.getpid() if parent is None else parent
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if (
            int(fields["PPid"]) == parent
            and fields["State"].split()[0] != "Z"
            and b"extract.worker" in cmdline
        ):
            found.append(int(entry.name))
    return found


def process_gone(pid: int) -> bool:
    try:
        return "State:\tZ" in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True


def write_batch(folder: Path) -> list[Path]:
    names = [
        "good_1.pdf",
        "hang_1.pdf",
        "good_2.pdf",
        "greedy_1.pdf",
        "crash_1.pdf",
        "broken_1.pdf",
        "good_3.pdf",
    ]
    paths = []
    for number, name in enumerate(names):
        path = folder / name
        path.write_bytes(raw_pdf(content=b"BT /F1 12 Tf 72 720 Td (Page %d) Tj ET" % number))
        paths.append(path)
    duplicate = folder / "good_1_copy.pdf"
    shutil.copyfile(folder / "good_1.pdf", duplicate)
    return [*paths, duplicate]


def test_hang_memory_crash_and_errors_are_quarantined_and_the_rest_completes(tmp_path: Path) -> None:
    paths = write_batch(tmp_path)
    outcomes = extract_many(paths, LIMITS, workers=2, work=behave_by_name)
    assert list(outcomes) == paths
    documents = {p.name: o.identity.title for p, o in outcomes.items() if isinstance(o, ExtractedDocument)}
    assert documents == {"good_1.pdf": "good_1.pdf", "good_2.pdf": "good_2.pdf", "good_3.pdf": "good_3.pdf"}
    quarantined = {
        p.name: (o.reason, o.message) for p, o in outcomes.items() if isinstance(o, QuarantineError)
    }
    assert quarantined == {
        "hang_1.pdf": (ReasonClass.TIMEOUT, "hang_1.pdf: over the time limit of 4 s, worker killed"),
        "greedy_1.pdf": (ReasonClass.TOO_LARGE, "greedy_1.pdf: over the memory limit of 1024 MiB per worker"),
        "crash_1.pdf": (
            ReasonClass.EXTRACTION_ERROR,
            "crash_1.pdf: worker died with exit code 3 (a crash in a PDF library, or the memory limit of "
            "1024 MiB reached in native code)",
        ),
        "broken_1.pdf": (ReasonClass.EXTRACTION_ERROR, "broken_1.pdf: ValueError: cannot read broken_1.pdf"),
        "good_1_copy.pdf": (
            ReasonClass.DUPLICATE,
            f"good_1_copy.pdf: same bytes as {tmp_path / 'good_1.pdf'} (document {document_id(tmp_path / 'good_1.pdf')})",
        ),
    }
    assert worker_children() == []  # the hung worker was killed, the others reaped


def test_a_batch_of_hangs_uses_both_workers_and_leaves_no_process(tmp_path: Path) -> None:
    paths = []
    for number in range(3):
        path = tmp_path / f"hang_{number}.pdf"
        path.write_bytes(raw_pdf(content=b"BT /F1 12 Tf 72 720 Td (Hang %d) Tj ET" % number))
        paths.append(path)
    outcomes = extract_many(paths, Limits(seconds_per_document=1), workers=2, work=behave_by_name)
    assert {o.reason for o in outcomes.values()} == {ReasonClass.TIMEOUT}
    assert worker_children() == []


def test_isolated_extraction_equals_in_process_extraction() -> None:
    pdfs = sorted(REAL_PDFS.glob("*.pdf"))
    if not pdfs:
        pytest.skip(f"real PDFs missing from {REAL_PDFS}")
    for pdf in pdfs:
        isolated, direct = extract_one(pdf, Limits()), extract_document(pdf)
        assert isinstance(isolated, ExtractedDocument)
        assert (isolated.identity, isolated.pages, isolated.lines) == (
            direct.identity,
            direct.pages,
            direct.lines,
        )
        assert [t.table_type for t in isolated.tables] == [t.table_type for t in direct.tables]


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    hang = tmp_path / "hang_forever.pdf"
    hang.write_bytes(raw_pdf())
    parent = subprocess.Popen([sys.executable, "-c", HANGING_PARENT, str(hang)], cwd=REPO)
    try:
        for _ in range(500):
            if workers := worker_children(parent.pid):
                break
            time.sleep(0.02)
        assert len(workers) == 1
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        for _ in range(250):
            if process_gone(workers[0]):
                break
            time.sleep(0.02)
        else:
            raise AssertionError(f"worker {workers[0]} outlived its killed parent")
    finally:
        parent.kill()
