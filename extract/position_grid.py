"""A grid built from text positions alone, for a table with no rules that alignment tools miss.

Camelot's lattice needs ruling lines and its network/stream flavours need several aligned rows;
a one-row table printed without vertical rules (a 决算 三公 table: a header of spanning headings
over 预算数/决算数 pairs and a single row of amounts, some columns blank) gets neither. Its columns
are still visible in the character boxes: every word of the lowest header line and of the body
marks a column's horizontal extent, overlapping extents are one column, and a heading above that
overlaps several columns spans them. The result is the same :class:`Grid` camelot gives, so
headers, measures and rows are read as for any other table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.grid import Grid
from extract.layout import TextLine
from extract.text import squash

_AMOUNT = re.compile(r"^-?\(?\d[\d,]*(?:\.\d+)?\)?$")
_META = re.compile(r"单位[:：]|部门[:：]|单位名称|部门名称|编制单位")
_END = re.compile(r"^(?:注[:：1-9]|说明[:：]|第\d+页|-\d+-$|\d+$)")
_MIN_COLUMNS = 2


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float


def words_of(line: TextLine) -> list[Word]:
    """The line's runs split at spaces, each piece given its share of the run's width."""
    words: list[Word] = []
    for run in line.runs:
        text = run.text
        if not text.strip():
            continue
        step = (run.x1 - run.x0) / max(len(text.rstrip()), 1)
        for match in re.finditer(r"\S+", text):
            words.append(Word(match.group(), run.x0 + match.start() * step, run.x0 + match.end() * step))
    return words


def table_lines(lines: list[TextLine], title_top: float) -> list[TextLine]:
    """The lines of the table under a title: below it, past its unit / 部门 line, up to a note or
    the page footer."""
    out: list[TextLine] = []
    for line in lines:
        if line.y1 > title_top + 0.5 or (not out and (_META.search(line.text) or line.y1 >= title_top - 0.5)):
            continue
        if _END.match(squash(line.text)):
            break
        out.append(line)
    return out


def _columns(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[list[float]] = []
    for x0, x1 in sorted(intervals):
        if merged and x0 < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def _overlap(word: Word, column: tuple[float, float]) -> float:
    return min(word.x1, column[1]) - max(word.x0, column[0])


def _best(word: Word, columns: list[tuple[float, float]]) -> int:
    centre = (word.x0 + word.x1) / 2
    return max(
        range(len(columns)),
        key=lambda c: (_overlap(word, columns[c]), -abs(centre - (columns[c][0] + columns[c][1]) / 2)),
    )


def _centred_span(word: Word, spanned: list[int], centres: list[float]) -> list[int]:
    """A heading is centred over the columns it spans: the smallest run of columns around the ones
    its text covers whose middle is the heading's middle (合计 over 预算数 | 决算数)."""
    centre = (word.x0 + word.x1) / 2
    gaps = [b - a for a, b in zip(centres, centres[1:], strict=False)] or [0.0]
    tolerance = 0.25 * min(gaps)
    first, last = spanned[0], spanned[-1]
    for extra in range(0, 3):
        for left in range(extra + 1):
            lo, hi = first - left, last + extra - left
            if lo >= 0 and hi < len(centres) and abs((centres[lo] + centres[hi]) / 2 - centre) <= tolerance:
                return list(range(lo, hi + 1))
    return spanned


def position_grid(lines: list[TextLine], page: int, title_top: float) -> Grid | None:
    """The grid of the table under the title at ``title_top``, or None when there is none."""
    body_start = None
    rows = [words_of(line) for line in table_lines(lines, title_top)]
    for index, words in enumerate(rows):
        if any(_AMOUNT.match(word.text) for word in words):
            body_start = index
            break
    if not body_start:  # no header above the first amount row: not a table we can map
        return None
    leaf = rows[body_start - 1]
    columns = _columns([(w.x0, w.x1) for words in [leaf, *rows[body_start:]] for w in words])
    if len(columns) < _MIN_COLUMNS:
        return None
    centres = [(a + b) / 2 for a, b in columns]
    for word in leaf:  # a column's middle is its header word's (amounts are right-aligned)
        centres[_best(word, columns)] = (word.x0 + word.x1) / 2
    cells = [[""] * len(columns) for _ in rows]
    joined = [[False] * len(columns) for _ in rows]
    for r, words in enumerate(rows):
        for word in words:
            spanned = [c for c, column in enumerate(columns) if _overlap(word, column) > 0]
            if r < body_start - 1:
                spanned = _centred_span(word, spanned or [_best(word, columns)], centres)
            if len(spanned) > 1:  # a heading over several columns
                cells[r][spanned[0]] += word.text
                for c in spanned[1:]:
                    joined[r][c] = True
            else:
                cells[r][_best(word, columns)] += word.text
    return Grid(page=page, cells=cells, joined_left=joined, top=title_top, column_edges=tuple(columns))
