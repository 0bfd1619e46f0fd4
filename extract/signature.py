"""Classify a table by its column headers when its title is missing, cut off or an image.

The registry (``extract/tables.toml``) gives each table type a header signature: the header words
that identify it. A grid whose header matches exactly one signature is that table; no match or
several is unknown (None), never a guess. The body's code family (functional 2xx vs economic 3xx)
separates tables whose columns are alike (一般公共预算支出表 vs 基本支出 by economic class).
"""

from __future__ import annotations

import re

from extract.grid import Grid
from extract.headers import column_paths, filled_header, header_row_count
from extract.registry import REGISTRY, Registry
from extract.text import squash
from extract.titles import looks_like_title

_META = re.compile(r"单位[:：]|部门[:：]|编制单位")
_FUNCTIONAL = re.compile(r"^2\d{2}(?:\d{2}){0,2}$")
_ECONOMIC = re.compile(r"^3\d{2}(?:\d{2})?$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def header_elements(grid: Grid) -> list[str]:
    """Every distinct header cell of the grid (its column paths), without a title or unit line
    printed inside the ruled grid: the signature must not read the title it stands in for."""
    rows = header_row_count(grid)
    paths = column_paths(filled_header(grid, rows), grid.width)
    elements = dict.fromkeys(element for path in paths for element in path)
    return [e for e in elements if not looks_like_title(e) and not _META.search(e)]


def code_family(grid: Grid) -> str | None:
    """'functional' or 'economic' when the body rows' leading codes are all of one family."""
    families = set()
    for row in grid.cells[header_row_count(grid) :]:
        first = next((squash(cell) for cell in row if squash(cell)), "")
        code = re.match(r"^\d+", first)
        if code and _FUNCTIONAL.match(code.group()):
            families.add("functional")
        elif code and _ECONOMIC.match(code.group()):
            families.add("economic")
    return families.pop() if len(families) == 1 else None


def row_labels(grid: Grid) -> list[str]:
    """The body's text cells (row labels of either side), numbers left out."""
    return [
        text
        for row in grid.cells[header_row_count(grid) :]
        for text in map(squash, row)
        if text and _CJK.search(text)
    ]


def classify_header(grid: Grid, registry: Registry = REGISTRY) -> str | None:
    """The table type whose header signature this grid's header matches, if exactly one does."""
    elements = header_elements(grid)
    if not elements:
        return None
    return registry.by_signature(elements, code_family(grid), row_labels(grid))
