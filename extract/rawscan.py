"""Cheap checks on a PDF's raw bytes, before any parser sees it.

Parsers (pdfium, pypdf, playa under camelot) trust the file: a stream that inflates to gigabytes,
ten thousand nested arrays or a multi-megabyte line can exhaust memory, the stack or time. These
checks bound those costs with plain byte scanning (regex, zlib with an output cap, numpy), so they
run on every file in milliseconds. They are heuristics on the object syntax, deliberately
generous: they only need to catch what no real disclosure contains.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

STREAM_START = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\n|\r)")
STREAM_END = b"endstream"
HEADER_WINDOW = 2048  # bytes before ``stream`` searched for the stream dictionary
INFLATE_STEP = 1 << 20  # inflate one MiB at a time, discarding the output
SCAN_CHUNK = 4 << 20
OBJSTM_SCAN_BYTES = 16 << 20  # object streams are inflated (up to this) to check their nesting
# Same-length markers so line lengths are unchanged: << >> and endobj become single control bytes.
_CONTROL_TO_SPACE = bytes.maketrans(b"\x01\x02\x03", b"   ")
_NOT_A_TOKEN = bytes(set(range(256)) - set(b"[]\x01\x02\x03"))


@dataclass(frozen=True)
class Stream:
    """One ``stream ... endstream`` body and the dictionary text just before it."""

    header: bytes
    start: int
    end: int


@dataclass(frozen=True)
class SyntaxShape:
    """How deep the object syntax nests and how long its longest line is (stream bodies excluded)."""

    max_nesting: int
    longest_line: int


def iter_streams(data: bytes) -> Iterator[Stream]:
    """Stream bodies in file order; an unterminated stream runs to the end of the file."""
    pos = 0
    while (match := STREAM_START.search(data, pos)) is not None:
        body_start = match.end()
        end = data.find(STREAM_END, body_start)
        end = len(data) if end < 0 else end
        window = data[max(0, match.start() - HEADER_WINDOW) : match.start()]
        header = window[window.rfind(b" obj") + 1 :] if b" obj" in window else window
        yield Stream(header=header, start=body_start, end=end)
        pos = end + len(STREAM_END)


def is_flate(stream: Stream) -> bool:
    return b"/FlateDecode" in stream.header or b"/Fl " in stream.header or b"/Fl]" in stream.header


def inflated_size(body: bytes | memoryview, cap: int) -> int:
    """Bytes the zlib body inflates to, counting stops just past ``cap``; -1 if not zlib data."""
    inflater = zlib.decompressobj()
    total = 0
    pending = body
    try:
        while pending and not inflater.eof and total <= cap:
            total += len(inflater.decompress(pending, INFLATE_STEP))
            pending = inflater.unconsumed_tail
        if total <= cap:
            total += len(inflater.flush())
    except zlib.error:
        return total if total else -1
    return total


def inflate_capped(body: bytes | memoryview, cap: int) -> bytes:
    """The first ``cap`` bytes of the inflated body (empty if it is not zlib data)."""
    try:
        return zlib.decompressobj().decompress(body, cap)
    except zlib.error:
        return b""


def outside_streams(data: bytes, streams: list[Stream]) -> bytes:
    """The file with every stream body cut out (object syntax, xref, trailer)."""
    parts, pos = [], 0
    for stream in streams:
        parts.append(data[pos : stream.start])
        pos = stream.end
    parts.append(data[pos:])
    return b"\n".join(parts)


def syntax_shape(text: bytes) -> SyntaxShape:
    """Deepest ``[``/``<<`` nesting within one object and the longest line, in bounded memory."""
    marked = (
        text.translate(_CONTROL_TO_SPACE)
        .replace(b"<<", b"\x01 ")
        .replace(b">>", b"\x02 ")
        .replace(b"endobj", b"\x03     ")
    )
    return SyntaxShape(
        max_nesting=_max_nesting(marked.translate(None, _NOT_A_TOKEN)), longest_line=_longest_line(marked)
    )


def _longest_line(text: bytes) -> int:
    last_newline, longest = -1, 0
    for offset in range(0, len(text), SCAN_CHUNK):
        chunk = np.frombuffer(text, np.uint8, count=min(SCAN_CHUNK, len(text) - offset), offset=offset)
        newlines = np.flatnonzero((chunk == 10) | (chunk == 13)) + offset
        if newlines.size:
            longest = max(longest, int((np.diff(newlines, prepend=last_newline) - 1).max()))
            last_newline = int(newlines[-1])
    return max(longest, len(text) - last_newline - 1)


def _max_nesting(tokens: bytes) -> int:
    """Deepest nesting in a sequence of open (``[`` 0x01), close (``]`` 0x02) and endobj (0x03) marks."""
    depth, baseline, deepest = 0, 0, 0
    for offset in range(0, len(tokens), SCAN_CHUNK):
        chunk = np.frombuffer(tokens, np.uint8, count=min(SCAN_CHUNK, len(tokens) - offset), offset=offset)
        delta = (chunk == 0x5B).astype(np.int8) + (chunk == 1) - (chunk == 0x5D) - (chunk == 2)
        running = np.cumsum(delta, dtype=np.int64) + depth
        positions = np.where(chunk == 3, np.arange(chunk.size), -1)
        last_boundary = np.maximum.accumulate(positions)
        base = np.where(last_boundary >= 0, running[last_boundary], baseline)
        deepest = max(deepest, int((running - base).max()))
        depth, baseline = int(running[-1]), int(base[-1])
    return deepest
