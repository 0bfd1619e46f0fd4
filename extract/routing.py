"""Decide from the text layer alone which pages hold which tables (only those go to camelot)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.amounts import find_unit
from extract.pages import page_lines
from extract.text import squash
from extract.titles import (
    classify_title,
    clean_title,
    is_continuation_marker,
    is_continued_title,
    looks_like_title,
)

_NOTE = re.compile(r"^(?:注|说明|备注)[:：]")
_SECTION = re.compile(r"^第[一二三四五六七八九十]+部分")
_TABULAR = re.compile(r"^\d{3,7}(?:\s|$)|\s\(?-?[\d,]+\.\d{2}\)?$|^[一二三四五六七八九十]+、[^，。：]{2,20}$")
_UNIT_OR_DEPT = re.compile(r"单位[:：]|部门[:：]|金额单位")
_TOC = "目录"


@dataclass
class PageRoute:
    """A page that goes to camelot: the titles printed on it, and whether it continues a table."""

    page: int
    titles: list[tuple[str, str]] = field(default_factory=list)  # (table_type, title)
    continues: bool = False
    unit: str | None = None
    title_at_top: bool = True  # False: body rows of the previous table come before the first title
    tabular: bool = False  # the text layer shows table rows (numbers, codes)


def is_toc_page(lines: list[str]) -> bool:
    return any(squash(line) == _TOC or squash(line).startswith(_TOC) for line in lines[:3])


def find_titles(lines: list[str], top_lines: int) -> list[tuple[int, str, str]]:
    """(line index, table_type, title) of recognised titles: at the top of the page or just above
    a unit / 部门 line (a second table lower on the page)."""
    found = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _NOTE.match(squash(line)):
            index += 1
            continue
        candidates = [(line, 1)]
        if index + 1 < len(lines) and not looks_like_title(line):
            candidates.append((line + lines[index + 1], 2))
        for text, used in candidates:
            table_type = classify_title(text)
            near_unit = any(
                _UNIT_OR_DEPT.search(next_line) for next_line in lines[index + used : index + used + 2]
            )
            if table_type and (index < top_lines or near_unit):
                found.append((index, table_type, clean_title(text)))
                index += used - 1
                break
        index += 1
    return found


def has_unknown_title(lines: list[str], top_lines: int) -> bool:
    """A title-like line (e.g. 项目绩效目标表) at the top: a different table starts here."""
    return any(looks_like_title(line) for line in lines[:top_lines])


def looks_tabular(lines: list[str]) -> bool:
    return any(_TABULAR.search(line) for line in lines)


def route_pages(page_texts: list[str], top_lines: int) -> list[PageRoute]:
    """Pages with a recognised title, and pages that plausibly continue the table before them."""
    routes: list[PageRoute] = []
    open_table = False
    for number, text in enumerate(page_texts, start=1):
        lines = page_lines(text)
        if not lines or is_toc_page(lines) or _SECTION.match(squash(lines[0])):
            open_table = False
            continue
        titles = find_titles(lines, top_lines)
        unit = find_unit(text)
        continued = bool(titles) and open_table and is_continued_title(lines[titles[0][0]])
        if continued:
            titles = titles[1:]  # 部门收入总表（续）: the open table goes on
        if titles or continued:
            at_top = not continued and bool(titles) and titles[0][0] < top_lines
            kinds = [(kind, title) for _, kind, title in titles]
            routes.append(PageRoute(number, kinds, continued, unit, at_top, looks_tabular(lines)))
        elif (
            open_table
            and not has_unknown_title(lines, top_lines)
            and (looks_tabular(lines) or any(is_continuation_marker(line) for line in lines[:3]))
        ):
            routes.append(PageRoute(number, [], True, unit, False, True))
        else:
            open_table = False
            continue
        open_table = not any(_NOTE.match(squash(line)) for line in lines)
    return routes


def toc_tables(page_texts: list[str]) -> list[str]:
    """Table types the 目录 names, in order (a cheap expectation to cross-check against)."""
    for index, text in enumerate(page_texts[:6]):
        lines = page_lines(text)
        if not is_toc_page(lines):
            continue
        following = page_lines(page_texts[index + 1]) if index + 1 < len(page_texts) else []
        named: list[str] = []
        for line in lines + following:
            table_type = classify_title(line)
            if table_type and table_type not in named:
                named.append(table_type)
        return named
    return []
