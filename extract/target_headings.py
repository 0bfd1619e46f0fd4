"""Where the performance-target tables are and whose they are (部门整体 / a named project).

A heading is a line of its own: ``…部门整体绩效目标表`` or ``<project>项目绩效目标(申报)表``.
``2024年度重点项目绩效目标申报表`` (a section title naming no project) is not a project heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.text import nfkc, squash

_PROJECT = re.compile(r"^(?:[\d.、]+)?(?P<name>.+?)项目(?:支出)?绩效目标(?:申报)?表")
_DEPARTMENT = re.compile(r"整体(?:支出)?绩效目标(?:申报)?表")
_NOT_A_NAME = re.compile(r"^(?:\d{4})?(?:年度?)?(?:重点|部门|本级|各)?$")
_NOTE_NAME = re.compile(r"项目名称[:：](?P<name>[^;；,，:：]+)")  # OCR reads ； as :


@dataclass(frozen=True)
class Heading:
    page: int  # 1-based
    line: int  # line index on the page
    text: str  # squashed heading line
    scope: str  # 'department' | 'project'
    project: str | None


def page_mentions_targets(text: str) -> bool:
    return "绩效目标" in squash(text)


def headings_on(page: int, text: str) -> list[Heading]:
    found = []
    for number, raw in enumerate(nfkc(text).splitlines()):
        line = squash(raw)
        if _DEPARTMENT.search(line):
            found.append(Heading(page, number, line, "department", None))
            continue
        match = _PROJECT.search(line)
        if match and not _NOT_A_NAME.match(match.group("name")):
            found.append(Heading(page, number, line, "project", match.group("name")))
    return found


def all_headings(page_texts: list[str]) -> list[Heading]:
    return [
        h
        for i, text in enumerate(page_texts)
        if page_mentions_targets(text)
        for h in headings_on(i + 1, text)
    ]


def project_from_note(text: str) -> str | None:
    """``项目名称：X；申报金额：…`` printed under a project table."""
    match = _NOTE_NAME.search(squash(text))
    return match.group("name") if match else None
