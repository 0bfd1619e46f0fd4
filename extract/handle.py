"""One document, opened once: the bytes every reader of a PDF shares.

Preflight, the page layouts, OCR, camelot and the performance-target reader used to open the file
on their own (about five opens and two parses by pdfium per document, hashed twice). A
:class:`PdfHandle` reads the file once; everything else is derived from those bytes, so every
reader sees exactly the bytes that were checked and hashed, even if the file is replaced on disk
meanwhile:

- ``data``: the bytes, read on first use (preflight checks the size before asking for them);
- ``sha256``: given by the caller who already hashed the file, else computed from ``data``;
- ``pdfium``: one ``pypdfium2.PdfDocument`` over ``data`` (loaded from memory, no file open), with
  its pages loaded once (``page``) and the page layouts in reading order cached (``layouts``);
- ``pypdf_reader()``: pypdf over an in-memory stream of ``data``;
- ``camelot_path()``: camelot 2.0 takes bytes but spills them to a new temporary file on every
  ``read_pdf`` call, and its parser (playa) opens a path; so the handle writes one temporary copy
  of ``data`` when camelot is first needed and every camelot call of the document reads that copy.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import pypdfium2 as pdfium

from extract.layout import TextLine, lines_text, page_text_lines
from extract.permissions import unlocked


class PdfHandle:
    """The document behind one path, read once; a context manager that closes what it opened."""

    def __init__(self, path: Path | str, sha256: str | None = None) -> None:
        self.path = Path(path)
        self._sha256 = sha256
        self._data: bytes | None = None
        self._pdfium: pdfium.PdfDocument | None = None
        self._pages: dict[int, pdfium.PdfPage] = {}
        self._layouts: list[list[TextLine]] | None = None
        self._camelot: Path | None = None

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def data(self) -> bytes:
        """The file's bytes: the one open of the document's path."""
        if self._data is None:
            self._data = self.path.read_bytes()
        return self._data

    @property
    def sha256(self) -> str:
        """Full hex SHA-256 of ``data`` (not recomputed when the caller already knew it)."""
        if self._sha256 is None:
            self._sha256 = hashlib.sha256(self.data).hexdigest()
        return self._sha256

    @property
    def pdfium(self) -> pdfium.PdfDocument:
        """The pdfium document over ``data``; raises ``pdfium.PdfiumError`` on an unreadable file."""
        if self._pdfium is None:
            self._pdfium = pdfium.PdfDocument(self.data)
        return self._pdfium

    def page(self, index: int) -> pdfium.PdfPage:
        """Page ``index`` (0-based), loaded once and kept until the handle closes."""
        if index not in self._pages:
            self._pages[index] = self.pdfium[index]
        return self._pages[index]

    def __len__(self) -> int:
        return len(self.pdfium)

    def layouts(self) -> list[list[TextLine]]:
        """``result[i]`` is page i+1's printed lines in reading order (``extract.layout``)."""
        if self._layouts is None:
            self._layouts = [page_text_lines(self.page(index)) for index in range(len(self))]
        return self._layouts

    def page_texts(self) -> list[str]:
        """``result[i]`` is page i+1's text, one printed line per line."""
        return [lines_text(lines) for lines in self.layouts()]

    def pypdf_reader(self):  # -> pypdf.PdfReader (imported lazily: only preflight needs pypdf)
        import pypdf

        return pypdf.PdfReader(io.BytesIO(self.data), strict=False)

    def camelot_path(self) -> str:
        """A path camelot can read holding exactly ``data``: one temporary copy per document (its
        decrypted form when the file forbids text extraction: ``extract.permissions``)."""
        if self._camelot is None:
            descriptor, name = tempfile.mkstemp(prefix="countybudget-", suffix=".pdf")
            with os.fdopen(descriptor, "wb") as copy:
                copy.write(unlocked(self.data) or self.data)
            self._camelot = Path(name)
        return str(self._camelot)

    def close(self) -> None:
        """Close pages and the pdfium document, remove the camelot copy; safe to call twice."""
        for page in self._pages.values():
            page.close()
        self._pages.clear()
        if self._pdfium is not None:
            self._pdfium.close()
            self._pdfium = None
        if self._camelot is not None:
            self._camelot.unlink(missing_ok=True)
            self._camelot = None

    def __enter__(self) -> PdfHandle:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


Source = Path | str | PdfHandle


@contextmanager
def borrowed(source: Source) -> Iterator[PdfHandle]:
    """A handle for ``source``: the caller's own (left open), or a new one closed on exit."""
    if isinstance(source, PdfHandle):
        yield source
        return
    with PdfHandle(source) as handle:
        yield handle
