"""Extraction settings: one validated dataclass so every knob is explicit and checked up front."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields

ENV_PREFIX = "COUNTYBUDGET_"  # the prefix of extract.limits.Limits too: one way to configure both
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")
CAMELOT_ENGINES = ("vector", "ghostscript", "pdfium", "poppler", "pdftopng")
UNRULED_FLAVORS = ("network", "stream", "none")


@dataclass(frozen=True)
class ExtractSettings:
    """How ``extract_document`` reads a PDF.

    Defaults were chosen by measurement on the real 决算 PDFs: lattice with the vector engine
    on the table pages only (~0.2 s for 12 pages vs ~4 s for pages='all' with the default engine);
    no ``copy_text`` (spanning header text is propagated by our own header code, so a label that
    spans a data row is never copied into an amount cell); ``strip_text`` empty (wrapped and
    letter-spaced labels are squashed by ``extract.text``); ``split_text`` on, because a right-aligned
    amount followed closely by the next cell's label is otherwise read as one string
    (``'1602.41 本年支出合计'``) — measured on the sample corpus, no change on the real PDFs.
    """

    camelot_flavor: str = "lattice"
    camelot_engine: str = "vector"
    split_text: bool = True  # text running across a ruling line is split between the cells
    line_scale: int = 15  # camelot's default; a larger value finds shorter ruling lines
    # Pages whose table rows are in the text but whose grid has no ruling lines (spreadsheets printed
    # with horizontal borders only) are read again with camelot's text-alignment flavour.
    unruled_flavor: str = "network"
    title_search_lines: int = 8  # a page title sits among the first lines of its page
    min_cjk_chars: int = 20  # fewer Chinese characters in the whole file = no text layer (a scan)
    identity_pages: int = 3  # the cover / title is on one of the first pages
    run_narrative: bool = True  # also call extract.narrative / extract.performance
    # Tables printed as pictures (a screenshot under a text title, a page that is one image) are read
    # by OCR (extract/image_pages.py); each page gets this many seconds (Limits.ocr_seconds_per_page).
    ocr_tables: bool = True
    ocr_seconds_per_page: float = 60.0

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, overrides: Mapping[str, object] | None = None
    ) -> ExtractSettings:
        """Defaults, then ``COUNTYBUDGET_LINE_SCALE=...`` style variables, then ``overrides`` (the
        Dagster run config of the ``extraction`` resource); values may be strings as in the
        environment. An unknown name or a bad value raises ``ValueError``."""
        environ = os.environ if environ is None else environ
        known = {f.name: f.type for f in fields(cls)}
        unknown = sorted(set(overrides or {}) - set(known))
        if unknown:
            raise ValueError(f"unknown extraction setting(s) {unknown}; known: {sorted(known)}")
        values: dict[str, object] = {}
        for name, kind in known.items():
            raw = environ.get(ENV_PREFIX + name.upper())
            if raw is not None and raw.strip():
                values[name] = _parse(name, str(kind), raw.strip())
        for name, value in (overrides or {}).items():
            values[name] = _parse(name, str(known[name]), value.strip()) if isinstance(value, str) else value
        return cls(**values)  # type: ignore[arg-type]

    def __post_init__(self) -> None:
        if self.camelot_flavor != "lattice":
            raise ValueError(
                f"camelot_flavor must be 'lattice' (bordered tables), got {self.camelot_flavor!r}"
            )
        if self.unruled_flavor not in UNRULED_FLAVORS:
            raise ValueError(f"unruled_flavor must be one of {UNRULED_FLAVORS}, got {self.unruled_flavor!r}")
        if self.camelot_engine not in CAMELOT_ENGINES:
            raise ValueError(f"camelot_engine must be one of {CAMELOT_ENGINES}, got {self.camelot_engine!r}")
        if not self.ocr_seconds_per_page > 0:
            raise ValueError(f"ocr_seconds_per_page must be positive, got {self.ocr_seconds_per_page!r}")
        for name in ("line_scale", "title_search_lines", "min_cjk_chars", "identity_pages"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a positive integer, got {value!r}")


def _parse(name: str, kind: str, raw: str) -> object:
    """One setting from its text form (an environment variable or a string in the run config)."""
    if kind == "bool":
        if raw.lower() not in _TRUE + _FALSE:
            raise ValueError(f"setting {name}={raw!r} is not a boolean ({'/'.join(_TRUE + _FALSE)})")
        return raw.lower() in _TRUE
    try:
        return int(raw) if kind == "int" else float(raw) if kind == "float" else raw
    except ValueError as error:
        raise ValueError(f"setting {name}={raw!r} is not a number") from error
