"""Cheap gate every file passes before extraction: is it a readable, bounded PDF?

Runs on every inbox file, so it only reads bytes, scans them with C-speed tools and asks pdfium
(and pypdf) to open them; no rendering, no table detection. A file that fails raises
``QuarantineError`` naming the file and the reason, and is never modified. Given a
:class:`~extract.handle.PdfHandle`, it works on the handle's bytes and pdfium document, which
extraction then reuses (the file is read once).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.handle import PdfHandle, Source, borrowed
from extract.limits import MIB, Limits
from extract.model import QuarantineError, ReasonClass
from extract.rawscan import (
    OBJSTM_SCAN_BYTES,
    inflate_capped,
    inflated_size,
    is_flate,
    iter_streams,
    outside_streams,
    syntax_shape,
)

PDF_MAGIC = b"%PDF-"
MAGIC_WINDOW = 1024  # the spec lets a few junk bytes precede the header
EOF_MARKER = b"%%EOF"
EOF_WINDOW = 4096  # servers sometimes append a little junk after %%EOF


def preflight(source: Source, limits: Limits) -> None:
    """Raise ``QuarantineError`` unless ``source`` (a path or a handle) is a PDF we can afford to extract."""
    with borrowed(source) as handle:
        path = handle.path
        data = _read_bounded(handle, limits)
        _check_markers(path, data)
        _check_raw_syntax(path, data, limits)
        _check_with_pdfium(
            handle, limits
        )  # a file without a text layer is a scan: extraction reads it by OCR
        _check_with_pypdf(handle)


def _read_bounded(handle: PdfHandle, limits: Limits) -> bytes:
    path = handle.path
    size = path.stat().st_size
    if size == 0:
        raise QuarantineError(ReasonClass.NOT_PDF, f"{path.name}: the file is empty (0 bytes)")
    if size > limits.max_bytes:
        raise QuarantineError(
            ReasonClass.TOO_LARGE,
            f"{path.name}: {size / MIB:.1f} MiB is over the size limit of {limits.max_bytes / MIB:.1f} MiB",
        )
    return handle.data


def _check_markers(path: Path, data: bytes) -> None:
    if PDF_MAGIC not in data[:MAGIC_WINDOW]:
        raise QuarantineError(ReasonClass.NOT_PDF, f"{path.name}: no %PDF- header, this is not a PDF file")
    if EOF_MARKER not in data[-EOF_WINDOW:]:
        raise QuarantineError(ReasonClass.CORRUPT, f"{path.name}: no %%EOF marker at the end (truncated?)")


def _check_raw_syntax(path: Path, data: bytes, limits: Limits) -> None:
    """Decompression bombs, deep nesting and very long lines, found without a parser."""
    streams = list(iter_streams(data))
    view = memoryview(data)
    nested_texts = [outside_streams(data, streams)]
    for stream in streams:
        if not is_flate(stream):
            continue
        body = view[stream.start : stream.end]
        size = inflated_size(body, limits.max_stream_bytes)
        if size > limits.max_stream_bytes:
            raise QuarantineError(
                ReasonClass.TOO_LARGE,
                f"{path.name}: a compressed stream at byte {stream.start} inflates to more than "
                f"{limits.max_stream_bytes / MIB:.0f} MiB (decompression bomb?)",
            )
        if b"/ObjStm" in stream.header:
            nested_texts.append(inflate_capped(body, OBJSTM_SCAN_BYTES))
    for text in nested_texts:
        shape = syntax_shape(text)
        if shape.max_nesting > limits.max_nesting:
            raise QuarantineError(
                ReasonClass.TOO_LARGE,
                f"{path.name}: objects nest {shape.max_nesting} levels deep, over the limit of "
                f"{limits.max_nesting}",
            )
        if shape.longest_line > limits.max_line_bytes:
            raise QuarantineError(
                ReasonClass.TOO_LARGE,
                f"{path.name}: a line of {shape.longest_line} bytes is over the limit of "
                f"{limits.max_line_bytes} bytes",
            )


def _check_with_pdfium(handle: PdfHandle, limits: Limits) -> None:
    """Open with pdfium and count the pages."""
    path = handle.path
    try:
        pages = len(handle)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise QuarantineError(ReasonClass.ENCRYPTED, f"{path.name}: encrypted, needs a password") from exc
        raise QuarantineError(ReasonClass.CORRUPT, f"{path.name}: unreadable PDF ({exc})") from exc
    if pages == 0:
        raise QuarantineError(ReasonClass.CORRUPT, f"{path.name}: the PDF has no pages")
    if pages > limits.max_pages:
        raise QuarantineError(
            ReasonClass.TOO_LARGE,
            f"{path.name}: {pages} pages is over the page limit of {limits.max_pages}",
        )


def _check_with_pypdf(handle: PdfHandle) -> None:
    """pypdf must agree the file opens; camelot's parser is no more lenient than pdfium."""
    path = handle.path
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = handle.pypdf_reader()
        if reader.is_encrypted and not reader.decrypt(""):
            raise QuarantineError(ReasonClass.ENCRYPTED, f"{path.name}: encrypted, needs a password")
        len(reader.pages)
    except QuarantineError:
        raise
    except Exception as exc:  # pypdf raises many types on broken files
        raise QuarantineError(ReasonClass.CORRUPT, f"{path.name}: pypdf cannot read it ({exc})") from exc
