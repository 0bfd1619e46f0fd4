"""Page texts from the PDF's text layer in reading order (pypdfium2, ~5 ms a page): routing,
identity and the narrative read these."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from extract.layout import lines_text, page_text_lines


def read_page_texts(path: Path) -> list[str]:
    """``result[i]`` is page i+1's text, NFKC-normalised with the radical map, one printed line per
    line, top of the page first (not the text stream's order: see extract.layout)."""
    document = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            texts.append(lines_text(page_text_lines(page)))
            page.close()
        return texts
    finally:
        document.close()


def page_lines(text: str) -> list[str]:
    """Non-blank lines of a page text, stripped."""
    return [line.strip() for line in text.split("\n") if line.strip()]
