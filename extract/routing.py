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
    names_a_table,
)

_NOTE = re.compile(r"^(?:注|说明|备注)[:：]")
_SECTION = re.compile(r"^第[一二三四五六七八九十]+部分")
# a coded row, or a row ending in an amount (perhaps followed by the placeholders of blank cells)
_NUMBER_ROW = re.compile(r"^\d{3,7}(?:\s|$)|\s\(?-?[\d,]+\.\d{2}\)?(?:\s+[-—–])*$")
_TABULAR = re.compile(_NUMBER_ROW.pattern + r"|^[一二三四五六七八九十]+、[^，。：]{2,20}$")
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
    title_tops: list[float] = field(default_factory=list)  # PDF y of each title's top, when known
    other_title_tops: list[float] = field(default_factory=list)  # titles of tables we do not read
    untitled: bool = False  # a table with no title at all: its grids are classified by their header


_HEADER_WORDS = re.compile(r"合计|总计|预算数|决算数")
UNTITLED = "?"  # the open table of an untitled page: its type is known once its header is read
_LIST_OF_TITLES = 3  # this many table titles on a page without a table row: a list of tables


def is_toc_page(lines: list[str]) -> bool:
    """A 目录, or any page that lists table titles without printing a table (``二、表格部分``
    followed by the titles): the titles name tables printed elsewhere."""
    if any(squash(line) == _TOC or squash(line).startswith(_TOC) for line in lines[:3]):
        return True
    titles = sum(1 for line in lines if classify_title(line))
    numbers = any(_NUMBER_ROW.search(line) for line in lines)
    return titles >= _LIST_OF_TITLES and not numbers and not has_unit_line(lines)


def has_unit_line(lines: list[str]) -> bool:
    """A ``单位：万元`` / ``部门：…`` line: a printed table is near."""
    return any(_UNIT_OR_DEPT.search(line) for line in lines)


def find_titles(
    lines: list[str], top_lines: int, next_page: list[str] | None = None
) -> list[tuple[int, str, str]]:
    """(line index, table_type, title) of recognised titles: at the top of the page, beside a unit /
    部门 line (a second table lower on the page), or left at the page foot when ``next_page`` (the
    following page's lines) starts with a unit line and no title."""
    found = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if _NOTE.match(squash(line)):
            index += 1
            continue
        candidates = [(line, 1)]
        following_is_title = index + 1 < len(lines) and classify_title(lines[index + 1]) is not None
        if index + 1 < len(lines) and not looks_like_title(line) and not following_is_title:
            candidates.append((line + lines[index + 1], 2))
        for text, used in candidates:
            table_type = classify_title(text)
            near_unit = beside_unit_line(lines, index, used)
            if table_type and (
                index < top_lines or near_unit or at_page_foot(lines, index + used, next_page)
            ):
                found.append((index, table_type, clean_title(text)))
                index += used - 1
                break
        index += 1
    return found


def beside_unit_line(lines: list[str], index: int, used: int) -> bool:
    """A unit / 部门 line within two lines below the title, or just above it (a table whose title is
    its <caption>, printed under the 单位名称 … 单位：万元 line)."""
    near = lines[index + used : index + used + 2] + lines[max(index - 1, 0) : index]
    return any(_UNIT_OR_DEPT.search(line) for line in near)


_PAGE_NUMBER = re.compile(r"^(?:第\d+页(?:[,，]?共\d+页)?|-?\d+-?|\d+/\d+)$")


def at_page_foot(lines: list[str], after: int, next_page: list[str] | None) -> bool:
    """Nothing but a page number follows and the next page opens with a unit line, no title: a
    title left at the page foot, its table overleaf."""
    head = (next_page or [])[:2]
    if not has_unit_line(head) or any(looks_like_title(line) for line in head):
        return False
    return all(_PAGE_NUMBER.match(squash(line)) for line in lines[after:])


def is_other_title(line: str) -> bool:
    """A title of a table that is not a standard one (项目绩效目标表, 财政拨款支出表)."""
    return looks_like_title(line) and classify_title(line) is None and not _NOTE.match(squash(line))


def has_unknown_title(lines: list[str], top_lines: int) -> bool:
    """A title-like line (e.g. 项目绩效目标表) at the top, before any table row: a different table
    starts here (rows above it are the rest of the table the page before left open)."""
    first_row = next((i for i, line in enumerate(lines) if looks_tabular([line])), len(lines))
    return any(looks_like_title(line) for line in lines[: min(top_lines, first_row)])


_SENTENCE = re.compile(r"[，。；]|[\u4e00-\u9fff],|,[\u4e00-\u9fff]")
_PROSE_SHARE = 0.3
_MIN_SENTENCES = 3


def is_prose(lines: list[str]) -> bool:
    """A page of sentences (the narrative after the tables), not the rest of a table."""
    sentences = sum(1 for line in lines if _SENTENCE.search(line) and not _NOTE.match(squash(line)))
    return sentences >= _MIN_SENTENCES and sentences >= _PROSE_SHARE * len(lines)


def rows_before_prose(lines: list[str]) -> bool:
    """The page opens with table rows and the prose comes after them (the table ends on the page
    where the narrative begins)."""
    head = []
    for line in lines:
        if _SECTION.match(squash(line)) or (_SENTENCE.search(line) and not _NOTE.match(squash(line))):
            break
        head.append(line)
    return any(_NUMBER_ROW.search(line) for line in head)


def looks_tabular(lines: list[str]) -> bool:
    """A table row on the page (a short ordinal-led title such as 七、政府性基金预算财政拨款收入支出
    决算表 is not one: an empty table's page holds only its title, header and 说明)."""
    return any(_TABULAR.search(line) and not looks_like_title(line) for line in lines)


def is_untitled_table(lines: list[str], top_lines: int) -> bool:
    """A table page whose title is missing (an image, cut off): a unit / 部门 line at the top and
    table rows, but no title-like line and no sentences. Its header decides what it is."""
    return (
        has_unit_line(lines[:top_lines])
        and (looks_tabular(lines) or any(_HEADER_WORDS.search(line) for line in lines[: 2 * top_lines]))
        and not any(names_a_table(line) for line in lines)
        and not is_prose(lines)
    )


def route_pages(
    page_texts: list[str], top_lines: int, line_tops: list[list[float]] | None = None
) -> list[PageRoute]:
    """Pages with a recognised title, and pages that plausibly continue the table before them.
    ``line_tops[i][j]`` is the PDF y of page i+1's line j (pairs titles with tables by position)."""
    routes: list[PageRoute] = []
    open_table: str | None = None  # the type of the table the previous page left open
    after_toc = False
    for number, text in enumerate(page_texts, start=1):
        lines = page_lines(text)
        toc = is_toc_page(lines) or (after_toc and not has_unit_line(lines))
        after_toc = toc
        if not lines or toc:
            open_table = None
            continue
        if any(_SECTION.match(squash(line)) for line in lines[:3]):
            open_table = None  # 第二部分 …: nothing continues over it, but a title below it starts a table
        following = page_lines(page_texts[number]) if number < len(page_texts) else None
        titles = find_titles(lines, top_lines, following)
        unit = find_unit(text)
        # 部门收入总表（续）, or the same title printed again on every page of a long table
        continued = (
            bool(titles)
            and open_table is not None
            and (
                is_continued_title(lines[titles[0][0]])
                or (titles[0][0] < top_lines and titles[0][1] == open_table)
            )
        )
        if continued:
            titles = titles[1:]  # 部门收入总表（续）: the open table goes on
        if titles or continued:
            at_top = not continued and bool(titles) and titles[0][0] < top_lines
            kinds = [(kind, title) for _, kind, title in titles]
            tops = _tops(line_tops, number, lines)
            title_tops = [tops[index] for index, _, _ in titles] if tops else []
            known = {index + step for index, _, _ in titles for step in (0, 1)}  # a title may wrap
            others = _other_title_tops(lines, tops, known)
            routes.append(
                PageRoute(number, kinds, continued, unit, at_top, looks_tabular(lines), title_tops, others)
            )
        elif (
            open_table
            and not (open_table == UNTITLED and is_untitled_table(lines, top_lines))
            and not has_unknown_title(lines, top_lines)
            and (not is_prose(lines) or rows_before_prose(lines))
            and (looks_tabular(lines) or any(is_continuation_marker(line) for line in lines[:3]))
        ):
            others = _other_title_tops(lines, _tops(line_tops, number, lines), set())
            routes.append(PageRoute(number, [], True, unit, False, True, [], others))
        elif is_untitled_table(lines, top_lines):
            routes.append(PageRoute(number, [], False, unit, False, True, untitled=True))
            titles = [(0, UNTITLED, "")]
        else:
            open_table = None
            continue
        ended = ends_after_last_title(lines, titles[-1][0] if titles else -1)
        open_table = None if ended else (titles[-1][1] if titles else open_table)
    return routes


def ends_after_last_title(lines: list[str], last_title: int) -> bool:
    """A note (注：…) below the page's last title ends the table open at the page foot; a note
    above it ended an earlier table on the page (tables printed one after another), not that one."""
    return any(_NOTE.match(squash(line)) for line in lines[last_title + 1 :])


def _tops(line_tops: list[list[float]] | None, number: int, lines: list[str]) -> list[float]:
    """Page ``number``'s line positions, when they line up with its lines (else none)."""
    tops = line_tops[number - 1] if line_tops else []
    return tops if len(tops) == len(lines) else []


def _other_title_tops(lines: list[str], tops: list[float], skip: set[int]) -> list[float]:
    """Positions of titles of tables we do not read, outside the lines in ``skip``."""
    if not tops:
        return []
    return [tops[i] for i, line in enumerate(lines) if i not in skip and is_other_title(line)]


def toc_tables(page_texts: list[str]) -> list[str]:
    """Table types the 目录 names, in order (a cheap expectation to cross-check against)."""
    for index, text in enumerate(page_texts[:8]):
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
