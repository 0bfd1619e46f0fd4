"""The walk over the page stream that turns narrative sentences into metrics.

Candidates (a label followed by an amount) are collected for every metric, then walked in text
order. An accepted candidate consumes its text and the follow-ups printed right after it (the
items after 其中, a share ``占…的x%``, a 比上年 change), so a figure inside 机关运行经费's item list
(公务接待费 0.67 万元) is not read again as the 三公 part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from extract import narrative_patterns as p
from extract.model import NarrativeMetric
from extract.page_stream import PageStream
from extract.text import normalise_label

_CHANGE_KEYS = {
    "revenue_total": "revenue_change",
    "expenditure_total": "expenditure_change",
    "three_public_total": "three_public_change",
}
_LABELS = [
    (keys, re.compile("(?P<label>" + label + ")" + p.FILL + p.AMOUNT)) for keys, label in p.AMOUNT_LABELS
]
_ZEROS = [(key, re.compile(label)) for key, label in p.ZERO_LABELS]
_PAIRS = [(budget, final, re.compile(pattern)) for budget, final, pattern in p.BUDGET_AND_FINAL]
_ITEM = re.compile(p.ITEM)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    keys: tuple[str, ...]
    amount: Decimal
    amount_at: int
    follow: bool = True
    also: tuple[tuple[str, Decimal, int], ...] = ()  # further figures the same phrase states


def to_yuan(number: str, unit: str) -> Decimal | None:
    """A printed narrative amount in yuan (exact), or None when it is not a number."""
    try:
        return (Decimal(number.replace(",", "")) * p.UNIT_FACTORS[unit]).quantize(p.CENT)
    except (InvalidOperation, KeyError):
        return None


def change_key(metric: str) -> str:
    return _CHANGE_KEYS.get(metric, f"{metric}_change")


class NarrativeReader:
    """Reads one document's stream; ``read()`` returns metrics in text order."""

    def __init__(self, stream: PageStream) -> None:
        self.stream = stream
        self.text = stream.text
        self.metrics: dict[str, NarrativeMetric] = {}
        self.last_total: tuple[str, int] | None = None

    def read(self) -> list[NarrativeMetric]:
        consumed = 0
        for candidate in sorted(self._candidates(), key=lambda c: (c.start, -c.end)):
            if candidate.start < consumed or all(k in self.metrics for k in candidate.keys):
                continue
            consumed = self._accept(candidate)
        self._read_vehicles()
        return list(self.metrics.values())

    def _candidates(self) -> list[Candidate]:
        found = []
        for keys, pattern in _LABELS:
            for m in pattern.finditer(self.text):
                amount = to_yuan(m.group("num"), m.group("unit"))
                if amount is not None and self._in_context(keys, m.start(), m.end()):
                    found.append(Candidate(m.start(), m.end(), keys, amount, m.start("num")))
        for budget, final, pattern in _PAIRS:
            for m in pattern.finditer(self.text):
                planned = to_yuan(m.group("bnum"), m.group("bunit"))
                spent = to_yuan(m.group("num"), m.group("unit"))
                if planned is not None and spent is not None:
                    found.append(
                        Candidate(
                            m.start(),
                            m.end(),
                            (final,),
                            spent,
                            m.start("num"),
                            also=((budget, planned, m.start("bnum")),),
                        )
                    )
        for key, pattern in _ZEROS:
            for m in pattern.finditer(self.text):
                if not p.TEMPLATE_INSTRUCTION.search(self.text, max(0, m.start() - 40), m.start()):
                    found.append(Candidate(m.start(), m.end(), (key,), Decimal("0.00"), m.start(), False))
        return found

    def _in_context(self, keys: tuple[str, ...], at: int, end: int) -> bool:
        """Not after a change verb (增加基本支出…); a procurement part only in a sentence that
        speaks of 政府采购 (or right after one, when it starts with 其中); the department's split not inside a sentence about one functional class."""
        if p.CHANGE_BEFORE.search(self.text[max(0, at - p.CHANGE_BEFORE_SPAN) : at]):
            return False
        sentence_start = self.text.rfind("。", 0, at) + 1
        if keys[0] in p.PROCUREMENT_PARTS:
            if self.text.startswith("其中", sentence_start):  # …总金额为X万元。其中，货物类…
                sentence_start = self.text.rfind("。", 0, max(sentence_start - 1, 0)) + 1
            return self.text.find(p.PROCUREMENT_CONTEXT, sentence_start, end) >= 0
        if keys[0] in p.CLASS_SCOPED:
            return p.CLASS_SCOPE.search(self.text, sentence_start, at) is None
        return True

    def _emit(self, key: str, value: Decimal, at: int, end: int) -> None:
        if key in self.metrics:
            return
        start = max(self.text.rfind("。", 0, at) + 1, at - 80)
        sentence = self.text[start:end][:200]
        self.metrics[key] = NarrativeMetric(key, value, self.stream.page_at(at), sentence)

    def _accept(self, c: Candidate) -> int:
        for key in c.keys:
            self._emit(key, c.amount, c.amount_at, c.end)
        for key, amount, at in c.also:
            self._emit(key, amount, at, c.end)
        pos = c.end
        if c.follow:
            pos = self._follow_ups(c, pos)
        if c.keys[0] in p.TOTAL_METRICS:
            self.last_total = (c.keys[0], c.start)
        return pos

    def _follow_ups(self, c: Candidate, pos: int) -> int:
        readers = [self._items] if c.keys[0] == "operating_cost" else []
        readers += [self._share, self._change]
        progressed = True
        while progressed and readers:
            progressed = False
            for reader in list(readers):
                new_pos = reader(c, pos)
                if new_pos is not None:
                    pos, progressed = new_pos, True
                    readers.remove(reader)
                    break
        return pos

    def _items(self, c: Candidate, pos: int) -> int | None:
        start = p.ITEMS_START.match(self.text, pos)
        if not start:
            return None
        pos, count = start.end(), 0
        while (m := _ITEM.match(self.text, pos)) is not None:
            amount = to_yuan(m.group("num"), m.group("unit"))
            if amount is None:
                break
            self._emit(
                f"operating_cost_item:{normalise_label(m.group('name'))}", amount, m.start("num"), m.end()
            )
            pos, count = m.end(), count + 1
        return pos if count else None

    def _share(self, c: Candidate, pos: int) -> int | None:
        m = p.SHARE.match(self.text, pos)
        if not m:
            return None
        base = self._share_base(m.group("base"), c.start)
        if base is not None:
            for key in c.keys:
                self._emit(f"share_pct:{key}:{base}", Decimal(m.group("pct")), m.start("pct"), m.end())
        return m.end()

    def _share_base(self, named: str, part_at: int) -> str | None:
        if p.NARROWER_BASE.search(named):  # 占财政拨款总额的…: a base we do not read
            return None
        for word, metric in p.SHARE_BASES:
            if word in named:
                return metric
        if self.last_total and "。" not in self.text[self.last_total[1] : part_at]:
            return self.last_total[0]
        return None

    def _change(self, c: Candidate, pos: int) -> int | None:
        m = p.CHANGE.match(self.text, pos)
        if m:
            amount = to_yuan(m.group("num"), m.group("unit"))
            if amount is None:
                return None
            sign = -1 if m.group("verb") in p.DOWN else 1
            for key in c.keys:
                self._emit(change_key(key), sign * amount, m.start("num"), m.end())
                if m.group("pct"):
                    self._emit(f"change_pct:{key}", sign * Decimal(m.group("pct")), m.start("pct"), m.end())
            return m.end()
        same = p.UNCHANGED.match(self.text, pos)
        if same and same.end() > pos + 1:
            for key in c.keys:
                self._emit(change_key(key), Decimal("0.00"), same.start(), same.end())
            return same.end()
        return None

    def _read_vehicles(self) -> None:
        m = p.VEHICLES.search(self.text)
        if not m:
            return
        self._emit(
            "count:vehicles_total", Decimal(m.group("count")).quantize(p.CENT), m.start("count"), m.end()
        )
        pos = m.end()
        while (item := p.VEHICLE_ITEM.match(self.text, pos)) is not None:
            name = p.VEHICLE_NAME_NOISE.sub("", normalise_label(item.group("name")))
            self._emit(
                f"count:vehicles:{name}",
                Decimal(item.group("count")).quantize(p.CENT),
                item.start("count"),
                item.end(),
            )
            pos = item.end()
