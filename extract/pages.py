"""Page texts from the PDF's text layer in reading order (pypdfium2, ~5 ms a page): routing,
identity and the narrative read these."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from extract.layout import TextLine, lines_text, page_text_lines


def read_page_layouts(path: Path) -> list[list[TextLine]]:
    """``result[i]`` is page i+1's printed lines, NFKC-normalised with the radical map, top of the
    page first (not the text stream's order: see extract.layout), each with its position."""
    document = pdfium.PdfDocument(str(path))
    try:
        layouts = []
        for index in range(len(document)):
            page = document[index]
            layouts.append(page_text_lines(page))
            page.close()
        return layouts
    finally:
        document.close()


def read_page_texts(path: Path) -> list[str]:
    """``result[i]`` is page i+1's text: its printed lines in reading order, one per line."""
    return [lines_text(lines) for lines in read_page_layouts(path)]


def page_lines(text: str) -> list[str]:
    """Non-blank lines of a page text, stripped."""
    return [line.strip() for line in text.split("\n") if line.strip()]
