"""Partition ranges: a batch registered in one request is contiguous, so one range run covers it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def contiguous_ranges(wanted: Iterable[str], registered: Sequence[str]) -> list[tuple[str, str]]:
    """Cover exactly ``wanted`` with as few (first, last) ranges of ``registered`` order as possible.

    Usually one range (a fresh batch is registered last); several when an earlier batch never ran.
    """
    wanted_set = set(wanted)
    ranges: list[tuple[str, str]] = []
    start: str | None = None
    previous: str | None = None
    for key in registered:
        if key in wanted_set:
            start = key if start is None else start
            previous = key
        elif start is not None and previous is not None:
            ranges.append((start, previous))
            start = previous = None
    if start is not None and previous is not None:
        ranges.append((start, previous))
    return ranges
