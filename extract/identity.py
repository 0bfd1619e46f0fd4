"""Who and what a document is about, read from its cover / title (never from the file name)."""

from __future__ import annotations

import re

from extract.model import DocumentIdentity
from extract.text import squash

_TITLE = re.compile(
    r"(?P<department>[^:：，。、\d]{2,60}?)(?P<year>20\d{2})年度?(?P<kind>部门|单位)?(?P<phase>预算|决算)"
)
_PARTY_PREFIX = re.compile(r"^(?:中国共产党|中共)")
_REGION = re.compile(r"^(?P<name>.{2,10}?(?:自治县|自治旗|自治区|自治州|省|市|州|地区|盟|县|区|旗))")
_COUNTY_SUFFIXES = ("县", "区", "旗", "市")
_UPPER_SUFFIXES = ("省", "自治区", "市", "州", "地区", "盟")
_NOT_DEPARTMENT = re.compile(r"预算|决算|模板|公开|附件")  # cover words before the unit name
_PHASES = {"预算": "budget", "决算": "final"}


def find_title(text: str) -> re.Match[str] | None:
    """The first ``<unit><year>年(度)部门预算|决算`` in squashed text."""
    return _TITLE.search(squash(text))


def county_of(department: str) -> str:
    """The county-level region a department belongs to, as printed.

    ``白石县教育局`` → 白石县; ``中共上海市普陀区委社会工作部`` → 普陀区 (a province or municipality
    prefix is skipped when a county-level region follows it); ``上海市XX局`` → 上海市.
    """
    rest = _PARTY_PREFIX.sub("", department)
    first = _REGION.match(rest)
    if first is None:
        return ""
    name = first.group("name")
    if name.endswith(_UPPER_SUFFIXES):
        second = _REGION.match(rest[len(name):])
        if second is not None and second.group("name").endswith(_COUNTY_SUFFIXES):
            return second.group("name")
    return name


def identify(page_texts: list[str], pages_to_search: int) -> DocumentIdentity | None:
    """Identity from the first pages' text, or None when no budget / 决算 title is printed."""
    for text in page_texts[:pages_to_search]:
        match = find_title(text)
        if match is None:
            continue
        department = _NOT_DEPARTMENT.split(match.group("department"))[-1]
        return DocumentIdentity(
            county=county_of(department),
            department=department,
            fiscal_year=int(match.group("year")),
            phase=_PHASES[match.group("phase")],
            title=match.group(0)[match.end("department") - len(department) - match.start():],
        )
    return None
