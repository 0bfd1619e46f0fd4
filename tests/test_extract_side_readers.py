"""A failing narrative / target reader is logged and never costs the document its tables."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import extract.document
from extract.document import extract_document

PUTUO = Path(__file__).resolve().parents[2] / "shared" / "real-pdfs" / "putuo-shehui-gongzuobu-2024-final.pdf"
pytestmark = pytest.mark.skipif(not PUTUO.is_file(), reason=f"real PDF not found at {PUTUO}")


def test_a_crashing_target_reader_leaves_tables_and_narrative(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(path: Path, page_texts: list[str], *settings: object) -> list:
        raise RuntimeError("camelot exploded")

    monkeypatch.setattr(extract.document, "extract_targets", broken)
    with caplog.at_level(logging.WARNING, logger="extract.document"):
        document = extract_document(PUTUO)
    assert len(document.lines) == 205
    assert len(document.tables) == 9
    assert document.narrative  # the other readers still ran
    assert document.targets == []
    assert caplog.messages == [f"{PUTUO.name}: reading targets failed: RuntimeError('camelot exploded')"]
