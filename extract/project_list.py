"""The project list printed outside a table (seed: 项目名称 项目类型 项目总预算 项目本年度预算 …).

In the squashed stream an entry reads ``3.国有企业信访维稳工作经费常年性项目7 7稳定破产…``:
an ordinal, the (unwrapped) name, a known project type, two amounts separated by a space, then
free text (用途) up to the next ordinal.
"""

from __future__ import annotations

import re

from extract.amounts import prose_yuan
from extract.model import ProjectEntry
from extract.page_stream import PageStream
from extract.text import normalise_label

_HEADER = re.compile(r"项目名称.{0,40}?(?:项目类型|本年度预算|总预算)")
_SECTION_END = re.compile(r"整体绩效|长期目标|年度目标|一级指标|绩效目标|第[一二三四五六七八九十]部分")
_UNIT = re.compile(r"单位[:：](万元|千元|元)")
_KINDS = (
    "常年性项目|一次性项目|延续性项目|经常性项目|阶段性项目|新增项目|专项项目|其他运转类项目|"
    "特定目标类项目|运转类项目|一般项目|重点项目"
)
_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_ENTRY = re.compile(
    r"(?<![\d.])\d{1,2}[.、．](?P<name>[^\d]{2,40}?)(?P<kind>" + _KINDS + r")?"
    r"(?P<total>" + _NUMBER + r") (?P<annual>" + _NUMBER + r")"
)


def _unit_before(text: str, at: int) -> str:
    units = _UNIT.findall(text, max(0, at - 400), at)
    return units[-1] if units else "万元"


def read_project_list(stream: PageStream) -> list[ProjectEntry]:
    """Entries of every project list in the stream (usually one)."""
    text, entries = stream.text, []
    for header in _HEADER.finditer(text):
        end = _SECTION_END.search(text, header.end())
        stop = end.start() if end else min(len(text), header.end() + 3000)
        unit = _unit_before(text, header.start())
        for m in _ENTRY.finditer(text, header.end(), stop):
            entries.append(
                ProjectEntry(
                    name=normalise_label(m.group("name")),
                    kind=m.group("kind"),
                    total_budget_yuan=prose_yuan(m.group("total"), unit),
                    annual_budget_yuan=prose_yuan(m.group("annual"), unit),
                    page=stream.page_at(m.start()),
                )
            )
    return entries
