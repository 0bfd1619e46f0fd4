"""The outline identity of a list printed without codes (政府采购预算表: 合计, 货物, a 专项, its
经济科目, each item and its 采购组织形式 as rows, their level shown only by the column they start
in): every parent row is followed by its children, which sum to it, and the 合计 row sums the
top-level rows.

The lines do not say which row is whose parent, so the identity holds when some nesting of the
rows in printed order satisfies every sum: a misread amount breaks every nesting. Exact to the
fen: a list whose figures were rounded apart is left unconfirmed (never reported).
"""

from __future__ import annotations

import sys
from decimal import Decimal
from functools import cache

_MIN_ROWS = 2  # a total over a single row proves nothing a nesting could not fake


def outline_holds(total: Decimal, rows: list[Decimal]) -> bool:
    """Whether ``rows`` (in printed order) nest into complete subtrees whose roots sum to ``total``."""
    if len(rows) < _MIN_ROWS or any(amount < 0 for amount in [total, *rows]):
        return False
    fen = [int(amount * 100) for amount in rows]
    count = len(fen)

    @cache
    def ends(start: int, target: int) -> frozenset[int]:
        """Every ``end`` such that rows[start:end] are complete subtrees whose roots sum to ``target``."""
        found = {start} if target == 0 else set()
        if start < count and fen[start] <= target:
            for end in subtree_ends(start):
                found |= ends(end, target - fen[start])
        return frozenset(found)

    @cache
    def subtree_ends(root: int) -> frozenset[int]:
        """Where the subtree rooted at ``root`` may end: right after it (a leaf), or after children
        that sum to it."""
        return frozenset({root + 1} | {end for end in ends(root + 1, fen[root]) if end > root + 1})

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * count + 1000))
    try:
        return count in ends(0, int(total * 100))
    finally:
        sys.setrecursionlimit(limit)


_MAX_SPLIT_ITEMS = 24  # subset sums of more items are not worth the time


def splits_in_two(total: Decimal, values: list[Decimal]) -> bool:
    """Whether some of ``values`` add up to ``total`` exactly (the rest then make the other
    classification's total): the 支出 side of a 收支总表 listing 功能分类 and 支出用途 side by side."""
    if len(values) > _MAX_SPLIT_ITEMS or any(value < 0 for value in values):
        return False
    target = int(total * 100)
    reachable = {0}
    for value in values:
        fen = int(value * 100)
        reachable |= {sum_ + fen for sum_ in reachable if sum_ + fen <= target}
        if target in reachable:
            return True
    return target in reachable
