"""One open per document (issue 12): the handle path against separate opens, on real documents.

``separate``: preflight and extraction each on their own handle (two reads, two pdfium parses), and
camelot lays out pages with pdfminer's box hierarchy (``boxes_flow=0.5``, camelot's default), as
before. ``handle``: the worker's path, one :class:`~extract.handle.PdfHandle` and
``extract.grid.CAMELOT_LAYOUT``. Both must read the same amounts (checked per document); printed:
CPU and wall seconds, and the opens of the document's path counted by an audit hook. (Before the
handle, ``strace -e openat`` counted 6 opens of a sample document: preflight's read, pdfium and
pypdf, pdfium again, camelot twice; pdfium's opens are C-level, which no audit event shows.)
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import extract.grid
from extract.document import extract_document
from extract.isolation import preflight_and_extract
from extract.limits import Limits
from extract.model import ExtractedDocument
from extract.preflight import preflight

_opened: list[str] = []


def _audit(event: str, args: tuple) -> None:
    if event == "open" and isinstance(args[0], str | bytes | Path):
        _opened.append(str(args[0]))


def _separate(path: Path) -> ExtractedDocument:
    layout = extract.grid.CAMELOT_LAYOUT
    extract.grid.CAMELOT_LAYOUT = {}  # camelot's own default layout, as before
    try:
        preflight(path, Limits())
        return extract_document(path)
    finally:
        extract.grid.CAMELOT_LAYOUT = layout


def _handle(path: Path) -> ExtractedDocument:
    return preflight_and_extract(path, Limits())


def _run(read: Callable[[Path], ExtractedDocument], path: Path) -> tuple[float, float, int, list]:
    _opened.clear()
    wall, cpu = time.perf_counter(), time.process_time()
    document = read(path)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    opens = sum(1 for name in _opened if Path(name).resolve() == path.resolve())
    return (
        cpu,
        wall,
        opens,
        [(x.table_type, x.code, x.item, x.measure, x.amount_yuan) for x in document.lines],
    )


def compare(paths: list[Path]) -> dict[str, list[float]]:
    """Per document: both paths, the handle first then the other way round (no order advantage)."""
    sys.addaudithook(_audit)
    import camelot  # noqa: F401 - imported once up front so neither side pays for it

    _handle(paths[0])  # warm-up: lazy imports and caches are not per document
    cpu: dict[str, list[float]] = {"separate": [], "handle": []}
    for index, path in enumerate(paths):
        order = [("handle", _handle), ("separate", _separate)]
        runs = dict((name, _run(read, path)) for name, read in (order if index % 2 else order[::-1]))
        assert runs["handle"][3] == runs["separate"][3], f"{path}: the two paths read different amounts"
        for name, (seconds, wall, opens, _) in runs.items():
            cpu[name].append(seconds)
            print(
                f"  {path.parent.name}/{path.name} {name:9} cpu {seconds:.3f} s wall {wall:.3f} s opens {opens}"
            )
    for name, times in cpu.items():
        print(f"{name}: {len(times)} documents, median CPU {statistics.median(times):.3f} s per document")
    saved = 1 - statistics.median(cpu["handle"]) / statistics.median(cpu["separate"])
    print(f"handle path saves {saved:.0%} of the median CPU time per document")
    return cpu
