"""Page texts from the PDF's text layer in reading order (pypdfium2, ~5 ms a page): routing,
identity and the narrative read these."""

from __future__ import annotations

from extract.handle import Source, borrowed
from extract.layout import TextLine, lines_text


def read_page_layouts(source: Source) -> list[list[TextLine]]:
    """``result[i]`` is page i+1's printed lines, NFKC-normalised with the radical map, top of the
    page first (not the text stream's order: see extract.layout), each with its position.
    ``source`` is a path or an open :class:`~extract.handle.PdfHandle` (whose layouts are cached)."""
    with borrowed(source) as handle:
        return handle.layouts()


def read_page_texts(source: Source) -> list[str]:
    """``result[i]`` is page i+1's text: its printed lines in reading order, one per line."""
    return [lines_text(lines) for lines in read_page_layouts(source)]


def page_lines(text: str) -> list[str]:
    """Non-blank lines of a page text, stripped."""
    return [line.strip() for line in text.split("\n") if line.strip()]
