"""The whole bad-input corpus beside real disclosures through extract_many (preflight + the real
extract_document in worker processes): each bad file gets its reason, the good ones are read in full,
and no file is modified."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extract.document import extract_document
from extract.isolation import extract_many, extract_one
from extract.limits import Limits
from extract.model import ExtractedDocument, QuarantineError, ReasonClass
from tests.badinputs import REAL_PDFS, SMALL_FILE_LIMITS, write_bad_inputs


def snapshot(paths: list[Path]) -> dict[Path, tuple[bytes, int]]:
    return {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in paths}


def test_bad_corpus_beside_real_disclosures(tmp_path: Path, figures) -> None:
    real = sorted(REAL_PDFS.glob("*.pdf"))
    if not real:
        pytest.skip(f"real PDFs missing from {REAL_PDFS}")
    cases = write_bad_inputs(tmp_path / "bad")
    duplicate = tmp_path / "bad" / "duplicate_of_real.pdf"
    shutil.copyfile(real[0], duplicate)
    default_cases = [case for case in cases if case.limits == Limits()]
    paths = [*real, *(case.path for case in default_cases), duplicate]
    before = snapshot([*paths, *(case.path for case in cases)])

    outcomes = extract_many(paths, Limits(), workers=2)
    over_size = [
        extract_one(case.path, SMALL_FILE_LIMITS) for case in cases if case.limits == SMALL_FILE_LIMITS
    ]

    got = {p.name: o.reason for p, o in outcomes.items() if isinstance(o, QuarantineError)}
    got |= {f"over_size_limit.pdf#{i}": o.reason for i, o in enumerate(over_size)}
    want = {case.name: case.reason for case in default_cases} | {
        "duplicate_of_real.pdf": ReasonClass.DUPLICATE
    }
    want |= {"over_size_limit.pdf#0": ReasonClass.TOO_LARGE}
    assert got == want
    figures(
        f"bad-input cases tried through extract_many: {len(got)} ({len(cases)} generated classes + duplicate)"
    )
    for pdf in real:
        document = outcomes[pdf]
        assert isinstance(document, ExtractedDocument)
        assert document.lines == extract_document(pdf).lines  # loaded in full, not cut short by the batch
    assert snapshot(list(before)) == before
