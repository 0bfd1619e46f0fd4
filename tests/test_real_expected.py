"""extract_document on real disclosures from several sources against hand-checked expected files.

Each ``tests/expected/real/<folder>--<name>.json`` holds every printed amount of the first five
standard tables of one corpus document, read independently of our reader (pdftotext word boxes)
and checked by eye against page renders. A document the reader does not match yet is a strict
xfail with a one-line reason, so a reader fix turns it red and the mark must go.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from extract.document import extract_document
from extract.model import ExtractedDocument
from extract.settings import ExtractSettings

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "real-pdfs" / "corpus"
EXPECTED_DIR = Path(__file__).resolve().parent / "expected" / "real"
FIVE = ("summary", "revenue", "expenditure", "fiscal_summary", "general_budget_expenditure")
SETTINGS = ExtractSettings(run_narrative=False)  # these tests are about tables and identity only
AMOUNT = re.compile(r"^-?\d+\.\d{2}$")

# expected-file stem -> what the current reader gets wrong in the five tables (one line).
KNOWN_MISMATCH: dict[str, str] = {}
# expected-file stem -> what the current reader gets wrong in the identity.
KNOWN_IDENTITY_MISMATCH: dict[str, str] = {}

Row = tuple[str, str | None, str | None, str, Decimal, int]


def _params(known: dict[str, str]) -> list:
    params = []
    for path in sorted(EXPECTED_DIR.glob("*.json")):
        marks = [pytest.mark.xfail(strict=True, reason=known[path.stem])] if path.stem in known else []
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _extract(relative: str) -> ExtractedDocument:
    """One extraction per document for the whole module (table and identity tests share it)."""
    pdf = CORPUS / relative
    if not pdf.exists():
        pytest.skip(f"real PDF not available at {pdf} (shared folder missing)")
    return extract_document(pdf, SETTINGS)


def _expected_rows(expected: dict) -> Counter[Row]:
    keys = ("table_type", "code", "item", "measure", "amount_yuan", "page")
    return Counter(
        tuple(Decimal(r[k]) if k == "amount_yuan" else r[k] for k in keys) for r in expected["lines"]
    )


def _actual_rows(doc: ExtractedDocument) -> Counter[Row]:
    return Counter(
        (x.table_type, x.code, x.item, x.measure, x.amount_yuan, x.page)
        for x in doc.lines
        if x.table_type in FIVE
    )


def _diff(expected: Counter[Row], actual: Counter[Row]) -> str:
    missing = sorted((expected - actual).elements(), key=str)
    extra = sorted((actual - expected).elements(), key=str)
    shown = [f"missing {len(missing)}, extra {len(extra)}"]
    shown += [f"  - {r}" for r in missing[:25]] + [f"  + {r}" for r in extra[:25]]
    return "\n".join(shown)


def test_expected_files_exist():
    assert list(EXPECTED_DIR.glob("*.json")), f"no expected files in {EXPECTED_DIR}"


@pytest.mark.parametrize("path", _params({}))
def test_expected_file_is_well_formed(path: Path):
    """Shape and arithmetic of the hand-written file itself (a typo in it shows here, no PDF needed)."""
    expected = _load(path)
    assert {"file", "checked", "county", "department", "fiscal_year", "phase", "tables", "lines"} <= set(
        expected
    )
    assert expected["phase"] in ("budget", "final")
    pages = {t["table_type"]: set(t["pages"]) for t in expected["tables"]}
    assert set(pages) <= set(FIVE)
    for line in expected["lines"]:
        assert line["table_type"] in pages and line["page"] in pages[line["table_type"]], line
        assert AMOUNT.match(line["amount_yuan"]), line
        assert line["code"] is None or line["code"].isdigit(), line
    rows = _expected_rows(expected)
    assert max(rows.values()) == 1, "a line is listed twice"
    _assert_classes_add_up(rows)


def _assert_classes_add_up(rows: Counter[Row]) -> None:
    """In coded tables, the 类 (3-digit) rows add up to the one uncoded total row, per measure,
    within the half-unit rounding the disclosures warn about (0.01 万元 per summed row)."""
    for table in ("revenue", "expenditure", "general_budget_expenditure"):
        lines = [r for r in rows if r[0] == table]
        for measure in {r[3] for r in lines}:
            totals = [r[4] for r in lines if r[3] == measure and r[1] is None]
            classes = [r[4] for r in lines if r[3] == measure and r[1] is not None and len(r[1]) == 3]
            if len(totals) == 1 and classes:
                assert abs(sum(classes) - totals[0]) <= Decimal(100) * len(classes), (table, measure)


@pytest.mark.parametrize("path", _params(KNOWN_MISMATCH))
def test_five_tables_match_hand_checked_file(path: Path):
    expected = _load(path)
    doc = _extract(expected["file"])
    want, got = _expected_rows(expected), _actual_rows(doc)
    assert got == want, _diff(want, got)


@pytest.mark.parametrize("path", _params(KNOWN_IDENTITY_MISMATCH))
def test_identity_matches_hand_checked_file(path: Path):
    expected = _load(path)
    identity = _extract(expected["file"]).identity
    assert (identity.county, identity.department, identity.fiscal_year, identity.phase) == (
        expected["county"],
        expected["department"],
        expected["fiscal_year"],
        expected["phase"],
    )
    if "budget_unit" in expected:
        assert getattr(identity, "budget_unit", None) == expected["budget_unit"]
