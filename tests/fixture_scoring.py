"""Scoring a committed set of generated fixtures (a folder with pdfs/ and truth/) against its truth:
shared by the LibreOffice and the browser producers' tests. A line matches when table_type, code,
item, measure, amount and page all equal the truth's."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from bench.extraction_recall import Score, compare, truth_keys
from extract.document import extract_document
from extract.model import ExtractedDocument, QuarantineError
from extract.settings import ExtractSettings


class FixtureSet:
    """The documents under ``root`` and, per document, the table types the reader is known to miss."""

    def __init__(self, root: Path, known_mismatch: dict[str, dict[str, str]]) -> None:
        self.root = root
        self.known_mismatch = known_mismatch
        self.truth = cache(self._truth)
        self.extract = cache(self._extract)

    def documents(self) -> list[str]:
        return sorted(
            json.loads(p.read_text(encoding="utf-8"))["file"] for p in (self.root / "truth").glob("*.json")
        )

    def _truth(self, relative: str) -> dict:
        for path in (self.root / "truth").glob("*.json"):
            truth = json.loads(path.read_text(encoding="utf-8"))
            if truth["file"] == relative:
                return truth
        raise KeyError(relative)

    def _extract(self, relative: str) -> ExtractedDocument | None:
        """The reader's result on a fixture (None when it quarantines the document)."""
        try:
            return extract_document(self.root / relative, ExtractSettings(run_narrative=False))
        except QuarantineError:
            return None

    def score(self, relative: str) -> Score:
        """The reader's lines against the truth (a quarantined document extracts no line)."""
        document = self.extract(relative)
        actual = Counter(
            (x.table_type, x.code, x.item, x.measure, f"{x.amount_yuan:.2f}", x.page)
            for x in (document.lines if document else [])
        )
        score = Score()
        compare(relative, truth_keys(self.truth(relative)), actual, score)
        return score

    @staticmethod
    def failing(score: Score) -> set[str]:
        return {t for t in score.table_types() if score.precision(t) < 1.0 or score.recall(t) < 1.0}

    def exactness_param(self, relative: str) -> object:
        """The document, as a strict xfail naming its known misses by cause when it has any."""
        known = self.known_mismatch.get(relative)
        if not known:
            return relative
        by_cause: dict[str, list[str]] = {}
        for table, cause in sorted(known.items()):
            by_cause.setdefault(cause, []).append(table)
        reason = "; ".join(f"{', '.join(tables)}: {cause}" for cause, tables in by_cause.items())
        return pytest.param(relative, marks=pytest.mark.xfail(strict=True, reason=reason))
