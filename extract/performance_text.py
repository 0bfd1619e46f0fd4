"""Targets from page text when no bordered table is found (the seed's tables are text only).

In the squashed stream a table reads ``一级指标二级指标三级指标指标值指标值确定依据…产出指标数量指标
服务中小企业数量124家计划标准新增高新企业数量10家计划标准…``: every row ends with its 依据
(计划标准 / 历史标准 / 行业标准 / 其他标准). A row starts with the level keywords it prints (merged
cells print them once), then the indicator name, then its value(s): with prior-year columns the
values are ``2022, 2023, this year`` and the last one is the target.
"""

from __future__ import annotations

import re

from extract.model import PerformanceTarget
from extract.page_stream import PageStream, build_stream
from extract.target_headings import Heading, all_headings
from extract.target_values import parse_target
from extract.text import normalise_label

_HEADER = re.compile(
    r"^(?:目标名称|[一二三]级指标|指标值确定依据|近两年指标值|预[期计]当年实现值?|指标值|\d{4}年度?"
    r"|长期绩效目标\d*|年度绩效目标\d*)+"
)
_BASIS = re.compile(r"(?:计划|历史|行业|其他)标准")
_LEVEL1_ONLY = ("产出指标", "效益指标")
_LEVELS = sorted(
    (
        "产出指标",
        "效益指标",
        "满意度指标",
        "成本指标",
        "服务对象满意度指标",
        "企业满意度指标",
        "社会效益指标",
        "经济效益指标",
        "生态效益指标",
        "可持续影响指标",
        "数量指标",
        "质量指标",
        "时效指标",
        "社会效益",
        "经济效益",
        "生态效益",
        "可持续影响",
    ),
    key=len,
    reverse=True,
)
_LEVEL = re.compile("|".join(_LEVELS))
_NUMERIC_TAIL = re.compile(r"(?:[≥≤><]?\d+(?:\.\d+)?[^\d]{0,5})+")
_NUMERIC_VALUE = re.compile(r"[≥≤><]?\d+(?:\.\d+)?[^\d]*")
_WORDS = (
    "达标",
    "有效",
    "长期",
    "及时",
    "持续",
    "显著",
    "良好",
    "明显",
    "提高",
    "提升",
    "稳定",
    "完成",
    "合格",
    "准确",
    "优秀",
    "较好",
    "逐步提高",
    "持续提升",
    "不断提高",
    "按时",
    "按期",
    "规范",
    "是",
    "否",
)
_SECTION_END = re.compile(r"第[一二三四五六七八九十]部分|名词解释")


def split_values(rest: str) -> tuple[str, list[str]] | None:
    """(indicator name, printed values) of a row's text after its level keywords."""
    for i, char in enumerate(rest):
        starts_value = (char.isdigit() or char in "≥≤><") and (i == 0 or not rest[i - 1].isdigit())
        if starts_value and _NUMERIC_TAIL.fullmatch(rest, i):
            return rest[:i], _NUMERIC_VALUE.findall(rest, i)
    for size in range(6, 0, -1):  # a qualitative value repeated over the prior-year columns
        word = rest[-size:]
        if len(rest) > 2 * size and rest.endswith(word * 2):
            count = 2
            while rest.endswith(word * (count + 1)):
                count += 1
            return rest[: -size * count], [word] * count
    for word in sorted(_WORDS, key=len, reverse=True):
        if rest.endswith(word) and len(rest) > len(word):
            return rest[: -len(word)], [word]
    return None


class _Levels:
    def __init__(self) -> None:
        self.level1: str | None = None
        self.level2: str | None = None

    def update(self, keywords: list[str]) -> None:
        if len(keywords) >= 2:
            self.level1, self.level2 = keywords[-2], keywords[-1]
        elif keywords and keywords[0] in _LEVEL1_ONLY:
            self.level1, self.level2 = keywords[0], None
        elif keywords:
            self.level2 = keywords[0]


def _rows(stream: PageStream, start: int, end: int, heading: Heading) -> list[PerformanceTarget]:
    text, found = stream.text, []
    chunks = [m.start() for m in re.finditer("一级指标", text[start:end])]
    for n, chunk_start in enumerate(chunks):
        chunk_end = chunks[n + 1] if n + 1 < len(chunks) else end - start
        body_at = start + chunk_start
        body = text[body_at : start + chunk_end]
        header = _HEADER.match(body)
        pos, levels = (header.end() if header else 0), _Levels()
        for basis in _BASIS.finditer(body, pos):
            record, record_at, pos = body[pos : basis.start()], body_at + pos, basis.end()
            keywords = list(_LEVEL.finditer(record))
            levels.update([k.group() for k in keywords])
            rest = record[keywords[-1].end() :] if keywords else record
            split = split_values(rest)
            if split is None:
                continue
            name, values = split
            number, unit = parse_target(values[-1])
            page = stream.page_at(record_at + len(record) - len("".join(values)))
            found.append(
                PerformanceTarget(
                    heading.scope,
                    heading.project,
                    levels.level1,
                    levels.level2,
                    normalise_label(name) or None,
                    values[-1],
                    number,
                    unit,
                    values[-2] if len(values) > 1 else None,
                    page,
                )
            )
    return found


def targets_from_text(page_texts: list[str]) -> list[PerformanceTarget]:
    stream = build_stream(page_texts)
    positions = []
    for heading in all_headings(page_texts):
        at = stream.text.find(heading.text, stream.starts[heading.page - 1])
        if at >= 0:
            positions.append((at, heading))
    found = []
    for n, (at, heading) in enumerate(positions):
        end = positions[n + 1][0] if n + 1 < len(positions) else len(stream.text)
        stop = _SECTION_END.search(stream.text, at, end)
        found += _rows(stream, at, stop.start() if stop else end, heading)
    return found
