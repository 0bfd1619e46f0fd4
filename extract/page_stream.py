"""Page texts joined into one searchable stream, with a way back from an offset to its page.

Narrative sentences wrap mid-sentence at line ends and at page breaks, so the readers search one
stream with the line breaks (and all other whitespace) removed. A space is kept only between two
digits so that ``200 200`` (two table cells) does not become ``200200``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from extract.text import nfkc

# Lines that are only a page number (``5``, ``- 5 -``, ``第5页``, ``第 5 页 共 24 页``).
_PAGE_NUMBER_LINE = re.compile(r"^\s*(?:[-—–]\s*\d+\s*[-—–]|\d+|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)\s*$")
_SPACE_RUN = re.compile(r"\s+")


@dataclass(frozen=True)
class PageStream:
    """The joined text and the stream offset at which each page starts (index 0 = page 1)."""

    text: str
    starts: tuple[int, ...]

    def page_at(self, offset: int) -> int:
        """The 1-based page that holds stream offset ``offset``."""
        return max(1, bisect_right(self.starts, offset))


def squash_page(text: str) -> str:
    """NFKC, a page-number line at the top or bottom dropped, whitespace removed except one space
    between digits."""
    lines = [line for line in nfkc(text).splitlines() if line.strip()]
    if lines and _PAGE_NUMBER_LINE.match(lines[-1]):
        lines.pop()
    if lines and _PAGE_NUMBER_LINE.match(lines[0]):
        lines.pop(0)
    joined = "\n".join(lines)
    return _SPACE_RUN.sub(_keep_between_digits(joined), joined)


def _keep_between_digits(text: str):
    def replace(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        before = text[start - 1] if start > 0 else ""
        after = text[end] if end < len(text) else ""
        return " " if before.isdigit() and after.isdigit() else ""

    return replace


def build_stream(page_texts: list[str]) -> PageStream:
    """Join every page (squashed) into one stream; a page break joins like a line break."""
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for page_text in page_texts:
        squashed = squash_page(page_text or "")
        if parts and parts[-1][-1:].isdigit() and squashed[:1].isdigit():
            squashed = " " + squashed
        starts.append(offset)
        parts.append(squashed)
        offset += len(squashed)
    return PageStream("".join(parts), tuple(starts))
