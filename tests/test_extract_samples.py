"""The generated demo corpus (both phases, every table type): exact lines, identity and tables."""

from __future__ import annotations

import pytest

from bench.extraction_recall import score_corpus
from extract.model import TABLE_TYPES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def score(tmp_path_factory):
    from samplegen.corpus import write_corpus

    outdir = tmp_path_factory.mktemp("demo-corpus")
    write_corpus(outdir, size="demo")
    return score_corpus(outdir)


def test_every_table_type_exact(score):
    figures = {t: (score.precision(t), score.recall(t)) for t in score.table_types()}
    assert figures == {t: (1.0, 1.0) for t in figures}
    assert set(figures) == set(TABLE_TYPES)
    assert sum(score.matched.values()) > 15000


def test_identity_tables_and_no_cell_errors(score):
    assert score.problems == []
