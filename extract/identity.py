"""Who and what a document is about, read from its cover / title (never from the file name)."""

from __future__ import annotations

import re

from extract.model import DocumentIdentity
from extract.text import squash

_TITLE = re.compile(
    r"(?P<department>[^:：，。、\d]{2,60}?)(?P<year>20\d{2})年度?(?P<kind>部门|单位)?(?P<phase>预算|决算)"
)
# Year first: 2024年度 / 中共通城县委组织部 / 部门决算 printed on the cover in that order.
_YEAR_FIRST = re.compile(
    r"(?P<year>20\d{2})年度?(?P<department>[^:：，。、\d]{2,60}?)(?P<kind>部门|单位)(?P<phase>预算|决算)"
)
_PARTY_PREFIX = re.compile(r"^(?:中国共产党|中共)")
_REGION = re.compile(r"^(?P<name>.{2,10}?(?:自治县|自治旗|自治区|自治州|省|市|州|地区|盟|县|区|旗))")
_COUNTY_SUFFIXES = ("县", "区", "旗", "市")
_UPPER_SUFFIXES = ("省", "自治区", "市", "州", "地区", "盟")
_NOT_REGION = ("开发区", "园区", "工业区", "保税区", "景区", "社区", "城区")  # zones inside a county
# Cover / heading words before the unit name (附件2：部门决算模板, 第二部分 …).
_NOT_DEPARTMENT = re.compile(r"预算|决算|模板|公开|附件|第[一二三四五六七八九十]+部分|目录")
_PHASES = {"预算": "budget", "决算": "final"}


def find_title(text: str) -> re.Match[str] | None:
    """The first ``<unit><year>年(度)部门预算|决算`` in squashed text whose unit is a real name."""
    for match in _TITLE.finditer(squash(text)):
        if len(_department(match)) >= 2:
            return match
    return None


def _department(match: re.Match[str]) -> str:
    return _NOT_DEPARTMENT.split(match.group("department"))[-1]


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
        second = _REGION.match(rest[len(name) :])
        if (
            second is not None
            and second.group("name").endswith(_COUNTY_SUFFIXES)
            and not second.group("name").endswith(_NOT_REGION)
        ):
            return second.group("name")
    return name


def identify(page_texts: list[str], pages_to_search: int) -> DocumentIdentity | None:
    """Identity from the first pages' text, or None when no budget / 决算 title is printed."""
    pages = page_texts[:pages_to_search]
    for text in pages:
        match = find_title(text)
        if match is not None:
            department = _department(match)
            title = match.group(0)[match.end("department") - len(department) - match.start() :]
            return _identity(department, match, title)
    for text in pages:
        match = _YEAR_FIRST.search(squash(text))
        if match is not None and len(_department(match)) >= 2:
            department = _department(match)
            year_word = match.group(0)[4 : match.start("department") - match.start()]
            title = f"{department}{match.group('year')}{year_word}部门{match.group('phase')}"
            return _identity(department, match, title)
    return None


def _identity(department: str, match: re.Match[str], title: str) -> DocumentIdentity:
    return DocumentIdentity(
        county=county_of(department),
        department=department,
        fiscal_year=int(match.group("year")),
        phase=_PHASES[match.group("phase")],
        title=title,
    )
