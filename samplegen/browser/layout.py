"""How one document's HTML report is laid out and printed: choices web report systems make."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class BrowserLayout:
    vertical_rules: bool = True  # False: horizontal rules only (CSS borders top and bottom)
    caption_title: bool = False  # the title is the table's <caption> (else a heading above it)
    repeat_header: bool = True  # <thead> repeated on every printed page
    flow: bool = False  # tables follow one another on a page (else each starts a new page)
    landscape_wide: bool = True  # wide tables on landscape pages
    zebra: bool = False  # shaded alternate body rows (filled rectangles under the text)
    letter_spaced: bool = False  # header labels letter-spaced (CSS letter-spacing)
    footer: bool = True  # a 第 N 页 footer from CSS @page margin boxes is not supported: a text line


def draw_layout(rng: random.Random) -> BrowserLayout:
    """A random but reproducible layout for one document."""
    return BrowserLayout(
        vertical_rules=rng.random() < 0.7,
        caption_title=rng.random() < 0.4,
        repeat_header=rng.random() < 0.8,
        flow=rng.random() < 0.4,
        landscape_wide=rng.random() < 0.7,
        zebra=rng.random() < 0.3,
        letter_spaced=rng.random() < 0.3,
    )
