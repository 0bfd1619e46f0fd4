"""preflight: every bad-input class it owns gets its reason and an exact message; real PDFs pass."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extract.inventory import document_id, find_duplicates
from extract.limits import MIB, Limits
from extract.model import QuarantineError, ReasonClass
from extract.preflight import preflight
from extract.rawscan import inflated_size, syntax_shape
from tests.badinputs import REAL_PDFS, BadInput, write_bad_inputs

PREFLIGHT_MESSAGES = {
    "not_pdf.pdf": "no %PDF- header, this is not a PDF file",
    "zero_byte.pdf": "the file is empty (0 bytes)",
    "truncated.pdf": "no %%EOF marker at the end (truncated?)",
    "corrupt.pdf": "unreadable PDF (Failed to load document (PDFium: Data format error).)",
    "encrypted.pdf": "encrypted, needs a password",
    "too_many_pages.pdf": "2000 pages is over the page limit of 500",
    "decompression_bomb.pdf": "a compressed stream at byte 306 inflates to more than 256 MiB (decompression bomb?)",
    "deeply_nested.pdf": "objects nest 5001 levels deep, over the limit of 100",
    "very_long_line.pdf": "a line of 1572983 bytes is over the limit of 1048576 bytes",
    "over_size_limit.pdf": "3.0 MiB is over the size limit of 2.0 MiB",
}
# well-formed PDFs: the extractor rejects them (a scan without a text layer is read by OCR there)
PASS_PREFLIGHT = {"not_budget.pdf", "no_tables.pdf", "scanned_no_text.pdf"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BadInput]:
    return {case.name: case for case in write_bad_inputs(tmp_path_factory.mktemp("bad"))}


def real_pdfs() -> list[Path]:
    pdfs = sorted(REAL_PDFS.glob("*.pdf"))
    if not pdfs:
        pytest.skip(f"real PDFs missing from {REAL_PDFS}")
    return pdfs


@pytest.mark.parametrize("name", sorted(PREFLIGHT_MESSAGES))
def test_preflight_quarantines_with_reason_and_message(corpus: dict[str, BadInput], name: str) -> None:
    case = corpus[name]
    before = (case.path.read_bytes(), case.path.stat().st_mtime_ns)
    with pytest.raises(QuarantineError) as caught:
        preflight(case.path, case.limits)
    assert (caught.value.reason, caught.value.message) == (case.reason, f"{name}: {PREFLIGHT_MESSAGES[name]}")
    assert (case.path.read_bytes(), case.path.stat().st_mtime_ns) == before


def test_every_generated_case_is_accounted_for(corpus: dict[str, BadInput], figures) -> None:
    assert set(corpus) == set(PREFLIGHT_MESSAGES) | PASS_PREFLIGHT
    figures(f"bad-input cases tried by preflight: {len(corpus)}")


@pytest.mark.parametrize("name", sorted(PASS_PREFLIGHT))
def test_well_formed_pdfs_pass_preflight(corpus: dict[str, BadInput], name: str) -> None:
    assert preflight(corpus[name].path, Limits()) is None


def test_real_disclosures_pass_preflight() -> None:
    for pdf in real_pdfs():
        assert preflight(pdf, Limits()) is None


def test_page_limit_from_the_environment_applies() -> None:
    pdf = real_pdfs()[0]
    limits = Limits.from_env({"COUNTYBUDGET_MAX_PAGES": "3"})
    with pytest.raises(QuarantineError) as caught:
        preflight(pdf, limits)
    assert caught.value.reason is ReasonClass.TOO_LARGE
    assert (
        caught.value.message.startswith(f"{pdf.name}: ")
        and "over the page limit of 3" in caught.value.message
    )


def test_limits_read_overrides_and_refuse_nonsense() -> None:
    limits = Limits.from_env(
        {"COUNTYBUDGET_MAX_BYTES": "1048576", "COUNTYBUDGET_SECONDS_PER_DOCUMENT": "2.5"}
    )
    assert (limits.max_bytes, limits.seconds_per_document, limits.max_pages) == (MIB, 2.5, 500)
    with pytest.raises(ValueError, match="COUNTYBUDGET_MAX_PAGES='many' is not a number"):
        Limits.from_env({"COUNTYBUDGET_MAX_PAGES": "many"})
    with pytest.raises(ValueError, match="limit max_pages must be a positive number, got 0"):
        Limits(max_pages=0)
    with pytest.raises(ValueError, match="memory_bytes must be at least 256 MiB"):
        Limits(memory_bytes=MIB)


def test_syntax_shape_counts_nesting_per_object_and_lines() -> None:
    text = b"1 0 obj\n<< /A [[1] [2 [3]]] >>\nendobj\n2 0 obj\n[[x]]\nendobj\n" + b"y" * 50
    assert syntax_shape(text).max_nesting == 4  # << [ [ [3] ] ] >>: dict, array, array, array
    assert syntax_shape(text).longest_line == 50
    unbalanced = b"1 0 obj\n[[[\nendobj\n2 0 obj\n[[\nendobj\n"  # depth resets at each endobj
    assert syntax_shape(unbalanced).max_nesting == 3


def test_inflated_size_stops_at_the_cap() -> None:
    import zlib

    body = zlib.compress(bytes(64 * MIB))
    assert inflated_size(body, 4 * MIB) == 5 * MIB  # counting stops at the first MiB step past the cap
    assert inflated_size(body, 128 * MIB) == 64 * MIB
    assert inflated_size(b"not zlib at all", MIB) == -1


def test_document_id_is_the_sha256_prefix_and_duplicates_point_to_the_first(tmp_path: Path) -> None:
    first, copy, other = tmp_path / "b.pdf", tmp_path / "a_copy.pdf", tmp_path / "c.pdf"
    first.write_bytes(b"abc")
    copy.write_bytes(b"abc")
    other.write_bytes(b"abd")
    assert document_id(first) == "ba7816bf8f01cfea" == hashlib.sha256(b"abc").hexdigest()[:16]
    unique, duplicates = find_duplicates([first, other, copy, first])
    assert unique == {"ba7816bf8f01cfea": first, document_id(other): other}
    assert duplicates == {copy: first}
