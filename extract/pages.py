"""Page texts from the PDF's text layer (pypdfium2, ~1 ms a page): routing and identity read these."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from extract.text import nfkc


def read_page_texts(path: Path) -> list[str]:
    """``result[i]`` is page i+1's text, NFKC-normalised with the radical map (line breaks kept)."""
    document = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(nfkc(textpage.get_text_range()).replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def page_lines(text: str) -> list[str]:
    """Non-blank lines of a page text, stripped."""
    return [line.strip() for line in text.split("\n") if line.strip()]
