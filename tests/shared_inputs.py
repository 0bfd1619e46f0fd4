"""Inputs that come from ../shared: the real PDFs (read from there, never committed) and the seed text
(committed as package data of samplegen, so tests that need it run without ../shared)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
REAL_PDFS = SHARED / "real-pdfs"
SEED_TEXT = REPO / "samplegen" / "seed" / "tongcheng-keji-2024-budget.txt"
