"""Scanned pages (form b): the scan generator and the clean-up before OCR (no OCR engine here)."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium
import pytest

from extract.ocr.cells import _amount_text
from extract.ocr.page_image import page_needs_ocr
from extract.ocr.preprocess import (
    deskew,
    estimate_skew,
    flatten_background,
    prepare,
    reduce,
    without_stamp,
)
from extract.scanned import page_image
from samplegen.scan import FIXTURE_DIR, FIXTURE_FILE, write_fixture
from samplegen.truth import truth_name

PDF = FIXTURE_DIR / FIXTURE_FILE
SCANS = json.loads((FIXTURE_DIR / "scans" / truth_name(FIXTURE_FILE)).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def images() -> list[tuple[np.ndarray, int]]:
    document = pdfium.PdfDocument(str(PDF))
    try:
        return [(np.asarray(image), dpi) for image, dpi in (page_image(page, 200) for page in document)]
    finally:
        document.close()


def test_fixture_is_what_the_generator_writes(tmp_path: Path) -> None:
    write_fixture(tmp_path / "scanned")
    for relative in (FIXTURE_FILE, f"truth/{truth_name(FIXTURE_FILE)}", f"scans/{truth_name(FIXTURE_FILE)}"):
        assert (tmp_path / "scanned" / relative).read_bytes() == (FIXTURE_DIR / relative).read_bytes(), (
            relative
        )


def test_scanned_pdf_is_images_only() -> None:
    document = pdfium.PdfDocument(str(PDF))
    try:
        assert len(document) == 5
        for page in document:
            textpage = page.get_textpage()
            assert textpage.count_chars() == 0
            textpage.close()
            assert page_needs_ocr(page)
    finally:
        document.close()
    assert [s["angle"] for s in SCANS] == [0.26, 0.47, 0.01, -0.5, -0.35]
    assert [s["stamp"] for s in SCANS] == [None, None, [1073, 1199, 140], None, None]
    truth = json.loads((FIXTURE_DIR / "truth" / truth_name(FIXTURE_FILE)).read_text(encoding="utf-8"))
    assert (truth["pages"], len(truth["lines"]), len(truth["narrative"]), len(truth["targets"])) == (
        5,
        118,
        15,
        0,
    )
    assert sorted({line["page"] for line in truth["lines"]}) == [3, 4, 5]


def test_skew_found_within_five_hundredths_of_a_degree(images: list[tuple[np.ndarray, int]]) -> None:
    found = [prepare(image, dpi).angle for image, dpi in images]
    assert found == [0.27, 0.5, 0.0, -0.5, -0.35]
    assert all(abs(a - s["angle"]) <= 0.05 for a, s in zip(found, SCANS, strict=True))


def test_deskew_undoes_a_known_rotation() -> None:
    page = np.full((800, 600), 255, np.uint8)
    for y in range(80, 760, 40):  # ruling lines, 3 pixels, soft edges
        page[y : y + 3, 50:550] = 0
    page = cv2.GaussianBlur(page, (0, 0), 0.8)
    assert estimate_skew(page) == 0.0  # a level page is level (not the first of equal angles)
    turned = deskew(page, -1.2)  # turned 1.2° counter-clockwise
    assert estimate_skew(turned) == 1.23
    assert estimate_skew(deskew(turned, 1.23)) == 0.0


def test_seal_removed_text_under_it_kept() -> None:
    paper = np.full((60, 60, 3), 225, np.uint8)
    paper[10:50, 10:50] = (185, 30, 35)  # seal ink
    paper[28:32, 5:55] = (20, 5, 5)  # a ruling line printed under the seal
    gray, seal = without_stamp(paper)
    assert int(seal.sum()) == 44 * 44 - 4 * 44  # the seal and a 2-pixel rim, less the line across it
    assert not seal[28:32].any()
    assert int(gray[30, 30]) == 20


def test_stamped_fixture_page(images: list[tuple[np.ndarray, int]]) -> None:
    image, dpi = images[2]
    assert image.ndim == 3 and dpi == 200
    prepared = prepare(image, dpi)
    assert prepared.stamp_pixels == 16709
    assert int((prepared.gray < 128).sum()) < int((prepare(image[:, :, 1], dpi).gray < 128).sum())


def test_flatten_brings_uneven_paper_to_white() -> None:
    ramp = np.linspace(200, 240, 400, dtype=np.float32)[None, :].repeat(300, axis=0)
    ramp[100:140, 100:300] = 30  # a block of ink
    flat = flatten_background(ramp.astype(np.uint8), 200)
    paper = np.ones(flat.shape, bool)
    paper[100:140, 100:300] = False
    assert (int(np.median(flat[paper])), int(flat[paper].min()), int(flat[120, 200])) == (253, 251, 51)


def test_reduce_only_shrinks_finer_scans() -> None:
    image = np.zeros((3508, 2481), np.uint8)
    assert reduce(image, 300, 200)[0].shape == (2339, 1654)
    assert reduce(image, 150, 200)[1] == 150


def test_thousands_separators_read_as_points_are_dropped() -> None:
    # seen on a 300 dpi scan under a seal: 398,174.00 read 398.174.00 (parse_amount refuses it)
    assert [_amount_text(t) for t in ("398.174.00", "2919,779.00", "-1.234.567.89", "12.34", "1,23.00")] == [
        "398174.00",
        "2919779.00",
        "-1234567.89",
        "12.34",
        "1,23.00",
    ]
