"""Group routed pages' grids into tables: a page without a title continues the table before it."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.grid import Grid
from extract.routing import PageRoute
from extract.signature import classify_header


@dataclass
class TablePages:
    """One standard table as printed: its title, unit and the grids of every page it spans."""

    table_type: str
    title: str
    first_page: int
    unit: str | None
    grids: list[Grid] = field(default_factory=list)
    body_without_grid: bool = False  # rows in the text layer but no ruled table found
    assumed_unit: str | None = None  # no unit line printed: the unit of the table before it
    by_header: bool = False  # no title printed: classified by its column headers


def assume_missing_units(tables: list[TablePages]) -> list[TablePages]:
    """A table printed without a unit line is read in the unit of the table before it (a document
    keeps one unit throughout; 元 would make 万元 figures 10,000 times too small)."""
    previous: str | None = None
    for table in tables:
        if table.unit is None:
            table.assumed_unit = previous
        previous = table.unit or previous
    return tables


_SLACK = 2.0  # points: a title printed as the grid's first merged row sits just inside its top


def owner_of(grid: Grid, headings: list[tuple[float, int | None]]) -> int | None | bool:
    """Index of the page title printed nearest above ``grid`` (``None`` for a title that names no
    standard table), or ``False`` when no title is above it (it continues the previous table)."""
    above = [(top, owner) for top, owner in headings if top >= grid.top - _SLACK]
    return min(above, key=lambda heading: heading[0])[1] if above else False


def stitch(routes: list[PageRoute], grids_by_page: dict[int, list[Grid]]) -> list[TablePages]:
    """Pair each page's titles with its grids (top first).

    Where the titles' positions are known, a grid belongs to the title printed nearest above it:
    grids above every title continue the previous table, grids under an unrecognised title
    (项目绩效目标表, 财政拨款支出表) belong to no standard table. Otherwise titles pair with grids in
    order: grids above the first title continue the previous table, grids beyond the titles of a
    page whose title is at the top belong to its last table (camelot split it). A title without
    a grid is a table printed without a body (present, empty)."""
    tables: list[TablePages] = []
    current: TablePages | None = None
    previous_page = 0
    for route in routes:
        if route.page > previous_page + 1:
            current = None  # a page the router did not send ends whatever was open
        previous_page = route.page
        grids = list(grids_by_page.get(route.page, []))
        if route.untitled:
            current = _untitled(route, grids, tables, current)
            continue
        if (route.title_tops or route.other_title_tops) and grids and all(grid.top for grid in grids):
            current = _stitch_by_position(route, grids, tables, current)
            continue
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
    titled = {table.table_type for table in tables if not table.by_header}
    return [table for table in tables if not (table.by_header and table.table_type in titled)]


def _untitled(
    route: PageRoute, grids: list[Grid], tables: list[TablePages], current: TablePages | None
) -> TablePages | None:
    """Grids of a page without a title: each whose header signature names exactly one table type
    starts that table (kept only if no printed title names the same table), or goes on with the
    table before it when it repeats that table's header; the others are not read. Returns the
    table left open."""
    for grid in grids:
        table_type = classify_header(grid)
        if current is not None and current.by_header and table_type == current.table_type:
            current.grids.append(grid)  # the same header (and unit line) repeated: it goes on
            continue
        current = (
            TablePages(table_type, "", route.page, route.unit, [grid], by_header=True) if table_type else None
        )
        if current is not None:
            tables.append(current)
    return current


def _stitch_by_position(
    route: PageRoute, grids: list[Grid], tables: list[TablePages], current: TablePages | None
) -> TablePages | None:
    """One page's grids given to the title above each of them; returns the table left open."""
    opened = [TablePages(kind, title, route.page, route.unit) for kind, title in route.titles]
    headings: list[tuple[float, int | None]] = [(top, index) for index, top in enumerate(route.title_tops)]
    headings += [(top, None) for top in route.other_title_tops]
    for grid in grids:
        owner = owner_of(grid, headings)
        if owner is False:
            if current is not None:
                current.grids.append(grid)
                current.unit = current.unit or route.unit
        elif owner is None:
            current = None  # a table we do not read: later grids without a title are its rest
        else:
            current = opened[owner]
            current.grids.append(grid)
    for table in opened:
        table.body_without_grid = not table.grids and route.tabular and len(opened) == 1
    tables.extend(opened)
    if not headings:
        return current
    lowest = min(headings, key=lambda heading: heading[0])[1]  # the table printed last may go on overleaf
    return opened[lowest] if lowest is not None else None
