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
    body_without_grid: bool = False  # rows in the text layer but no ruled table found


def stitch(routes: list[PageRoute], grids_by_page: dict[int, list[Grid]]) -> list[TablePages]:
    """Pair each page's titles with its grids (top first). Grids above the first title (a page
    that starts with the rest of the previous table) continue the previous table; grids beyond
    the titles of a page whose title is at the top belong to its last table (camelot split it).
    A title without a grid is a table printed without a body (present, empty)."""
    tables: list[TablePages] = []
    current: TablePages | None = None
    for route in routes:
        grids = list(grids_by_page.get(route.page, []))
        surplus = max(0, len(grids) - len(route.titles))
        leading = 0 if route.title_at_top and route.titles else surplus
        for grid in grids[:leading]:
            if current is not None:
                current.grids.append(grid)
                current.unit = current.unit or route.unit
        grids = grids[leading:]
        for index, (table_type, title) in enumerate(route.titles):
            current = TablePages(table_type, title, route.page, route.unit)
            last = index == len(route.titles) - 1
            current.grids.extend(grids[index:] if last else grids[index : index + 1])
            current.body_without_grid = not current.grids and route.tabular and len(route.titles) == 1
            tables.append(current)
        if route.continues and not grids_by_page.get(route.page):
            current = None  # camelot found no table: whatever was open has ended
    return tables
