"""Resource limits for reading untrusted PDFs (documented in docs/limits.md).

Inputs come from hundreds of government websites; some are broken or hostile. Every limit has a
default sized for real disclosures (a few MB, under 100 pages) with a wide margin, and an
environment override ``COUNTYBUDGET_<FIELD>`` so an operator can widen one without a code change.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

ENV_PREFIX = "COUNTYBUDGET_"
MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one document may cost before it is quarantined instead of read."""

    max_bytes: int = 100 * MIB  # file size; real disclosures are 0.2-10 MB
    max_pages: int = 500  # real disclosures have 10-80 pages
    seconds_per_document: float = 120.0  # wall clock for preflight + extraction in the worker
    # RLIMIT_AS of a worker process (address space, not RSS). 4 GiB: OCR of a table image adds ~0.8 GB
    # of address space to text extraction's 1.6-1.8 GB; at 3 GiB the detector hit bad_alloc.
    memory_bytes: int = 4 * 1024 * MIB
    max_stream_bytes: int = 256 * MIB  # one stream, once inflated (decompression bombs)
    max_nesting: int = 100  # nested arrays / dictionaries in the object syntax
    max_line_bytes: int = 1 * MIB  # one line outside stream bodies
    ocr_seconds_per_page: float = 60.0  # OCR of one image-table page; over it the page is skipped (~3 s)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise ValueError(f"limit {f.name} must be a positive number, got {value!r}")
        if self.memory_bytes < 256 * MIB:
            raise ValueError(f"limit memory_bytes must be at least 256 MiB, got {self.memory_bytes}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """Defaults, overridden by ``COUNTYBUDGET_MAX_PAGES=...`` style variables."""
        environ = os.environ if environ is None else environ
        overrides: dict[str, int | float] = {}
        for f in fields(cls):
            raw = environ.get(ENV_PREFIX + f.name.upper())
            if raw is None or raw.strip() == "":
                continue
            try:
                overrides[f.name] = float(raw) if f.type == "float" else int(raw)
            except ValueError as exc:
                raise ValueError(f"{ENV_PREFIX}{f.name.upper()}={raw!r} is not a number") from exc
        return cls(**overrides)
