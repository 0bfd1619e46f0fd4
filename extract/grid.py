"""Camelot's tables turned into plain grids (text + which cells join their left neighbour).

Everything after this module is pure Python over :class:`Grid`, so it can be unit-tested without
a PDF and runs in a worker process without pandas objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extract.handle import Source, borrowed
from extract.settings import ExtractSettings

_META = re.compile(r"单位[:：]|部门[:：]|单位名称[:：]|部门名称[:：]|编制单位")
# Camelot's page layout (pdfminer's LAParams, ~70 % of extraction time) with boxes_flow=None skips the
# hierarchical grouping of text boxes, which camelot never uses: it reads text lines and sorts them
# by position. Measured on the 104 real disclosures: the same cells, half camelot's CPU time.
CAMELOT_LAYOUT = {"boxes_flow": None}


@dataclass(frozen=True)
class Grid:
    """One camelot table on one page; ``joined_left[r][c]`` = no ruling line left of that cell."""

    page: int
    cells: list[list[str]]
    joined_left: list[list[bool]]
    top: float = 0.0  # PDF y of the table's top edge (larger = higher on the page)
    accuracy: float | None = None
    whitespace: float | None = None
    column_edges: tuple[tuple[float, float], ...] = ()  # (left x, right x) of every column
    confidence: list[list[float]] | None = None  # per cell, 0..1, for OCR'd grids (None: text layer)

    @property
    def width(self) -> int:
        return len(self.cells[0]) if self.cells else 0


def grid_from_rows(
    page: int,
    rows: list[list[str]],
    joined: list[list[bool]] | None = None,
    edges: tuple[tuple[float, float], ...] = (),
) -> Grid:
    """A grid from plain rows (tests, and the camelot conversion below)."""
    width = max((len(row) for row in rows), default=0)
    cells = [row + [""] * (width - len(row)) for row in rows]
    if joined is None:
        joined = [[False] * width for _ in cells]
    return Grid(page=page, cells=cells, joined_left=joined, column_edges=edges)


def realign(grid: Grid, edges: tuple[tuple[float, float], ...], tolerance: float = 2.0) -> Grid | None:
    """The grid re-cut to another page's columns (a continuation page whose only row merges two
    columns has fewer ruling lines); None when a column matches none of ``edges``."""
    targets: list[int] = []
    for left, right in grid.column_edges:
        inside = [i for i, (a, b) in enumerate(edges) if left - tolerance <= (a + b) / 2 <= right + tolerance]
        if not inside:
            return None
        targets.append(inside[0])
    cells = [[""] * len(edges) for _ in grid.cells]
    for r, row in enumerate(grid.cells):
        for c, text in enumerate(row):
            cells[r][targets[c]] = text
    joined = [[False] * len(edges) for _ in grid.cells]
    confidence = None
    if grid.confidence is not None:
        confidence = [[1.0] * len(edges) for _ in grid.cells]
        for r, row in enumerate(grid.confidence):
            for c, value in enumerate(row):
                confidence[r][targets[c]] = value
    return Grid(grid.page, cells, joined, grid.top, grid.accuracy, grid.whitespace, edges, confidence)


def _grid_from_camelot(table: object) -> Grid:
    report = table.parsing_report  # type: ignore[attr-defined]
    cells = [[cell.text for cell in row] for row in table.cells]  # type: ignore[attr-defined]
    joined = [[(index > 0 and not cell.left) for index, cell in enumerate(row)] for row in table.cells]  # type: ignore[attr-defined]
    bbox = getattr(table, "_bbox", None)
    return Grid(
        page=int(table.page),  # type: ignore[attr-defined]
        cells=[[text or "" for text in row] for row in cells],
        joined_left=joined,
        top=float(bbox[3]) if bbox else 0.0,
        accuracy=report.get("accuracy"),
        whitespace=report.get("whitespace"),
        column_edges=tuple((float(left), float(right)) for left, right in table.cols),  # type: ignore[attr-defined]
    )


def camelot_tables(source: Source, pages: list[int], flavor: str, **options: Any) -> list:
    """``camelot.read_pdf`` on ``pages`` of the handle's bytes (its one temporary copy), with the
    layout above; every camelot call of the extractor goes through here."""
    import camelot  # slow import: only when a document has table pages

    with borrowed(source) as handle:
        return list(
            camelot.read_pdf(
                handle.camelot_path(),
                pages=",".join(str(page) for page in sorted(set(pages))),
                flavor=flavor,
                layout_kwargs=dict(CAMELOT_LAYOUT),
                **options,
            )
        )


def read_grids(source: Source, pages: list[int], settings: ExtractSettings) -> dict[int, list[Grid]]:
    """Camelot lattice on only the given pages; grids per page, top table first."""
    if not pages:
        return {}
    tables = camelot_tables(
        source,
        pages,
        settings.camelot_flavor,
        engine=settings.camelot_engine,
        line_scale=settings.line_scale,
        split_text=settings.split_text,
    )
    by_page: dict[int, list[Grid]] = {}
    for table in tables:
        grid = _grid_from_camelot(table)
        by_page.setdefault(grid.page, []).append(grid)
    return {page: sorted(grids, key=lambda grid: -grid.top) for page, grids in by_page.items()}


def read_unruled_grids(source: Source, pages: list[int], settings: ExtractSettings) -> dict[int, list[Grid]]:
    """Tables without ruling lines, found by text alignment (camelot's network flavour); the title,
    unit and 部门 lines it takes into the table are cut off."""
    if not pages or settings.unruled_flavor == "none":
        return {}
    from extract.unruled import repair_unruled

    tables = camelot_tables(source, pages, settings.unruled_flavor)
    by_page: dict[int, list[Grid]] = {}
    for table in tables:
        grid = repair_unruled(_without_heading_rows(_grid_from_camelot(table)))
        if grid.cells:
            by_page.setdefault(grid.page, []).append(grid)
    return {page: sorted(grids, key=lambda grid: -grid.top) for page, grids in by_page.items()}


def _without_heading_rows(grid: Grid) -> Grid:
    """Drop leading rows that are the table's title or its unit / 部门 line, not its header."""
    from extract.titles import looks_like_title

    skip = 0
    for row in grid.cells:
        text = "".join(cell.strip() for cell in row)
        if text and not (looks_like_title(text) or _META.search(text)):
            break
        skip += 1
    return Grid(
        grid.page,
        grid.cells[skip:],
        grid.joined_left[skip:],
        grid.top,
        grid.accuracy,
        grid.whitespace,
        grid.column_edges,
    )
