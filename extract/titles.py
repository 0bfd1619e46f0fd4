"""Recognise a standard table from its printed title (budget and 决算 wording, numbering, variants).

Titles vary by place and year, so we match on core words (the registry's title rules, in their
order of specificity), after removing numbering (``表1``, ``附表2：``, ``一、``) and a leading unit/document name.
"""

from __future__ import annotations

import re

from extract.registry import REGISTRY, Registry
from extract.text import squash, strip_ordinal

MAX_TITLE_CHARS = 60
_NUMBERING = re.compile(
    r"^(?:附件\d*[:：]?)?附?表(?:\d+(?:[-－—.．]\d+)*|[一二三四五六七八九十]+(?=[:：、.．]))[:：、.．]?"
)
_CONTINUED = re.compile(r"[(（]?续(?:表)?[)）]?$")
_DOCUMENT_PREFIX = re.compile(r"^.*?20\d{2}年度?(?:部门|单位)?(?:预算|决算)?(?=.{4,}表$)")
_TITLE_END = re.compile(r"表$")
_QUALIFIER = re.compile(r"表[(（]([^()（）]{1,12})[)）]$")
_TRAILING_META = re.compile(
    r"(?:金额单位|单位|部门|编制单位)[:：].*$"
)  # 单位：万元 printed on the title line
_NOT_TITLE_START = ("注", "说明", "备注", "目录")


def clean_title(text: str) -> str:
    """Squashed title without numbering, ordinal, ``(续)`` marker, a qualifier after 表
    (``一般公共预算支出表（按功能分类）``) or leading document name."""
    title = _TRAILING_META.sub("", squash(text))
    title = _NUMBERING.sub("", title)
    title = strip_ordinal(title)
    title = _NUMBERING.sub("", title)
    title = _CONTINUED.sub("", title)
    title = _QUALIFIER.sub("表", title)
    return _DOCUMENT_PREFIX.sub("", title)


def _qualifier(text: str) -> str:
    match = _QUALIFIER.search(_CONTINUED.sub("", _TRAILING_META.sub("", squash(text))))
    return match.group(1) if match else ""


def looks_like_title(text: str) -> bool:
    """A short line ending in 表 that is not a note: a table title, recognised or not."""
    title = clean_title(text)
    if not title or len(title) > MAX_TITLE_CHARS or not _TITLE_END.search(title):
        return False
    raw = squash(text)
    return not raw.startswith(_NOT_TITLE_START) and not any(mark in raw for mark in ",，。;；")


_NUMBER_ONLY = re.compile(r"[\d\s]|公开|附件|附|表|续|第|号|[(（)）]")


def names_a_table(text: str) -> bool:
    """A title-like line with words in it (项目绩效目标表), not only a table number (公开 01 表)."""
    return looks_like_title(text) and bool(_NUMBER_ONLY.sub("", clean_title(text)))


def classify_title(text: str, registry: Registry = REGISTRY) -> str | None:
    """The table_type a title names, or None (not a title, or not a standard table); the words
    are the registry's title rules, tried most specific first."""
    if not looks_like_title(text):
        return None
    title = clean_title(text)
    if any(word in title for word in registry.not_standard):
        return None
    if any(word in _qualifier(text) for word in registry.other_table_qualifiers):
        return None
    if any(rule.matches(title) for rule in registry.title_exclusions):
        return None
    return next((table_type for table_type, rule in registry.title_rules if rule.matches(title)), None)


def is_continued_title(text: str) -> bool:
    """A title marked ``（续）`` / ``续表``: the same table goes on from the previous page."""
    return bool(_CONTINUED.search(_TRAILING_META.sub("", squash(text))))


def is_continuation_marker(text: str) -> bool:
    """A line such as ``续表`` or ``（续）`` announcing the previous table goes on."""
    return squash(text) in {"续表", "(续)", "(续表)", "续"}
