"""Tables printed as pictures: which routed pages hold them, and their grids read by OCR.

A table pasted as a screenshot under a text title, or a page that is one image, has no text for
camelot. Such a page (``extract.ocr.page_image.page_needs_ocr``: a large image with almost no text
over it) is rendered and read by ``ocr_page_grids`` into the same :class:`Grid` camelot gives, in
PDF points, so titles, units, stitching, header mapping and the checks are shared with text
tables. Pages with a text layer and no such image never reach the OCR engine.
"""

from __future__ import annotations

import logging
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

import pypdfium2 as pdfium

from extract.grid import Grid
from extract.handle import PdfHandle, Source
from extract.model import TableReport
from extract.ocr.page_image import OcrSettings, ocr_page_grids, page_needs_ocr, render_page
from extract.routing import PageRoute
from extract.settings import ExtractSettings

log = logging.getLogger(__name__)
T = TypeVar("T")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# An unrouted page after a table image continues it as a picture when its text layer holds no more
# than a page footer (第 3 页, 科技局2024年部门预算 - 3 -); its picture may be one row (4 % of a page).
_MAX_CONTINUATION_CJK = 20
# Under a table title even a small picture may be the table (a one-row 三公 table is ~6 % of a page).
_TITLED_IMAGE_FRACTION = 0.02


def _no_announcement(seconds: float) -> None:
    """Called before each page's OCR with its time budget; the worker process (extract/worker.py)
    replaces it with a message that moves its document deadline by that budget."""


announce_page: Callable[[float], None] = _no_announcement


class OcrTimeout(Exception):
    """One page's OCR ran over its time budget."""


@dataclass
class ImageTables:
    """What OCR read: grids per page (PDF points), the pages read, and pages given up (why)."""

    routes: list[PageRoute]
    grids: dict[int, list[Grid]] = field(default_factory=dict)
    pages: list[int] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)
    seconds: dict[int, float] = field(default_factory=dict)  # wall, per page read
    cpu_seconds: dict[int, float] = field(default_factory=dict)  # this process (one engine thread)


def read_image_tables(
    source: Source,
    routes: list[PageRoute],
    page_texts: list[str],
    settings: ExtractSettings,
    ruled: set[int] | frozenset[int] = frozenset(),
) -> ImageTables:
    """OCR grids of every routed page that holds a table image, plus image-only pages that continue
    a routed table (added to the returned routes as continuations). Pages in ``ruled`` (camelot
    found a table in their text) are not looked at: a text corpus pays nothing for this path."""
    result = ImageTables(routes=list(routes))
    unread = [route for route in routes if route.page not in ruled]
    if not settings.ocr_tables or not unread:
        return result
    ocr = OcrSettings()
    handle = source if isinstance(source, PdfHandle) else PdfHandle(source)  # the document's own, kept open
    pdf = handle.pdfium
    try:
        routed = {route.page for route in routes}
        titled = replace(ocr, min_image_fraction=_TITLED_IMAGE_FRACTION)
        candidates = [route.page for route in unread if page_needs_ocr(pdf[route.page - 1], titled)]
        for route in routes:
            if route.page not in candidates:
                continue
            number = route.page + 1
            while number <= len(pdf) and number not in routed and _continues(pdf, number, page_texts, titled):
                result.routes.append(PageRoute(number, [], True, route.unit, False, False))
                routed.add(number)
                candidates.append(number)
                number += 1
        result.routes.sort(key=lambda route: route.page)
        for number in sorted(candidates):
            _read_page(pdf, number, ocr, settings.ocr_seconds_per_page, result)
    finally:
        if handle is not source:
            handle.close()
    return result


def _continues(pdf: pdfium.PdfDocument, number: int, page_texts: list[str], ocr: OcrSettings) -> bool:
    """A page that is one picture (a footer at most in its text layer)."""
    text = page_texts[number - 1]
    return len(_CJK.findall(text)) <= _MAX_CONTINUATION_CJK and page_needs_ocr(pdf[number - 1], ocr)


def _read_page(
    pdf: pdfium.PdfDocument, number: int, ocr: OcrSettings, budget: float, result: ImageTables
) -> None:
    grids = read_within_budget(
        number,
        budget,
        "table image",
        lambda: ocr_page_grids(render_page(pdf[number - 1], ocr.dpi), number, ocr),
        result,
    )
    if not grids:
        return  # not read, or a chart or a photo: no ruled table in the picture
    scale = 72 / ocr.dpi
    result.pages.append(number)
    points = [
        replace(
            grid,
            top=grid.top * scale,
            column_edges=tuple((left * scale, right * scale) for left, right in grid.column_edges),
        )
        for grid in grids
    ]
    result.grids[number] = points


def read_within_budget(number: int, budget: float, what: str, read: Callable[[], T], record: Any) -> T | None:
    """``read()`` for page ``number`` under its OCR time budget (announced to the worker first);
    None when it runs over or fails, said in ``record.errors``. ``record.seconds`` and
    ``.cpu_seconds`` get the page's wall and CPU time either way. Shared by image-table pages and
    scanned pages."""
    announce_page(budget)
    started, cpu = time.perf_counter(), time.process_time()
    try:
        with time_budget(budget):
            return read()
    except Exception as error:  # noqa: BLE001 - the engine wraps our timeout in its own error
        why = give_up_reason(error, time.perf_counter() - started, budget)
        record.errors[number] = f"page {number}: {what} not read ({why})"
        log.warning("%s", record.errors[number])
        return None
    finally:
        record.seconds[number] = time.perf_counter() - started
        record.cpu_seconds[number] = time.process_time() - cpu


def give_up_reason(error: Exception, elapsed: float, budget: float) -> str:
    """Why a page's OCR was given up: over its budget (the alarm, whatever the engine wrapped it
    in), or the error's type and last line."""
    if elapsed >= budget:
        return f"OCR over {budget:g} s"
    last = (str(error).strip().splitlines() or [""])[-1][:160]
    return f"OCR failed: {type(error).__name__}: {last}"


def merge_grids(grids: dict[int, list[Grid]], extra: dict[int, list[Grid]]) -> None:
    """Add OCR grids to camelot's, each page's grids top first."""
    for page, more in extra.items():
        grids[page] = sorted([*grids.get(page, []), *more], key=lambda grid: -grid.top)


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OcrTimeout` in the block after ``seconds`` (a real-time alarm; native code may
    wrap it in its own exception, so callers check the clock). Only the main
    thread can take signals: elsewhere the block runs unbudgeted and the worker's document limit
    (``Limits.seconds_per_document``) still holds."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OcrTimeout(f"over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def add_ocr_errors(tables: list[TableReport], errors: dict[int, str]) -> None:
    """A page given up is reported on the table printed there (or the last one before it, or the
    first table when none comes before it: a scanned narrative page given up)."""
    for page, message in sorted(errors.items()):
        owners = [table for table in tables if min(table.pages, default=page + 1) <= page] or tables[:1]
        if owners:
            owners[-1].errors.append(message)
