"""The messy corpus's scans (no text layer) are read by OCR, then quarantined for what OCR found:
the scanned cover and 目录 of a budget has its identity but no table and no narrative
(``no_tables``), the scanned meeting notice has no budget title (``not_budget``)."""

from __future__ import annotations

import pytest

from extract.document import extract_document
from extract.model import QuarantineError
from samplegen.messy import MESSY
from tests.samplegen_support import demo_corpus_dir, truth_of


@pytest.mark.parametrize(
    ("name", "reason", "message"),
    [
        ("扫描件-预算公开.pdf", "no_tables", "no standard table title and no narrative figure found"),
        (
            "扫描件-会议通知.pdf",
            "not_budget",
            "no text layer, and no 部门预算/部门决算 title read by OCR on its first page",
        ),
    ],
)
def test_messy_scans_are_read_by_ocr_and_quarantined_for_what_it_found(
    name: str, reason: str, message: str
) -> None:
    corpus = demo_corpus_dir()
    with pytest.raises(QuarantineError) as caught:
        extract_document(corpus / MESSY / name)
    assert (caught.value.reason.value, caught.value.message) == (reason, f"{name}: {message}")
    assert truth_of(corpus, f"{MESSY}/{name}")["reason_class"] == reason
