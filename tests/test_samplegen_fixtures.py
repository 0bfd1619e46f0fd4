"""The committed sample fixtures: valid, describing their PDFs, and current with the generator."""

from __future__ import annotations

import hashlib

from samplegen.fixtures import FIXTURE_DIR, FIXTURE_FILES
from samplegen.truth import truth_name, validation_errors
from tests.samplegen_support import demo_corpus_dir, load_truths, page_texts, printed_forms


def test_fixtures_validate_and_match_their_files() -> None:
    truths = load_truths(FIXTURE_DIR)
    assert sorted(t["file"] for t in truths) == sorted(FIXTURE_FILES)
    for truth in truths:
        assert validation_errors(truth) == []
        assert hashlib.sha256((FIXTURE_DIR / truth["file"]).read_bytes()).hexdigest() == truth["sha256"]


def test_fixture_lines_are_printed_on_their_pages() -> None:
    for truth in load_truths(FIXTURE_DIR):
        if truth["expected_status"] != "loaded":
            continue
        texts = page_texts(FIXTURE_DIR / truth["file"])
        assert [
            line
            for line in truth["lines"]
            if not any(f in texts[line["page"] - 1] for f in printed_forms(line["amount_yuan"]))
        ] == []


def test_fixtures_are_current_with_the_generator() -> None:
    """Regenerate with ``python -m samplegen.fixtures`` when this fails after a generator change."""
    corpus = demo_corpus_dir()
    for relative in FIXTURE_FILES:
        name = truth_name(relative)
        assert (FIXTURE_DIR / "truth" / name).read_bytes() == (corpus / "truth" / name).read_bytes(), name
