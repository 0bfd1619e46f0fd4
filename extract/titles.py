"""Recognise a standard table from its printed title (budget and 决算 wording, numbering, variants).

Titles vary by place and year, so we match on core words in a fixed order of specificity, after
removing numbering (``表1``, ``附表2：``, ``一、``) and a leading unit/document name.
"""

from __future__ import annotations

import re

from extract.text import squash, strip_ordinal

MAX_TITLE_CHARS = 60
_NUMBERING = re.compile(
    r"^(?:附件\d*[:：]?)?附?表(?:\d+(?:[-－—.．]\d+)*|[一二三四五六七八九十]+(?=[:：、.．]))[:：、.．]?"
)
_CONTINUED = re.compile(r"[(（]?续(?:表)?[)）]?$")
_DOCUMENT_PREFIX = re.compile(r"^.*?20\d{2}年度?(?:部门|单位)?(?:预算|决算)?(?=.{4,}表$)")
_TITLE_END = re.compile(r"表$")
_QUALIFIER = re.compile(r"表[(（]([^()（）]{1,12})[)）]$")
# A qualifier that makes the table another one than its words say: 一般公共预算支出表（按经济分类）
# lists basic and project spending by economic class, which is not the functional table.
_OTHER_TABLE_QUALIFIERS = ("经济分类",)
_TRAILING_META = re.compile(
    r"(?:金额单位|单位|部门|编制单位)[:：].*$"
)  # 单位：万元 printed on the title line
_NOT_TITLE_START = ("注", "说明", "备注", "目录")
_NOT_STANDARD = ("绩效",)  # 项目支出绩效目标表 etc. belong to extract.performance

# (table_type, all of these words, none of these words) — first match wins.
_RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("three_public", ("三公",), ()),
    ("government_fund_expenditure", ("政府性基金",), ()),
    ("state_capital_expenditure", ("国有资本经营",), ()),
    ("procurement", ("政府采购",), ()),
    ("project_expenditure", ("项目支出",), ()),
    ("basic_expenditure_economic", ("基本支出",), ()),
    ("general_budget_expenditure", ("一般公共预算", "支出"), ("机关运行经费",)),
    ("fiscal_summary", ("财政拨款", "收支"), ()),
    ("fiscal_summary", ("财政拨款", "收入支出"), ()),
    ("summary", ("收支",), ()),
    ("summary", ("收入支出",), ()),
    ("revenue", ("收入",), ("非税",)),
    ("expenditure", ("支出",), ("机关运行经费", "财政拨款")),  # 财政拨款支出表 covers one source only
)


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


def classify_title(text: str) -> str | None:
    """The table_type a title names, or None (not a title, or not a standard table)."""
    if not looks_like_title(text):
        return None
    title = clean_title(text)
    if any(word in title for word in _NOT_STANDARD):
        return None
    if any(word in _qualifier(text) for word in _OTHER_TABLE_QUALIFIERS):
        return None
    if "财政拨款基本支出" in title and "一般公共预算" not in title:
        return None  # 财政拨款基本支出预算表 covers every fiscal fund, not the 一般公共预算 table
    for table_type, required, forbidden in _RULES:
        if all(word in title for word in required) and not any(word in title for word in forbidden):
            return table_type
    return None


def is_continued_title(text: str) -> bool:
    """A title marked ``（续）`` / ``续表``: the same table goes on from the previous page."""
    return bool(_CONTINUED.search(_TRAILING_META.sub("", squash(text))))


def is_continuation_marker(text: str) -> bool:
    """A line such as ``续表`` or ``（续）`` announcing the previous table goes on."""
    return squash(text) in {"续表", "(续)", "(续表)", "续"}
