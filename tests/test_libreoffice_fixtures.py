"""Documents whose tables were printed by LibreOffice Calc (samplegen.office), read by the reader.

The fixtures (tests/fixtures/libreoffice, refreshed with ``python -m samplegen.office --fixtures``)
were made once with LibreOffice; these tests only read them, so CI needs no LibreOffice. A line
matches when table_type, code, item, measure, amount and page all equal the truth's.

KNOWN_MISMATCH names, per document, the table types the reader does not yet read exactly and
the layout cause. Each such document's exactness test is a strict xfail (it starts passing →
remove the entry), and ``test_failing_tables_are_the_known_ones`` pins the failing table types.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from samplegen.office.corpus import FIXTURE_DIR, FIXTURES, main
from samplegen.truth import validation_errors
from tests.fixture_scoring import FixtureSet
from tests.samplegen_support import page_texts, printed_forms

# Read exactly (regressions to watch): titles mixing digits and CJK (表1 财务收支预算总表,
# 青山县财政局2023年度收入支出决算总表), which LibreOffice writes after the plain cells in its
# text layer; print titles; a title row inside the grid; several tables on one page; tall rows;
# a 决算 财政拨款收支总表 without vertical rules under a 4-row header and a 三公 table sharing its
# page with two empty tables (科学技术局 2022-final); 项 names wrapped over two lines in rows too
# short for them (青山县教育局 2022-budget); a continuation page holding only the repeated header
# and the 上年结转 / 总计 rows (青山县人民医院 2023-budget).
KNOWN_MISMATCH: dict[str, dict[str, str]] = {}


FIXTURE_SET = FixtureSet(FIXTURE_DIR, KNOWN_MISMATCH)
_documents, _truth, _extract = FIXTURE_SET.documents, FIXTURE_SET.truth, FIXTURE_SET.extract
_score, _failing, _exactness_param = FIXTURE_SET.score, FIXTURE_SET.failing, FIXTURE_SET.exactness_param


def test_fixtures_validate_and_match_their_files() -> None:
    documents = _documents()
    assert len(documents) == len(FIXTURES) == 10
    for relative in documents:
        truth = _truth(relative)
        assert validation_errors(truth) == []
        pdf = (FIXTURE_DIR / relative).read_bytes()
        assert hashlib.sha256(pdf).hexdigest() == truth["sha256"]
        assert b"LibreOffice" in pdf  # the table pages were printed by LibreOffice Calc


def test_truth_lines_are_printed_on_their_pages() -> None:
    """The pages were read back from the printed PDF: every amount is on the page the truth says."""
    for relative in _documents():
        truth = _truth(relative)
        texts = page_texts(FIXTURE_DIR / relative)
        assert len(texts) == truth["pages"]
        assert [
            line
            for line in truth["lines"]
            if not any(form in texts[line["page"] - 1] for form in printed_forms(line["amount_yuan"]))
        ] == []


@pytest.mark.parametrize("relative", _documents())
def test_identity_and_tables_found(relative: str) -> None:
    truth, document = _truth(relative), _extract(relative)
    assert document is not None
    identity = document.identity
    assert (identity.county, identity.department, identity.fiscal_year, identity.phase) == (
        truth["county"],
        truth["department"],
        truth["fiscal_year"],
        truth["phase"],
    )
    assert sorted(document.tables_found) == sorted(truth["tables_present"])


@pytest.mark.parametrize("relative", [_exactness_param(r) for r in _documents()])
def test_reader_is_exact_on_libreoffice_tables(relative: str) -> None:
    score = _score(relative)
    assert {t: (score.precision(t), score.recall(t)) for t in _failing(score)} == {}


@pytest.mark.parametrize("relative", _documents())
def test_no_table_reports_an_error(relative: str) -> None:
    """No cell the reader could not read, no continuation it could not place, no empty table taken
    for an unread one (these would become findings in the warehouse)."""
    document = _extract(relative)
    assert document is not None
    assert {t.table_type: t.errors for t in document.tables if t.errors} == {}


@pytest.mark.parametrize("relative", _documents())
def test_failing_tables_are_the_known_ones(relative: str) -> None:
    """Pins which table types the reader misses per document (update KNOWN_MISMATCH as it improves)."""
    assert _failing(_score(relative)) == set(KNOWN_MISMATCH.get(relative, {}))


def test_missing_libreoffice_is_a_clear_error(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert main([str(tmp_path / "out")]) == 2
    message = capsys.readouterr().err
    assert "LibreOffice is not installed" in message
    assert "apt-get install -y libreoffice-calc-nogui fonts-wqy-zenhei" in message
    assert not (tmp_path / "out").exists()
