"""Performance targets (``v_performance_targets``) from 部门整体绩效目标表 and 项目绩效目标表.

Bordered tables are read with camelot (lattice, vector engine) on only the pages whose text
mentions 绩效目标 (camelot options from ``ExtractSettings``, without ``split_text``: an indicator
cell is read whole); each table takes the scope and project of the heading printed above it on its
page, and a table on a page without a heading continues the previous one. When camelot finds no
target table, the rows are read from the page text. Never raises: a failure gives ``[]``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from extract.handle import PdfHandle, Source
from extract.model import PerformanceTarget
from extract.performance_table import TableState, targets_from_rows
from extract.performance_text import targets_from_text
from extract.settings import ExtractSettings
from extract.target_headings import Heading, headings_on, page_mentions_targets, project_from_note

log = logging.getLogger(__name__)


def _camelot_tables(
    source: Source, pages: list[int], settings: ExtractSettings
) -> list[tuple[int, list[list[str]]]]:
    """(page, rows) of every lattice table on ``pages``, top to bottom within a page."""
    from extract.grid import camelot_tables

    tables = camelot_tables(
        source,
        pages,
        settings.camelot_flavor,
        engine=settings.camelot_engine,
        line_scale=settings.line_scale,
        suppress_stdout=True,
    )
    ordered = sorted(tables, key=lambda t: (int(t.page), -t._bbox[3]))
    return [(int(t.page), t.df.values.tolist()) for t in ordered]


def _tables_or_nothing(
    source: Source, pages: list[int], settings: ExtractSettings
) -> list[tuple[int, list[list[str]]]]:
    """camelot's tables, or none when the file is missing or camelot fails (the text fallback runs)."""
    if not isinstance(source, PdfHandle) and not Path(source).is_file():
        return []
    try:
        return _camelot_tables(source, pages, settings)
    except Exception as exc:  # noqa: BLE001
        log.warning("camelot could not read the target pages of %s: %r", source, exc)
        return []


def targets_from_tables(
    tables: list[tuple[int, list[list[str]]]], page_texts: list[str]
) -> list[PerformanceTarget]:
    """Targets of camelot tables; a table takes the next unused heading of its page, or continues
    the previous table when its page has none left."""
    found: list[PerformanceTarget] = []
    current: Heading | None = None
    state = TableState()
    unused: dict[int, list[Heading]] = {}
    for page, rows in tables:
        queue = unused.setdefault(page, headings_on(page, page_texts[page - 1]))
        if queue:
            current, state = queue.pop(0), TableState()
        if current is None:
            continue
        project = current.project
        if current.scope == "project":
            project = project_from_note(page_texts[page - 1]) or project
        found += targets_from_rows(rows, current.scope, project, page, state)
    return found


def extract_targets(
    source: Source,
    page_texts: list[str],
    settings: ExtractSettings | None = None,
    tables: list[tuple[int, list[list[str]]]] | None = None,
) -> list[PerformanceTarget]:
    """Every indicator row of the document's performance-target tables (``source``: a path or an
    open :class:`~extract.handle.PdfHandle`). ``tables`` (page, rows), when given, stand for
    camelot's: a scanned document's tables read by OCR (extract/scanned.py)."""
    try:
        pages = [i + 1 for i, text in enumerate(page_texts) if page_mentions_targets(text)]
        if not pages:
            return []
        if tables is None:
            tables = _tables_or_nothing(source, pages, settings or ExtractSettings())
        found = targets_from_tables([(page, rows) for page, rows in tables if page in pages], page_texts)
        return found if found else targets_from_text(page_texts)
    except Exception as exc:  # noqa: BLE001 - targets are extras: never block the tables
        log.warning("performance targets of %s not read: %r", source, exc)
        return []
