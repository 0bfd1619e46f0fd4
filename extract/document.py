"""The whole pure extraction of one PDF: page texts → identity → routed table pages → camelot →
stitched tables → BudgetLines, plus the narrative and performance readers. Every reader works on one
:class:`~extract.handle.PdfHandle` (the file is read once)."""

from __future__ import annotations

import logging
import re
import time

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.assemble import table_lines
from extract.grid import read_grids, read_unruled_grids
from extract.handle import PdfHandle, Source, borrowed
from extract.identity import identify
from extract.image_pages import add_ocr_errors, merge_grids, read_image_tables
from extract.layout import lines_text
from extract.model import ExtractedDocument, QuarantineError, ReasonClass
from extract.narrative import extract_narrative, extract_projects
from extract.pages import read_page_layouts
from extract.performance import extract_targets
from extract.position_grid import position_grid
from extract.routing import route_pages, toc_tables
from extract.scanned import read_scanned
from extract.settings import ExtractSettings
from extract.stitch import assume_missing_units, stitch

log = logging.getLogger(__name__)
_CJK = re.compile(r"[\u4e00-\u9fff]")  # scans carry at most page numbers in their text layer


def extract_document(source: Source, settings: ExtractSettings | None = None) -> ExtractedDocument:
    """Read one disclosure PDF (a path, or the worker's open handle); raises QuarantineError
    (not_budget, no_tables; no_text_layer with OCR off)."""
    with borrowed(source) as handle:
        return _extract(handle, settings or ExtractSettings())


def _extract(handle: PdfHandle, settings: ExtractSettings) -> ExtractedDocument:
    started = time.perf_counter()
    path = handle.path
    try:
        layouts = read_page_layouts(handle)
    except pdfium.PdfiumError as error:  # preflight normally catches these first
        reason = (
            ReasonClass.ENCRYPTED if error.err_code == pdfium_c.FPDF_ERR_PASSWORD else ReasonClass.CORRUPT
        )
        raise QuarantineError(reason, f"{path.name}: unreadable PDF ({error})") from error
    page_texts = [lines_text(lines) for lines in layouts]
    scan = None
    if sum(len(_CJK.findall(text)) for text in page_texts) < settings.min_cjk_chars:
        scan = read_scanned(handle, settings)  # a scan: every page read by OCR (extract/scanned.py)
        layouts, page_texts = scan.layouts, scan.page_texts
    identity = identify(page_texts, settings.identity_pages)
    if identity is None:
        raise QuarantineError(
            ReasonClass.NOT_BUDGET,
            f"{path.name}: no 部门预算/部门决算 title on its first {settings.identity_pages} pages",
        )
    routes = route_pages(
        page_texts, settings.title_search_lines, [[line.y1 for line in lines] for lines in layouts]
    )
    if scan is None:
        grids = read_grids(handle, [route.page for route in routes], settings)
        images = read_image_tables(
            handle, routes, page_texts, settings, {page for page, found in grids.items() if found}
        )
    else:
        grids, images = {}, scan.image_tables(routes)
    routes = images.routes
    merge_grids(grids, images.grids)
    if scan is None:  # on a scan, text positions are OCR's: no grid is guessed from them
        unruled = [route.page for route in routes if route.tabular and not grids.get(route.page)]
        grids.update(read_unruled_grids(handle, unruled, settings))
        grids.update(_position_grids(routes, grids, layouts))
    document = ExtractedDocument(identity=identity, pages=len(page_texts), toc_tables=toc_tables(page_texts))
    document.ocr_pages = images.pages
    for table in assume_missing_units(stitch(routes, grids)):
        lines, report = table_lines(table, identity.phase or "budget", identity.fiscal_year or 0)
        document.lines.extend(lines)
        document.tables.append(report)
    add_ocr_errors(document.tables, images.errors)
    if settings.run_narrative:
        _add_text_readings(document, handle, page_texts, settings, scan.tables() if scan else None)
    if not routes and not document.narrative:  # a narrative-only part (tables in another file) is loaded
        raise QuarantineError(
            ReasonClass.NO_TABLES, f"{path.name}: no standard table title and no narrative figure found"
        )
    document.seconds = time.perf_counter() - started
    return document


def _position_grids(routes: list, grids: dict[int, list], layouts: list) -> dict[int, list]:
    """A titled page whose table neither lattice nor alignment found: its grid from text positions."""
    found = {}
    for route in routes:
        if route.tabular and route.title_tops and not grids.get(route.page):
            built = [position_grid(layouts[route.page - 1], route.page, top) for top in route.title_tops[:1]]
            if built[0] is not None:
                found[route.page] = built
    return found


def _add_text_readings(
    document: ExtractedDocument,
    handle: PdfHandle,
    page_texts: list[str],
    settings: ExtractSettings,
    tables: list | None = None,
) -> None:
    """Narrative metrics, projects and performance targets; their failure never costs the tables.
    ``tables``: a scan's OCR grids as (page, rows), for the target tables camelot cannot see."""
    path = handle.path
    readers = (
        ("narrative", lambda: extract_narrative(page_texts)),
        ("projects", lambda: extract_projects(page_texts)),
        ("targets", lambda: extract_targets(handle, page_texts, settings, tables)),
    )
    for attribute, read in readers:
        try:
            setattr(document, attribute, list(read()))
        except Exception as error:  # noqa: BLE001 - a side reader must never break table extraction
            log.warning("%s: reading %s failed: %r", path.name, attribute, error)
