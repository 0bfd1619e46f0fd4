"""Group routed pages' grids into tables: a page without a title continues the table before it."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.grid import Grid
from extract.routing import PageRoute


@dataclass
class TablePages:
    """One standard table as printed: its title, unit and the grids of every page it spans."""

    table_type: str
    title: str
    first_page: int
    unit: str | None
    grids: list[Grid] = field(default_factory=list)


def stitch(routes: list[PageRoute], grids_by_page: dict[int, list[Grid]]) -> list[TablePages]:
    """Pair each page's titles with its grids (top first); surplus grids at the top of a page, or
    grids on a page without a title, continue the previous table. A title without a grid is a
    table printed without a body (present, empty)."""
    tables: list[TablePages] = []
    current: TablePages | None = None
    for route in routes:
        grids = list(grids_by_page.get(route.page, []))
        surplus = max(0, len(grids) - len(route.titles))
        for grid in grids[:surplus]:
            if current is not None:
                current.grids.append(grid)
                current.unit = current.unit or route.unit
        grids = grids[surplus:]
        for index, (table_type, title) in enumerate(route.titles):
            current = TablePages(table_type, title, route.page, route.unit)
            if index < len(grids):
                current.grids.append(grids[index])
            tables.append(current)
        if route.continues and not grids_by_page.get(route.page):
            current = None  # camelot found no table: whatever was open has ended
    return tables
